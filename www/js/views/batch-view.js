// batch-view.js — results of many messages: summary counts, counts per
// signing domain, a sortable and filterable table, and exports.

import { h, clear, uid } from '../common/dom.js';
import { ASSESSMENTS, ASSESSMENT_WORDS, ASSESSMENT_ICONS, arcOf, arcState, arcWords, assessmentOf, assessmentWords, caveatWords, countKey, tallyWords, mainDomain, formatCount, verifiedByDomainKeysOnly } from '../common/reports.js';
import { toJsonLines, toCsv, download } from './export.js';

const MAX_ROWS = 500;

const COLUMNS = [
  { key: 'assessment', label: 'Result', get: (r) => ASSESSMENTS.indexOf(assessmentOf(r).status) },
  { key: 'source', label: 'Message', get: (r) => r.source || '' },
  { key: 'domain', label: 'Signed by', get: (r) => mainDomain(r) || '' },
  { key: 'from', label: 'From domain', get: (r) => r.from_domain || '' },
  { key: 'subject', label: 'Subject', get: (r) => r.message?.subject || '' },
  { key: 'date', label: 'Date', get: (r) => r.message?.date_unix || 0 },
];

/** Text with line-break opportunities after dots, slashes and "!" (domains, paths), not mid-word. */
function breakable(text) {
  const parts = String(text).split(/(?<=[./!@])/);
  return parts.flatMap((x, i) => (i < parts.length - 1 ? [x, h('wbr')] : [x]));
}

