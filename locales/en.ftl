# dkimcheck — English catalog. Every sentence a person reads, in the CLI, the page, the widget
# and the reports, is a message here (and in fr.ftl, with the same ids). Syntax: Project Fluent
# (https://projectfluent.org/fluent/guide/). Keep each message on one line unless its line
# breaks are meant (the CLI's help). The tests fail when an id is missing from a catalog or
# when code uses an id that is in none.

## Building blocks

# Two sentences of one explanation, one after the other.
two-sentences = { $a } { $b }
# A list: the items so far, then one more.
list-more = { $list }, { $item }
unknown-domain = an unknown domain
unknown-key-name = its key
# A date as the page's Intl writes it for "en" (dateStyle: long).
date-long = { $month } { $day }, { $year }
# The day of the month in a date (a number).
date-day = { $day }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# A month of a year: "January 2012".
date-month = { $month } { $year }

## Report: the headline of a message (what its assessment means), then its caveats

headline-unsigned = This message has no DKIM signature, so nothing can be verified about where it came from.
headline-verified = Signed by { $domain }. Nothing in the signed parts has changed since.
headline-verified-misaligned = Signed by { $domain }, which is not the domain of the From address ({ $from }). Nothing in the signed parts has changed since.
headline-consistent = Consistent with one key recovered from { $count ->
    [one] one of these messages
   *[other] { $count } of these messages
}; that key is not known from any public source. Nothing shows that { $domain } signed it.
headline-body-changed-recovered = The signed headers match a key recovered from these messages (not known from any public source), and the body was changed after signing.
headline-proves-nothing-compromised = The signature matches a key of { $domain }, but that key's private half is public: anyone could have made this signature, so it proves nothing.
headline-proves-nothing-weak = The signature matches a { $bits }-bit key of { $domain }, which anyone can factor: it proves nothing.
headline-body-changed-compromised = The headers match a key of { $domain } whose private half is public (so they prove nothing), and the body was changed after signing.
headline-body-changed-weak = The headers match a { $bits }-bit key of { $domain }, which anyone can factor (so they prove nothing), and the body was changed after signing.
headline-body-changed = Signed by { $domain }, but the body was changed after signing.
headline-failed = A signature claims to be from { $domain }, but it does not verify: the message was changed after signing, or the signature was never made with { $domain }'s key.
headline-no-key = No public key for { $name } is known here: add the key published when the message was sent (its DNS TXT record) to check it.
headline-not-checked = The signature could not be checked. { $explanation }
headline-not-verified = The signature could not be verified. { $explanation }

## Report: one line right under the verdict, on what it does not mean (its id follows the assessment)

verdict-note-verified = This shows that a mail server holding the key of { $domain } signed these parts. It does not show who wrote the message, that what it says is true, or anything about the parts the signature does not cover.
verdict-note-consistent = Even if this key is { $domain }'s, it would show only that a mail server holding it signed these parts: not who wrote the message, that what it says is true, or anything about the parts the signature does not cover.
verdict-note-failed = A failed check is not proof of forgery: mailing lists, forwarding and mail programs often change messages harmlessly. It only means that DKIM cannot vouch for this copy.

## Report: why the message's fields are not confirmed, in the assessment's terms (above From, To, ...)

fields-unconfirmed-consistent = The signature verifies only with a key recovered from these messages, not with a key known to be the domain's, so none of these fields is confirmed.
fields-unconfirmed-proves-nothing = The signature proves nothing (anyone could have made it), so none of these fields is confirmed: any of them could have been changed.
fields-unconfirmed-failed = The signature did not verify, so none of these fields is confirmed: any of them could have been changed.
fields-unconfirmed-no-key = The signature could not be checked (its key is not known here), so none of these fields is confirmed: any of them could have been changed.
fields-unconfirmed-expired = The signature had expired at the chosen time, so none of these fields is confirmed as of then.
fields-unconfirmed-invalid = The signature could not be evaluated, so none of these fields is confirmed: any of them could have been changed.
fields-unconfirmed-unsigned = The message has no DKIM signature, so none of these fields is confirmed: any of them could have been changed.
caveat-identity = The signature says it was made on behalf of { $identity } (i=).
caveat-sender-signed = The signed Sender field is { $sender }.
caveat-sender-unsigned = The Sender field ({ $sender }) is not covered by a verified signature.
caveat-testing-key = The domain had marked this key as in testing (t=y); that does not weaken the signature's mathematics.
caveat-user-key = It was checked with a key that is not in the bundled archive ({ $origin }): it is only as good as where that key came from.
caveat-user-key-added = you added it
caveat-key-date-window = The key was seen in public sources { $window }, and the message's Date is outside that period.
caveat-partial-body = The last { $bytes } bytes of the body are not covered by the signature (l=) and could have been added by anyone.

## Report: a signature expired at the time it was judged

expired-judged = Judged at { $judged } ({ $source }), the signature had expired on { $expires }: a receiving server would no longer accept it.
expired-plain = The signature has expired: { $detail }.
expired-valid-at-date = It verifies, and it had not yet expired at the message's Date: DKIM expiry tells receivers how long to accept a signature, it does not make a genuine signature false.
expired-verifies-expired-at-date = It verifies, but it had already expired at the message's Date.
expired-does-not-verify = It does not verify either.
expired-verifies = It verifies.
time-source-signature = when it was signed, t=
time-source-message-date = the message's Date
time-source-now = now
time-source-given = the time you chose

## Report: one signature's explanation

sig-proves-nothing-compromised = The signature matches { $domain }'s key, but that key's private half is public, so anyone could have made it: it proves nothing about who sent this message.
sig-proves-nothing-weak = The signature matches { $domain }'s { $bits }-bit RSA key, which anyone can factor: it proves nothing about who sent this message (RFC 8301 forbids accepting keys under 1024 bits).
sig-verified = Verified: { $domain } signed this message, and nothing it signed has changed since.
sig-verified-with-key = Verified: { $domain } signed this message, and nothing it signed has changed since. Checked with { $key }.
sig-consistent = Consistent with one key recovered from { $count ->
    [one] one of these messages
   *[other] { $count } of these messages
}; that key is not known from any public source.
sig-body-changed-recovered = The signed headers match one key recovered from { $count ->
    [one] one of these messages
   *[other] { $count } of these messages
} (a key not known from any public source), but the body was changed after signing.
sig-weak-key-headers-match = The signed headers match { $domain }'s { $bits }-bit RSA key, which anyone can factor, so they prove nothing; and the body does not match the hash in the signature.
sig-weak-key = The signature does not verify with the { $bits }-bit RSA key known here for { $name } (a key anyone can factor): the signed headers changed, or the signature was never made with this key.
sig-body-changed-compromised = The body does not match the hash in the signature. The signed headers match { $domain }'s key, but that key's private half is public, so they prove nothing.
sig-body-changed = The body does not match the hash in the signature: it was changed after { $domain } signed the message. The signature over the headers verifies with { $domain }'s key.
sig-headers-changed = The signature does not verify with the key known here for { $name }: the signed headers (such as From, Subject or Date) changed after signing, or the signature was never made with this key. Nothing here shows that { $domain } signed this message.
sig-body-and-headers-changed = The signature does not verify with the key known here for { $name }, and the body does not match the hash in the signature either: the message was changed after signing, or the signature was never made with this key. Nothing here shows that { $domain } signed this message.
sig-no-key-here = No public key for { $name } is known here, so this signature cannot be checked. Add the key's DNS record, as published when the message was sent, to check it.
sig-no-key-published = No key is published at { $name }, so this signature cannot be verified.
sig-key-lookup-failed = The key at { $name } could not be retrieved just now; checking again may work.
sig-key-revoked = { $domain } has revoked this key (its record at { $name } is empty), so the signature no longer counts.
sig-bad-key = The key for { $name } cannot be used for this signature: { $detail }.
sig-malformed = The signature is malformed or unsupported, so it cannot be checked: { $detail }.

## Report: the key a signature was checked with ("Checked with …")

