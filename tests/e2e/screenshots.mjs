#!/usr/bin/env node
// screenshots.mjs — PNGs of every state of the page, for a human to look at.
//   node tests/e2e/screenshots.mjs [OUTDIR]     (default /tmp/shots; needs a built dist/)

import { mkdirSync } from 'node:fs';
import { serve, launch, openPage, dropFiles, bannerVerdict, batchSummary, makeZip } from './helpers.mjs';
import { RFC8463, RFC8463_TAMPERED, EXIM, UNSIGNED, HOSTILE } from './messages.mjs';

const out = process.argv[2] || '/tmp/shots';
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();

async function shot(name, { colorScheme = 'light', width = 1100, setup } = {}) {
  const p = await openPage(browser, server.url, { colorScheme, viewport: { width, height: 900 } });
  if (setup) await setup(p.page);
  await p.page.waitForTimeout(300);
  await p.page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  await p.context.close();
  console.log(`${out}/${name}.png`);
}

const mixed = await makeZip([
  { name: 'leak/1.eml', data: RFC8463() }, { name: 'leak/2.eml', data: RFC8463_TAMPERED() },
  { name: 'leak/3.eml', data: EXIM() }, { name: 'leak/4.eml', data: UNSIGNED() }, { name: 'leak/5.eml', data: HOSTILE() },
]);
const drop = (name, buffer, wait) => async (page) => { await dropFiles(page, [{ name, buffer }]); await wait(page); };

await shot('01-empty');
await shot('02-single-pass', { setup: drop('rfc8463.eml', RFC8463(), bannerVerdict) });
await shot('03-single-fail', { setup: drop('tampered.eml', RFC8463_TAMPERED(), bannerVerdict) });
await shot('04-no-key', { setup: drop('exim.eml', EXIM(), bannerVerdict) });
await shot('05-unsigned-hostile', { setup: drop('hostile.eml', HOSTILE(), bannerVerdict) });
await shot('06b-batch-1280', { width: 1280, setup: drop('leak.zip', mixed, batchSummary) });
await shot('06-batch', { setup: drop('leak.zip', mixed, batchSummary) });
await shot('07-keys-panel', { setup: async (page) => { await page.click('#keys > summary'); await page.locator('#keys').scrollIntoViewIfNeeded(); } });
await shot('08-dark-empty', { colorScheme: 'dark' });
await shot('09-dark-pass', { colorScheme: 'dark', setup: drop('rfc8463.eml', RFC8463(), bannerVerdict) });
await shot('10-dark-batch', { colorScheme: 'dark', setup: drop('leak.zip', mixed, batchSummary) });
await shot('11-phone-empty', { width: 375 });
await shot('12-phone-pass', { width: 375, setup: drop('rfc8463.eml', RFC8463(), bannerVerdict) });
await shot('13-phone-batch', { width: 375, setup: drop('leak.zip', mixed, batchSummary) });
await shot('14-phone-no-key', { width: 375, setup: drop('exim.eml', EXIM(), bannerVerdict) });

// The widget example.
{
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}embed-example.html`);
  const w = page.locator('dkim-check#reader-check');
  await w.locator('details.paste summary').click();
  await w.locator('textarea').fill(RFC8463().toString('latin1'));
  await w.locator('button', { hasText: /^Check$/ }).click();
  await w.locator('.banner').waitFor();
  await page.screenshot({ path: `${out}/15-widget.png`, fullPage: true });
  console.log(`${out}/15-widget.png`);
  await context.close();
}

await browser.close();
await server.close();
