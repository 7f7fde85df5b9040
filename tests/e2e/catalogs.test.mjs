// The message catalogs as the page reads them (locales/*.ftl through @fluent/bundle, as
// bundled in dist/): every message is in every language with the same attributes, and every
// id the page, the widget and their markup use is in every language. (tests/catalogs.rs
// checks the same for the Rust core.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT } from './helpers.mjs';

const { FluentResource } = await import(pathToFileURL(join(DIST, 'js/vendor/fluent-bundle/index.js')).href);

const LANGS = readdirSync(join(ROOT, 'locales')).filter((f) => f.endsWith('.ftl')).map((f) => f.slice(0, -4)).sort();

/** id → sorted attribute names, for one catalog as @fluent/bundle reads it. */
function catalog(lang) {
  const source = readFileSync(join(ROOT, 'locales', `${lang}.ftl`), 'utf8');
  const out = new Map();
  for (const m of new FluentResource(source).body) {
    if (m.id.startsWith('-')) continue; // terms
    assert.ok(!out.has(m.id), `${lang}: ${m.id} defined twice`);
    out.set(m.id, Object.keys(m.attributes || {}).sort().join(' '));
  }
  // A message the parser skipped (a syntax error) is missing, not silently dropped.
  const declared = [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]);
  for (const id of declared) assert.ok(out.has(id), `${lang}: ${id} could not be read by @fluent/bundle`);
  return out;
}

/** Every .js and .html file of the page and the widget. */
function sources(dir = join(ROOT, 'www'), out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(js|html)$/.test(name)) out.push(path);
  }
  return out;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** The catalog ids the page's code and markup use, with where. */
function usedIds() {
  const used = new Map();
  const add = (id, file) => { if (ID.test(id) && !used.has(id)) used.set(id, file); };
  const literals = (text) => [...text.matchAll(/'([^'\n]*)'/g)].map((m) => m[1]);
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    const rel = file.slice(ROOT.length + 1);
    // tr.t('id', …), tr.attr('id', …), tr.t(cond ? 'a' : 'b', …)
    for (const m of text.matchAll(/\.(?:t|attr|markup)\(([^,()]*)/g)) literals(m[1]).forEach((id) => add(id, rel));
    // new PhraseError('id'), new BudgetError('id'), progress.say('id'), onStatus?.('id')
    for (const m of text.matchAll(/(?:PhraseError|BudgetError|\.say|onStatus\?\.)\(\s*'([^']+)'/g)) add(m[1], rel);
    // messages as data: { id: 'id', args }
    for (const m of text.matchAll(/\{\s*id:\s*'([^']+)',\s*args\b/g)) add(m[1], rel);
    // tables of ids: const X_IDS = {...}, TIME_SOURCES, FIELD_MARKS, COLUMNS (label: 'id')
    for (const m of text.matchAll(/const (?:[A-Z_]*_IDS|TIME_SOURCES|FIELD_MARKS|COLUMNS) = ([[{][^;]*);/g)) {
      literals(m[1]).forEach((id) => add(id, rel));
    }
    // markup: data-l10n-id="id"
    for (const m of text.matchAll(/data-l10n-id="([^"]+)"/g)) add(m[1], rel);
  }
  return used;
}

test('every message is in every language, with the same attributes', () => {
  assert.deepEqual(LANGS, ['en', 'fr']);
  const [first, ...others] = LANGS.map((l) => [l, catalog(l)]);
  assert.ok(first[1].size > 300, 'the catalogs are read');
  const problems = [];
  for (const [lang, other] of others) {
    for (const [id, attrs] of first[1]) {
      if (!other.has(id)) problems.push(`${lang}: ${id} has no text`);
      else if (other.get(id) !== attrs) problems.push(`${lang}: ${id} has attributes "${other.get(id)}", ${first[0]} "${attrs}"`);
    }
    for (const id of other.keys()) if (!first[1].has(id)) problems.push(`${first[0]}: ${id} has no text (it is in ${lang})`);
  }
  assert.deepEqual(problems, []);
});

test('every id the page and the widget use is in every language', () => {
  const used = usedIds();
  assert.ok(used.size > 250, `the scan sees the ids (${used.size})`);
  const problems = [];
  for (const lang of LANGS) {
    const ids = catalog(lang);
    for (const [id, file] of used) if (!ids.has(id)) problems.push(`${lang}: ${id} (${file})`);
  }
  assert.deepEqual(problems, []);
});

test('dates: French writes the first of the month "1er", as the core does (catalog date-day)', async () => {
  const { Translator } = await import(pathToFileURL(join(DIST, 'js/common/i18n.js')).href);
  const fr = new Translator('fr');
  const en = new Translator('en');
  const first = 1456790400; // 2016-03-01
  const day = 86400;
  assert.equal(fr.date(first), '1er mars 2016');
  assert.equal(fr.date(first + 10 * day), '11 mars 2016');
  assert.equal(en.date(first), 'March 1, 2016');
  assert.match(fr.dateTime(first + 36000), /^1er mars 2016\b.*10:00:00 UTC$/);
  assert.match(fr.dateTime(first + day + 36000), /^2 mars 2016\b.*10:00:00 UTC$/);
  assert.match(en.dateTime(first + 36000), /^Mar 1, 2016\b.*10:00:00\sAM UTC$/);
  // As the argument of a phrase (headlines, explanations, the periods a key was seen).
  assert.equal(fr.phrase({ id: 'detail-as-given', args: { text: { date: first } } }), '1er mars 2016');
  const seen = {
    id: 'window-from-to',
    args: {
      first: { id: 'detail-as-given', args: { text: { date: first } } }, first_kind: 'day',
      last: { id: 'detail-as-given', args: { text: { date: first + 2 * day } } }, last_kind: 'day',
    },
  };
  assert.equal(fr.phrase(seen), 'entre le 1er mars 2016 et le 3 mars 2016');
  assert.equal(en.phrase(seen), 'from March 1, 2016 to March 3, 2016');
});
