// export.js — batch results as JSON Lines or CSV, downloaded as a Blob.

import { signingDomains, assessmentOf } from '../common/reports.js';

/** One MessageReport per line. */
export function toJsonLines(reports) {
  return reports.map((r) => JSON.stringify(r)).join('\n') + (reports.length ? '\n' : '');
}

const CSV_COLUMNS = [
  ['source', (r) => r.source],
  ['assessment', (r) => assessmentOf(r).status],
  ['assessment_reason', (r) => assessmentOf(r).reason],
  ['caveats', (r) => (assessmentOf(r).caveats || []).join(' ')],
  ['verdict', (r) => r.verdict],
  ['summary', (r) => r.summary],
  ['from_domain', (r) => r.from_domain],
  ['aligned', (r) => r.aligned],
  ['judged', (r) => (r.judged_at ? (r.judged_at.mode === 'at' ? `at ${r.judged_at.time}` : 'as_of_signing') : '')],
  ['signing_domains', (r) => signingDomains(r).join(' ')],
  ['selectors', (r) => (r.signatures || []).map((s) => s.selector).join(' ')],
  ['signature_assessments', (r) => (r.signatures || []).map((s) => assessmentOf(s).status).join(' ')],
  ['results', (r) => (r.signatures || []).map((s) => s.result).join(' ')],
  ['reasons', (r) => (r.signatures || []).map((s) => s.reason).join(' ')],
  ['repairs', (r) => (r.signatures || []).filter((s) => s.repair).map((s) => s.repair.code).join(' ')],
  ['key_origins', (r) => (r.evidence?.keys || []).map((k) => k.origin.replace(/ /g, '_')).join(' ')],
  ['key_flags', (r) => (r.evidence?.keys || []).flatMap((k) => k.flags || []).join(' ')],
  ['warnings', (r) => [...new Set((r.signatures || []).flatMap((s) => (s.warnings || []).map((w) => w.code)))].join(' ')],
  ['domainkeys_results', (r) => (r.domainkeys || []).map((k) => k.result).join(' ')],
  ['domainkeys_reasons', (r) => (r.domainkeys || []).map((k) => k.reason).join(' ')],
  ['arc', (r) => r.arc?.result],
  ['arc_reason', (r) => r.arc?.reason],
  ['arc_instances', (r) => r.arc?.instances ?? 0],
  ['arc_sealers', (r) => (r.arc?.sets || []).map((x) => x.sealer).join(' ')],
  ['subject', (r) => r.message?.subject],
  ['date', (r) => r.message?.date],
  ['from', (r) => r.message?.from],
  ['size', (r) => r.size],
  ['sha256', (r) => r.sha256],
  ['error', (r) => r.error],
];

// The same columns and cells as the CLI's --format csv (src/report/table.rs; tests/evidence.rs
// checks that the names agree).
function csvCell(v) {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // Keep spreadsheets from treating a cell as a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row. */
export function toCsv(reports) {
  const rows = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const r of reports) rows.push(CSV_COLUMNS.map(([, get]) => csvCell(get(r))).join(','));
  return rows.join('\r\n') + '\r\n';
}

/** Offer text as a file download. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
