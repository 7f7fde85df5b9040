// batch-words.js — TEMPORARY English words for the batch views until the message
// catalogs (issue 10) land: the ids are the catalogs' (locales/*.ftl); this file
// goes away then and the views take the page's Translator.

import { ASSESSMENT_WORDS, CAVEAT_WORDS, formatCount, formatUnix } from './reports.js';

const WORDS = {
 "status-reading": "Reading…",
 "status-cancelled": "Cancelled.",
 "status-batch-done": {"one": "Checked { $count } message in { $seconds } s.", "other": "Checked { $count } messages in { $seconds } s."},
 "status-check-failed": "The check failed: { $error }",
 "status-read-failed": "Could not read the file: { $error }",
 "status-no-messages": "No messages were found in what you chose.",
 "status-paste-first": "Paste a message first.",
 "progress-single": "Checking the message…",
 "key-added": "Added { $names }.",
 "key-added-checking": "Added { $names }. Checking again…",
 "batch-back": "Back to all { $count } messages",
 "batch-results": "Results",
 "batch-files": "{ $count } files",
 "batch-summary-done": "{ $tally }.",
 "batch-summary-running": "{ $tally } ({ $done } checked so far).",
 "batch-summary-cancelled": "{ $tally } — cancelled after { $done } were checked.",
 "batch-counts-label": "Messages per assessment",
 "batch-export-jsonl": "Export JSON Lines",
 "batch-export-csv": "Export CSV",
 "batch-domains-summary": "Messages per signing domain",
 "batch-domains-col-domain": "Signing domain",
 "batch-domains-col-messages": "Messages",
 "batch-domains-col-verified": "Verified",
 "batch-no-signature": "(no signature)",
 "batch-filter": "Filter",
 "batch-filter-placeholder": "domain, subject, file name…",
 "batch-filter-result": "Result",
 "batch-filter-all": "all results",
 "batch-filter-verified-domainkeys": "Verified by DomainKeys only",
 "batch-filter-arc": "Forwarding record (ARC)",
 "batch-arc-any": "with or without",
 "batch-arc-intact": "ARC chain intact",
 "batch-arc-broken": "ARC chain broken",
 "batch-arc-unchecked": "ARC chain not checked (no key)",
 "batch-arc-none": "no ARC chain",
 "batch-sort-by": "Sort by:",
 "batch-col-result": "Result",
 "batch-col-message": "Message",
 "batch-col-signed-by": "Signed by",
 "batch-col-from-domain": "From domain",
 "batch-col-subject": "Subject",
 "batch-col-date": "Date",
 "batch-no-source": "(message)",
 "assessment-expired": "Expired at the chosen time",
 "progress-batch": "{ $done } of { $total } messages checked · { $rate } messages/s",
 "batch-skipped": {
  "one": "{ $count } file is not a message and was skipped (never counted, never read as keys): { $names }",
  "other": "{ $count } files are not messages and were skipped (never counted, never read as keys): { $names }"
 },
 "batch-skipped-more": "…and { $count } more",
 "batch-table-label": "Messages",
 "batch-shown-all": {
  "one": "{ $count } message. Choose it (or press Enter on it) to see its details; it is checked again when opened.",
  "other": "{ $count } messages. Scroll, or use ↑ ↓ Page Up, Page Down, Home and End in the table; Enter opens a message (it is checked again when opened)."
 },
 "batch-export-separator": "CSV separator",
 "batch-export-comma": "comma (,)",
 "batch-export-semicolon": "semicolon (;), for a spreadsheet in French and other languages that write 1,5",
 "progress-batch-growing": "{ $done } of at least { $total } messages checked · { $rate } messages/s · { $percent }% of the file read",
 "keys-needed-heading": {
  "one": "Key needed: { $count } name has no known key",
  "other": "Keys needed: { $count } names have no known key"
 },
 "keys-needed-explain": "The messages below could not be checked because no public key is known for these names. The key must be the one the domain published when the messages were sent: the key in DNS today is often a newer one, and a message signed with an older key will not verify with it (that proves nothing either way).",
 "keys-needed-where": "Where to look for the key published at those dates:",
 "keys-needed-where-zkemail": "the zk-email DKIM key archive (archive.prove.email), which records keys seen in signed mail, by selector, domain and date;",
 "keys-needed-where-passive-dns": "passive DNS and DNS history services (for example DNSDB, SecurityTrails), which keep past TXT records;",
 "keys-needed-where-owner": "the domain's owner or its mail provider, who can say which key was in use then;",
 "keys-needed-where-today": "DNS today (dig TXT selector._domainkey.domain) only if the key has not changed since the last of the dates.",
 "keys-needed-line": {
  "one": "{ $count } message, { $first }",
  "other": "{ $count } messages, { $first } to { $last }"
 },
 "keys-needed-line-undated": {
  "one": "{ $count } message, undated",
  "other": "{ $count } messages, undated"
 },
 "keys-needed-more": "…and { $count } more names (all of them are in the list to copy).",
 "keys-needed-copy-summary": "The names, one per line",
 "keys-needed-copy-label": "The names of the keys needed, one per line",
 "keys-needed-copy": "Copy the list",
 "keys-needed-copied": {
  "one": "Copied { $count } name.",
  "other": "Copied { $count } names."
 },
 "keys-needed-add": "Add keys…",
 "keys-bulk-heading": "Add several keys",
 "keys-bulk-label": "Zone-file or dig lines, one key per line (for example: sel._domainkey.example.org. IN TXT \"v=DKIM1; p=…\"), or archive JSON",
 "keys-bulk-add": "Add keys and check the messages that need them",
 "keys-bulk-empty": "Paste at least one key first.",
 "keys-bulk-added": {
  "one": "Added { $count } key: { $names }.",
  "other": "Added { $count } keys: { $names }."
 },
 "keys-bulk-checking": {
  "one": "Checking again the { $count } message that needs it…",
  "other": "Checking again the { $count } messages that need them…"
 }
};