key-kind-ed25519 = Ed25519
key-kind-rsa = { $bits }-bit RSA
key-from-bundled = from dkimcheck's bundled key archive
key-from-added = that you added
key-from-origin = from { $origin }
key-phrase = the { $kind } key { $from }
key-phrase-seen = the { $kind } key { $from }, seen { $window }
key-phrase-seen-inside = the { $kind } key { $from }, seen { $window }; the message is dated within that period
key-phrase-seen-outside = the { $kind } key { $from }, seen { $window }; the message is dated outside that period
# The period a key was seen in public sources (dates as in the archive: 2012, 2012-01, 2012-01-13).
window-on = { $date_kind ->
    [day] on { $date }
   *[other] in { $date }
}
window-from-to = from { $first } to { $last }
window-from = from { $first }
window-until = until { $last }
window-unknown = at an unknown time
# Where a key came from.
key-origin-bundled = the bundled archive
key-origin-added = added by you
key-origin-recovered-here = recovered from these messages
key-origin-file = keys file { $file }
key-origin-other = { $origin }

## Report: warnings on a signature

warning-sha1 = This signature uses SHA-1, which RFC 8301 forbids for DKIM: SHA-1 collisions can be manufactured, so this signature is weaker evidence than a SHA-256 one.
warning-compromised-key = The private half of this key is public (it was published or factored), so anyone could have made this signature: it proves nothing about who sent the message.
warning-recovered-key = This key was rebuilt from signatures, not read from DNS: it is very likely the domain's key, but no copy of the published record was found.
warning-recovered-key-here = This key was computed from the signatures of these messages themselves; no public source knows it. It shows that these messages were signed with one and the same key, not that the key was the domain's: whoever made all of them could have signed them with a key of their own.
warning-testing-key = The domain had marked this key as in testing (t=y in its DNS record), which asked receivers of that time not to treat its signatures differently from unsigned mail. It does not weaken the signature's mathematics.
warning-unsigned-header = Not covered by this signature: { $names }. These could have been added or changed after signing without breaking it.
warning-extra-header-instance = The message has { $present } { $name } fields but the signature covers only { $listed }: the extra one could have been added after signing, and a mail program may show that one.
warning-partial-body = Only the first { $signed } bytes of the body are signed (l={ $l }); the last { $unsigned } bytes are not covered and could have been added by anyone.
warning-key-date-window = This key was seen in public sources { $window }, and the message's Date is outside that period. Keys are often in use well before and after the dates they were seen, and the Date header can be set by the sender, so this is a hint, not proof.
warning-future-timestamp = The signature claims to have been made in the future (t= is later than the time of the check).
warning-expired-since = The signature expired on { $expires } (x=). DKIM expiry tells receivers how long to accept a signature; it does not make a genuine signature false. It is judged here as of when it was signed.

## Report: technical details of a result (RFC terms are fine here)

detail-as-given = { $text }
detail-no-key-record = no key record exists at { $name }
detail-no-key-known = no key for { $name } is known here
detail-no-usable-key = no usable key
detail-key-type-mismatch = the key is { $key_type } but the signature uses { $algorithm }
detail-key-hash-not-allowed = the key only allows h={ $h }
detail-key-not-for-email = the key's s= tag does not include email
detail-key-strict-identity = the key has t=s but i= is in a subdomain of d=
detail-body-length-exceeds-body = l={ $l } is longer than the body ({ $length } bytes after canonicalization)
detail-expired = the signature expired on { $expires } (x={ $x })
detail-weak-key = the RSA key is only { $bits } bits; RFC 8301 forbids accepting keys under 1024 bits
detail-body-changed = the body hash does not match the body
detail-headers-changed = the header signature does not verify with this key
detail-body-and-headers-changed = neither the body hash nor the header signature matches
tag-error-missing-equals = "{ $spec }" is not of the form name=value
tag-error-bad-name = invalid tag name "{ $name }"
tag-error-bad-value = tag { $tag }= contains an invalid character
tag-error-duplicate = tag { $tag }= appears more than once
tag-error-empty = empty tag (";;" or a leading ";")
sig-error-tag-list = the signature is not a valid tag list: { $error }
sig-error-missing-tag = the required tag { $tag }= is missing
sig-error-version = unsupported version v={ $v } (only v=1 is DKIM as standardized in RFC 6376)
sig-error-algorithm = unsupported algorithm a={ $a }
sig-error-canonicalization = invalid canonicalization c={ $c }
sig-error-base64 = { $tag }= is not valid base64
sig-error-domain = d={ $d } is not a valid domain name
sig-error-selector = s={ $s } is not a valid selector
sig-error-header-list = h= is malformed: "{ $name }" is not a header field name
sig-error-from-not-signed = h= does not include From, which every signature must cover
sig-error-identity = i={ $i } is not a valid identity
sig-error-identity-outside-domain = i={ $i } is not within the signing domain d={ $d }
sig-error-number = { $tag }= is not a valid number
sig-error-expiry-before-timestamp = the expiry time x= is not after the signing time t=
sig-error-query-method = q={ $q } does not include the dns/txt query method
key-error-der = the RSA key is not valid DER ({ $what })
key-error-not-rsa = the key is not an RSA key (algorithm identifier { $oid })
key-error-modulus = the RSA modulus is invalid
key-error-exponent = the RSA public exponent is invalid
key-error-exponent-too-large = the RSA public exponent has { $bits } bits; exponents above 2^64 are refused
key-error-too-large = the RSA key has { $bits } bits; keys over 8192 bits are refused
key-error-ed25519-length = an Ed25519 key must be 32 raw bytes (RFC 8463), this one is { $length } bytes
key-error-ed25519-point = the Ed25519 key is not a valid curve point
key-record-error-syntax = the key record is not a valid tag list: { $error }
key-record-error-version = the key record has v={ $v }; only v=DKIM1, as the first tag, is valid
key-record-error-no-key = the key record has no p= tag
key-record-error-revoked = the key has been revoked (empty p=)
key-record-error-base64 = p= is not valid base64
key-record-error-key-type = unknown key type k={ $k }

## Reading keys (zone or dig text, archive JSON)

zone-error-line = line { $line }: { $error }
zone-error-no-name = a record must start with its name
zone-error-no-type = no record type after the name { $name }
zone-error-no-type-value = no record type after the name { $name }: write { $name }. IN TXT "v=DKIM1; ..."
zone-error-txt-no-data = the TXT record for { $name } has no data
zone-error-cname-no-target = the CNAME record for { $name } has no target
zone-error-bad-type = "{ $type }" is not a record type
zone-error-unclosed-quote = a quoted string is not closed
zone-error-unclosed-parenthesis = a parenthesis is not closed
import-error-zone = no key record could be read: { $errors }
import-error-no-records = no key record was found (expected lines like: selector._domainkey.example.com. IN TXT "v=DKIM1; p=...")
archive-error-json = not a key archive (expected the dkimcheck archive format or the zk-email JSON list): { $error }
archive-error-format = unknown archive format { $format } version { $version }

## Report: how the input was read, and inputs that are not messages

note-mbox-line-skipped = The file began with an mbox "From " separator line; it was skipped.
note-lf-converted = The file used LF line endings; it was checked as CRLF, the form in which mail is sent.
note-malformed-lines = { $count ->
    [one] 1 line in the header block is not a header field (no colon); it cannot be signed.
   *[other] { $count } lines in the header block are not header fields (no colon); they cannot be signed.
}
note-header-lines-cut = The message has { $count } header lines; only the first { $max } are listed.
note-signatures-skipped = The message has { $count } DKIM signatures; only the first { $max } were checked.
error-empty-file = The file is empty.
error-not-email = No email header fields were found: this does not look like an email message.
error-not-checked = This message is not checked: { $why }.
note-body-not-shown = The body and attachments are not shown: { $why }. The signatures are checked all the same.
budget-exceeded = more than the { $max } { $what } allowed (limit { $code })
budget-exceeded-found = { $found } { $what }: more than the { $max } allowed (limit { $code })
budget-what-message-bytes = bytes in a message
budget-what-header-fields = header fields in a message
budget-what-tags = tags in a tag list
budget-what-keys-per-name = keys under one name
budget-what-signatures = signatures per message
budget-what-mime-parts = MIME parts and nested messages shown
budget-what-zip-inflated-bytes = bytes inflated from this zip (100 times its size plus 64 MiB, the zips inside it included)
budget-what-zip-members = members in one zip (the zips inside it included)
budget-what-zip-nesting = levels of zips inside zips
key-skipped = { $name }: { $why }; this key is skipped

