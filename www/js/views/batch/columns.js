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
    case 'source': return r.source ? fileName(r.source) : tr.t('batch-no-source');
    // Cut by the stylesheet when too long: the whole name is the title.
    case 'domain': return titled(rowDomain(r)) || '—';
    case 'from': return titled(r.from_domain) || '—';
    case 'subject': return r.subject ? h('span', { title: r.subject }, r.subject) : '';
    // In UTC, said in the value; the message's own Date field (with its offset) is the title.
    case 'date': return r.date_unix != null ? h('span', { title: r.date || '' }, tr.utcDateTime(r.date_unix)) : (r.date || '');
    default: return '';
  }
}

/** `text` in a span titled with it, or null when there is none. */
const titled = (text) => (text ? h('span', { title: text }, text) : null);

/** A name cut at its end keeps what tells files apart (leak.zip!mail/…/0042.eml): these last characters always show. */
const NAME_TAIL = 14;

/**
 * A file name whose middle gives way when it is too long: its start is cut with an ellipsis
 * (by the stylesheet), its last NAME_TAIL characters stay. The whole name is the text and the title.
 */
function fileName(name) {
  const chars = Array.from(name);
  if (chars.length <= NAME_TAIL) return h('span', { class: 'file-name', title: name }, h('span', { class: 'file-name-start' }, name));
  return h('span', { class: 'file-name', title: name },
    h('span', { class: 'file-name-start' }, chars.slice(0, -NAME_TAIL).join('')),
    h('span', { class: 'file-name-end' }, chars.slice(-NAME_TAIL).join('')));
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
