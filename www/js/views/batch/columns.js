// columns.js — the batch table's columns (each one's sort key and cell) and which
// rows it shows, filtered and sorted.

import { h } from '../../common/dom.js';
import { ASSESSMENT_ICONS, arcWords, assessmentWords, caveatWords } from '../../common/reports.js';
import { OUTCOMES, rowDomain, rowArcState, rowArc, rowDomainKeysOnly } from '../../common/rows.js';

/** The table's columns: sort key of a row, and its cell. */
export const COLUMNS = [
  { key: 'assessment', label: 'batch-col-result', cls: 'result', sort: (r) => OUTCOMES.indexOf(r.outcome) },
  { key: 'source', label: 'batch-col-message', cls: 'source', sort: (r) => r.source || '' },
  { key: 'domain', label: 'batch-col-signed-by', cls: 'domain', sort: (r) => rowDomain(r) || '' },
  { key: 'from', label: 'batch-col-from-domain', cls: 'from', sort: (r) => r.from_domain || '' },
  { key: 'subject', label: 'batch-col-subject', cls: 'subject', sort: (r) => r.subject || '' },
  { key: 'date', label: 'batch-col-date', cls: 'date', sort: (r) => r.date_unix ?? -Infinity },
];

/** One cell of the table: column `key` of row `r`. */
export function rowCell(key, r, tr) {
  const a = r.assessment;
  switch (key) {
    case 'assessment': {
      const caveats = caveatWords(tr, a);
      const arc = rowArc(r);
      return [h('span', { class: 'badge', dataset: { assessment: a.status, outcome: r.outcome, verdict: r.verdict } },
        h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[a.status] || '?'} `), assessmentWords(tr, a)),
      caveats ? h('span', { class: 'caveat-words' }, caveats) : arc ? h('span', { class: 'caveat-words arc-words', dataset: { arc: arc.result } }, arcWords(tr, arc)) : null];
    }
    case 'source': return h('span', { title: r.source }, r.source || tr.t('batch-no-source'));
    case 'domain': return rowDomain(r) || '—';
    case 'from': return r.from_domain || '—';
    case 'subject': return r.subject ? h('span', { title: r.subject }, r.subject) : '';
    case 'date': return r.date_unix != null ? h('span', { title: r.date || '' }, tr.shortDateTime(r.date_unix)) : (r.date || '');
    default: return '';
  }
}

/** The message indexes shown, filtered and sorted. */
export function rowOrder(rows, { sort, filter, assessmentFilter, arcFilter }) {
  const col = COLUMNS.find((c) => c.key === sort.key);
  const f = filter;
  const af = assessmentFilter;
  const arcF = arcFilter;
  const idx = [];
  const keys = [];
  rows.forEach((r, i) => {
    if (!r) return;
    if (af && (af === 'verified_domainkeys' ? !rowDomainKeysOnly(r) : af === 'expired' ? r.outcome !== 'expired' : r.assessment.status !== af)) return;
    if (arcF && rowArcState(r) !== arcF) return;
    if (f && ![r.source, rowDomain(r), r.from_domain, r.subject, r.from].some((x) => x && x.toLowerCase().includes(f))) return;
    idx.push(i);
    keys[i] = col.sort(r);
  });
  const dir = sort.dir;
  idx.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    return (x < y ? -1 : x > y ? 1 : a - b) * dir;
  });
  return idx;
}
