// a11y.test.mjs — axe-core (tests/e2e/node_modules/axe-core) on every state of the page and
// of the widget's example page, in French and English, light and dark, at 375 px and
// 1280 px wide. Any violation fails, with what axe says about it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { servedBrowser, openPage, dropFiles, banner, batchSummary, makeZip } from './helpers.mjs';
import { GMAIL, EXIM, RFC8463_TAMPERED, UNSIGNED, RFC8463, DOMAINKEYS_GMAIL, ARC_KERNEL, PARTIAL_BODY } from './messages.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const LANGS = ['en', 'fr'];
const SCHEMES = ['light', 'dark'];
const WIDTHS = [375, 1280];


const env = servedBrowser();


/** axe's violations on the page as it is now, one line each (rule, impact, where, why). */
async function violations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) does not apply.
  if (!(await page.evaluate(() => Boolean(globalThis.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

/** Every combination of language, colour scheme and width. */
function combinations() {
  return LANGS.flatMap((lang) => SCHEMES.flatMap((colorScheme) => WIDTHS.map((width) => ({ lang, colorScheme, width }))));
}

/** Opens every <details> under `selector` (panels, message details) so that axe sees their content. */
async function openDetails(page, selector = 'body') {
  await page.evaluate((s) => { for (const d of document.querySelectorAll(`${s} details`)) d.open = true; }, selector);
}

test('the page has no axe violations in any state, language, colour scheme or width', async () => {
  const found = [];
  for (const { lang, colorScheme, width } of combinations()) {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { colorScheme, viewport: { width, height: 900 } });
    const { page } = p;
    const check = async (state) => {
      for (const v of await violations(page)) found.push(`${lang} ${colorScheme} ${width}px, ${state}: ${v}`);
    };
    await check('empty page');
    await openDetails(page, 'main');
    await page.waitForSelector('#keys-body table');
    await check('panels open (keys, limits, paste)');
    const messages = [
      ['verified', GMAIL()], ['no key (key form)', EXIM()], ['failed', RFC8463_TAMPERED()], ['unsigned', UNSIGNED()],
      ['proves nothing', RFC8463()], ['DomainKeys', DOMAINKEYS_GMAIL()], ['ARC chain', ARC_KERNEL()],
      ['part of the body unsigned', PARTIAL_BODY()], ['unreadable', Buffer.alloc(0)],
    ];
    for (const [state, buffer] of messages) {
      const name = `${state.replace(/\W+/g, '-')}.eml`;
      await dropFiles(page, [{ name, buffer }]);
      await page.waitForSelector(`#single-view:not([hidden]) .banner-source:text-is("${name}")`, { timeout: 20000 });
      await banner(page);
      await openDetails(page, '#single-view');
      await check(state);
    }
    const zip = await makeZip([
      { name: 'gmail.eml', data: GMAIL() }, { name: 'exim.eml', data: EXIM() }, { name: 'unsigned.eml', data: UNSIGNED() },
      { name: 'rfc8463.eml', data: RFC8463() }, { name: 'arc.eml', data: ARC_KERNEL() }, { name: 'empty.eml', data: Buffer.alloc(0) },
    ]);
    await dropFiles(page, [{ name: 'mail.zip', buffer: zip }]);
    await batchSummary(page);
    await openDetails(page, '#batch-view');
    await check('a batch');
    await page.click('#batch-view [data-row][data-index="0"]');
    await banner(page);
    await check('a row of the batch');
    await page.click('#single-view button.back');
    await page.waitForSelector('#batch-view:not([hidden])');
    await page.fill('#batch-view input[type=search]', 'no such message');
    await check('a batch filtered to nothing');
    await p.context.close();
  }
  assert.deepEqual(found, []);
});

test('the widget example page has no axe violations, in either language, light or dark, narrow or wide', async () => {
  const found = [];
  for (const { lang, colorScheme, width } of combinations()) {
    const context = await env.browser.newContext({ colorScheme, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(env.server.url + (lang === 'fr' ? 'embed-example.fr.html' : 'embed-example.html'));
    await page.waitForSelector('dkim-check#embedded-check .banner[data-assessment]', { timeout: 20000 });
    const check = async (state) => {
      for (const v of await violations(page)) found.push(`${lang} ${colorScheme} ${width}px, ${state}: ${v}`);
    };
    await check('as loaded');
    await page.evaluate(() => {
      for (const w of document.querySelectorAll('dkim-check')) for (const d of w.shadowRoot.querySelectorAll('details')) d.open = true;
    });
    await check('every details open');
    // A reader's message with a missing key: the key form inside the widget.
    await page.evaluate((raw) => {
      const w = document.querySelector('dkim-check.themed');
      const ta = w.shadowRoot.querySelector('textarea');
      ta.value = raw;
      ta.closest('details').querySelector('p button').click();
    }, EXIM().toString('latin1'));
    await page.waitForSelector('dkim-check.themed .banner[data-assessment]', { timeout: 20000 });
    await page.evaluate(() => { for (const d of document.querySelector('dkim-check.themed').shadowRoot.querySelectorAll('details')) d.open = true; });
    await check('a checked message with a missing key, themed');
    await context.close();
  }
  assert.deepEqual(found, []);
});
