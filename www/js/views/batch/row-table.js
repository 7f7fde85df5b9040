// row-table.js — a table of any number of rows that stays fast: only the rows in
// view (and a few around them) exist as elements; the others are reached by
// scrolling or by keyboard (↑ ↓ Page Up/Down Home End, Enter opens). Every row
// element carries data-row (its position in the current order, from 0) and
// data-index (the message's index in the batch). ARIA grid semantics; one row
// at a time is in the tab order (roving tabindex). Every row has the same height, set
// by the stylesheet (--rt-row-height: taller on narrow screens, where a row is a block
// of three lines) and measured here, so positions stay arithmetic.

import { h, clear } from '../../common/dom.js';

/** px; a row's height until the stylesheet's can be measured (the table not yet laid out). */
const DEFAULT_ROW_HEIGHT = 44;
const OVERSCAN = 8;

// The rows in view sit in a window moved down by the rows above them, and a spacer gives the
// whole height. Both are set through a stylesheet made here (CSSOM): a style attribute would be
// refused by the page's Content-Security-Policy, and would be saved by "Save page as".
let sheet = null;
let tables = 0;
function rules(id) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const at = sheet.cssRules.length;
  sheet.insertRule(`.${id} .rt-spacer { height: 0px; }`, at);
  sheet.insertRule(`.${id} .rt-window { transform: translateY(0px); }`, at + 1);
  return { spacer: sheet.cssRules[at].style, window: sheet.cssRules[at + 1].style };
}

