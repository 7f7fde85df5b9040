// batch-view.js — results of many messages: summary counts, counts per
// signing domain, a sortable and filterable table, and exports. Worded by the
// Translator it is given; rerender() words it again (the reports are kept).

import { h, clear, uid } from '../common/dom.js';
import { ASSESSMENTS, ASSESSMENT_ICONS, arcOf, arcState, arcWords, assessmentOf, assessmentWords, statusWords, caveatWords, countKey, tallyWords, mainDomain, summaryText, wordedReport, verifiedByDomainKeysOnly } from '../common/reports.js';
import { toJsonLines, toCsv, download } from './export.js';

const MAX_ROWS = 500;

const COLUMNS = [
  { key: 'assessment', label: 'batch-col-result', get: (r) => ASSESSMENTS.indexOf(assessmentOf(r).status) },
  { key: 'source', label: 'batch-col-message', get: (r) => r.source || '' },
  { key: 'domain', label: 'batch-col-signed-by', get: (r) => mainDomain(r) || '' },
  { key: 'from', label: 'batch-col-from-domain', get: (r) => r.from_domain || '' },
  { key: 'subject', label: 'batch-col-subject', get: (r) => r.message?.subject || '' },
  { key: 'date', label: 'batch-col-date', get: (r) => r.message?.date_unix || 0 },
];

/** Text with line-break opportunities after dots, slashes and "!" (domains, paths), not mid-word. */
function breakable(text) {
  const parts = String(text).split(/(?<=[./!@])/);
  return parts.flatMap((x, i) => (i < parts.length - 1 ? [x, h('wbr')] : [x]));
}

export class BatchView {
  /**
   * @param {HTMLElement} root
   * @param {{onOpen:(index:number)=>void, tr: import('../common/i18n.js').Translator}} opts
   */
  constructor(root, { onOpen, tr }) {
    this.root = root;
    this.onOpen = onOpen;
    this.tr = tr;
    this.reports = [];
    this.sort = { key: 'source', dir: 1 };
    this.filter = '';
    this.assessmentFilter = '';
    this.arcFilter = '';
    this.pending = null;
  }

  /** Start showing a batch of `total` messages; `label`: {text} or a message {id, args}. */
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

  /** Word the batch again in the translator's language, keeping the filter, the sort and what is open. */
  rerender(label) {
    if (!this.summary) return;
    if (label) this.label = label;
    const open = this.domainsOpen?.open;
    const focusKey = document.activeElement?.closest?.('.batch-view') ? document.activeElement.dataset?.key : null;
    this.build();
    this.domainsOpen.open = Boolean(open);
    this.update();
    if (focusKey) this.headRow.querySelector(`[data-key="${focusKey}"]`)?.focus();
  }

  /** Put the focus on the link of row `index`; false when it is not shown. */
  focusRow(index) {
    const link = this.tbody?.querySelector(`tr[data-index="${index}"] button.link`);
    link?.focus();
    return Boolean(link);
  }

