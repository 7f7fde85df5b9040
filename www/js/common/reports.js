// reports.js — small helpers around MessageReport objects (see the wasm API).

export const VERDICTS = ['pass', 'fail', 'neutral', 'policy', 'temperror', 'permerror', 'none'];

/** Short words for a verdict, used in tables and badges (never colour alone). */
export const VERDICT_WORDS = {
  pass: 'Verified',
  fail: 'Failed',
  neutral: 'Not checked',
  policy: 'Policy',
  temperror: 'Temporary error',
  permerror: 'Cannot verify',
  none: 'Not signed',
};

/** A symbol per verdict so results are not told by colour alone. */
export const VERDICT_ICONS = {
  pass: '✔', fail: '✘', neutral: '?', policy: '!', temperror: '?', permerror: '?', none: '–',
};

/** A report for a message that could not be read at all. */
export function errorReport(source, message) {
  return {
    source, sha256: null, size: null, verdict: 'none', // as the core reports unreadable input
    summary: `This message could not be read: ${message}`,
    error: message, from_domain: null, aligned: null, notes: [],
    message: null, headers: [], signatures: [], skipped_signatures: 0,
  };
}

/** The distinct d= domains of a report's signatures, in order. */
export function signingDomains(report) {
  return [...new Set((report.signatures || []).map((s) => s.domain).filter(Boolean))];
}

/** The domain that counts for a report: that of its best (first passing, else first) signature. */
export function mainDomain(report) {
  const sigs = report.signatures || [];
  const best = sigs.find((s) => s.result === 'pass') || sigs[0];
  return best ? best.domain : null;
}

/** Signatures that failed only because no key is known. */
export function missingKeys(report) {
  return (report.signatures || []).filter((s) => s.reason === 'no_key');
}

/**
 * Why a passing signature proves little, or '' when it is sound:
 * 'compromised' when its key's private half is public, 'weak' when it is an
 * RSA key of fewer than 1024 bits (which can be factored).
 */
export function sigCaution(sig) {
  if ((sig.warnings || []).some((w) => w.code === 'compromised_key') || (sig.key?.flags || []).includes('compromised')) return 'compromised';
  const k = sig.key;
  if ((sig.warnings || []).some((w) => w.code === 'weak_key')) return 'weak';
  if (k && k.key_type === 'rsa' && typeof k.bits === 'number' && k.bits > 0 && k.bits < 1024) return 'weak';
  return '';
}

/**
 * 'compromised' or 'weak' when every passing signature used such a key (see
 * sigCaution; 'compromised' if any of them is): the result is still "pass"
 * (RFC 8601), but it proves little or nothing, so the page must not show it
 * as good news. null otherwise.
 */
export function caution(report) {
  const passing = (report.signatures || []).filter((s) => s.result === 'pass');
  if (!passing.length) return null;
  const kinds = passing.map(sigCaution);
  if (kinds.some((k) => !k)) return null;
  return kinds.includes('compromised') ? 'compromised' : 'weak';
}

/** Short words for a report's result in tables. */
export function resultWords(report) {
  const sigs = report.signatures || [];
  if (report.error && !sigs.length) return 'Unreadable';
  const warn = report.verdict === 'pass' && caution(report);
  if (warn) return warn === 'compromised' ? 'Verified, compromised key' : 'Verified, weak key';
  if (report.verdict !== 'pass' && sigs.length && sigs.every((s) => s.reason === 'no_key')) return 'No key';
  return VERDICT_WORDS[report.verdict] || report.verdict;
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