export class RowTable {
  /**
   * @param {object} o
   * @param {Array<{key:string, label:string, cls:string, cellLabel?:string, cell:(index:number)=>Node|string}>} o.columns
   *   cellLabel: the column's name as a cell shows it where there is no header above it (narrow screens)
   * @param {(key:string)=>void} o.onSort  a header was chosen
   * @param {(index:number)=>void} o.onOpen  a row was opened (Enter, click)
   * @param {string} o.label  the grid's accessible name
   * @param {(index:number)=>object} [o.rowData]  more data-* attributes for a row's element
   * @param {(index:number)=>*} [o.rowKey]  what a row's element is built from (its data): while
   *   it is the same (===), the element is kept when the rows are shown again
   */
  constructor({ columns, onSort, onOpen, label, rowData, rowKey }) {
    this.columns = columns;
    this.rowData = rowData;
    this.rowKey = rowKey;
    /** element → {index, key}: what it was built from */
    this.built = new WeakMap();
    /** The header's sort state as last shown (see setSort). */
    this.shownSort = '';
    this.onSort = onSort;
    this.onOpen = onOpen;
    this.order = [];
    this.active = 0; // position of the row in the tab order
    this.rendered = new Map(); // position → element
    this.head = h('div', { class: 'rt-row rt-head', role: 'row', 'aria-rowindex': '1' });
    const id = `rt-${++tables}`;
    this.css = rules(id);
    this.spacer = h('div', { class: 'rt-spacer' });
    this.window = h('div', { class: 'rt-window', role: 'presentation' });
    // As tall as one row: measured for the row height, watched for its changes (width, text size).
    this.probe = h('div', { class: 'rt-probe', 'aria-hidden': 'true' });
    this.rowHeight = DEFAULT_ROW_HEIGHT;
    this.body = h('div', { class: 'rt-body', role: 'rowgroup', tabindex: '0' }, this.probe, this.spacer, this.window);
    this.el = h('div', { class: `row-table ${id}`, role: 'grid', 'aria-label': label }, this.head, this.body);
    this.frame = 0;
    this.body.addEventListener('scroll', () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
    });
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => { if (this.measure()) this.refresh(); }).observe(this.probe);
    }
    this.body.addEventListener('keydown', (e) => this.key(e));
    // Tab into the grid lands on the active row.
    this.body.addEventListener('focus', () => this.focusPosition(this.active));
    this.body.addEventListener('click', (e) => {
      const row = e.target.closest?.('[data-row]');
      if (!row) return;
      this.active = Number(row.dataset.row);
      this.onOpen(Number(row.dataset.index));
    });
  }

  /** Show the header with the sort state: {key, dir}. */
  setSort(sort, sortLabel) {
    const shown = `${sort.key}\u0000${sort.dir}\u0000${sortLabel}`;
    if (shown === this.shownSort) return;
    this.shownSort = shown;
    this.head.dataset.sortLabel = sortLabel; // shown before the sort buttons on narrow screens
    clear(this.head).append(...this.columns.map((c) => {
      const on = sort.key === c.key;
      return h('div', { class: `rt-cell ${c.cls}`, role: 'columnheader', 'aria-sort': on ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
        h('button', { type: 'button', class: 'sort', dataset: { key: c.key }, title: sortLabel, onclick: () => this.onSort(c.key) },
          c.label, h('span', { 'aria-hidden': 'true' }, on ? (sort.dir > 0 ? ' ▲' : ' ▼') : '')));
    }));
  }

  /**
   * Where the table is scrolled, how tall its view and a row are: read before the page is
   * changed (then the browser has it from its last layout), for setOrder. Reading them after a
   * change makes the browser lay out the whole page at once, then again for the next frame.
   */
  geometry() {
    return { top: this.body.scrollTop, height: this.body.clientHeight, row: this.probe.getBoundingClientRect().height };
  }

  /**
   * Show these message indexes, in this order (the rows are built as they come into view).
   * `geometry`: as geometry() gave it before the page changed, or null to read it now.
   */
  setOrder(order, geometry = null) {
    const before = this.order.length * this.rowHeight; // the rows' height until now
    this.order = order;
    this.el.setAttribute('aria-rowcount', String(order.length + 1));
    if (this.measure(geometry?.row)) geometry = null;
    this.css.spacer.height = `${order.length * this.rowHeight}px`;
    this.active = Math.min(this.active, Math.max(0, order.length - 1));
    // What was read holds while the rows overflowed the view (it was as tall as it can be) and
    // still reach below it; otherwise the view grows, or the browser scrolls back: read it now.
    if (geometry && !(before > geometry.height + 1 && geometry.top + geometry.height <= order.length * this.rowHeight)) geometry = null;
    this.refresh(geometry);
  }

  /**
   * Read the row height the stylesheet sets (or take `px`, read before the page changed); when
   * it changed, keep the same row at the top of the view. True when it changed. (Unchanged while
   * the table is not shown.)
   */
  measure(px = this.probe.getBoundingClientRect().height) {
    if (!(px > 0) || Math.abs(px - this.rowHeight) < 0.01) return false;
    const top = this.body.scrollTop / this.rowHeight;
    this.rowHeight = px;
    this.css.spacer.height = `${this.order.length * px}px`;
    this.body.scrollTop = top * px;
    return true;
  }

  /** Show the rows in view again (their data changed: those unchanged are kept); `geometry` as in setOrder. */
  refresh(geometry = null) {
    const hadFocus = this.el.contains(document.activeElement) && document.activeElement !== this.body
      && document.activeElement?.dataset?.row !== undefined;
    // Rows that show the same message with the same data are kept: a row built again is styled,
    // laid out and painted again (a batch's table is shown again at every count update).
    const kept = new Map();
    if (this.rowKey) {
      for (const [pos, el] of this.rendered) {
        const was = this.built.get(el);
        const index = this.order[pos];
        if (!was || was.index !== index || was.key !== this.rowKey(index)) continue;
        el.tabIndex = pos === this.active ? 0 : -1;
        kept.set(pos, el);
      }
    }
    this.rendered = kept;
    this.first = this.last = -1;
    this.render(geometry);
    if (hadFocus) this.focusPosition(this.active);
  }

  /** Build the rows in view (reusing those already built), in order, in the window; `geometry` as in setOrder. */
  render(geometry = null) {
    const top = geometry ? geometry.top : this.body.scrollTop;
    const height = (geometry ? geometry.height : this.body.clientHeight) || 600;
    const rh = this.rowHeight;
    const first = Math.max(0, Math.floor(top / rh) - OVERSCAN);
    const last = Math.min(this.order.length - 1, Math.ceil((top + height) / rh) + OVERSCAN);
    if (first === this.first && last === this.last && this.window.childElementCount === this.rendered.size) return;
    this.first = first;
    this.last = last;
    const focused = document.activeElement;
    const els = [];
    const kept = new Map();
    for (let pos = first; pos <= last; pos++) {
      const el = this.rendered.get(pos) || this.row(pos);
      kept.set(pos, el);
      els.push(el);
    }
    this.rendered = kept;
    this.css.window.transform = `translateY(${first * rh}px)`;
    const children = this.window.children;
    if (children.length !== els.length || els.some((el, i) => children[i] !== el)) this.window.replaceChildren(...els);
    if (focused && this.window.contains(focused) && document.activeElement !== focused) focused.focus({ preventScroll: true });
    this.body.tabIndex = this.rendered.has(this.active) ? -1 : 0;
  }

  row(pos) {
    const index = this.order[pos];
    const el = h('div', {
      class: 'rt-row', role: 'row', tabindex: pos === this.active ? '0' : '-1', 'aria-rowindex': String(pos + 2),
      dataset: { ...this.rowData?.(index), row: String(pos), index: String(index) },
    }, ...this.columns.map((c) => h('div', { class: `rt-cell ${c.cls}`, role: 'gridcell', dataset: c.cellLabel ? { label: c.cellLabel } : null }, c.cell(index))));
    this.built.set(el, { index, key: this.rowKey?.(index) });
    return el;
  }

  /** Scroll position `pos` into view and focus its row; false when there is no such row. */
  focusPosition(pos) {
    if (!this.order.length) return false;
    pos = Math.max(0, Math.min(this.order.length - 1, pos));
    const prev = this.rendered.get(this.active);
    if (prev) prev.tabIndex = -1;
    this.active = pos;
    const rh = this.rowHeight;
    const y = pos * rh;
    const height = this.body.clientHeight || 600;
    if (y < this.body.scrollTop) this.body.scrollTop = y;
    else if (y + rh > this.body.scrollTop + height) this.body.scrollTop = y + rh - height;
    this.render();
    const el = this.rendered.get(pos);
    if (!el) return false;
    el.tabIndex = 0;
    el.focus({ preventScroll: true });
    this.body.tabIndex = -1;
    return true;
  }

  /**
   * Focus the row of message `index`, if it is in the current order, and bring it into the
   * page's view (the reader comes back to it from the message: "← Back").
   */
  focusIndex(index) {
    const pos = this.order.indexOf(index);
    if (pos < 0 || !this.focusPosition(pos)) return false;
    this.reveal(pos);
    return true;
  }

  /**
   * Scroll the page, when needed, so that the row at `pos` is on screen: focusPosition scrolls
   * only the table's own view (its focus() prevents the browser's scrolling, which would move
   * the rows' window), and the table can reach below the screen, or sit above it.
   */
  reveal(pos) {
    const el = this.rendered.get(pos);
    if (!el) return;
    const r = el.getBoundingClientRect();
    const bottom = window.innerHeight || document.documentElement.clientHeight;
    if (r.top < 0 || r.bottom > bottom) el.scrollIntoView({ block: 'nearest' });
  }

  key(e) {
    const page = Math.max(1, Math.floor((this.body.clientHeight || 600) / this.rowHeight) - 1);
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    let to = null;
    if (e.key in moves) to = this.active + moves[e.key];
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = this.order.length - 1;
    else if ((e.key === 'Enter' || e.key === ' ') && e.target?.dataset?.row !== undefined) {
      e.preventDefault();
      this.onOpen(this.order[this.active]);
      return;
    }
    if (to === null) return;
    e.preventDefault();
    if (this.focusPosition(to)) this.reveal(this.active);
  }
}
