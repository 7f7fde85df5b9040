// evidence.test.mjs — "Save evidence report" on the page (served and single file): the saved
// HTML's facts checked one by one against what node computes itself (SHA-256 of the message,
// SPKI SHA-256 of the bundled key re-encoded by node's crypto, the version, the SHA-256 of the
// wasm that ran); then the report opened with JavaScript disabled, printed to PDF, screenshotted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { servedBrowser, openPage, dropFiles, banner, ROOT, DIST } from './helpers.mjs';
import { GMAIL, GMAIL_BODY_CHANGED } from './messages.mjs';

const env = servedBrowser();

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The text of the first element with data-fact="name". */
function fact(html, name) {
  const m = html.match(new RegExp(`data-fact="${name}"[^>]*>([^<]*)<`));
  assert.ok(m, `no fact ${name}`);
  return m[1];
}

/** SHA-256 of the SubjectPublicKeyInfo of the archive's key `name`, as node's crypto encodes it. */
function archiveSpki(name) {
  const archive = JSON.parse(readFileSync(join(ROOT, 'keys/archive.json'), 'utf8'));
  const k = archive.keys.find((e) => `${e.selector}._domainkey.${e.domain}` === name);
  assert.ok(k, `no key ${name} in the archive`);
  const p = k.record.match(/p=([A-Za-z0-9+/=\s]+)/)[1].replace(/\s/g, '');
  const der = Buffer.from(p, 'base64');
  let key;
  try { key = createPublicKey({ key: der, format: 'der', type: 'spki' }); } catch { key = createPublicKey({ key: der, format: 'der', type: 'pkcs1' }); }
  return sha256(key.export({ type: 'spki', format: 'der' }));
}

/** Drop `bytes` as `name`, save its evidence report; returns the report's HTML. */
async function saveEvidence(url, name, bytes) {
  const { page, context } = await openPage(env.browser, url);
  await dropFiles(page, [{ name, buffer: bytes }]);
  const b = await banner(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-evidence"]')]);
  assert.equal(download.suggestedFilename(), `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.evidence.html`);
  const html = readFileSync(await download.path(), 'utf8');
  await context.close();
  return { html, banner: b };
}

const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const wasmHash = () => sha256(readFileSync(join(DIST, 'pkg/dkimcheck_bg.wasm')));

for (const where of ['served', 'single file']) {
  test(`the evidence report's facts, ${where}`, async () => {
    const url = where === 'served' ? env.server.url : pathToFileURL(join(DIST, 'dkimcheck.html')).href;
    const bytes = GMAIL();
    const { html, banner: b } = await saveEvidence(url, 'gmail.msg', bytes);
    assert.equal(b.assessment, 'verified');
    assert.equal(fact(html, 'input-sha256'), sha256(bytes));
    const keyName = html.match(/<th>Name<\/th><td><code>([^<]+)<\/code>/)[1];
    assert.equal(fact(html, 'spki-sha256'), archiveSpki(keyName));
    assert.equal(fact(html, 'version'), version);
    assert.equal(fact(html, 'tool'), 'dkimcheck');
    assert.match(fact(html, 'commit'), /^([0-9a-f]{40}|unknown)$/);
    assert.equal(fact(html, 'wasm-sha256'), wasmHash());
    assert.match(html, /data-assessment="verified"/);
    assert.match(html, /<th>Seen in public sources<\/th><td>from January 2012 to October 2016<\/td>/);
    assert.match(fact(html, 'command'), /dkimcheck --format json gmail\.msg\.eml/);
    const b64 = html.match(/href="data:message\/rfc822;base64,([^"]+)"/)[1];
    assert.deepEqual(Buffer.from(b64, 'base64'), Buffer.from(bytes));
    assert.doesNotMatch(html, /<script/i);
  });
}

test('the evidence report opens with JavaScript disabled, prints to PDF, and loads nothing', async () => {
  const failed = await saveEvidence(env.server.url, 'gmail-fail-body.msg', GMAIL_BODY_CHANGED());
  assert.match(failed.html, /data-assessment="failed"/);
  const { html } = await saveEvidence(env.server.url, 'gmail.msg', GMAIL());
  const dir = join(ROOT, 'target/e2e-evidence');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'gmail.msg.evidence.html');
  writeFileSync(file, html);
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 1400 } });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  assert.equal(await page.textContent('h1'), 'DKIM evidence report');
  assert.equal(await page.getAttribute('.verdict', 'data-assessment'), 'verified');
  assert.deepEqual(requests, [pathToFileURL(file).href], 'the report loads nothing else');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 10_000, `PDF of ${pdf.length} bytes`);
  writeFileSync(join(dir, 'gmail.msg.evidence.pdf'), pdf);
  await page.screenshot({ path: join(dir, 'evidence-report.png'), fullPage: false });
  await context.close();
});

test('the evidence report is in the page\'s language (French), with the same facts', async () => {
  const { page, context } = await openPage(env.browser, `${env.server.url}?lang=fr`);
  const bytes = GMAIL_BODY_CHANGED();
  await dropFiles(page, [{ name: 'changed.eml', buffer: bytes }]);
  await banner(page);
  assert.equal((await page.textContent('[data-action="save-evidence"]')).trim(), 'Enregistrer le rapport de preuve');
  mkdirSync(join(ROOT, 'target', 'e2e'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'target', 'e2e', 'evidence-button-fr.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-evidence"]')]);
  const html = readFileSync(await download.path(), 'utf8');
  await context.close();
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /Rapport de preuve DKIM/);
  assert.doesNotMatch(html, /DKIM evidence report|What DKIM shows/);
  assert.equal(fact(html, 'input-sha256'), sha256(bytes));
  assert.match(html, /data-assessment="failed"/);
  assert.match(html, /<th>Vue dans des sources publiques<\/th><td>entre janvier 2012 et octobre 2016<\/td>/);
});
