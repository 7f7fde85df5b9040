// batch-view.js — results of many messages: summary counts, the keys needed,
// counts per signing domain, a table of every row (batch/row-table.js: sorted
// and filtered in the page, only the rows in view built), and exports. Its
// parts are in batch/: the table's columns, the row interner, the keys needed.
//
// It keeps one compact row per message (Verifier.verifyRow: outcome,
// assessment, domains, date, subject excerpt...), never a full report: opening
// a row checks that message again. Counts are kept as rows come and go.
// Worded by the Translator it is given; rerender() words it again.

import { h, clear, uid } from '../common/dom.js';
import { ASSESSMENTS, ASSESSMENT_ICONS, assessmentWords, statusWords, tallyWords } from '../common/reports.js';
import { OUTCOMES, rowDomain, rowArcState, rowDomainKeysOnly, rowSummary } from '../common/rows.js';
import { RowTable } from './batch/row-table.js';
import { keysNeededPanel } from './batch/keys-needed.js';
import { COLUMNS, rowCell, rowOrder } from './batch/columns.js';
import { Interner } from './batch/interner.js';
import { download } from './export.js';

/** At most this many skipped names are listed (all are counted). */
const MAX_SKIPPED_NAMES = 20;

/** The fields a reader types in (the focus is not taken from them). */
const TYPING = 'textarea, select, input:not([type="file"], [type="button"], [type="submit"], [type="reset"], [type="radio"], [type="checkbox"])';

export class BatchView {
  /**
   * @param {HTMLElement} root
   * @param {{onOpen:(index:number)=>void, tr: import('../common/i18n.js').Translator, onAddKeys?: () => void}} opts
   */
  constructor(root, { onOpen, tr, onAddKeys }) {
    this.root = root;
    this.onOpen = onOpen;
    this.onAddKeys = onAddKeys;
    this.tr = tr;
    this.dk = null; // the wasm module on this thread (KeysNeeded, csv_document), set by the checker
    this.rows = [];
    this.sort = { key: 'source', dir: 1 };
    this.filter = '';
    this.assessmentFilter = '';
    this.arcFilter = '';
    /** The CSV separator the reader chose, or null: then the language's (semicolon in French). */
    this.separatorChosen = null;
    this.pending = null;
    /** Called each time update() has shown new counts (the progress line words them too). */
    this.onUpdate = null;
    /** The counts the summary shows: {done, total} (the progress line's too). */
    this.showing = { done: 0, total: 0 };
  }

  /** Start showing a batch of `total` messages (`growing`: more may be found, an mbox being split). */
  start(total, label, { growing = false, skipped = [] } = {}) {
    this.rows = [];
    this.interner = new Interner();
    this.total = total;
    this.growing = growing;
    this.done = 0;
    this.waiting = new Set(); // rows being checked again: not counted as checked until they come
    this.notMail = 0; // files the workers found not to be messages: not in the total
    this.skipped = [...skipped];
    this.state = 'running';
    this.label = label;
    this.counts = {};
    this.byDomain = new Map();
    this.extra = { dkOnly: 0, intact: 0, broken: 0, unchecked: 0, corroborated: 0, pass: 0 };
    this.needed = null;
    this.neededDirty = true;
    this.build();
    this.update();
  }

  /**
   * Bring a batch just started into view (on a phone the results begin below the screen): `top`,
   * the progress above the results with its Cancel, goes to the top of the screen (smoothly,
   * unless the reader prefers reduced motion), and the focus to the results' heading. Neither
   * happens while the reader is typing in a field: the field stays in view, with the focus.
   */
  reveal(top = this.root) {
    const active = document.activeElement;
    if (active?.isContentEditable || active?.matches?.(TYPING)) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    this.root.querySelector('h2')?.focus({ preventScroll: true });
    top.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }

  /** More messages were found (an mbox being split): `total` tasks in all; `growing`: still more may come. */
  setTotal(total, growing) {
    this.total = total - this.notMail;
    this.growing = growing;
    this.schedule();
  }

  /** Counts one row in (`sign` 1) or out (-1). */
  tally(r, sign) {
    const k = r.outcome;
    this.counts[k] = (this.counts[k] || 0) + sign;
    const d = rowDomain(r) || '';
    const e = this.byDomain.get(d) || { total: 0, verified: 0 };
    e.total += sign;
    if (k === 'verified') e.verified += sign;
    this.byDomain.set(d, e);
    const x = this.extra;
    if (rowDomainKeysOnly(r)) x.dkOnly += sign;
    const arc = rowArcState(r);
    if (arc !== 'none') x[arc] += sign;
    if (r.corroborated) x.corroborated += sign;
    if (r.verdict === 'pass') x.pass += sign;
  }