  build() {
    const tr = this.tr;
    const filterId = uid('filter');
    const assessmentId = uid('assessment');
    this.summary = h('p', { class: 'batch-summary', id: 'batch-summary' });
    this.counts = h('ul', { class: 'verdict-counts', 'aria-label': tr.t('batch-counts-label') });
    this.domains = h('tbody');
    this.tbody = h('tbody');
    this.shown = h('p', { class: 'hint', role: 'status' });
    this.headRow = h('tr', { dataset: { sortLabel: tr.t('batch-sort-by') } });
    const filterInput = h('input', { id: filterId, type: 'search', value: this.filterText || '', placeholder: tr.t('batch-filter-placeholder'), oninput: (e) => { this.filterText = e.target.value; this.filter = e.target.value.toLowerCase(); this.renderTable(); } });
    const assessmentSelect = h('select', { id: assessmentId, onchange: (e) => { this.assessmentFilter = e.target.value; this.renderTable(); } },
      h('option', { value: '' }, tr.t('batch-filter-all')),
      ASSESSMENTS.map((v) => h('option', { value: v, selected: v === this.assessmentFilter }, statusWords(tr, v))),
      h('option', { value: 'verified_domainkeys', selected: this.assessmentFilter === 'verified_domainkeys' }, tr.t('batch-filter-verified-domainkeys')));
    const arcId = uid('arc');
    const arcOption = (value, id) => h('option', { value, selected: value === this.arcFilter }, tr.t(id));
    const arcSelect = h('select', { id: arcId, onchange: (e) => { this.arcFilter = e.target.value; this.renderTable(); } },
      arcOption('', 'batch-arc-any'),
      arcOption('intact', 'batch-arc-intact'),
      arcOption('broken', 'batch-arc-broken'),
      arcOption('unchecked', 'batch-arc-unchecked'),
      arcOption('none', 'batch-arc-none'));
    this.extraCounts = h('p', { class: 'hint extra-counts' });
    this.domainsOpen = h('details', { class: 'domains' },
      h('summary', null, tr.t('batch-domains-summary')),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'group', 'aria-label': tr.t('batch-domains-summary') }, h('table', { class: 'domain-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, tr.t('batch-domains-col-domain')), h('th', { scope: 'col' }, tr.t('batch-domains-col-messages')), h('th', { scope: 'col' }, tr.t('batch-domains-col-verified')))),
        this.domains)));
    const label = this.label ? tr.phrase(this.label) : tr.t('batch-results');
    clear(this.root).append(
      h('h2', { tabindex: '-1' }, label),
      this.summary,
      this.counts,
      this.extraCounts,
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => this.export('jsonl') }, tr.t('batch-export-jsonl')),
        h('button', { type: 'button', onclick: () => this.export('csv') }, tr.t('batch-export-csv'))),
      this.domainsOpen,
      h('div', { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: filterId }, tr.t('batch-filter')), filterInput),
        h('div', { class: 'field' }, h('label', { for: assessmentId }, tr.t('batch-filter-result')), assessmentSelect),
        h('div', { class: 'field' }, h('label', { for: arcId }, tr.t('batch-filter-arc')), arcSelect)),
      this.shown,
      h('div', { class: 'table-wrap', tabindex: '0', role: 'group', 'aria-label': label }, h('table', { class: 'batch-table' }, h('thead', null, this.headRow), this.tbody)));
  }

  update() {
    const tr = this.tr;
    const reports = this.reports.filter(Boolean);
    const counts = {};
    const byDomain = new Map();
    for (const r of reports) {
      const k = countKey(r);
      counts[k] = (counts[k] || 0) + 1;
      const d = mainDomain(r) || '';
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
    if (dkOnly) extra.push(tr.t('batch-extra-domainkeys-only', { count: dkOnly }));
    if (withArc) {
      extra.push(tr.t('batch-extra-arc', { count: withArc, intact: arcs.intact, broken: arcs.broken, unchecked: arcs.unchecked }));
    }
    if (corroborated) extra.push(tr.t('batch-extra-corroborated', { count: corroborated }));
    this.extraCounts.textContent = extra.join(' ');
    this.extraCounts.hidden = !extra.length;
    s.dataset.total = String(this.total);
    s.dataset.verified = String(counts.verified || 0);
    s.dataset.pass = String(reports.filter((r) => r.verdict === 'pass').length);
    s.dataset.provesNothing = String(counts.proves_nothing || 0);
    s.dataset.expired = String(counts.expired || 0);
    s.dataset.checked = String(this.done);
    s.dataset.state = this.state;
    const tally = tallyWords(tr, counts, this.total);
    const id = { running: 'batch-summary-running', cancelled: 'batch-summary-cancelled' }[this.state] || 'batch-summary-done';
    s.textContent = tr.t(id, { tally, done: this.done });
    // While the batch runs the counts change four times a second: not a live region then.
    this.shown.setAttribute('aria-live', this.state === 'running' ? 'off' : 'polite');

    const kinds = [...ASSESSMENTS.slice(0, 5), 'expired', ...ASSESSMENTS.slice(5)];
    clear(this.counts).append(...kinds.filter((k) => counts[k]).map((k) => {
      const status = k === 'expired' ? 'invalid' : k;
      const words = k === 'expired' ? assessmentWords(tr, { status, reason: 'expired' }) : statusWords(tr, k);
      return h('li', { dataset: { assessment: status, count: k } },
        h('span', { class: 'badge', dataset: { assessment: status } },
          h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[status]} `), words),
        ` ${tr.count(counts[k])}`);
    }));
    clear(this.domains).append(...[...byDomain.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 200).map(([d, e]) =>
      h('tr', { dataset: { domain: d } }, h('th', { scope: 'row' }, d || tr.t('batch-no-signature')), h('td', null, tr.count(e.total)), h('td', null, tr.count(e.verified)))));
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
      (!f || [r.source, mainDomain(r), r.from_domain, r.message?.subject, r.message?.from]
        .some((x) => x && String(x).toLowerCase().includes(f)) || summaryText(this.tr, r).toLowerCase().includes(f)));
    filtered.sort((a, b) => {
      const x = col.get(a.r);
      const y = col.get(b.r);
      return (x < y ? -1 : x > y ? 1 : a.i - b.i) * this.sort.dir;
    });
    return filtered;
  }

  renderTable() {
    const tr = this.tr;
    clear(this.headRow).append(...COLUMNS.map((c) => {
      const active = this.sort.key === c.key;
      return h('th', { scope: 'col', 'aria-sort': active ? (this.sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
        h('button', { type: 'button', class: 'sort', onclick: () => {
          this.sort = { key: c.key, dir: active ? -this.sort.dir : 1 };
          this.renderTable();
          this.headRow.querySelector(`[data-key="${c.key}"]`)?.focus();
        }, dataset: { key: c.key } }, tr.t(c.label), h('span', { 'aria-hidden': 'true' }, active ? (this.sort.dir > 0 ? ' ▲' : ' ▼') : '')));
    }));
    const rows = this.sorted();
    this.shown.textContent = rows.length > MAX_ROWS
      ? tr.t('batch-shown-first', { max: MAX_ROWS, count: rows.length })
      : tr.t('batch-shown', { count: rows.length });
    const cell = (id) => tr.t('batch-cell-label', { label: tr.t(id) });
    clear(this.tbody).append(...rows.slice(0, MAX_ROWS).map(({ r, i }) => {
      const a = assessmentOf(r);
      const subject = r.message?.subject || '';
      const date = r.message?.date || '';
      return h('tr', { dataset: { verdict: r.verdict, assessment: a.status, index: String(i) }, onclick: (e) => { if (e.target.tagName !== 'BUTTON') this.onOpen(i); } },
        h('td', { class: 'result' }, h('span', { class: 'badge', dataset: { assessment: a.status, verdict: r.verdict } }, h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[a.status] || '?'} `), assessmentWords(tr, a)),
          caveatWords(tr, a) ? h('span', { class: 'caveat-words' }, caveatWords(tr, a)) : null,
          arcOf(r) ? h('span', { class: 'caveat-words arc-words', dataset: { arc: arcOf(r).result } }, arcWords(tr, arcOf(r))) : null),
        h('td', { class: 'source' }, h('button', { type: 'button', class: 'link', onclick: () => this.onOpen(i) }, breakable(r.source || tr.t('batch-no-source')))),
        h('td', { class: 'domain', dataset: { label: cell('batch-col-signed-by') } }, breakable(mainDomain(r) || '—')),
        h('td', { class: 'from', dataset: { label: cell('batch-col-from-domain') } }, breakable(r.from_domain || '—')),
        h('td', { class: 'subject', dataset: { label: cell('batch-col-subject') } }, subject ? h('span', { class: 'clamp', title: subject }, subject) : ''),
        h('td', { class: 'date', dataset: { label: cell('batch-col-date') } }, r.message?.date_unix != null ? h('span', { title: date }, tr.shortDateTime(r.message.date_unix)) : date));
    }));
  }

  /** Download all reports (in input order), their texts in the language in use. */
  export(kind) {
    const reports = this.reports.filter(Boolean).map((r) => wordedReport(this.tr, r));
    if (kind === 'csv') download('dkimcheck-results.csv', toCsv(reports), 'text/csv');
    else download('dkimcheck-results.jsonl', toJsonLines(reports), 'application/x-ndjson');
  }
}
