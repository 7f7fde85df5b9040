// reports.js — small helpers around MessageReport objects (see the wasm API).
// Words come from the catalogs (see i18n.js): functions that word take a Translator.

import { isArchive } from './names.js';

/**
 * The assessment words (report.assessment.status, computed once by the core), best first.
 * `consistent` (a key recovered from the messages themselves) is never "verified".
 */
export const ASSESSMENTS = ['verified', 'consistent', 'proves_nothing', 'failed', 'no_key', 'invalid', 'unsigned', 'error'];

/** The catalog id of the short words of each assessment (tables, badges, counts). */
const ASSESSMENT_IDS = {
  verified: 'assessment-verified',
  consistent: 'assessment-consistent',
  proves_nothing: 'assessment-proves-nothing',
  failed: 'assessment-failed',
  no_key: 'assessment-no-key',
  invalid: 'assessment-invalid',
  unsigned: 'assessment-unsigned',
  error: 'assessment-error',
};

/** A symbol per assessment, so results are not told by colour alone. */
export const ASSESSMENT_ICONS = {
  verified: '✔', consistent: '≈', proves_nothing: '!', failed: '✘', no_key: '?', invalid: '?', unsigned: '–', error: '∅',
};

/** The catalog id of the short words of each caveat of a verified result (the headline says them in full). */
const CAVEAT_IDS = {
  misaligned: 'caveat-word-misaligned',
  testing_key: 'caveat-word-testing-key',
  user_key: 'caveat-word-user-key',
  key_date_window: 'caveat-word-key-date-window',
  partial_body: 'caveat-word-partial-body',
};

/** The catalog id of each key flag. */
const FLAG_IDS = { compromised: 'key-flag-compromised', weak: 'key-flag-weak', recovered: 'key-flag-recovered' };

/** The flags of a key, in words. */
export function flagWords(tr, flags) {
  return (flags || []).map((f) => (FLAG_IDS[f] ? tr.t(FLAG_IDS[f]) : f)).join(', ');
}

/** Short words for the assessment status `status` (a filter's options). */
export function statusWords(tr, status) {
  return ASSESSMENT_IDS[status] ? tr.t(ASSESSMENT_IDS[status]) : status;
}

/** The caveat words of a verified assessment, joined ('' when there are none); a failed one
 *  that verifies once a named repair is undone says so. */
export function caveatWords(tr, a) {
  if (a.status === 'failed' && (a.caveats || []).includes('repaired')) return tr.t('caveat-repaired');
  if (a.status !== 'verified') return '';
  return (a.caveats || []).filter((c) => CAVEAT_IDS[c]).map((c) => tr.t(CAVEAT_IDS[c])).join(tr.t('caveat-words-separator'));
}

/** The assessment of a report or a signature (a report made here for unreadable input has one too). */
export function assessmentOf(item) {
  return item?.assessment || { status: item?.error ? 'error' : 'unsigned', basis: null, signature: null, domain: null, aligned: null, reason: null, caveats: [] };
}

/**
 * True when the report's assessment rests on a signature (DKIM or DomainKeys): there is then a
 * signature to report on (the evidence report). Not for unsigned or unreadable input.
 */
export function hasSignature(report) {
  const a = assessmentOf(report);
  return a.basis !== null && a.basis !== undefined;
}

/** Short words for an assessment object: "Expired" when it is invalid only because x= passed at the chosen time. */
export function assessmentWords(tr, a) {
  if (a.status === 'invalid' && a.reason === 'expired') return tr.t('assessment-expired');
  if (a.status === 'verified' && a.basis === 'domainkeys') return tr.t('assessment-verified-domainkeys');
  return statusWords(tr, a.status);
}

/**
 * The headline of input that could not be read: a zip or an mbox is a file, not a message.
 */
function unreadable(source, error) {
  return { main: { id: isArchive(source) ? 'error-file-unreadable' : 'error-message-unreadable', args: { error } }, caveats: [] };
}

/**
 * A report for a message that could not be read at all; `error` is a message {id, args}
 * (a text already worded: {id: 'detail-as-given', args: {text}}).
 */
