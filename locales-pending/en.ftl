
## Whole leaks: skipped files, mbox progress, the keys needed, exports

batch-skipped = { $count ->
    [one] { $count } file is not a message and was skipped (never counted, never read as keys): { $names }
   *[other] { $count } files are not messages and were skipped (never counted, never read as keys): { $names }
}
batch-skipped-more = …and { $count } more
batch-table-label = Messages
batch-shown-all = { $count ->
    [one] { $count } message. Choose it (or press Enter on it) to see its details; it is checked again when opened.
   *[other] { $count } messages. Scroll, or use ↑ ↓ Page Up, Page Down, Home and End in the table; Enter opens a message (it is checked again when opened).
}
batch-export-separator = CSV separator
batch-export-comma = comma (,)
batch-export-semicolon = semicolon (;), for a spreadsheet in French and other languages that write 1,5
progress-batch-growing = { $done } of at least { $total } messages checked · { $rate } messages/s · { $percent }% of the file read
keys-needed-heading = { $count ->
    [one] Key needed: { $count } name has no known key
   *[other] Keys needed: { $count } names have no known key
}
keys-needed-explain = The messages below could not be checked because no public key is known for these names. The key must be the one the domain published when the messages were sent: the key in DNS today is often a newer one, and a message signed with an older key will not verify with it (that proves nothing either way).
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
keys-bulk-checking = { $count ->
    [one] Checking again the { $count } message that needs it…
   *[other] Checking again the { $count } messages that need them…
}

## The CLI (src/report/explain.rs: keys_needed_heading, key_needed_line, skipped_not_message)

cli-keys-needed-none = Keys needed: none (every signature found a key).
cli-keys-needed-heading = Keys needed: no key is known for these { $count } name(s). Each must be the key published when the messages were sent (DNS today may hold a newer one): look in archives of DNS records, the domain's old zone files or the senders' own records, then add it with --keys.
cli-keys-needed-columns = messages  first       last        name
cli-skipped-not-message = skipped { $source }: not an email message (a file that is not a message is never checked nor read as keys)