  /** Add (or replace) the row of message `index`; a row {skipped: true} is a file that is not a message. */
  add(index, row) {
    const old = this.rows[index];
    if (row.skipped) {
      this.skipped.push(row.source);
      this.notMail++;
      this.total--;
      this.schedule();
      return;
    }
    if (old) this.tally(old, -1);
    if (!old || this.waiting.delete(index)) this.done++;
    // A leak repeats its summaries, domains and codes: each is kept once (memory per row).
    this.interner.row(row);
    this.rows[index] = row;
    this.tally(row, 1);
    if (old) this.neededDirty = true;
    else if (row.missing_keys?.length && this.needed && !this.neededDirty) this.needed.add(row.missing_keys, row.date_unix ?? undefined);
    else if (row.missing_keys?.length) this.neededDirty = true;
    this.schedule();
  }

  /**
   * Check the rows of `indexes` again (keys were added): until its new row comes, each counts
   * as not checked, so that the summary and the progress line count this run alike.
   */
  recheck(indexes) {
    this.waiting = new Set(indexes.filter((i) => this.rows[i]));
    this.done -= this.waiting.size;
    this.state = 'running';
    this.update();
  }

  /** Mark the batch finished ('done' or 'cancelled'); rows not checked again keep their result. */
  finish(state) {
    this.done += this.waiting.size;
    this.waiting.clear();
    this.state = state;
    this.growing = false;
    clearTimeout(this.pending);
    this.pending = null;
    this.update();
  }

  /** The indexes of the rows that need one of `names` (keys just added). */
  rowsNeeding(names) {
    const out = [];
    this.rows.forEach((r, i) => { if (r?.missing_keys?.some((n) => names.has(n))) out.push(i); });
    return out;
  }

  schedule() {
    if (this.pending) return;
    // Each update rebuilds the counts, the domains and the rows in view, and the browser then
    // restyles and lays out the page: ~100 ms on a big batch, which every 250 ms took most of
    // the main thread (and a core) from the workers. Small batches update often; big ones once
    // a second or so, and never more than a tenth of the time.
    const every = this.done > 20000 ? 1500 : this.done > 2000 ? 1000 : 250;
    this.pending = setTimeout(() => {
      this.pending = null;
      const t = performance.now();
      this.update();
      this.updateMs = performance.now() - t;
    }, Math.max(every, 10 * (this.updateMs || 0)));
  }

  /** Word the batch again in the translator's language, keeping the filter, the sort and what is open. */
  rerender(label) {
    if (!this.summary) return;
    if (label) this.label = label;
    const open = this.domainsOpen?.open;
    const focused = document.activeElement;
    const rowFocused = focused?.dataset?.row !== undefined ? Number(focused.dataset.index) : null;
    this.build();
    this.domainsOpen.open = Boolean(open);
    this.update();
    if (rowFocused !== null) this.focusRow(rowFocused);
  }

  /** Put the focus on the row of message `index` (scrolled into view); false when it is not shown. */
  focusRow(index) {
    if (index === undefined || index === null || !this.table) return false;
    return this.table.focusIndex(index);
  }