export function errorReport(source, error) {
  const phrase = typeof error === 'string' ? { id: 'detail-as-given', args: { text: error } } : error;
  return {
    source, sha256: null, size: null, verdict: 'none', // as the core reports unreadable input
    assessment: assessmentOf({ error: phrase }), judged_at: null, fields: {},
    summary: '',
    headline: unreadable(source, phrase),
    error: phrase, from_domain: null, aligned: null, notes: [],
    message: null, headers: [], signatures: [], skipped_signatures: 0,
    domainkeys: [], arc: { result: 'none', instances: 0, sets: [], corroborations: [] }, authentication_results: [],
  };
}

/**
 * A compact row (as Verifier.verifyRow returns) for a message that could not be read at all;
 * `error`: a message {id, args}, worded by the page (see rows.js rowSummary).
 */
export function errorRow(source, error) {
  return {
    source, outcome: 'error', assessment: { status: 'error', basis: null, signature: null, domain: null, aligned: null, reason: null, caveats: [] },
    verdict: 'none', signing_domains: [], selectors: [], signature_results: [], domainkeys_results: [], aligned: null,
    key_origin: null, key_flags: [], warnings: [], missing_keys: [], arc: 'none', arc_instances: 0, corroborated: false,
    from_domain: null, from: null, subject: null, date: null, date_unix: null,
    summary: '', headline: unreadable(source, error),
    size: 0, sha256: '', error: error?.id ?? null, error_message: error,
  };
}

/** The headline and its caveats in the translator's language, as one text (the core's `summary`). */
export function summaryText(tr, report) {
  const head = report.headline || { main: null, caveats: [] };
  return [head.main, ...(head.caveats || [])].map((p) => tr.phrase(p)).filter(Boolean).join(' ');
}

/**
 * Every text of a report worded in the translator's language, as the core's JSON has them
 * (`text` of each message, `summary`): for exports.
 */
export function wordedReport(tr, report) {
  const word = (p) => (p && p.id ? { ...p, text: tr.phrase(p) } : p);
  const head = report.headline || { main: null, caveats: [] };
  return {
    ...report,
    summary: summaryText(tr, report),
    headline: { ...head, main: word(head.main), caveats: (head.caveats || []).map(word), note: word(head.note), fields: word(head.fields) },
    error: word(report.error),
    notes: (report.notes || []).map(word),
    signatures: (report.signatures || []).map((s) => ({
      ...s,
      explanation: word(s.explanation),
      detail: word(s.detail),
      warnings: (s.warnings || []).map(word),
    })),
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
export function arcWords(tr, arc) {
  if (!arc) return tr.t('arc-words-none');
  const id = arc.result === 'pass' ? 'arc-words-intact' : arc.result === 'fail' ? 'arc-words-broken' : 'arc-words-unchecked';
  return tr.t(id, { count: arc.instances });
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

/** The catalog id of each part of a batch tally, by count key (an assessment status or 'expired'). */
const TALLY_IDS = {
  consistent: 'tally-consistent',
  proves_nothing: 'tally-proves-nothing',
  failed: 'tally-failed',
  no_key: 'tally-no-key',
  expired: 'tally-expired',
  invalid: 'tally-invalid',
  unsigned: 'tally-unsigned',
  error: 'tally-error',
};

/**
 * A batch's counts in words, as the CLI's tally: "3 of 5 messages verified; 1 proves nothing
 * (a key anyone can sign with), 1 failed". `counts` maps an assessment status (or 'expired') to a number.
 */
export function tallyWords(tr, counts, total) {
  const n = (k) => counts[k] || 0;
  const parts = Object.entries(TALLY_IDS).filter(([k]) => n(k)).map(([k, id]) => tr.t(id, { count: n(k) }));
  const main = tr.t('tally-main', { verified: n('verified'), total });
  if (!parts.length) return main;
  const rest = parts.reduce((list, item) => tr.t('list-more', { list, item }));
  return tr.t('tally-with-rest', { main, rest });
}

/** The key for a report in batch counts: its assessment status, or 'expired'. */
export function countKey(report) {
  const a = assessmentOf(report);
  return a.status === 'invalid' && a.reason === 'expired' ? 'expired' : a.status;
}
