// languages.test.mjs — the page and the widget in French and in English: the main flows
// (one message of each kind, a batch and one of its rows, the keys and limits panels, an
// unreadable file) in each language, with no sentence of the other language on screen and no
// message id shown; choosing the language (navigator.languages, ?lang=, the switch, remembered
// on the device); <html lang> and the widget's lang.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { servedBrowser, openPage, dropFiles, banner, batchSummary, makeZip, DIST, ROOT } from './helpers.mjs';
import { GMAIL, EXIM, RFC8463_TAMPERED, UNSIGNED, RFC8463, DOMAINKEYS_GMAIL, ARC_KERNEL } from './messages.mjs';

const { FluentResource } = await import(pathToFileURL(join(DIST, 'js/vendor/fluent-bundle/index.js')).href);

/** Every literal text of a pattern (the words around the placeables, every variant). */
function fragments(pattern, out = []) {
  if (typeof pattern === 'string') out.push(pattern);
  else if (Array.isArray(pattern)) for (const part of pattern) fragments(part, out);
  else if (pattern && pattern.type === 'select') for (const v of pattern.variants) fragments(v.value, out);
  else if (pattern && pattern.type === 'str') out.push(pattern.value);
  return out;
}

/** The sentences of a catalog: each literal piece of text long enough to be a sentence's part. */
function sentences(lang) {
  const source = readFileSync(join(ROOT, 'locales', `${lang}.ftl`), 'utf8');
  const out = new Set();
  for (const m of new FluentResource(source).body) {
    if (m.id.startsWith('cli-') || m.id.startsWith('label-')) continue; // the command line only
    const parts = [];
    fragments(m.value, parts);
    for (const a of Object.values(m.attributes || {})) fragments(a, parts);
    for (const text of parts) {
      for (const piece of text.split(/<[^>]+>|\n/)) {
        const s = piece.trim();
        if (s.length >= 16 && /\p{L}{3,} \p{L}{2,}/u.test(s)) out.add(s);
      }
    }
  }
  return out;
}

const IDS = new Set(readFileSync(join(ROOT, 'locales/en.ftl'), 'utf8').match(/^[a-z][a-z0-9-]*(?= =)/gm));
const SENTENCES = { en: sentences('en'), fr: sentences('fr') };
/** Sentences of `lang` that the other language never uses as they are. */
const OWN = {
  en: [...SENTENCES.en].filter((s) => !SENTENCES.fr.has(s)),
  fr: [...SENTENCES.fr].filter((s) => !SENTENCES.en.has(s)),
};

/** What a reader sees or hears on the page: its text (shadow roots too), and aria labels and placeholders. */
async function screenText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walk = (root) => {
      parts.push(root === document ? document.body.innerText : [...root.children].map((c) => c.innerText || '').join('\n'));
      for (const el of root.querySelectorAll('*')) {
        for (const a of ['aria-label', 'placeholder']) if (el.getAttribute(a)) parts.push(el.getAttribute(a));
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    parts.push(document.title);
    return parts.join('\n').replace(/\s+/g, ' ');
  });
}

