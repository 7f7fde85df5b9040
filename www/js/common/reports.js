// reports.js — small helpers around MessageReport objects (see the wasm API).

/**
 * The assessment words (report.assessment.status, computed once by the core), best first.
 * `consistent` (a key recovered from the messages themselves) is never "verified".
 */
export const ASSESSMENTS = ['verified', 'consistent', 'proves_nothing', 'failed', 'no_key', 'invalid', 'unsigned', 'error'];

/** Short words for an assessment, used in tables, badges and counts (never colour alone). */
export const ASSESSMENT_WORDS = {
  verified: 'Verified',
  consistent: 'Consistent with a recovered key',
  proves_nothing: 'Proves nothing',
  failed: 'Failed',
  no_key: 'No key',
  invalid: 'Cannot be evaluated',
  unsigned: 'Not signed',
  error: 'Unreadable',
};

/** A symbol per assessment, so results are not told by colour alone. */
export const ASSESSMENT_ICONS = {
  verified: '✔', consistent: '≈', proves_nothing: '!', failed: '✘', no_key: '?', invalid: '?', unsigned: '–', error: '✘',
};

/** Short words for the caveats a verified result carries (the headline says them in full). */
export const CAVEAT_WORDS = {
  misaligned: 'not the From domain',
  testing_key: 'testing key (t=y)',
  user_key: 'a key you added',
  key_date_window: 'dated outside the key\'s known period',
  partial_body: 'part of the body unsigned',
};

/** The caveat words of a verified assessment, joined ('' when there are none). */
export function caveatWords(a) {
  if (a.status !== 'verified') return '';
  return (a.caveats || []).map((c) => CAVEAT_WORDS[c]).filter(Boolean).join('; ');
}

/** The assessment of a report or a signature (a report made here for unreadable input has one too). */
export function assessmentOf(item) {
  return item?.assessment || { status: item?.error ? 'error' : 'unsigned', basis: null, signature: null, domain: null, aligned: null, reason: null, caveats: [] };
}

/** Short words for an assessment object: "Expired" when it is invalid only because x= passed at the chosen time. */
export function assessmentWords(a) {
  if (a.status === 'invalid' && a.reason === 'expired') return 'Expired at the chosen time';
  if (a.status === 'verified' && a.basis === 'domainkeys') return 'Verified (DomainKeys only)';
  return ASSESSMENT_WORDS[a.status] || a.status;
}

/** A report for a message that could not be read at all. */
export function errorReport(source, message) {
  return {
    source, sha256: null, size: null, verdict: 'none', // as the core reports unreadable input
    assessment: assessmentOf({ error: message }), judged_at: null, fields: {},
    summary: `This message could not be read: ${message}`,
    headline: { main: `This message could not be read: ${message}`, caveats: [] },
    error: message, from_domain: null, aligned: null, notes: [],
    message: null, headers: [], signatures: [], skipped_signatures: 0,
    domainkeys: [], arc: { result: 'none', instances: 0, sets: [], corroborations: [] }, authentication_results: [],
  };
}

/** A compact row (as Verifier.verifyRow returns) for a message that could not be read at all. */
export function errorRow(source, message) {
  return {
    source, outcome: 'error', assessment: { status: 'error', basis: null, signature: null, domain: null, aligned: null, reason: null, caveats: [] },
    verdict: 'none', signing_domains: [], selectors: [], signature_results: [], domainkeys_results: [], aligned: null,
    key_origin: null, key_flags: [], warnings: [], missing_keys: [], arc: 'none', arc_instances: 0, corroborated: false,
    from_domain: null, from: null, subject: null, date: null, date_unix: null,
    summary: `This message could not be read: ${message}`, size: 0, sha256: '', error: message,
  };
}

/** The distinct d= domains of a report's signatures, in order. */
export function signingDomains(report) {
  return [...new Set((report.signatures || []).map((s) => s.domain).filter(Boolean))];
}

/** The domain that counts for a report: that of the signature its assessment rests on. */
export function mainDomain(report) {
  const a = assessmentOf(report);
  if (a.domain) return a.domain;
  const first = (report.signatures || [])[0];
  return first ? first.domain : null;
}

/** Signatures (DKIM and DomainKeys) that failed only because no key is known. */
export function missingKeys(report) {
  return [...(report.signatures || []), ...(report.domainkeys || [])].filter((s) => s.reason === 'no_key');
}

/** The report's ARC chain, or null when the message has none. */
export function arcOf(report) {
  const arc = report?.arc;
  return arc && arc.result && arc.result !== 'none' ? arc : null;
}

/** Short words for an ARC chain: never "verified" (ARC records what others said). */
export function arcWords(arc) {
  if (!arc) return 'No ARC chain';
  const hops = `${arc.instances} hop${arc.instances === 1 ? '' : 's'}`;
  if (arc.result === 'pass') return `ARC chain intact (${hops})`;
  if (arc.result === 'fail') return `ARC chain broken (${hops})`;
  return `ARC chain not checked: no key (${hops})`;
}

/** The ARC state of a report for counts and filters: 'intact', 'broken', 'unchecked' or 'none'. */
export function arcState(report) {
  const arc = arcOf(report);
  if (!arc) return 'none';
  return arc.result === 'pass' ? 'intact' : arc.result === 'fail' ? 'broken' : 'unchecked';
}

/** True when the report is verified only by a DomainKeys signature (a weaker kind of verified). */
export function verifiedByDomainKeysOnly(report) {
  const a = assessmentOf(report);
  return a.status === 'verified' && a.basis === 'domainkeys';
}

/**
 * A batch's counts in words, as the CLI's tally: "3 of 5 messages verified; 1 proves nothing
 * (a key anyone can sign with), 1 failed". `counts` maps an assessment status (or 'expired') to a number.
 */
export function tallyWords(counts, total) {
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

/** The key for a report in batch counts: its assessment status, or 'expired'. */
export function countKey(report) {
  const a = assessmentOf(report);
  return a.status === 'invalid' && a.reason === 'expired' ? 'expired' : a.status;
}

/** Format an integer with thousands separators. */
export function formatCount(n) {
  return Number(n).toLocaleString('en-US');
}

/** Format a unix time (seconds) as an ISO-like UTC string. */
export function formatUnix(t) {
  if (t === null || t === undefined) return '';
  const d = new Date(t * 1000);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** Format a byte count. */
export function formatBytes(n) {
  if (n === null || n === undefined) return '';
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
