// i18n.js — every word the page and the widget show, from the message catalogs
// (locales/<lang>.ftl, the same files the Rust core renders with), through
// @fluent/bundle. Numbers and dates go through Intl in the language in use.
//
// A Translator is bound to one language and can change it (the page's switch);
// views take one, so the widget can speak another language than the page.
// Reports carry language-independent messages {id, args} (args: strings,
// numbers, {date: unixSeconds} or other messages); phrase() renders them.

import { FluentBundle, FluentResource } from '../vendor/fluent-bundle/index.js';
import CATALOGS from '../l10n/catalogs.js';
import { h } from './dom.js';

/** The catalog languages, the default first. */
export const LANGS = ['en', 'fr'];

/** The name of each language, in itself (the switch shows these). */
export const LANG_NAMES = { en: 'English', fr: 'Français' };

const bundles = new Map();

/** The FluentBundle of a language, made once. */
function bundleFor(lang) {
  if (!bundles.has(lang)) {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(CATALOGS[lang] || ''));
    for (const e of errors) console.error(`catalog ${lang}: ${e}`);
    bundles.set(lang, bundle);
  }
  return bundles.get(lang);
}

/** The catalog language of a tag ('fr-CA' → 'fr'), or null. */
export function langOf(tag) {
  const primary = String(tag || '').trim().toLowerCase().split(/[-_.@]/)[0];
  return LANGS.includes(primary) ? primary : null;
}

/** The first of `tags` (in order of preference) that names a catalog language, or null. */
export function negotiate(tags) {
  for (const t of tags || []) {
    const l = langOf(t);
    if (l) return l;
  }
  return null;
}

/** The message ids of a language (for tests). */
export function messageIds(lang) {
  return [...bundleFor(lang)._messages.keys()];
}

const MARKUP = /<(code|strong|em)>([^<]*)<\/\1>/g;

export class Translator {
  constructor(lang = 'en') {
    this.lang = langOf(lang) || 'en';
    this.listeners = new Set();
    this.formats = new Map();
  }

  /** Use another language; listeners re-render what they show. */
  setLang(lang) {
    const l = langOf(lang) || 'en';
    if (l === this.lang) return;
    this.lang = l;
    this.formats.clear();
    for (const fn of this.listeners) fn(l);
  }

  /** Call `fn(lang)` after every change of language. */
  onChange(fn) { this.listeners.add(fn); }

  get bundle() { return bundleFor(this.lang); }

  /** Arguments for Fluent: dates and nested messages rendered, numbers kept for plurals. */
  args(args) {
    if (!args) return undefined;
    const out = {};
    for (const [k, v] of Object.entries(args)) {
      if (v && typeof v === 'object') {
        if ('date' in v) out[k] = this.date(v.date);
        else if ('decimal' in v) out[k] = this.decimal(v.decimal, 1);
        else if ('text' in v) out[k] = v.text;
        else out[k] = this.phrase(v);
      }
      else out[k] = v ?? '';
    }
    return out;
  }

  /** The text of message `id` (with `args`); a missing id is reported and shown as itself. */
  t(id, args) {
    const msg = this.bundle.getMessage(id);
    if (!msg || !msg.value) {
      console.error(`missing message ${this.lang}: ${id}`);
      return id;
    }
    const errors = [];
    const text = this.bundle.formatPattern(msg.value, this.args(args), errors);
    for (const e of errors) console.error(`message ${this.lang}: ${id}: ${e}`);
    return text;
  }

  /** An attribute of message `id` (`.placeholder`, `.aria-label`, ...). */
  attr(id, name, args) {
    const msg = this.bundle.getMessage(id);
    const pattern = msg?.attributes?.[name];
    if (!pattern) {
      console.error(`missing message ${this.lang}: ${id}.${name}`);
      return id;
    }
    return this.bundle.formatPattern(pattern, this.args(args), []);
  }

  /** A report's message {id, args}, rendered in this language ('' for none); {text} is shown as is. */
  phrase(p) {
    if (!p) return '';
    if (typeof p === 'string') return p;
    if (!p.id) return p.text ?? '';
    return this.t(p.id, p.args);
  }

  /**
   * Message `id` as DOM: its text, with <code>, <strong> and <em> from the catalog made
   * into elements (never parsed as HTML). Only for messages without arguments.
   */
  markup(id) {
    const text = this.t(id);
    const nodes = [];
    let last = 0;
    for (const m of text.matchAll(MARKUP)) {
      if (m.index > last) nodes.push(text.slice(last, m.index));
      nodes.push(h(m[1], null, m[2]));
      last = m.index + m[0].length;
    }
    if (last < text.length) nodes.push(text.slice(last));
    return nodes;
  }

