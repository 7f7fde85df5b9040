// keystore.js — keys the user added: kept for this session, and in
// localStorage only for keys the user explicitly asked to remember.
// Keys are stored as zone-file lines, the format Verifier({keys}) takes.

const STORAGE_KEY = 'dkimcheck.keys.v1';

function storage() {
  try { return globalThis.localStorage || null; } catch { return null; }
}

/**
 * The DNS name of a DKIM key record, `selector._domainkey.domain` (RFC 6376 §3.6.2.1), as the
 * core's `keys::record_name` writes it for rows and the CLI.
 */
export function recordName(selector, domain) {
  return `${selector}._domainkey.${domain}`;
}

/** Join the quoted strings of a dig +short / zone TXT value ("a" "b" → ab). */
export function unquoteTxt(text) {
  const parts = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  return parts.length ? parts.join('') : text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Does the pasted text look like dig or zone-file lines rather than a bare TXT value? */
export function looksLikeZone(text) {
  return /\._domainkey\./i.test(text) && /\bTXT\b/i.test(text);
}

/**
 * The zone lines of keys a person pasted (dig/zone lines, or a bare TXT value with its selector
 * and domain), checked by the wasm engine `dk`; `keep(lines)` takes them. Errors are Errors
 * worded by `tr`. Returns the record names.
 */
export function addKeyLines({ selector, domain, text }, dk, tr, keep) {
  if (!text) throw new Error(tr.t('key-error-paste-first'));
  const lines = [];
  if (looksLikeZone(text)) {
    const parsed = dk.parse_keys(text, tr.lang);
    if (!parsed.keys.length) throw new Error(parsed.errors.length ? parsed.errors.join(' ') : tr.t('key-error-none-found'));
    for (const k of parsed.keys) lines.push({ name: k.name, line: dk.add_key_for(k.selector, k.domain, k.record, tr.lang) });
  } else {
    if (!selector || !domain) throw new Error(tr.t('key-error-selector-domain'));
    const line = dk.add_key_for(selector, domain.replace(/\.$/, ''), unquoteTxt(text), tr.lang);
    lines.push({ name: recordName(selector, domain.replace(/\.$/, '')).toLowerCase(), line });
  }
  keep(lines);
  return lines.map((l) => l.name);
}

export class KeyStore {
  constructor() {
    /** @type {Array<{name:string, line:string, remember:boolean}>} */
    this.entries = [];
    this.listeners = new Set();
    const saved = storage()?.getItem(STORAGE_KEY);
    if (saved) {
      try { this.entries = JSON.parse(saved).map((e) => ({ ...e, remember: true })); } catch { /* ignore broken storage */ }
    }
  }

  /** Zone text of all added keys, for new Verifier({keys}). */
  text() {
    return this.entries.map((e) => e.line).join('\n');
  }

  onChange(fn) { this.listeners.add(fn); }

  changed() {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(this.entries.filter((e) => e.remember).map(({ name, line }) => ({ name, line }))));
    for (const fn of this.listeners) fn();
  }

  /**
   * Add keys from user input, validated by the wasm engine `dk`; errors are worded by `tr`.
   * @returns {string[]} the record names added
   */
  add({ selector, domain, text, remember }, dk, tr) {
    return addKeyLines({ selector, domain, text }, dk, tr, (lines) => {
      // The whole set must still be accepted by the verifier.
      const next = this.entries.filter((e) => !lines.some((l) => l.name === e.name)).concat(lines.map((l) => ({ ...l, remember: !!remember })));
      new dk.Verifier({ keys: next.map((e) => e.line).join('\n'), lang: tr.lang }).free?.();
      this.entries = next;
      this.changed();
    });
  }

  /**
   * Drop remembered keys the verifier no longer accepts (for example after an
   * update of the page). Returns the names dropped.
   */
  prune(dk) {
    const bad = this.entries.filter((e) => {
      try { new dk.Verifier({ keys: e.line }).free?.(); return false; } catch { return true; }
    }).map((e) => e.name);
    if (bad.length) {
      this.entries = this.entries.filter((e) => !bad.includes(e.name));
      this.changed();
    }
    return bad;
  }

  remove(name) {
    this.entries = this.entries.filter((e) => e.name !== name);
    this.changed();
  }

  setRemember(name, remember) {
    const e = this.entries.find((x) => x.name === name);
    if (e) { e.remember = remember; this.changed(); }
  }
}
