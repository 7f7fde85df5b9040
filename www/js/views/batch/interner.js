// interner.js — a leak repeats its summaries, domains and codes from row to row:
// the batch keeps each string and list once (memory per row).
//
// It runs for every row as it comes (on the page's main thread, beside the workers), so it
// makes no key strings: a list is found by its strings one after another (a tree of maps), a
// headline among the few already kept with the same summary, compared field by field. Keys
// made with join() and JSON.stringify() cost about as much as parsing the row (node, 21,075
// rows of scripts/bench-leak.mjs's zip) and left as much garbage.

/** At most this many different headlines are kept per summary; more are kept per row. */
const MAX_HEADLINES_PER_SUMMARY = 16;

/** Strings and lists that repeat from row to row (summaries, domains, codes), kept once. */
export class Interner {
  constructor() {
    /** string → the same string, kept once */
    this.strings = new Map();
    /** lists of strings by their strings: a tree of {list, next: Map} */
    this.lists = { list: EMPTY, next: new Map() };
    /** headlines by their row's summary: summary → [headline...] */
    this.headlines = new Map();
  }

  str(s) {
    if (typeof s !== 'string') return s;
    const got = this.strings.get(s);
    if (got !== undefined) return got;
    this.strings.set(s, s);
    return s;
  }

  /**
   * A catalog message ({id, args}, or a row's headline {main, caveats}), kept once: found among
   * those kept with the same `near` (the row's summary, a string kept once), equal field by field.
   */
  obj(o, near = '') {
    if (!o || typeof o !== 'object') return o;
    let kept = this.headlines.get(near);
    if (!kept) {
      kept = [];
      this.headlines.set(typeof near === 'string' ? near : '', kept);
    }
    for (const k of kept) if (same(k, o)) return k;
    if (kept.length < MAX_HEADLINES_PER_SUMMARY) kept.push(o);
    return o;
  }

  list(a) {
    if (!Array.isArray(a)) return a;
    if (!a.length) return EMPTY;
    let node = this.lists;
    for (const x of a) {
      if (typeof x !== 'string') return Object.freeze(a.map((y) => this.str(y)));
      let next = node.next.get(x);
      if (!next) {
        next = { list: null, next: new Map() };
        node.next.set(this.str(x), next);
      }
      node = next;
    }
    if (!node.list) node.list = Object.freeze(a.map((x) => this.str(x)));
    return node.list;
  }

  /** A batch row with its repeating strings and lists kept once (changed in place). */
  row(row) {
    for (const k of STRINGS) row[k] = this.str(row[k]);
    for (const k of LISTS) row[k] = this.list(row[k]);
    row.headline = this.obj(row.headline, row.summary);
    const a = row.assessment;
    a.status = this.str(a.status);
    a.basis = this.str(a.basis);
    a.domain = this.str(a.domain);
    a.reason = this.str(a.reason);
    a.caveats = this.list(a.caveats);
  }
}

/** Whether two values parsed from JSON are equal (the same fields with equal values). */
function same(x, y) {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(y)) return false;
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !same(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) n--;
  return n === 0;
}

const EMPTY = Object.freeze([]);
const LISTS = ['signing_domains', 'selectors', 'signature_results', 'domainkeys_results', 'key_flags', 'warnings', 'repairs', 'missing_keys'];
// From and Subject repeat too (one sender, one thread): kept once each as well.
const STRINGS = ['outcome', 'verdict', 'from_domain', 'key_origin', 'arc', 'summary', 'date', 'from', 'subject'];
