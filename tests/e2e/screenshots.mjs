#!/usr/bin/env node
// screenshots.mjs — PNGs of every state of the page, for a human to look at.
//   node tests/e2e/screenshots.mjs [OUTDIR] [FILTER] [LANG]   (default /tmp/shots, every state, en; needs a built dist/)
// LANG fr takes the French page (?lang=fr, the French widget example); file names end in -fr.
// Each result state is taken light and dark, at 1280 px and 375 px; FILTER keeps names containing it.

import { mkdirSync } from 'node:fs';
import { serve, launch, openPage, dropFiles, banner, batchSummary, makeZip, addKeyInline } from './helpers.mjs';
import {
  RFC8463, RFC8463_TAMPERED, EXIM, UNSIGNED, HOSTILE, GMAIL, GMAIL_BODY_CHANGED, GMAIL_HEADERS_CHANGED, MISALIGNED,
  TESTING_KEY, WEAK, WEAK_KEY, EXPIRED_X, EXPIRED_X_KEY, PARTIAL_BODY, PARTIAL_BODY_KEY,
} from './messages.mjs';

const out = process.argv[2] || '/tmp/shots';
const only = process.argv[3] || '';
const lang = process.argv[4] || 'en';
const tag = lang === 'en' ? '' : `-${lang}`;
mkdirSync(`${out}/tiles`, { recursive: true });
const server = await serve();
const browser = await launch();

async function shot(name, { colorScheme = 'light', width = 1280, setup, query = `?lang=${lang}` } = {}) {
  if (only && !name.includes(only)) return;
  name += tag;
  const p = await openPage(browser, `${server.url}${query}`, { colorScheme, viewport: { width, height: 900 } });
  if (setup) await setup(p.page);
  await p.page.waitForTimeout(300);
  await p.page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  // Narrow pages are tall: also in pieces a person can read.
  if (width < 600) {
    const height = await p.page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 1; y < height && i <= 8; y += 1400, i++) {
      await p.page.screenshot({ path: `${out}/tiles/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
    }
  }
  await p.context.close();
  console.log(`${out}/${name}.png`);
}

/** The same state light and dark, at 1280 and 375 px. */
async function shots(name, opts) {
  for (const [suffix, colorScheme, width] of [['1280', 'light', 1280], ['1280-dark', 'dark', 1280], ['375', 'light', 375], ['375-dark', 'dark', 375]]) {
    await shot(`${name}-${suffix}`, { ...opts, colorScheme, width });
  }
}

const mixed = await makeZip([
  { name: 'leak/1.eml', data: GMAIL() }, { name: 'leak/2.eml', data: RFC8463() }, { name: 'leak/3.eml', data: GMAIL_BODY_CHANGED() },
  { name: 'leak/4.eml', data: EXIM() }, { name: 'leak/5.eml', data: UNSIGNED() }, { name: 'leak/6.eml', data: HOSTILE() },
  { name: 'leak/7.eml', data: MISALIGNED() }, { name: 'leak/8.eml', data: TESTING_KEY() }, { name: 'leak/9.eml', data: RFC8463_TAMPERED() },
]);
const drop = (file, buffer, key) => async (page) => {
  await dropFiles(page, [{ name: file, buffer }]);
  await banner(page);
  if (key) await addKeyInline(page, key);
};

await shot('01-empty');
await shot('01-empty-375-dark', { width: 375, colorScheme: 'dark' });
await shots('02-gmail-verified', { setup: drop('gmail.eml', GMAIL()) });
await shots('03-compromised', { setup: drop('rfc8463.eml', RFC8463()) });
await shots('04-body-changed', { setup: drop('body.eml', GMAIL_BODY_CHANGED()) });
await shots('05-headers-changed', { setup: drop('headers.eml', GMAIL_HEADERS_CHANGED()) });
await shots('06-no-key', { setup: drop('exim.eml', EXIM()) });
await shots('07-misaligned', { setup: drop('strace.eml', MISALIGNED()) });
await shots('08-testing-key', { setup: drop('gamma.eml', TESTING_KEY()) });
await shots('09-weak-512', { setup: drop('weak.eml', WEAK(), WEAK_KEY) });
await shots('10-x-expired-as-of-signing', { setup: drop('topicbox.eml', EXPIRED_X(), EXPIRED_X_KEY) });
await shots('11-x-expired-at-now', {
  setup: async (page) => {
    await drop('topicbox.eml', EXPIRED_X(), EXPIRED_X_KEY)(page);
    await page.check('#judging input[value="now"]');
    await page.waitForSelector('#single-view:not([hidden]) .banner[data-assessment="invalid"]');
  },
});
await shots('12-partial-body', { setup: drop('partial.eml', PARTIAL_BODY(), PARTIAL_BODY_KEY()) });
await shots('13-unsigned-hostile', { setup: drop('hostile.eml', HOSTILE()) });
await shots('17-not-an-email', { setup: drop('notes.eml', Buffer.from('this is not an email\nonly some text\n')) });
await shots('18-empty-file', { setup: drop('empty.eml', Buffer.alloc(0)) });
await shots('14-batch', { setup: async (page) => { await dropFiles(page, [{ name: 'leak.zip', buffer: mixed }]); await batchSummary(page); } });
const keysPanel = async (page) => { await page.click('#keys > summary'); await page.locator('#keys').scrollIntoViewIfNeeded(); };
await shot('15-keys-panel', { setup: keysPanel });
await shot('15-keys-panel-375', { width: 375, setup: keysPanel });

// The widget example.
if (!only || 'widget'.includes(only) || only.includes('widget')) {
  for (const [suffix, colorScheme, width] of [['1280', 'light', 1280], ['375-dark', 'dark', 375]]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(`${server.url}${lang === 'fr' ? 'embed-example.fr.html' : 'embed-example.html'}`);
    const w = page.locator('dkim-check#reader-check');
    await w.locator('details.paste summary').click();
    await w.locator('textarea').fill(GMAIL().toString('latin1'));
    await w.locator('.paste p button').click();
    await w.locator('.banner').waitFor();
    await page.screenshot({ path: `${out}/16-widget-${suffix}${tag}.png`, fullPage: true });
    console.log(`${out}/16-widget-${suffix}${tag}.png`);
    await context.close();
  }
}

await browser.close();
await server.close();