## Assessments: CLI labels, tallies, how signatures were judged

label-verified = PASS
label-consistent = CONSISTENT
label-proves-nothing = NOPROOF
label-failed = FAIL
label-no-key = NOKEY
label-expired = EXPIRED
label-invalid = INVALID
label-unsigned = NONE
label-error = ERROR
tally-main = { $verified } of { $total } messages verified
tally-with-rest = { $main }; { $rest }
tally-verified = { $count } verified
tally-consistent = { $count } only consistent with a recovered key
tally-proves-nothing = { $count ->
    [one] { $count } proves nothing (a key anyone can sign with)
   *[other] { $count } prove nothing (a key anyone can sign with)
}
tally-failed = { $count } failed
tally-no-key = { $count } no key known
tally-expired = { $count } expired at the time you chose
tally-invalid = { $count } cannot be evaluated
tally-unsigned = { $count } not signed
tally-error = { $count } unreadable
judging-at = judged at { $date } (expired signatures count as expired)
judging-as-of-signing = judged as of signing (each signature at its t=, else the message's Date)

## Report: DomainKeys signatures (RFC 4870, legacy)

dk-proves-nothing-compromised = The DomainKeys signature matches { $domain }'s key, but that key's private half is public, so anyone could have made it: it proves nothing about who sent this message.
dk-verified = DomainKeys: { $domain } signed this message, and nothing it signed has changed since.
key-checked-with = Checked with { $key }.
dk-vouches-for = It vouches for the sending address { $address }.
dk-legacy = DomainKeys is the older mechanism that DKIM replaced: it always uses SHA-1, and its signature covers headers and body at once.
dk-legacy-nofws = DomainKeys is the older mechanism that DKIM replaced: it always uses SHA-1, and its signature covers headers and body at once; this one was made with "nofws", which ignores every space and line break, so words could be joined or split without breaking it.
dk-weaker = It is weaker evidence than a DKIM signature.
dk-message-changed = The DomainKeys signature claiming { $domain } does not verify with the key known here for { $name }: the message was changed after signing, or the signature was not made with that key. DomainKeys has no separate body hash, so it cannot tell whether the body or a header changed. Nothing here shows that { $domain } signed this message.
dk-does-not-count = This DomainKeys signature does not count: DomainKeys lets a domain sign only for its own sending addresses, and { $detail }.
dk-key-granularity = The key at { $name } may only be used for one sender, and this message's sending address is not that sender ({ $detail }), so the signature does not count.
dk-no-key-here = No public key for { $name } is known here, so this DomainKeys signature cannot be checked. Add the key's DNS record, as published when the message was sent, to check it.
dk-no-key-published = No key is published at { $name }, so this DomainKeys signature cannot be verified.
dk-weak-key-matched = The key at { $name } is only { $bits } bits: anyone can factor it and sign as { $domain }. The signature matches it, but a signature with such a key proves nothing.
dk-weak-key-unmatched = The key at { $name } is only { $bits } bits: anyone can factor it and sign as { $domain }. The signature does not even match it, and a signature with such a key proves nothing.
dk-bad-key = The key for { $name } cannot be used for this DomainKeys signature: { $detail }.
dk-malformed = The DomainKeys signature is malformed or unsupported, so it cannot be checked: { $detail }.
dk-headline-no-dkim = No DKIM signature.
dk-headline-dkim-fails = No DKIM signature verifies.
dk-headline-verified = Signed by { $domain } with DomainKeys only, the older mechanism that DKIM replaced: nothing in the signed parts has changed since, but this is a weaker kind of verified (SHA-1, one signature over headers and body, and a method that may ignore spaces).
dk-headline-proves-nothing-compromised = The DomainKeys signature matches a key of { $domain } whose private half is public: it proves nothing.
dk-headline-proves-nothing-weak = The DomainKeys signature matches a { $bits }-bit key of { $domain }, which anyone can factor: it proves nothing.
dk-headline-failed = A DomainKeys signature claims to be from { $domain }, but it does not verify: the message was changed after signing, or the signature was not made with { $domain }'s key.
dk-headline-no-key = No public key for the DomainKeys signature ({ $name }) is known here: add the key published when the message was sent (its DNS TXT record) to check it.
dk-headline-not-checked = The DomainKeys signature could not be checked. { $explanation }
dk-headline-not-verified = The DomainKeys signature could not be verified. { $explanation }
caveat-sending-address = The signature says it was made on behalf of { $address } (its sending address).
note-domainkeys-skipped = The message has { $count } DomainKeys signatures; only the first { $max } were checked.
dk-detail-domain-mismatch = d={ $d } is not the sending domain { $sending } or a parent of it
dk-detail-granularity = the key is restricted to the sender { $g }@ (g={ $g }), but the sending address is { $local }@
dk-detail-weak-key = the RSA key is only { $bits } bits; keys under 1024 bits can be factored cheaply
dk-detail-message-changed = the RSA-SHA1 signature does not verify over the message as it is now
dk-detail-no-sending-field = no signed From or Sender field names a sending address
dk-detail-no-address = the signed { $field } field has no address

## Report: the ARC chain (RFC 8617) and what receiving servers said

arc-scope = ARC shows which intermediaries (mailing lists, forwarders) handled the message and what their servers recorded when it arrived; what they recorded is their word, not a verification made here, and it does not show that the original sender signed the message.
arc-pass = The ARC chain is intact: { $sealers } sealed the message as { $count ->
        [one] it
       *[other] they
    } passed it on, and nothing { $count ->
        [one] it
       *[other] they
    } sealed has changed since.
arc-sealer = { $domain }
arc-sealers-then = { $list }, then { $item }
arc-sealers-none = the intermediaries
arc-changed-on-the-way = The message was changed on the way: only the signatures from hop { $n } on still match it.
arc-neutral = The ARC chain cannot be checked here: { $detail }. Add that key's DNS record to check it.
arc-temperror = The ARC chain could not be checked just now: { $detail }.
arc-cv-fail = The last intermediary, { $hop }, recorded that the ARC chain was already broken when the message reached it (cv=fail), so the chain's records cannot be relied on.
arc-ams-body = The ARC chain does not validate: the body was changed after { $hop } sealed the message.
arc-ams-header = The ARC chain does not validate: the message signature added by { $hop } does not verify ({ $detail }).
arc-seal-fails = The ARC chain does not validate: the seal of { $hop } does not verify ({ $detail }).
arc-key = The ARC chain does not validate: a key it needs is missing or unusable ({ $detail }).
arc-malformed = The ARC chain is malformed ({ $detail }), so its records cannot be relied on.
arc-hop-named = { $sealer } (hop { $n })
arc-hop = hop { $n }
arc-set-sealed = Hop { $n }: { $who } sealed the message (the seal verifies).
arc-set-seal-fails = Hop { $n }: { $who } claims to have sealed the message, but the seal does not verify.
arc-set-named = Hop { $n }: { $who } is named as the sealer (not checked).
arc-an-unnamed-intermediary = an unnamed intermediary
arc-its-server = its server
arc-set-recorded = On receipt, { $server } { $said ->
        [none] recorded no results
       *[some] recorded: { $results }
    }.
arc-an-intermediary = an intermediary
arc-corroboration = When { $sealer } received this message{ $has_server ->
        [yes] {" "}(its server { $server })
       *[no] {""}
    }, it reported a valid { $kind ->
        [domainkeys] DomainKeys signature
       *[dkim] signature
    } by { $domain }; { $changed ->
        [hop] { $sealer } then changed the message before passing it on
       *[after] the message was changed after { $sealer } passed it on
    }, so the signature no longer verifies here. That is { $sealer }'s word, recorded in an ARC chain that verifies, not a verification made here.
arc-claim = The receiving server { $server } { $said ->
        [none] recorded no results
       *[some] said: { $results }
    }. Anyone who handled the message later could have added or changed this header field, so it is a claim, not a verification.
arc-claim-anonymous = A receiving server { $said ->
        [none] recorded no results
       *[some] said: { $results }
    }. Anyone who handled the message later could have added or changed this header field, so it is a claim, not a verification.
arc-claim-sealed = The receiving server { $server } { $said ->
        [none] recorded no results
       *[some] said: { $results }
    }. The same record is sealed in the ARC chain by { $sealer }, whose seal verifies: { $sealer } vouches that its server said this. It is still that server's word, not a verification made here.
arc-claim-sealed-anonymous = A receiving server { $said ->
        [none] recorded no results
       *[some] said: { $results }
    }. The same record is sealed in the ARC chain by { $sealer }, whose seal verifies: { $sealer } vouches that its server said this. It is still that server's word, not a verification made here.
arc-detail-newest-body-changed = the body hash of the newest ARC-Message-Signature does not match the body
arc-detail-cv-fail = the newest ARC-Seal (i={ $i }) says cv=fail: its sealer found the chain broken
arc-detail-bad-cv = ARC-Seal i={ $i } has cv={ $cv }; it must be cv={ $want }
arc-detail-no-cv = ARC-Seal i={ $i } has no cv= tag
arc-detail-seal-mismatch = the ARC-Seal of instance { $i } does not verify
arc-detail-key-too-short = the key has { $bits } bits; ARC requires at least 1024 (RFC 8301)
arc-detail-sha1 = the signature uses rsa-sha1, which RFC 8301 forbids
arc-detail-signs-seal = h= lists ARC-Seal, which an ARC-Message-Signature may not sign (RFC 8617 §4.1.2)
arc-detail-body-length = l= is longer than the body ({ $length } bytes after canonicalization)
arc-detail-headers-changed = the signature does not verify: a signed header field changed, or it was not made with this key
arc-detail-seal-header-tag = the seal has an h= tag, which RFC 8617 forbids in a seal
arc-detail-seal-sha1 = the seal uses rsa-sha1, which RFC 8301 forbids
arc-detail-unreadable-instance = an { $field } field has no readable instance number i= (1 to { $max })
arc-detail-set-missing-field = instance { $i } has no { $field } field
arc-detail-set-extra-field = instance { $i } has more than one { $field } field
cli-arc-sets = { $count ->
    [one] { $count } set
   *[other] { $count } sets
}

## Report: what a failing signature's copy of the header fields (z=) says

list-more-semicolon = { $list }; { $item }
z-changed = { $name } was “{ $was }” when signed, now “{ $now }”
z-missing = { $name } was “{ $was }” when signed and is now missing
z-matches = The signature's copy of the header fields as signed (z=) matches them as they are now: the change is in something it did not copy, or the signature was not made with this key.
z-changes = By the copy of the header fields the signature carries (z=), { $changes }. That copy is part of the signature that fails, so it is a hint, not proof.

## The command line

cli-help =
    dkimcheck: verify the DKIM signatures of email, offline, against bundled historical keys

    USAGE:
        dkimcheck [OPTIONS] <PATH>...
        dkimcheck keys list|export|check [--keys FILE]... [--no-bundled-keys]
        dkimcheck keys import <FILE>... [--txt SELECTOR DOMAIN VALUE]...
        dkimcheck keys recover [--keys FILE]... [--no-bundled-keys] <PATH>...

    PATH: a message file (.eml or any RFC 5322 file), an .mbox, a .zip (nested zips too), or a folder
          (every file in it and its subfolders; files that are not mail are skipped); '-' is stdin

    OPTIONS:
        --keys <FILE>       add keys (repeatable): zone/dig lines such as
                            brisbane._domainkey.football.example.com. IN TXT "v=DKIM1; k=ed25519; p=..."
                            (several quoted strings on one line are joined; ';' starts a comment),
                            the bundled archive's JSON format, or the zk-email archive's JSON
        --no-bundled-keys   use only the keys given with --keys
        --at <TIME>         judge every signature at TIME (unix seconds, YYYY-MM-DD or RFC 3339) or
                            'now', as a receiving server would then: an x= before TIME is expired.
                            Default: each signature as of its signing (its t=, else the message's
                            Date), so an x= passed since is reported but is not a failure
        --format <FORMAT>   human (default), json (one JSON object per message: JSON Lines; its codes
                            are the same in every language, its texts are in the --lang language),
                            csv (a header row, then one row per message), or ar (one RFC 8601
                            Authentication-Results field per message)
        --json              the same as --format json
        --body              with --format json: include each message's plain-text body
        --missing-keys      after the batch, list every selector._domainkey.domain for which no key
                            is known, with how many messages need it and the first and last of their
                            dates (with --format json: {"{"}"missing_key", "count", "first", "last"{"}"} lines at the end)
        --evidence <DIR>    also write one evidence report per message into DIR: a self-contained
                            HTML file in the --lang language (verdict, signatures and keys with
                            fingerprints, the command that checks it again, the original message
                            embedded)
        --lang <LANG>       the language of the words: en or fr (default: from LC_ALL,
                            LC_MESSAGES or LANG, else en)
        -v, --verbose       show every signature's details and warnings
        --recover-keys      first recover RSA keys from the messages themselves (for key names with
                            no known key and two or more signatures), then check with them: such
                            messages are CONSISTENT (signed with one key), not verified
        -j, --jobs <N>      verify on N threads (default: all cores); --jobs 1 leaves the others free
        --max-message-size <MB>
                            check messages up to MB megabytes (default 256); larger ones are skipped
        -h, --help          this help
        -V, --version       the version

    KEYS SUBCOMMANDS:
        keys list           one line per key: name, type, bits, dates, flags, origin
        keys export         the keys as archive JSON (bundled plus --keys)
        keys check          validate the bundled archive (and --keys files): exit 1 on a problem
        keys import FILE... read dig/zone lines, archive JSON or zk-email JSON; print archive JSON
          --txt SELECTOR DOMAIN VALUE   also a bare TXT value published at SELECTOR._domainkey.DOMAIN
        keys recover PATH...
                            recover RSA keys from the signatures of the messages (two or more per
                            key name with no known key); print them as archive JSON, flagged recovered

    LABELS (one per message, from its assessment; in French with --lang fr, in brackets):
        PASS       [VÉRIFIÉ] verified: a signature verified with a key neither compromised nor weak
        CONSISTENT [COHÉRENT] verifies only with a key recovered from these messages
                   (--recover-keys): not verified
        NOPROOF    [NE-PROUVE-RIEN] proves nothing: it verifies only with a key anyone can sign with
                   (private half public, or RSA under 1024 bits, RFC 8301)
        FAIL       [ÉCHEC] a signature does not verify
        NOKEY      [PAS-DE-CLÉ] no key known here (add --keys)
        EXPIRED    [EXPIRÉ] expired at the --at time
        INVALID    [IMPOSSIBLE-À-ÉVALUER] cannot be evaluated
        NONE       [NON-SIGNÉ] no signature
        ERROR      [ILLISIBLE] not readable as an email
        The labels and texts follow the language. Scripts should read --format json or csv, whose
        codes (verified, proves_nothing, ...) are the same in every language, or the exit status.

    EXIT STATUS:
        0 only when every message is verified (PASS); 1 otherwise (NOPROOF counts as not verified);
        2 usage error or unreadable input (a path, or a file or zip member inside one)
cli-try-help = Try 'dkimcheck --help'.
# An error about something: "--keys extra.zone: file not found".
cli-about = { $what }: { $why }
cli-note = note: { $note }
cli-note-body-without-json = note: --body only changes --format json output
# Said once after the human output when a message is verified or consistent.
cli-dkim-limits = Even when it verifies, a DKIM signature shows only that a mail server holding the signing domain's key signed the parts it covers: not who wrote the message, not that what it says is true, and nothing about the parts it does not cover.
# Said once after the human output when a message failed (the page says it under the verdict).
cli-failed-not-forgery = A failed check is not proof of forgery: mailing lists, forwarding and mail programs often change messages harmlessly. It only means that DKIM cannot vouch for the copies that failed.
cli-error-lang = --lang: "{ $value }" is not a language of dkimcheck (en, fr)
cli-error-needs-value = { $option } needs a value
cli-error-unknown-option = unknown option { $option }
cli-error-format = --format: "{ $value }" is not one of human, json, csv, ar
cli-error-at = --at: "{ $value }" is not 'now', unix seconds or an RFC 3339 time
cli-error-jobs = --jobs: "{ $value }" is not a number of threads (1 or more)
cli-error-max-message-size = --max-message-size: "{ $value }" is not a size in megabytes (1 or more)
cli-error-no-path = no PATH given
cli-error-no-messages = no messages found: every file was skipped (not mail), or there were none
cli-error-internal = internal error while verifying
cli-io-not-found = no such file or directory
cli-io-permission-denied = permission denied
cli-io-is-a-directory = is a directory
cli-io-shortened = the file got shorter while it was being read
cli-io-not-text = not a text file
cli-zip-unreadable = not a readable zip file: { $error }
cli-zip-member-unreadable = unreadable zip member: { $error }
cli-zip-decompress = could not decompress: { $error }
cli-too-large = { $why }; --max-message-size raises it
cli-not-read = not read: { $why }
cli-zip-no-end = not a readable zip file (no end-of-archive record)
cli-zip-directory-too-large = not a readable zip file (its directory is larger than the file)
cli-zip-bomb = not read (a zip bomb?): { $why }
cli-zip-overlap = not read (a zip bomb?): its member { $member } overlaps another (the same data listed twice)
cli-zip-nested-too-large = a compressed zip inside a zip, of { $size } bytes: more than the { $max } that may be held in memory (limit message_size); unzip it first
cli-keys-expected = expected list, export, check, import or recover
cli-keys-unknown-subcommand = unknown subcommand { $name } (expected list, export, check, import or recover)
cli-keys-import-usage = give files (dig/zone lines, archive JSON or zk-email JSON) or --txt SELECTOR DOMAIN 'v=DKIM1; p=...'
cli-recover-usage = give the messages: files, .mbox, .zip or directories
cli-error-recover-stdin = --recover-keys reads the messages twice, so it cannot read them from stdin ('-')
recovered-description = Keys recovered from signed messages by dkimcheck keys recover ({ $count ->
    [one] { $count } key
   *[other] { $count } keys
})
recovered-source = dkimcheck keys recover: rebuilt from the DKIM signatures of { $count } messages (see recovered_from)
recovered-derived = Rebuilt from the DKIM signatures of { $count } messages as gcd(s1^e - EM1, s2^e - EM2) with e={ $exponent }, never read from DNS; only the key is known, so the record is built as "v=DKIM1; k=rsa; p=...".
recovered-notes = GCD-RECOVERED (not read from DNS): computed from the signatures of { $count } messages, all of which it verifies. It shows that these messages were signed with one and the same key. It does not show that this key was the domain's published key: whoever made the messages could have signed them all with a key of their own. Check it against a published copy of the record before relying on it.
recover-too-few = { $name }: { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} with no key: at least two signatures made with one key are needed
recover-no-common-key = { $name }: { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} with no key: no two of them gave one key (they were made with different keys, or the messages were changed after signing)
recover-too-large = { $name }: { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} of keys over 4096 bits: not recovered
recover-too-short = { $name }: { $count ->
    [one] 1 signature
   *[other] { $count } signatures
} too short to be RSA PKCS#1 v1.5 signatures
recover-line = { $name }: recovered a { $bits }-bit RSA key (e={ $exponent }); it verifies { $verified } of { $signatures } signatures
recover-over-cap = { $name }: { $count } more signatures were not used (at most { $max } per key name are kept)
cli-keys-txt-usage = --txt needs SELECTOR DOMAIN VALUE
cli-keys-check-total = { $keys } keys, { $problems } problems
error-could-not-read = Could not be read: { $error }
key-error-names = the selector and domain must be DNS names

## The page: its parts (index.html)

page-title = dkimcheck — was this email really signed by its sender?
page-skip-link = Skip to the checker
page-lang-switch =
    .aria-label = Language
page-tagline = Check whether an email was really signed by its sender's domain, and whether anything in it changed since.
page-privacy = Nothing leaves this device: the check runs inside this page, which makes no network connections.
page-input-heading = Check a message
page-drop-hint = Drop an email file (<code>.eml</code>), an <code>.mbox</code>, or a <code>.zip</code> of them anywhere on this page.
page-choose-files = Choose files…
page-paste-summary = …or paste the raw message text
page-paste-label = The whole raw message, headers included (Gmail: ⋮ › Show original; Outlook: File › Properties; Apple Mail: View › Message › Raw Source)
page-paste-check = Check pasted message
page-judging-legend = Judge each signature
page-judging-as-of-signing = as of when it was signed
page-judging-now = now, as a receiving server would today
page-judging-hint = A signature's expiry date (<code>x=</code>) tells receiving servers how long to accept it; it does not make a genuine signature false. Old mail is judged as of its signing unless you choose otherwise.
page-progress =
    .aria-label = Progress
page-cancel = Cancel
page-single-view =
    .aria-label = Result
page-batch-view =
    .aria-label = Results
page-keys-heading = Keys
page-keys-hint = the built-in archive, and adding a key
page-limits-heading = Limits
page-limits-hint = the largest message this page checks
page-limits-why = So that a hostile file cannot make this page run out of memory, it skips messages larger than this, zips that would inflate to more than 100 times their size plus 64 MB, zips of more than a million members and zips nested more than 8 deep, each with an error saying so.
page-limits-largest = Largest message checked
page-limits-unit = MB
page-limits-default = Back to 256 MB
page-limits-browser = A browser tab can hold a few gigabytes at most: messages over about 1,000 MB may stop the check. The <code>dkimcheck</code> command-line tool has the same limits; its <code>--max-message-size</code> raises this one.
page-footer-offline = works offline
page-footer-download = download the whole checker as one HTML file
page-footer-download-why = to use it without a network
page-drop-overlay = Drop to check
page-version = version { $version }
page-keys-pruned = Removed remembered keys this version cannot use: { $names }.
page-engine-failed = The verifier could not start in this browser: { $error }

## The page: what DKIM proves

about-heading = What DKIM proves, and what it doesn't
about-proves = A valid DKIM signature proves that a mail server holding the signing domain's private key signed the parts it covers (the listed header fields and, usually, the body), and that those parts have not changed since.
about-not-author = It does <strong>not</strong> prove who wrote the message: anyone with an account at the domain (or access to its server) can send signed mail.
about-not-true = It does <strong>not</strong> prove the content is true.
about-unsigned-parts = It says <strong>nothing</strong> about the parts that are not signed: header fields marked "not signed", or body text after a length limit (<code>l=</code>).
about-public-keys = A signature made with a key whose private half was later published (marked "compromised"), or with an RSA key under 1024 bits (which anyone can factor), proves nothing: anyone could have made it.
about-other-domain = A signature by a domain other than the From address's (for example gmail.com signing mail from another address) shows who sent it on, not that the From domain did.
about-failed = A failed signature does not prove a forgery: mailing lists and forwarding often change messages harmlessly.
about-domainkeys = <strong>DomainKeys</strong>, the older mechanism DKIM replaced (mail of about 2004–2012), proves the same more weakly: it always uses SHA-1, one signature covers headers and body together, and its "nofws" method ignores every space. A message verified only by DomainKeys says so.
about-arc = An <strong>ARC</strong> chain (the forwarding record mailing lists and forwarders add) shows who handled the message and what their servers recorded when it arrived. That is their word, not a verification made here, and it never counts as verified. When a signature fails here but an intact chain shows a hop saw it valid, the result says so plainly.

## The page: progress and status

progress-single = Checking the message…
progress-batch = { $done } of { $total } messages checked · { $rate } messages/s
status-reading = Reading…
status-reading-file = Reading { $name }…
status-splitting-file = Splitting { $name }…
status-cancelled = Cancelled.
status-batch-done = Checked { $count ->
    [one] { $count } message
   *[other] { $count } messages
} in { $seconds } s.
status-recheck-done = Checked { $count ->
    [one] { $count } message
   *[other] { $count } messages
} again in { $seconds } s.
status-check-failed = The check failed: { $error }
status-read-failed = Could not read the file: { $error }
status-no-messages = No messages were found in what you chose.
status-paste-first = Paste a message first.
worker-start-failed = The verification worker failed to start.
worker-crashed = A verification worker crashed.
worker-stopped = The verifier stopped while checking this message, so it was skipped; the other messages were checked.
worker-trapped = The verifier failed on this message ({ $error }), so it was skipped.
input-mbox-empty = No messages were found in this mbox file.
input-zip-no-end = This is not a readable zip file (no end-of-archive record found).
input-zip64-broken = Broken ZIP64 end-of-archive record.
input-zip-directory-broken = Broken zip central directory.
input-zip-encrypted = This zip member is encrypted; dkimcheck cannot open it.
input-zip-member-broken = Broken zip member header.
input-zip-method = This zip member uses compression method { $method }, which dkimcheck cannot read.
input-zip-directory-outside = This is not a readable zip file (its directory lies outside the file).
input-zip-member-past-end = Broken zip member (its data runs past the end of the file).
input-zip-member-corrupt = Broken zip member (its compressed data cannot be inflated).
input-zip-member-size-mismatch = Broken zip member (its compressed size does not fit its size).
input-zip-member-inflates-more = This zip member inflates to more than the { $size } bytes its header says; it was skipped.
input-zip-member-larger = This zip member is larger than the { $size } bytes its header says; it was skipped.
input-zip-member-damaged = Damaged zip member (its contents do not match the CRC-32 checksum the archive records for them): this copy of the archive is damaged, so it was not checked. The damage says nothing about the original message; check it in an intact copy of the archive.
input-not-read = Not read: { $why }.
input-zip-bomb = Not read (a zip bomb?): { $why }.
input-zip-overlap = Not read (a zip bomb?): its member { $member } overlaps another (the same data listed twice).
input-zip-nested-too-large = Not read: a compressed zip inside a zip, of { $size } bytes: more than the { $max } that may be held in memory (limit message_size); unzip it first.
input-too-large = { $why }. To check it, raise "Largest message" under Limits at the bottom of the page (or use the dkimcheck command-line tool).
error-message-unreadable = This message could not be read: { $error }
error-file-unreadable = This file could not be read: { $error }
source-pasted = pasted message
source-embedded = embedded message
size-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
size-kb = { $n } KB
size-mb = { $n } MB

## One message: the banner

banner-assessment = Assessment: { $words }
banner-dkim-result = DKIM result: { $result }
banner-domainkeys-result = DomainKeys result: { $results }
banner-aligned = The From address is at { $domain }, the signing domain.
banner-caveats-label = What this result does not cover
judged-at = Judged at { $time }, as a receiving server would then: an expiry (x=) before that counts.
judged-as-of-signing = Judged as of signing: each signature at the time it was made.
assessment-verified = Verified
assessment-consistent = Consistent with a recovered key
assessment-proves-nothing = Proves nothing
assessment-failed = Failed
assessment-no-key = No key
assessment-invalid = Cannot be evaluated
assessment-unsigned = Not signed
assessment-error = Unreadable
assessment-expired = Expired at the chosen time
assessment-verified-domainkeys = Verified (DomainKeys only)
arc-words-none = No ARC chain
arc-words-intact = ARC chain intact ({ $count ->
    [one] { $count } hop
   *[other] { $count } hops
})
arc-words-broken = ARC chain broken ({ $count ->
    [one] { $count } hop
   *[other] { $count } hops
})
arc-words-unchecked = ARC chain not checked: no key ({ $count ->
    [one] { $count } hop
   *[other] { $count } hops
})
caveat-word-misaligned = not the From domain
caveat-word-testing-key = testing key (t=y)
caveat-word-user-key = a key you added
caveat-word-key-date-window = dated outside the key's known period
caveat-word-partial-body = part of the body unsigned
caveat-words-separator = {"; "}

## One message: keys that are not known

missing-key-paste = Paste the DNS record of { $name } to check the signature with it.
missing-key-unknown = No public key for { $name } is known here: add the key published when the message was sent (its DNS TXT record) to check it.
missing-keys-others = { $count ->
    [one] One other signature
   *[other] { $count } other signatures
} could not be checked: no key for { $names }.
key-error-paste-first = Paste a DNS record first.
key-error-none-found = No DKIM key record was found in the pasted text.
key-error-selector-domain = For a bare TXT value, fill in the selector and the domain too.
key-form-selector = Selector
key-form-domain = Domain
key-form-record = DNS record
key-form-example-selector = selector
key-form-help-before = Paste the TXT value (starting v=DKIM1 or k=… p=…), or whole lines of dig or zone-file output, for example from:
key-form-help-after = . Selector and domain are only needed for a bare TXT value.
key-form-remember = Remember this key on this device (kept in this browser's local storage)
key-form-submit = Add key
key-form-submit-check = Add key and check again

## One message: signatures

signatures-heading = { $count ->
    [one] Signature
   *[other] { $count } signatures
}
signatures-skipped = { $count ->
    [one] 1 further signature was not checked.
   *[other] { $count } further signatures were not checked.
}
signature-title = { $total ->
    [one] Signature { $n }: { $domain }
   *[other] Signature { $n } of { $total }: { $domain }
}
signature-no-domain = (no domain)
warnings-label = Warnings
warning-prefix = Warning:{" "}
sig-selector = Selector
sig-algorithm = Algorithm
sig-canonicalization = Canonicalization
sig-body-matches = Body matches the hash in the signature
sig-signature-verifies = Signature verifies with this key
sig-identity = Identity (i=)
sig-signed-at = Signed at (t=)
sig-expires = Expires (x=)
sig-judged-at = Judged at
sig-valid-at-message-date = Valid at the message date
sig-dkim-result = DKIM result
sig-technical-detail = Technical detail
sig-headers-signed = Headers signed
sig-headers-not-signed = Headers not signed
answer-yes = yes
answer-no = no
body-row-yes-partial = yes, for the first { $signed } (l=); the last { $unsigned } are not covered
body-row-signature-failed = (the signature itself does not verify, so this hash is not evidence)
body-row-signature-unchecked = (the signature itself could not be checked, so this hash is not evidence)
body-row-no = no: the body differs from the one the hash describes
signature-row-yes-compromised = yes, but the key's private half is public: anyone could have made it
signature-row-yes-weak = yes, but the key is only { $bits } bits: anyone can factor it
signature-row-no = no: the signed headers changed, or the signature was never made with this key
dk-row-no = no: something signed changed (body or header: DomainKeys cannot tell which), or it was never made with this key
domainkeys-heading = { $count ->
    [one] DomainKeys signature (the older mechanism)
   *[other] { $count } DomainKeys signatures (the older mechanism)
}
domainkey-title = { $total ->
    [one] DomainKeys signature: { $domain }
   *[other] DomainKeys signature { $n } of { $total }: { $domain }
}
domainkey-line = DomainKeys: { $domain } ({ $selector })
dk-sending-address = Sending address it vouches for
dk-result = DomainKeys result
arc-heading = Forwarding record (ARC)
arc-corroborations-label = What the chain says about signatures that fail here
arc-hops-label = Hops, first to last
arc-technical-detail = Technical detail: { $detail }
claims-heading = What receiving servers said
judged-at-from = { $time }, { $from }
judged-from-signature = when it was signed (t=)
judged-from-message-date = the message's Date (no t=)
judged-from-now = now (no t= and no usable Date)
judged-from-given = the time you chose
expires-row-expired = { $when }: expired at the time it was judged
expires-row-passed = { $when }: passed since it was signed (information, not a failure)
signature-line-no-key = no key
signature-line-key = key { $name }: { $facts }
signature-line-from = from { $origin }
signature-line-seen = seen { $seen }
key-used = Key used
key-record = Record
key-type = Type
key-type-bits = { $type }, { $bits } bits
key-came-from = Came from
key-source = Source
key-seen = Seen in use
key-date-fits = Date fits
key-date-fits-yes = yes: the message date is inside the period this key was seen in use
key-date-fits-no = no: the message date is outside the period this key was seen in use
key-flags = Flags
key-flag-compromised = compromised
key-flag-weak = weak
key-flag-recovered = recovered
key-testing = Testing mode
key-testing-yes = yes: the domain marked this key as in testing (t=y)
key-notes = Note in the key archive

## One message: the message and its header fields

message-heading = The message
field-from = From
field-sender = Sender
field-reply-to = Reply-To
field-to = To
field-cc = Cc
field-date = Date
field-subject = Subject
field-attachments = Attachments
field-file = File
attachment-no-name = (no name)
mark-verified = verified
mark-verified-all = verified (all { $count } { $name } fields)
mark-some-verified = { $count } { $name } fields; only { $verified ->
    [one] one is
   *[other] { $verified } are
} verified — the { $others ->
    [one] other
   *[other] others
} could have been added by anyone
mark-proves-nothing = signed only with a key anyone can use: not verified
mark-no-key = signed, but the signature could not be checked
mark-body-changed = signed, but the body changed after signing: not verified
mark-expired = signed, but the signature had expired at the time you chose
mark-not-verified = named by a signature that did not verify
mark-unsigned = not signed — could have been changed
mark-unsigned-many = not signed ({ $count } { $name } fields) — could have been changed
notes-label = Notes
body-summary = Body as plain text (HTML shown as text; nothing in it runs or loads)
body-text-label = The message's body
body-cut = The rest of the body ({ $count } characters) is not shown.
body-signed-end = The signature ends here (l=): what follows ({ $size }) is not signed
body-unsigned-apart = Not covered by the signature (l=): the last { $size } of the body, as the signature saw them:
headers-heading = Header fields
headers-hint = { $counts }. Only fields marked "verified" are vouched for; any other could have been added or changed after the message was sent.
headers-count-verified = { $count } covered by a verified signature
headers-count-covered = { $count } named by a signature that did not verify or proves nothing
headers-count-unsigned = { $count } not signed
headers-col-signed = Signed?
headers-col-field = Field
headers-col-value = Value
headers-the-signature = the signature
field-verified = verified
field-covered-unverified = signed, not verified
field-unsigned = not signed
header-value-cut = [… { $count } more characters not shown]

## Many messages: the batch

batch-results = Results
batch-files = { $count } files
batch-back = Back to all { $count } messages
batch-back-growing = Back to all the messages
batch-summary-done = { $tally }.
batch-summary-running = { $tally } ({ $done } checked so far).
batch-summary-cancelled = { $tally } — cancelled after { $done } were checked.
batch-counts-label = Messages per assessment
batch-export-jsonl = Export JSON Lines
batch-export-csv = Export CSV
batch-domains-summary = Messages per signing domain
batch-domains-hint = Each message counts once, under the signature that decided its result: a message signed by several domains can need keys for the others too (see the keys needed).
batch-domains-col-domain = Signing domain
batch-domains-col-messages = Messages
batch-domains-col-verified = Verified
batch-no-signature = (no signature)
batch-filter = Filter
batch-filter-placeholder = domain, subject, file name…
batch-filter-result = Result
batch-filter-all = all results
batch-filter-verified-domainkeys = Verified by DomainKeys only
batch-filter-arc = Forwarding record (ARC)
batch-arc-any = with or without
batch-arc-intact = ARC chain intact
batch-arc-broken = ARC chain broken
batch-arc-unchecked = ARC chain not checked (no key)
batch-arc-none = no ARC chain
batch-extra-domainkeys-only = { $count ->
    [one] { $count } of the verified is verified only by DomainKeys, the older and weaker mechanism.
   *[other] { $count } of the verified are verified only by DomainKeys, the older and weaker mechanism.
}
batch-extra-arc = { $count ->
    [one] { $count } carries
   *[other] { $count } carry
} a forwarding record (ARC): { $intact } intact, { $broken } broken{ $unchecked ->
    [0] {""}
   *[other] , { $unchecked } not checked (no key)
}. An ARC chain never counts as verified.
batch-extra-corroborated = For { $count ->
    [one] { $count } message
   *[other] { $count } messages
} that did not verify, an intact ARC chain records that an intermediary saw a valid signature before the message was changed (its word, not a verification).
batch-sort-by = Sort by:
batch-col-result = Result
batch-col-message = Message
batch-col-signed-by = Signed by
batch-col-from-domain = From domain
batch-col-subject = Subject
batch-col-date = Date
# A moment in the batch table, the same order in every language, in UTC: 2015-06-11 02:05 UTC.
date-time-utc = { $date } { $time } UTC
batch-cell-label = { $label }:
batch-no-source = (message)
batch-shown-first = Showing the first { $max } of { $count } matching messages; use the filter to narrow down.
batch-shown = { $count ->
    [one] { $count } message shown. Choose a message to see its details.
   *[other] { $count } messages shown. Choose a message to see its details.
}

## The keys panel

keys-intro = A signature can only be checked with the public key its domain published. This page ships with an archive of such keys, including old ones that are no longer in DNS. If a key is missing, add it here.
keys-yours-heading = Keys you added
keys-yours-none = None yet. Keys you add are used for this session only, unless you tick "remember".
keys-yours-remember = remember on this device
keys-yours-remove = Remove
keys-yours-remove-label = Remove { $name }
keys-add-heading = Add a key
keys-archive-heading = Built-in archive
keys-archive-search = Search the archive
keys-archive-search-placeholder = domain or selector, e.g. gmail.com
keys-archive-shown-first = Showing { $max } of { $count } matching keys; search to narrow down.
keys-archive-shown = { $count } of { $total } built-in keys shown.
keys-archive-about-summary = source and notes
keys-archive-source = Source:{" "}
keys-archive-same-key = Same key also at:{" "}
keys-col-record = Record
keys-col-key = Key
keys-col-seen = Seen in use
keys-col-flags = Flags
keys-col-about = About

## The widget <dkim-check>

widget-drop-hint = Drop an email file (.eml) here, or
widget-choose = choose one
widget-paste-summary = or paste the raw message
widget-paste-label = Raw message with all headers
widget-check = Check
widget-privacy = Checked in your browser with the DKIM keys built into this widget; nothing is uploaded.
widget-details = All details: signatures, message, header fields
widget-key-added = Key added.
widget-load-failed = could not load the message ({ $error })

## Report: named repairs of a failed signature (what was undone, what that does and does not show)

# A repair's sentence, then what it does not show.
repair-closing = This is not a verification of the message as it is: it shows that it differs from what { $domain } signed by this change only, which is one that mail systems are known to make, but not who made it.
repair-list-footer = { $appended ->
    [one] It does not verify as received; it verifies once the last line of the body, added after signing (as mailing lists add a footer), is removed: the body down to line { $signed } is exactly what { $domain } signed, and the line below it is not covered.
   *[other] It does not verify as received; it verifies once the last { $appended } lines of the body, added after signing (as mailing lists add a footer), are removed: the body down to line { $signed } is exactly what { $domain } signed, and the lines below it are not covered.
}
repair-list-subject-tag = It does not verify as received; it verifies once "{ $tag }" is removed from the Subject (mailing lists add such a tag): apart from it, the signed header fields are exactly what { $domain } signed.
repair-header-whitespace = { $count ->
    [one] It does not verify as received; it verifies once the spacing inside the { $fields } field is restored as it usually is (some mailing lists re-indent folded lines or pad field names with spaces): the characters of the signed header fields are exactly what { $domain } signed.
   *[other] It does not verify as received; it verifies once the spacing inside the { $fields } fields is restored as it usually is (some mailing lists re-indent folded lines or pad field names with spaces): the characters of the signed header fields are exactly what { $domain } signed.
}
repair-header-name-case = { $count ->
    [one] It does not verify as received; it verifies once the capitals of the field name are restored ({ $changes }): the signed header fields are otherwise exactly what { $domain } signed.
   *[other] It does not verify as received; it verifies once the capitals of the field names are restored ({ $changes }): the signed header fields are otherwise exactly what { $domain } signed.
}
repair-name-change = { $received } → { $signed }
repair-separator-space = { $lines ->
    [one] It does not verify as received; it verifies once the space at the end of the signature separator "-- " is put back on 1 line (some mail programs strip it): the body is otherwise exactly what { $domain } signed.
   *[other] It does not verify as received; it verifies once the space at the end of the signature separator "-- " is put back on { $lines } lines (some mail programs strip it): the body is otherwise exactly what { $domain } signed.
}
repair-trailing-whitespace = { $lines ->
    [one] It does not verify as received; it verifies once the spaces or tabs added at the end of 1 line are removed: the body is otherwise exactly what { $domain } signed.
   *[other] It does not verify as received; it verifies once the spaces or tabs added at the end of { $lines } lines are removed: the body is otherwise exactly what { $domain } signed.
}
repair-mbox-quoting = { $lines ->
    [one] It does not verify as received; it verifies once the mbox quoting of 1 line is undone (lines that began with "From " were stored as ">From " when the message was put in an mbox file): the body is otherwise exactly what { $domain } signed.
   *[other] It does not verify as received; it verifies once the mbox quoting of { $lines } lines is undone (lines that began with "From " were stored as ">From " when the message was put in an mbox file): the body is otherwise exactly what { $domain } signed.
}

## The evidence report (one HTML file per message: CLI --evidence, the page's "Save evidence report")

ev-title = DKIM evidence report
ev-verdict = Verdict
ev-what = What DKIM shows, and what it does not
ev-proves = A DKIM signature that verifies shows that the domain named in it (d=) signed the header fields it lists and the body, and that none of those bytes changed since. That rests on the key: it must be the key the domain published at the time, and where each key here comes from is listed with it.
ev-not = It does not show who wrote the message (anyone with an account at the domain, or access to its mail server, can send signed mail), that what it says is true, or anything about the parts the signature does not cover. A signature that does not verify does not prove a forgery either: mail systems change messages on the way, and a named repair below says when a known, harmless change explains the failure.
ev-input = The message checked
ev-name = Name
ev-size = Size
ev-bytes = { $n } bytes
ev-sha256 = SHA-256
ev-from = From
ev-to = To
ev-date = Date
ev-subject = Subject
ev-signatures = DKIM signatures
ev-signature = Signature { $n }: { $domain }
ev-no-signature = This message has no DKIM signature.
ev-tags = Tags as written
ev-result = Result
ev-assessment = Assessment
ev-body = Body matches the hash in the signature
ev-header = Signature verifies with the key
ev-explanation = In plain words
ev-repair = Named repair
ev-warnings = Warnings
ev-judged = Judged as of
ev-key = Key
ev-key-type = Type and size
ev-spki = Key fingerprint (SHA-256 of the SubjectPublicKeyInfo)
ev-origin = Where the key comes from
ev-key-source = Where it was found
ev-seen = Seen in public sources
ev-seen-unknown = no date known
ev-flags = Flags
ev-yes = yes
ev-no = no
ev-unknown = not checked
ev-none = none
ev-domainkeys = DomainKeys signatures (the older mechanism DKIM replaced)
ev-arc = ARC chain (what forwarding servers added)
ev-check = The check
ev-checked-at = Checked at
ev-mode = Signatures judged
ev-tool = Tool
ev-commit = Built from commit
ev-wasm = SHA-256 of the WebAssembly that ran
ev-reproduce = Check it again
ev-reproduce-how = Save the original message below, compare its SHA-256 with the one above, and run dkimcheck on it (or any DKIM verifier with the same keys):
ev-user-key = A key was added by hand for this check: give dkimcheck the same key with --keys FILE.
ev-original = The original message
ev-download = Download the original message ({ $name }, { $n } bytes)
ev-original-note = The file is embedded in this report byte for byte. The message is shown here only as text; nothing in it was run or displayed as a web page.
ev-footer = Made by { $tool } { $version }.

## The page: one message (issue 9)

page-save-evidence = Save evidence report
page-save-evidence-hint = One HTML file with the verdict, the keys and their fingerprints, how to check it again, and the original message.
page-evidence-failed = The evidence report could not be made: { $error }
sig-named-repair = Named repair
key-fingerprint = Fingerprint (SPKI SHA-256)
caveat-repaired = verifies once a known change is undone
## Whole leaks: skipped files, mbox progress, the keys needed, exports

batch-skipped = { $count ->
    [one] { $count } file is not a message and was skipped (never counted, never read as keys): { $names }
   *[other] { $count } files are not messages and were skipped (never counted, never read as keys): { $names }
}
batch-mbox-unreadable = The mbox could not be read.
batch-skipped-more = …and { $count } more
batch-table-label = Messages
batch-shown-all = { $count ->
    [one] { $count } message. Choose it (or press Enter on it) to see its details; it is checked again when opened.
   *[other] { $count } messages. Scroll, or use ↑ ↓ Page Up, Page Down, Home and End in the table; Enter opens a message (it is checked again when opened).
}
batch-export-separator = CSV separator
batch-export-comma = comma (,)
batch-export-semicolon = semicolon (;)
batch-export-separator-hint = Semicolons suit spreadsheets that write numbers as 1,5 (Excel in French or German, for example).
progress-batch-growing = { $done } of at least { $total } messages checked · { $rate } messages/s · { $percent }% of the file read
keys-needed-heading = { $count ->
    [one] Key needed: { $count } name has no known key
   *[other] Keys needed: { $count } names have no known key
}
keys-needed-explain = Some messages could not be checked because no public key is known for the names below. The key must be the one the domain published when the messages were sent: the key in DNS today is often a newer one, and a message signed with an older key will not verify with it (that proves nothing either way).
keys-needed-where = Where to look for the key published at those dates:
keys-needed-where-zkemail = the zk-email DKIM key archive (archive.prove.email), which records keys seen in signed mail, by selector, domain and date;
keys-needed-where-passive-dns = passive DNS and DNS history services (for example DNSDB, SecurityTrails), which keep past TXT records;
keys-needed-where-owner = the domain's owner or its mail provider, who can say which key was in use then;
keys-needed-where-today = DNS today (dig TXT selector._domainkey.domain) only if the key has not changed since the last of the dates.
keys-needed-line = { $count ->
    [one] { $count } message, { $first }
   *[other] { $count } messages, { $first } to { $last }
}
keys-needed-line-undated = { $count ->
    [one] { $count } message, undated
   *[other] { $count } messages, undated
}
keys-needed-more = …and { $count } more names (all of them are in the list to copy).
keys-needed-copy-summary = The names, one per line
keys-needed-copy-label = The names of the keys needed, one per line
keys-needed-copy = Copy the list
keys-needed-copied = { $count ->
    [one] Copied { $count } name.
   *[other] Copied { $count } names.
}
keys-needed-add = Add keys…
keys-bulk-heading = Add several keys
keys-bulk-label = Zone-file or dig lines, one key per line (for example: sel._domainkey.example.org. IN TXT "v=DKIM1; p=…"), or archive JSON
keys-bulk-add = Add keys and check the messages that need them
keys-bulk-empty = Paste at least one key first.
keys-bulk-added = { $count ->
    [one] Added { $count } key: { $names }.
   *[other] Added { $count } keys: { $names }.
}
keys-bulk-added-more = Added { $count } keys: { $names } and { $more } more.

## The CLI (src/report/explain.rs: keys_needed_heading, key_needed_line, skipped_not_message)

cli-keys-needed-none = Keys needed: none (every signature found a key).
cli-keys-needed-heading = { $count ->
    [one] Keys needed: no key is known for this name. It must be the key published when the messages were sent (DNS today may hold a newer one): look in archives of DNS records, the domain's old zone files or the senders' own records, then add it with --keys.
   *[other] Keys needed: no key is known for these { $count } names. Each must be the key published when the messages were sent (DNS today may hold a newer one): look in archives of DNS records, the domain's old zone files or the senders' own records, then add it with --keys.
}
cli-keys-needed-columns = messages  first       last        name
cli-skipped-not-message = skipped { $source }: not an email message, so it was not checked
cli-skipped-keys-file = skipped { $source }: not an email message, so it was not checked; it looks like a keys file, but keys are read only from files given with --keys