  build() {
    const tr = this.tr;
    const filterId = uid('filter');
    const assessmentId = uid('assessment');
    const sepId = uid('separator');
    this.summary = h('p', { class: 'batch-summary', id: 'batch-summary' });
    this.counts_ = h('ul', { class: 'verdict-counts', 'aria-label': tr.t('batch-counts-label') });
    this.skippedLine = h('p', { class: 'hint batch-skipped' });
    this.neededBox = h('div', { class: 'keys-needed-box' });
    this.domains = h('tbody');
    this.shown = h('p', { class: 'hint', role: 'status' });
    this.table = new RowTable({
      columns: COLUMNS.map((c) => ({
        key: c.key, cls: c.cls, label: tr.t(c.label), cellLabel: tr.t('batch-cell-label', { label: tr.t(c.label) }), cell: (i) => this.cell(c.key, i),
      })),
      onSort: (key) => {
        this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : 1 };
        this.renderTable();
        this.table.head.querySelector(`[data-key="${key}"]`)?.focus();
      },
      onOpen: (i) => this.onOpen(i),
      label: tr.t('batch-table-label'),
      rowData: (i) => {
        const r = this.rows[i];
        return r ? { verdict: r.verdict, assessment: r.assessment.status, outcome: r.outcome } : {};
      },
      rowKey: (i) => this.rows[i],
    });
    const filterInput = h('input', { id: filterId, type: 'search', value: this.filterText || '', placeholder: tr.t('batch-filter-placeholder'), oninput: (e) => { this.filterText = e.target.value; this.filter = e.target.value.toLowerCase(); this.renderTable(); } });
    const assessmentSelect = h('select', { id: assessmentId, onchange: (e) => { this.assessmentFilter = e.target.value; this.renderTable(); } },
      h('option', { value: '' }, tr.t('batch-filter-all')),
      ASSESSMENTS.map((v) => h('option', { value: v, selected: v === this.assessmentFilter }, statusWords(tr, v))),
      h('option', { value: 'expired', selected: this.assessmentFilter === 'expired' }, tr.t('assessment-expired')),
      h('option', { value: 'verified_domainkeys', selected: this.assessmentFilter === 'verified_domainkeys' }, tr.t('batch-filter-verified-domainkeys')));
    const arcId = uid('arc');
    const arcOption = (value, id) => h('option', { value, selected: value === this.arcFilter }, tr.t(id));
    const arcSelect = h('select', { id: arcId, onchange: (e) => { this.arcFilter = e.target.value; this.renderTable(); } },
      arcOption('', 'batch-arc-any'),
      arcOption('intact', 'batch-arc-intact'),
      arcOption('broken', 'batch-arc-broken'),
      arcOption('unchecked', 'batch-arc-unchecked'),
      arcOption('none', 'batch-arc-none'));
    const sepHintId = uid('separator-hint');
    const sepSelect = h('select', { id: sepId, name: 'csv-separator', 'aria-describedby': sepHintId, onchange: (e) => { this.separatorChosen = e.target.value; } },
      h('option', { value: ',', selected: this.separator === ',' }, tr.t('batch-export-comma')),
      h('option', { value: ';', selected: this.separator === ';' }, tr.t('batch-export-semicolon')));
    this.extraCounts = h('p', { class: 'hint extra-counts' });
    this.domainsOpen = h('details', { class: 'domains' },
      h('summary', null, tr.t('batch-domains-summary')),
      h('p', { class: 'hint' }, tr.t('batch-domains-hint')),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'group', 'aria-label': tr.t('batch-domains-summary') }, h('table', { class: 'domain-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, tr.t('batch-domains-col-domain')), h('th', { scope: 'col' }, tr.t('batch-domains-col-messages')), h('th', { scope: 'col' }, tr.t('batch-domains-col-verified')))),
        this.domains)));
    const label = this.label ? tr.phrase(this.label) : tr.t('batch-results');
    clear(this.root).append(
      h('h2', { tabindex: '-1' }, label),
      this.summary,
      this.counts_,
      this.extraCounts,
      this.skippedLine,
      this.neededBox,
      h('div', { class: 'actions export-options' },
        h('button', { type: 'button', dataset: { action: 'export-jsonl' }, onclick: () => this.export('jsonl') }, tr.t('batch-export-jsonl')),
        h('button', { type: 'button', dataset: { action: 'export-csv' }, onclick: () => this.export('csv') }, tr.t('batch-export-csv')),
        h('span', { class: 'field' }, h('label', { for: sepId }, tr.t('batch-export-separator')), ' ', sepSelect)),
      h('p', { class: 'hint', id: sepHintId }, tr.t('batch-export-separator-hint')),
      this.domainsOpen,
      h('div', { class: 'filters' },
        h('div', { class: 'field' }, h('label', { for: filterId }, tr.t('batch-filter')), filterInput),
        h('div', { class: 'field' }, h('label', { for: assessmentId }, tr.t('batch-filter-result')), assessmentSelect),
        h('div', { class: 'field' }, h('label', { for: arcId }, tr.t('batch-filter-arc')), arcSelect)),
      this.shown,
      this.table.el);
  }

  /** The CSV separator: the reader's choice, else the language's (the language can change after the page opened). */
  get separator() {
    return this.separatorChosen ?? (this.tr.lang === 'fr' ? ';' : ',');
  }

  /** One cell of the table, for message `i`. */
  cell(key, i) {
    const r = this.rows[i];
    if (!r) return '';
    return rowCell(key, r, this.tr);
  }

  update() {
    // Read before anything changes (see RowTable.geometry).
    const geometry = this.table.geometry();
    const tr = this.tr;
    const counts = this.counts;
    const x = this.extra;
    const withArc = x.intact + x.broken + x.unchecked;
    const s = this.summary;
    s.dataset.domainkeysOnly = String(x.dkOnly);
    s.dataset.arc = String(withArc);
    s.dataset.arcIntact = String(x.intact);
    s.dataset.arcBroken = String(x.broken);
    s.dataset.corroborated = String(x.corroborated);
    const extra = [];
    if (x.dkOnly) extra.push(tr.t('batch-extra-domainkeys-only', { count: x.dkOnly }));
    if (withArc) extra.push(tr.t('batch-extra-arc', { count: withArc, intact: x.intact, broken: x.broken, unchecked: x.unchecked }));
    if (x.corroborated) extra.push(tr.t('batch-extra-corroborated', { count: x.corroborated }));
    this.extraCounts.textContent = extra.join(' ');
    this.extraCounts.hidden = !extra.length;
    s.dataset.total = String(this.total);
    s.dataset.skipped = String(this.skipped.length);
    s.dataset.verified = String(counts.verified || 0);
    s.dataset.pass = String(x.pass);
    s.dataset.provesNothing = String(counts.proves_nothing || 0);
    s.dataset.expired = String(counts.expired || 0);
    s.dataset.noKey = String(counts.no_key || 0);
    s.dataset.checked = String(this.done);
    s.dataset.state = this.state;
    const tally = tallyWords(tr, counts, this.total);
    // Every file skipped as not mail: no messages, not "0 of 0 verified".
    const none = this.state === 'done' && this.total === 0;
    const id = none ? 'status-no-messages' : { running: 'batch-summary-running', cancelled: 'batch-summary-cancelled' }[this.state] || 'batch-summary-done';
    s.textContent = tr.t(id, { tally, done: this.done });
    this.showing = { done: this.done, total: this.total };
    // While the batch runs the counts change four times a second: not a live region then.
    this.shown.setAttribute('aria-live', this.state === 'running' ? 'off' : 'polite');

    clear(this.counts_).append(...OUTCOMES.filter((k) => counts[k]).map((k) => {
      const status = k === 'expired' ? 'invalid' : k;
      const words = k === 'expired' ? assessmentWords(tr, { status, reason: 'expired' }) : statusWords(tr, k);
      return h('li', { dataset: { assessment: status, count: k } },
        h('span', { class: 'badge', dataset: { assessment: status } },
          h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[status]} `), words),
        ` ${tr.count(counts[k])}`);
    }));
    const skipped = this.skipped;
    this.skippedLine.hidden = !skipped.length;
    if (skipped.length) {
      const names = skipped.slice(0, MAX_SKIPPED_NAMES).join(', ')
        + (skipped.length > MAX_SKIPPED_NAMES ? ` ${tr.t('batch-skipped-more', { count: skipped.length - MAX_SKIPPED_NAMES })}` : '');
      this.skippedLine.textContent = tr.t('batch-skipped', { count: skipped.length, names });
    }
    this.renderNeeded();
    clear(this.domains).append(...[...this.byDomain.entries()].filter(([, e]) => e.total > 0).sort((a, b) => b[1].total - a[1].total).slice(0, 200).map(([d, e]) =>
      h('tr', { dataset: { domain: d } }, h('th', { scope: 'row' }, d || tr.t('batch-no-signature')), h('td', null, tr.count(e.total)), h('td', null, tr.count(e.verified)))));
    this.renderTable(geometry);
    this.onUpdate?.();
  }

  /** The keys-needed panel, from the core's tally (rebuilt when rows were replaced). */
  renderNeeded() {
    if (!this.dk) return;
    if (this.neededDirty || !this.needed) {
      this.needed?.free();
      this.needed = new this.dk.KeysNeeded();
      for (const r of this.rows) if (r?.missing_keys?.length) this.needed.add(r.missing_keys, r.date_unix ?? undefined);
      this.neededDirty = false;
    }
    const list = this.needed.list();
    const key = JSON.stringify(list);
    if (key === this.neededKey && this.neededBox.firstChild) return;
    this.neededKey = key;
    const focusedAction = document.activeElement?.closest?.('.keys-needed') ? document.activeElement.dataset.action : null;
    clear(this.neededBox).append(keysNeededPanel(this.tr, list, { onAddKeys: this.onAddKeys }) || '');
    if (focusedAction) this.neededBox.querySelector(`[data-action="${focusedAction}"]`)?.focus();
  }

  /** The message indexes shown, filtered and sorted. */
  order() {
    return rowOrder(this.rows, this);
  }

  /** The table in its current sort and filters; `geometry` as in RowTable.setOrder. */
  renderTable(geometry = null) {
    const tr = this.tr;
    this.table.setSort(this.sort, tr.t('batch-sort-by'));
    const order = this.order();
    this.table.setOrder(order, geometry);
    this.shown.textContent = tr.t('batch-shown-all', { count: order.length });
  }

  /** Download every row (in input order): CSV through the core's columns, or JSON Lines. */
  export(kind) {
    // The texts in the page's language (the rows carry message ids and arguments).
    const rows = this.rows.filter(Boolean).map((r) => ({
      ...r,
      summary: rowSummary(this.tr, r),
      error: r.error_message ? this.tr.phrase(r.error_message) : r.error,
    }));
    if (kind === 'csv') {
      download('dkimcheck-results.csv', this.dk.csv_document(rows, this.separator), 'text/csv;charset=utf-8');
    } else {
      download('dkimcheck-results.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''), 'application/x-ndjson');
    }
  }
}