const fill = (text, args) => text.replace(/\{ \$(\w+) \}/g, (_, k) => {
  const v = args?.[k];
  if (v && typeof v === 'object' && 'decimal' in v) return v.decimal.toFixed(1);
  return typeof v === 'number' ? formatCount(v) : String(v ?? '');
});

const FUNCS = {
  'batch-extra-domainkeys-only': ({ count }) => `${formatCount(count)} of the verified ${count === 1 ? 'is' : 'are'} verified only by DomainKeys, the older and weaker mechanism.`,
  'batch-extra-arc': ({ count, intact, broken, unchecked }) => `${formatCount(count)} carr${count === 1 ? 'ies' : 'y'} a forwarding record (ARC): ${formatCount(intact)} intact, ${formatCount(broken)} broken${unchecked ? `, ${formatCount(unchecked)} not checked (no key)` : ''}. An ARC chain never counts as verified.`,
  'batch-extra-corroborated': ({ count }) => `For ${formatCount(count)} message${count === 1 ? '' : 's'} that did not verify, an intact ARC chain records that an intermediary saw a valid signature before the message was changed (its word, not a verification).`,
};

/** A stand-in for the Translator of issue 10 (English only). */
export const tr = {
  lang: 'en',
  t(id, args) {
    if (FUNCS[id]) return FUNCS[id](args);
    const w = WORDS[id];
    if (w === undefined) return id;
    if (typeof w === 'string') return fill(w, args);
    return fill(args?.count === 1 ? w.one : w.other, args);
  },
  count: (n) => formatCount(n),
  shortDateTime: (t) => formatUnix(t).slice(0, 16) + ' UTC',
  phrase: (p) => (typeof p === 'string' ? p : p?.text ?? p?.id ?? ''),
};

export const statusWords = (_tr, s) => ASSESSMENT_WORDS[s] || s;
export function assessmentWords(_tr, a) {
  if (a.status === 'invalid' && a.reason === 'expired') return 'Expired at the chosen time';
  if (a.status === 'verified' && a.basis === 'domainkeys') return 'Verified (DomainKeys only)';
  return ASSESSMENT_WORDS[a.status] || a.status;
}
export const caveatWords = (_tr, a) => (a.status !== 'verified' ? '' : (a.caveats || []).map((c) => CAVEAT_WORDS[c]).filter(Boolean).join('; '));
export function arcWords(_tr, arc) {
  const hops = `${arc.instances} hop${arc.instances === 1 ? '' : 's'}`;
  if (arc.result === 'pass') return `ARC chain intact (${hops})`;
  if (arc.result === 'fail') return `ARC chain broken (${hops})`;
  return `ARC chain not checked: no key (${hops})`;
}
export function tallyWords(_tr, counts, total) {
  const n = (k) => counts[k] || 0;
  const parts = [];
  const say = (k, one, many = one) => { if (n(k)) parts.push(`${formatCount(n(k))} ${n(k) === 1 ? one : many}`); };
  say('consistent', 'only consistent with a recovered key');
  say('proves_nothing', 'proves nothing (a key anyone can sign with)', 'prove nothing (a key anyone can sign with)');
  say('failed', 'failed');
  say('no_key', 'no key known');
  say('expired', 'expired at the chosen time');
  say('invalid', 'cannot be evaluated');
  say('unsigned', 'not signed');
  say('error', 'unreadable');
  return `${formatCount(n('verified'))} of ${formatCount(total)} messages verified${parts.length ? `; ${parts.join(', ')}` : ''}`;
}
