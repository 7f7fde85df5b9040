# Issue 9's sentences for the catalogs (branch i18n, issue 10), ready to append to locales/en.ftl.
# Ids match the Rust code: src/report/explain.rs (repair → repair-*, evidence_text → ev-*) and the
# page (www/js/checker.js, views/render.js, common/reports.js: the page-/sig-/caveat- ids below).
# Once the catalogs are on main: append these, build each repair's sentence as
# two-sentences(repair-<code>, repair-closing), and render the evidence report per language.

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
ev-status-verified = Verified
ev-status-consistent = Consistent with a recovered key (not verified)
ev-status-proves_nothing = Proves nothing (a key anyone can sign with)
ev-status-failed = Failed: does not verify
ev-status-no_key = Not checked: no key known
ev-status-invalid = Cannot be evaluated
ev-status-unsigned = Not signed
ev-status-error = Not readable as an email
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

## The command line: lines of cli-help (issue 9)

cli-help-format =     --format <FORMAT>   human (default), json (one JSON object per message: JSON Lines),
                        csv (a header row, then one row per message), or ar (one RFC 8601
                        Authentication-Results field per message)
cli-help-evidence =     --evidence <DIR>    also write one evidence report per message into DIR: a self-contained
                        HTML file (verdict, signatures and keys with fingerprints, the command
                        that checks it again, the original message embedded)
