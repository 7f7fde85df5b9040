// widget.test.mjs — the <dkim-check> element on the example embedding page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, foreignRequests } from './helpers.mjs';
import { RFC8463, EXIM, EXIM_TXT, NOKEY_VERDICT, GMAIL } from './messages.mjs';

const env = servedBrowser();

test('the widget verifies a pasted message and takes a missing key', async () => {
  const context = await env.browser.newContext();
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${env.server.url}embed-example.html`);
  // A message embedded in the element is checked on load.
  await page.locator('dkim-check#embedded-check .banner[data-verdict="pass"][data-assessment="proves_nothing"]').waitFor({ timeout: 20000 });
  // A fixed message: no drop zone unless allow-drop; no "what DKIM does not prove" line for a result that proves nothing.
  assert.equal(await page.locator('dkim-check#embedded-check .drop').isHidden(), true);
  assert.equal(await page.locator('dkim-check#embedded-check .banner-note').count(), 0);
  await page.$eval('dkim-check#embedded-check', (el) => el.setAttribute('allow-drop', ''));
  assert.equal(await page.locator('dkim-check#embedded-check .drop').isVisible(), true);
  const widget = page.locator('dkim-check#reader-check');
  await widget.locator('details.paste summary').click();
  await widget.locator('textarea').fill(RFC8463().toString('latin1'));
  await widget.locator('button', { hasText: 'Check' }).click();
  await widget.locator('.banner[data-verdict="pass"]').waitFor({ timeout: 20000 });
  assert.match(await widget.locator('.banner-summary').textContent(), /football\.example\.com/);
  assert.match(await widget.locator('.signature-lines').textContent(), /key brisbane\._domainkey\.football\.example\.com: ed25519/);

  // A verified message: the same assessment and words as the page, and one line of what DKIM does not prove.
  await widget.locator('textarea').first().fill(GMAIL().toString('latin1'));
  await widget.locator('button', { hasText: /^Check$/ }).click();
  await widget.locator('.banner[data-assessment="verified"][data-aligned="true"]').waitFor({ timeout: 20000 });
  assert.equal(await widget.locator('.banner-summary').textContent(), 'Signed by gmail.com. Nothing in the signed parts has changed since.');
  assert.match(await widget.locator('.banner-note').textContent(), /does not show who wrote the message/);
  assert.equal(await widget.locator('.drop').isVisible(), true, 'a widget without a fixed message keeps its drop zone');

  await widget.locator('textarea').first().fill(EXIM().toString('latin1'));
  await widget.locator('button', { hasText: /^Check$/ }).click();
  await widget.locator(`.banner[data-verdict="${NOKEY_VERDICT}"]`).waitFor({ timeout: 20000 });
  await widget.locator('.missing-key textarea').fill(EXIM_TXT);
  await widget.locator('.missing-key button[type=submit]').click();
  await widget.locator('.banner[data-verdict="pass"][data-assessment="verified"]').waitFor({ timeout: 20000 });

  // Theming: custom properties set on the element reach the shadow DOM.
  const accent = await page.$eval('dkim-check.themed', (el) => getComputedStyle(el).getPropertyValue('--dk-accent').trim());
  assert.equal(accent, '#7b2cbf');
  assert.deepEqual(foreignRequests(requests, env.server.url), []);
  assert.deepEqual(errors, []);
  await context.close();
});