  format(key, make) {
    if (!this.formats.has(key)) this.formats.set(key, make());
    return this.formats.get(key);
  }

  /** A count (8,000 / 8 000). */
  count(n) {
    return this.format('count', () => new Intl.NumberFormat(this.lang)).format(Number(n));
  }

  /** A rate with one decimal under 10 (3.5 / 3,5). */
  decimal(n, digits) {
    return this.format(`decimal${digits}`, () => new Intl.NumberFormat(this.lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(n);
  }

  /** A day (unix seconds, UTC): March 1, 2016 / 1er mars 2016. */
  date(t) {
    const d = new Date(Number(t) * 1000);
    if (Number.isNaN(d.getTime())) return String(t);
    return this.withDay(this.format('date', () => new Intl.DateTimeFormat(this.lang, { dateStyle: 'long', timeZone: 'UTC' })).formatToParts(d));
  }

  /** A moment (unix seconds), in UTC: Mar 1, 2016, 10:00:00 UTC / 1er mars 2016, 10:00:00 UTC. */
  dateTime(t) {
    if (t === null || t === undefined) return '';
    const d = new Date(Number(t) * 1000);
    if (Number.isNaN(d.getTime())) return String(t);
    return this.withDay(this.format('dateTime', () => new Intl.DateTimeFormat(this.lang, { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' })).formatToParts(d));
  }

  /** Intl's parts of a date, its day as the catalog writes it (date-day: "1er" in French). */
  withDay(parts) {
    return parts.map((p) => (p.type === 'day' ? this.t('date-day', { day: Number(p.value) }) : p.value)).join('');
  }

  /**
   * A moment (unix seconds) for a table cell, the same order in every language and its zone
   * said: 2015-06-11 02:05 UTC (a locale's short date is 6/11/15 in English, 11/06/2015 in French).
   */
  utcDateTime(t) {
    if (t === null || t === undefined) return '';
    const d = new Date(Number(t) * 1000);
    if (Number.isNaN(d.getTime())) return '';
    const iso = d.toISOString(); // 2015-06-11T02:05:00.000Z (a year past 9999: +010000-...)
    return this.t('date-time-utc', { date: iso.slice(0, -14), time: iso.slice(-13, -8) });
  }

  /** A byte count: 512 bytes, 1.5 KB (1,5 Ko). */
  bytes(n) {
    if (n === null || n === undefined) return '';
    if (n < 1024) return this.t('size-bytes', { n: Number(n) });
    if (n < 1024 * 1024) return this.t('size-kb', { n: this.decimal(n / 1024, 1) });
    return this.t('size-mb', { n: this.decimal(n / 1024 / 1024, 1) });
  }
}

/**
 * Translate static markup: each element with data-l10n-id gets the message's text (unless
 * the message has no value) and its attributes (.placeholder, .aria-label, .title...);
 * data-l10n-markup allows <code>/<strong>/<em> from the catalog.
 */
export function translateDom(root, tr) {
  for (const el of root.querySelectorAll('[data-l10n-id]')) {
    const id = el.dataset.l10nId;
    const msg = tr.bundle.getMessage(id);
    if (!msg) { console.error(`missing message ${tr.lang}: ${id}`); continue; }
    if (msg.value) {
      if ('l10nMarkup' in el.dataset) el.replaceChildren(...tr.markup(id));
      else el.textContent = tr.t(id);
    }
    for (const name of Object.keys(msg.attributes || {})) el.setAttribute(name, tr.attr(id, name));
  }
}

const STORAGE_KEY = 'dkimcheck.lang';

function storage() {
  try { return globalThis.localStorage || null; } catch { return null; }
}

/**
 * The page's language: ?lang= in the URL, else the one chosen with the switch on this device,
 * else the browser's preferences (navigator.languages), else English.
 */
export function pageLang() {
  let fromUrl = null;
  try { fromUrl = langOf(new URLSearchParams(location.search).get('lang')); } catch { /* file: */ }
  let saved = null;
  try { saved = langOf(storage()?.getItem(STORAGE_KEY)); } catch { /* no storage */ }
  return fromUrl || saved || negotiate(globalThis.navigator?.languages || [globalThis.navigator?.language]) || 'en';
}

/** Remember the language chosen with the switch (on this device). */
export function rememberLang(lang) {
  try { storage()?.setItem(STORAGE_KEY, lang); } catch { /* no storage */ }
}