/** The page shows nothing of the other language's catalog, and no message id. */
async function assertOnlyLanguage(page, lang, state) {
  const text = await screenText(page);
  const other = lang === 'fr' ? 'en' : 'fr';
  const foreign = OWN[other].filter((s) => text.includes(s));
  assert.deepEqual(foreign, [], `${lang}, ${state}: sentences in ${other}`);
  const ids = (text.match(/\b[a-z]+(?:-[a-z0-9]+)+\b/g) || []).filter((w) => IDS.has(w));
  assert.deepEqual(ids, [], `${lang}, ${state}: message ids on screen`);
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${lang}, ${state}: <html lang>`);
}


const env = servedBrowser();


async function open(url, opts) {
  const p = await openPage(env.browser, url, opts);
  p.done = async () => {
    assert.deepEqual(p.errors, [], 'page errors (a missing message is one)');
    await p.context.close();
  };
  return p;
}

for (const lang of ['fr', 'en']) {
  test(`the main flows in ${lang === 'fr' ? 'French' : 'English'}, without a word of the other language`, async () => {
    const p = await open(`${env.server.url}?lang=${lang}`);
    const { page } = p;
    await page.evaluate(() => { for (const d of document.querySelectorAll('details.panel')) d.open = true; });
    await page.waitForSelector('#keys-body table');
    await assertOnlyLanguage(page, lang, 'the page, its panels open');

    const messages = [
      ['verified', 'gmail.eml', GMAIL()],
      ['no key', 'exim.eml', EXIM()],
      ['failed', 'tampered.eml', RFC8463_TAMPERED()],
      ['unsigned', 'unsigned.eml', UNSIGNED()],
      ['DomainKeys', 'dk.eml', DOMAINKEYS_GMAIL()],
      ['ARC', 'arc.eml', ARC_KERNEL()],
      ['unreadable', 'empty.eml', Buffer.alloc(0)],
    ];
    for (const [state, name, buffer] of messages) {
      await dropFiles(page, [{ name, buffer }]);
      await page.waitForSelector(`#single-view:not([hidden]) .banner-source:text-is("${name}")`, { timeout: 20000 });
      await banner(page);
      await page.evaluate(() => { for (const d of document.querySelectorAll('#single-view details')) d.open = true; });
      await assertOnlyLanguage(page, lang, state);
    }

    const zip = await makeZip([
      { name: 'a/gmail.eml', data: GMAIL() }, { name: 'a/exim.eml', data: EXIM() }, { name: 'b/unsigned.eml', data: UNSIGNED() },
      { name: 'b/rfc8463.eml', data: RFC8463() }, { name: 'c/dk.eml', data: DOMAINKEYS_GMAIL() }, { name: 'c/arc.eml', data: ARC_KERNEL() },
      { name: 'c/empty.eml', data: Buffer.alloc(0) },
    ]);
    await dropFiles(page, [{ name: 'mail.zip', buffer: zip }]);
    const summary = await batchSummary(page);
    assert.equal(summary.total, 7);
    await page.evaluate(() => { for (const d of document.querySelectorAll('#batch-view details')) d.open = true; });
    await assertOnlyLanguage(page, lang, 'a batch');
    await page.click('#batch-view [data-row][data-index="1"]');
    await banner(page);
    await assertOnlyLanguage(page, lang, 'a row of the batch');
    await page.click('#single-view button.back');
    await page.waitForSelector('#batch-view:not([hidden])');
    await p.done();
  });
}

test('the language: browser preference, ?lang=, the switch (remembered), <html lang>', async () => {
  // A browser that prefers French gets the page in French.
  const context = await env.browser.newContext({ locale: 'fr-CA' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.textContent('#choose-files'), 'Choisir des fichiers…');
  // ?lang= wins over the browser.
  await page.goto(`${env.server.url}?lang=en`);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // The switch words what is on screen again, and is remembered on this device.
  await dropFiles(page, [{ name: 'gmail.eml', buffer: GMAIL() }]);
  const before = (await banner(page)).summary;
  await page.click('#lang-switch button[lang="fr"]');
  await page.waitForSelector('html[lang="fr"]');
  const after = await page.textContent('#single-view .banner-summary');
  assert.notEqual(after, before);
  assert.match(after, /Signé par/);
  assert.equal(await page.getAttribute('#lang-switch button[lang="fr"]', 'aria-pressed'), 'true');
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.click('#lang-switch button[lang="en"]');
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('the widget speaks the language of its lang attribute, else of the page around it', async () => {
  for (const [file, lang] of [['embed-example.fr.html', 'fr'], ['embed-example.html', 'en']]) {
    const context = await env.browser.newContext({ locale: lang === 'fr' ? 'en-US' : 'fr-FR' });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(env.server.url + file);
    await page.waitForSelector('dkim-check#embedded-check .banner[data-assessment]', { timeout: 20000 });
    await page.evaluate(() => { for (const w of document.querySelectorAll('dkim-check')) for (const d of w.shadowRoot.querySelectorAll('details')) d.open = true; });
    await assertOnlyLanguage(page, lang, file);
    // The lang attribute wins, and changing it words the widget again.
    const other = lang === 'fr' ? 'en' : 'fr';
    await page.evaluate((l) => document.querySelector('#embedded-check').setAttribute('lang', l), other);
    await page.waitForFunction((l) => document.querySelector('#embedded-check').shadowRoot.querySelector('.wrap').lang === l, other);
    const widgetText = await page.evaluate(() => document.querySelector('#embedded-check').shadowRoot.querySelector('.wrap').innerText);
    assert.deepEqual(OWN[lang].filter((x) => widgetText.includes(x)), [], `the widget switched to ${other}`);
    assert.ok(OWN[other].some((x) => widgetText.includes(x)), widgetText);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