/** A message's date for the table: "2024-07-11 14:05 UTC" (the raw Date field is its title). */
function shortDate(m) {
  const t = m?.date_unix;
  if (t === null || t === undefined) return '';
  const d = new Date(t * 1000);
  return Number.isNaN(d.getTime()) ? '' : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export class BatchView {
  /**
   * @param {HTMLElement} root
   * @param {{onOpen:(index:number)=>void}} opts
   */
  constructor(root, { onOpen }) {
    this.root = root;
    this.onOpen = onOpen;
    this.reports = [];
    this.sort = { key: 'source', dir: 1 };
    this.filter = '';
    this.assessmentFilter = '';
    this.arcFilter = '';
    this.pending = null;
  }

  /** Start showing a batch of `total` messages. */
  start(total, label) {
    this.reports = new Array(total);
    this.total = total;
    this.done = 0;
    this.state = 'running';
    this.label = label;
    this.build();
    this.update();
  }

  /** Add (or replace) the report of message `index`. */
  add(index, report) {
    if (!this.reports[index]) this.done++;
    this.reports[index] = report;
    this.schedule();
  }

  /** Mark the batch finished ('done' or 'cancelled'). */
  finish(state) {
    this.state = state;
    this.update();
  }

  schedule() {
    if (this.pending) return;
    // Re-rendering sorts every row: do it less often for big batches.
    this.pending = setTimeout(() => { this.pending = null; this.update(); }, this.done > 20000 ? 1500 : 250);
  }

  build() {
    const filterId = uid('filter');
    const assessmentId = uid('assessment');
    this.summary = h('p', { class: 'batch-summary', id: 'batch-summary' });
    this.counts = h('ul', { class: 'verdict-counts', 'aria-label': 'Messages per assessment' });
    this.domains = h('tbody');
    this.tbody = h('tbody');
    this.shown = h('p', { class: 'hint', role: 'status' });
    this.headRow = h('tr');
    const filterInput = h('input', { id: filterId, type: 'search', placeholder: 'domain, subject, file name…', oninput: (e) => { this.filter = e.target.value.toLowerCase(); this.renderTable(); } });
    const assessmentSelect = h('select', { id: assessmentId, onchange: (e) => { this.assessmentFilter = e.target.value; this.renderTable(); } },
      h('option', { value: '' }, 'all results'),
      ASSESSMENTS.map((v) => h('option', { value: v }, ASSESSMENT_WORDS[v])),
      h('option', { value: 'verified_domainkeys' }, 'Verified by DomainKeys only'));
    const arcId = uid('arc');
    const arcSelect = h('select', { id: arcId, onchange: (e) => { this.arcFilter = e.target.value; this.renderTable(); } },
      h('option', { value: '' }, 'with or without'),
      h('option', { value: 'intact' }, 'ARC chain intact'),
      h('option', { value: 'broken' }, 'ARC chain broken'),
      h('option', { value: 'unchecked' }, 'ARC chain not checked (no key)'),
      h('option', { value: 'none' }, 'no ARC chain'));
    this.extraCounts = h('p', { class: 'hint extra-counts' });
    clear(this.root).append(
      h('h2', null, this.label || 'Results'),
      this.summary,
      this.counts,
      this.extraCounts,
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => this.export('jsonl') }, 'Export JSON Lines'),
        h('button', { type: 'button', onclick: () => this.export('csv') }, 'Export CSV')),
      h('details', { class: 'domains' },
        h('summary', null, 'Messages per signing domain'),
        h('div', { class: 'table-wrap' }, h('table', { class: 'domain-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Signing domain'), h('th', { scope: 'col' }, 'Messages'), h('th', { scope: 'col' }, 'Verified'))),
          this.domains))),
      h('div', { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: filterId }, 'Filter'), filterInput),
        h('div', { class: 'field' }, h('label', { for: assessmentId }, 'Result'), assessmentSelect),
        h('div', { class: 'field' }, h('label', { for: arcId }, 'Forwarding record (ARC)'), arcSelect)),
      this.shown,
      h('div', { class: 'table-wrap' }, h('table', { class: 'batch-table' }, h('thead', null, this.headRow), this.tbody)));
  }

  update() {
    const reports = this.reports.filter(Boolean);
    const counts = {};
    const byDomain = new Map();
    for (const r of reports) {
      const k = countKey(r);
      counts[k] = (counts[k] || 0) + 1;
      const d = mainDomain(r) || '(no signature)';
      const e = byDomain.get(d) || { total: 0, verified: 0 };
      e.total++;
      if (assessmentOf(r).status === 'verified') e.verified++;
      byDomain.set(d, e);
    }
    const dkOnly = reports.filter(verifiedByDomainKeysOnly).length;
    const arcs = { intact: 0, broken: 0, unchecked: 0 };
    let corroborated = 0;
    for (const r of reports) {
      const st = arcState(r);
      if (st !== 'none') arcs[st]++;
      if (assessmentOf(r).status !== 'verified' && (arcOf(r)?.corroborations || []).length) corroborated++;
    }
    const withArc = arcs.intact + arcs.broken + arcs.unchecked;
    const s = this.summary;
    s.dataset.domainkeysOnly = String(dkOnly);
    s.dataset.arc = String(withArc);
    s.dataset.arcIntact = String(arcs.intact);
    s.dataset.arcBroken = String(arcs.broken);
    s.dataset.corroborated = String(corroborated);
    const extra = [];
    if (dkOnly) extra.push(`${formatCount(dkOnly)} of the verified ${dkOnly === 1 ? 'is' : 'are'} verified only by DomainKeys, the older and weaker mechanism.`);
    if (withArc) {
      extra.push(`${formatCount(withArc)} carr${withArc === 1 ? 'ies' : 'y'} a forwarding record (ARC): ${formatCount(arcs.intact)} intact, ${formatCount(arcs.broken)} broken${arcs.unchecked ? `, ${formatCount(arcs.unchecked)} not checked (no key)` : ''}. An ARC chain never counts as verified.`);
    }
    if (corroborated) extra.push(`For ${formatCount(corroborated)} message${corroborated === 1 ? '' : 's'} that did not verify, an intact ARC chain records that an intermediary saw a valid signature before the message was changed (its word, not a verification).`);
    this.extraCounts.textContent = extra.join(' ');
    this.extraCounts.hidden = !extra.length;
    s.dataset.total = String(this.total);
    s.dataset.verified = String(counts.verified || 0);
    s.dataset.pass = String(reports.filter((r) => r.verdict === 'pass').length);
    s.dataset.provesNothing = String(counts.proves_nothing || 0);
    s.dataset.expired = String(counts.expired || 0);
    s.dataset.checked = String(this.done);
    s.dataset.state = this.state;
    let text = tallyWords(counts, this.total);
    if (this.state === 'running') text += ` (${formatCount(this.done)} checked so far)`;
    if (this.state === 'cancelled') text += ` — cancelled after ${formatCount(this.done)} were checked`;
    s.textContent = `${text}.`;

    const kinds = [...ASSESSMENTS.slice(0, 5), 'expired', ...ASSESSMENTS.slice(5)];
    clear(this.counts).append(...kinds.filter((k) => counts[k]).map((k) => {
      const status = k === 'expired' ? 'invalid' : k;
      const words = k === 'expired' ? assessmentWords({ status, reason: 'expired' }) : ASSESSMENT_WORDS[k];
      return h('li', { dataset: { assessment: status, count: k } },
        h('span', { class: 'badge', dataset: { assessment: status } },
          h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[status]} `), words),
        ` ${formatCount(counts[k])}`);
    }));
    clear(this.domains).append(...[...byDomain.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 200).map(([d, e]) =>
      h('tr', { dataset: { domain: d } }, h('th', { scope: 'row' }, d), h('td', null, formatCount(e.total)), h('td', null, formatCount(e.verified)))));
    this.renderTable();
  }

  sorted() {
    const col = COLUMNS.find((c) => c.key === this.sort.key);
    const rows = [];
    this.reports.forEach((r, i) => { if (r) rows.push({ r, i }); });
    const f = this.filter;
    const byResult = (r) => !this.assessmentFilter || (this.assessmentFilter === 'verified_domainkeys'
      ? verifiedByDomainKeysOnly(r) : assessmentOf(r).status === this.assessmentFilter);
    const byArc = (r) => !this.arcFilter || arcState(r) === this.arcFilter;
    const filtered = rows.filter(({ r }) => byResult(r) && byArc(r) &&
      (!f || [r.source, mainDomain(r), r.from_domain, r.message?.subject, r.message?.from, r.summary]
        .some((x) => x && String(x).toLowerCase().includes(f))));
    filtered.sort((a, b) => {
      const x = col.get(a.r);
      const y = col.get(b.r);
      return (x < y ? -1 : x > y ? 1 : a.i - b.i) * this.sort.dir;
    });
    return filtered;
  }

  renderTable() {
    clear(this.headRow).append(...COLUMNS.map((c) => {
      const active = this.sort.key === c.key;
      return h('th', { scope: 'col', 'aria-sort': active ? (this.sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
        h('button', { type: 'button', class: 'sort', onclick: () => {
          this.sort = { key: c.key, dir: active ? -this.sort.dir : 1 };
          this.renderTable();
          this.headRow.querySelector(`[data-key="${c.key}"]`)?.focus();
        }, dataset: { key: c.key } }, c.label, h('span', { 'aria-hidden': 'true' }, active ? (this.sort.dir > 0 ? ' ▲' : ' ▼') : '')));
    }));
    const rows = this.sorted();
    this.shown.textContent = rows.length > MAX_ROWS
      ? `Showing the first ${formatCount(MAX_ROWS)} of ${formatCount(rows.length)} matching messages; use the filter to narrow down.`
      : `${formatCount(rows.length)} message${rows.length === 1 ? '' : 's'} shown. Choose a message to see its details.`;
    clear(this.tbody).append(...rows.slice(0, MAX_ROWS).map(({ r, i }) => {
      const a = assessmentOf(r);
      const subject = r.message?.subject || '';
      const date = r.message?.date || '';
      return h('tr', { dataset: { verdict: r.verdict, assessment: a.status, index: String(i) }, onclick: (e) => { if (e.target.tagName !== 'BUTTON') this.onOpen(i); } },
        h('td', { class: 'result' }, h('span', { class: 'badge', dataset: { assessment: a.status, verdict: r.verdict } }, h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[a.status] || '?'} `), assessmentWords(a)),
          caveatWords(a) ? h('span', { class: 'caveat-words' }, caveatWords(a)) : null,
          arcOf(r) ? h('span', { class: 'caveat-words arc-words', dataset: { arc: arcOf(r).result } }, arcWords(arcOf(r))) : null),
        h('td', { class: 'source' }, h('button', { type: 'button', class: 'link', onclick: () => this.onOpen(i) }, breakable(r.source || '(message)'))),
        h('td', { class: 'domain', dataset: { label: 'Signed by' } }, breakable(mainDomain(r) || '—')),
        h('td', { class: 'from', dataset: { label: 'From domain' } }, breakable(r.from_domain || '—')),
        h('td', { class: 'subject', dataset: { label: 'Subject' } }, subject ? h('span', { class: 'clamp', title: subject }, subject) : ''),
        h('td', { class: 'date', dataset: { label: 'Date' } }, shortDate(r.message) ? h('span', { title: date }, shortDate(r.message)) : date));
    }));
  }

  /** Download all reports (in input order). */
  export(kind) {
    const reports = this.reports.filter(Boolean);
    if (kind === 'csv') download('dkimcheck-results.csv', toCsv(reports), 'text/csv');
    else download('dkimcheck-results.jsonl', toJsonLines(reports), 'application/x-ndjson');
  }
}
