// interner.js — a leak repeats its summaries, domains and codes from row to row:
// the batch keeps each string and list once (memory per row).

/** Strings and lists that repeat from row to row (summaries, domains, codes), kept once. */
export class Interner {
  constructor() { this.map = new Map(); }
  str(s) {
    if (typeof s !== 'string') return s;
    const got = this.map.get(s);
    if (got !== undefined) return got;
    this.map.set(s, s);
    return s;
  }
  /** A catalog message ({id, args}: a row's headline), kept once by its JSON. */
  obj(o) {
    if (!o || typeof o !== 'object') return o;
    const key = `\u0002${JSON.stringify(o)}`;
    const got = this.map.get(key);
    if (got !== undefined) return got;
    this.map.set(key, o);
    return o;
  }
  list(a) {
    if (!Array.isArray(a)) return a;
    if (!a.length) return EMPTY;
    const key = `\u0000${a.join('\u0001')}`;
    const got = this.map.get(key);
    if (got !== undefined) return got;
    const frozen = Object.freeze(a.map((x) => this.str(x)));
    this.map.set(key, frozen);
    return frozen;
  }
  /** A batch row with its repeating strings and lists kept once (changed in place). */
  row(row) {
    for (const k of STRINGS) row[k] = this.str(row[k]);
    for (const k of LISTS) row[k] = this.list(row[k]);
    row.headline = this.obj(row.headline);
    const a = row.assessment;
    a.status = this.str(a.status);
    a.basis = this.str(a.basis);
    a.domain = this.str(a.domain);
    a.reason = this.str(a.reason);
    a.caveats = this.list(a.caveats);
  }
}
const EMPTY = Object.freeze([]);
const LISTS = ['signing_domains', 'selectors', 'signature_results', 'domainkeys_results', 'key_flags', 'warnings', 'repairs', 'missing_keys'];
// From and Subject repeat too (one sender, one thread): kept once each as well.
const STRINGS = ['outcome', 'verdict', 'from_domain', 'key_origin', 'arc', 'summary', 'date', 'from', 'subject'];
