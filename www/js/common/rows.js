// rows.js — helpers around the compact rows of a batch (Verifier.verifyRow:
// report::row in the core). Outcomes come from the core (report::outcome): one
// vocabulary for the counts, the table, the filters and the exports.

/** Every outcome, best first: an assessment status, with `expired` told apart from `invalid`. */
export const OUTCOMES = ['verified', 'consistent', 'proves_nothing', 'failed', 'no_key', 'expired', 'invalid', 'unsigned', 'error'];

/** The domain that counts for a row: that of the signature its assessment rests on. */
export function rowDomain(row) {
  return row.assessment?.domain || row.signing_domains?.[0] || null;
}

/** The row's ARC chain as {result, instances}, or null without one. */
export function rowArc(row) {
  return row.arc && row.arc !== 'none' ? { result: row.arc, instances: row.arc_instances } : null;
}

/** The ARC state of a row for counts and filters: 'intact', 'broken', 'unchecked' or 'none'. */
export function rowArcState(row) {
  const arc = rowArc(row);
  if (!arc) return 'none';
  return arc.result === 'pass' ? 'intact' : arc.result === 'fail' ? 'broken' : 'unchecked';
}

/** True when the row is verified only by a DomainKeys signature (a weaker kind of verified). */
export function rowDomainKeysOnly(row) {
  return row.assessment?.status === 'verified' && row.assessment?.basis === 'domainkeys';
}

/** The row's headline and caveats as one text, in the translator's language. */
export function rowSummary(tr, row) {
  if (row.headline && tr?.phrase) return [row.headline.main, ...(row.headline.caveats || [])].map((p) => tr.phrase(p)).filter(Boolean).join(' ');
  return row.summary || '';
}
