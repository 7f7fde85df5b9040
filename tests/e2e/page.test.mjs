// page.test.mjs — end-to-end tests of the served page (dist/) in headless Chromium.
// Run: scripts/build-web.sh && (cd tests/e2e && npm test)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { serve, launch, openPage, foreignRequests, dropFiles, bannerVerdict, banner, batchSummary, makeZip } from './helpers.mjs';
import { RFC8463, RFC8463_TAMPERED, EXIM, EXIM_KEY, EXIM_TXT, UNSIGNED, HOSTILE, NOKEY_VERDICT, GMAIL } from './messages.mjs';

let server;
let browser;
const allRequests = [];

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  // Across every test: the page requested nothing but its own files.
  assert.deepEqual(foreignRequests(allRequests, server.url), [], 'requests outside the page');
  await browser?.close();
  await server?.close();
});

async function page(opts) {
  const p = await openPage(browser, server.url, opts);
  p.done = async () => {
    allRequests.push(...p.requests);
    assert.deepEqual(foreignRequests(p.requests, server.url), []);
    assert.deepEqual(p.errors, [], 'page errors');
    await p.context.close();
  };
  return p;
}

test('dropping an .eml shows a verdict banner', async () => {
  const p = await page();
  await dropFiles(p.page, [{ name: 'rfc8463.eml', buffer: RFC8463() }]);
  assert.equal(await bannerVerdict(p.page), 'pass');
  const summary = await p.page.textContent('.banner-summary');
  assert.match(summary, /football\.example\.com/);
  // The RFC 8463 keys are public: the banner must not look like good news.
  assert.equal(await p.page.getAttribute('.banner', 'data-assessment'), 'proves_nothing');
  // Header fields are marked in words, not only colour; nothing is "verified".
  const cells = await p.page.$$eval('.header-table .signed-cell', (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.some((c) => /! signed, not verified/.test(c)) && cells.includes('the signature'), cells.join());
  assert.ok(!cells.some((c) => /verified$/.test(c) && !/not verified/.test(c)), cells.join());
  assert.match(await p.page.textContent('.message'), /Joe SixPack/);
  // The message summary says, in words, what each field's status is.
  const fromTag = await p.page.$eval('.message .facts dt:text-is("From") + dd .signed-tag', (el) => ({ status: el.dataset.fieldStatus, text: el.textContent }));
  assert.equal(fromTag.status, 'covered_unverified');
  assert.match(fromTag.text, /signed only with a key anyone can use: not verified/);
  // The SHA-256 of the file as given (computed in the worker with WebCrypto).
  const sha = createHash('sha256').update(RFC8463()).digest('hex');
  assert.ok((await p.page.textContent('.message')).includes(sha), 'SHA-256 of the input is shown');
  await p.done();
});

test('a second, unsigned To field is pointed out in the message summary', async () => {
  const p = await page();
  // Gmail's signature lists "to" once. Prepended, the signed To is still the one it picks
  // (bottom-up), so the message verifies, but one To is not signed.
  const msg = Buffer.concat([Buffer.from('To: Mallory <mallory@example.net>\n'), GMAIL()]);
  await dropFiles(p.page, [{ name: 'two-tos.eml', buffer: msg }]);
  assert.equal((await banner(p.page)).assessment, 'verified');
  const tag = await p.page.$eval('.message .facts dt:text-is("To") + dd .signed-tag', (el) => ({ status: el.dataset.fieldStatus, text: el.textContent }));
  assert.equal(tag.status, 'unsigned', 'the weakest of the two');
  assert.match(tag.text, /2 To fields; only one is verified — the other could have been added by anyone/);
  const rows = await p.page.$$eval('.header-table [data-field="to"]', (tds) => tds.map((td) => td.dataset.fieldStatus));
  assert.deepEqual(rows, ['unsigned', 'verified']);
  await p.done();
});

test('a tampered body fails', async () => {
  const p = await page();
  await dropFiles(p.page, [{ name: 'tampered.eml', buffer: RFC8463_TAMPERED() }]);
  assert.equal(await bannerVerdict(p.page), 'fail');
  await p.done();
});

test('pasting message text checks it', async () => {
  const p = await page();
  await p.page.click('details.paste summary');
  await p.page.fill('#paste-text', RFC8463().toString('latin1'));
  await p.page.click('#paste-check');
  assert.equal(await bannerVerdict(p.page), 'pass');
  await p.done();
});

async function mixedZip() {
  const inner = await makeZip([{ name: 'again.eml', data: RFC8463() }]);
  return makeZip([
    { name: 'folder/', data: Buffer.alloc(0) },
    { name: 'folder/1-pass.eml', data: RFC8463() },
    { name: 'folder/2-fail.eml', data: RFC8463_TAMPERED() },
    { name: 'folder/3-nokey.eml', data: EXIM() },
    { name: 'folder/4-unsigned', data: UNSIGNED() },
    { name: '__MACOSX/folder/._1-pass.eml', data: Buffer.from('junk') },
    { name: 'nested.zip', data: inner },
  ], { deflate: true });
}

test('a zip of mixed messages gives the right counts and table; exports contain every message', async () => {
  const p = await page();
  await dropFiles(p.page, [{ name: 'leak.zip', buffer: await mixedZip() }]);
  const s = await batchSummary(p.page);
  assert.deepEqual([s.total, s.verified, s.pass, s.provesNothing], [5, 0, 2, 2]);
  assert.equal(s.text, '0 of 5 messages verified; 2 prove nothing (a key anyone can sign with), 1 failed, 1 no key known, 1 not signed.');
  // Both RFC 8601 passes hold only with the published RFC 8463 keys: counted as proving nothing.
  const counts = await p.page.$$eval('.verdict-counts li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(counts, ['! Proves nothing 2', '✘ Failed 1', '? No key 1', '– Not signed 1']);
  assert.deepEqual(await p.page.$$eval('.row-table [data-row][data-verdict="pass"] .badge', (b) => b.map((x) => x.dataset.assessment)), ['proves_nothing', 'proves_nothing']);
  const rows = await p.page.$$eval('.row-table [data-row]', (trs) => trs.map((tr) => ({ v: tr.dataset.verdict, src: tr.querySelector('.source').textContent })));
  const bySource = Object.fromEntries(rows.map((r) => [r.src, r.v]));
  assert.deepEqual(bySource, {
    'leak.zip!folder/1-pass.eml': 'pass',
    'leak.zip!folder/2-fail.eml': 'fail',
    'leak.zip!folder/3-nokey.eml': NOKEY_VERDICT,
    'leak.zip!folder/4-unsigned': 'none',
    'leak.zip!nested.zip!again.eml': 'pass',
  });
  // Per-domain counts.
  const dom = await p.page.$eval('.domain-table tr[data-domain="football.example.com"]', (tr) => tr.textContent);
  assert.match(dom, /football\.example\.com\s*3\s*0/);
  // Filter and sort.
  await p.page.fill('.filters input[type=search]', 'nested');
  assert.equal(await p.page.$$eval('.row-table [data-row]', (t) => t.length), 1);
  await p.page.fill('.filters input[type=search]', '');
  await p.page.click('button.sort[data-key="assessment"]');
  const order = await p.page.$$eval('.row-table [data-row]', (trs) => trs.map((tr) => tr.dataset.verdict));
  assert.deepEqual(order, ['pass', 'pass', 'fail', NOKEY_VERDICT, 'none']);

  // Exports.
  const [jsonl] = await Promise.all([p.page.waitForEvent('download'), p.page.click('text=Export JSON Lines')]);
  const lines = readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  assert.deepEqual(lines.map((r) => r.source).sort(), Object.keys(bySource).sort());
  const [csv] = await Promise.all([p.page.waitForEvent('download'), p.page.click('text=Export CSV')]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert.equal(csvText.trim().split('\r\n').length, 6);
  for (const src of Object.keys(bySource)) assert.ok(csvText.includes(src), src);

  // A row opens the single-message view, and back returns.
  await p.page.click('.row-table [data-row][data-verdict="fail"] .source');
  assert.equal(await bannerVerdict(p.page), 'fail');
  await p.page.click('button.back');
  await p.page.waitForSelector('#batch-view:not([hidden])');
  await p.done();
});

test('pasting a key makes an unverifiable message pass', async () => {
  const p = await page();
  await dropFiles(p.page, [{ name: 'exim.eml', buffer: EXIM() }]);
  assert.equal(await bannerVerdict(p.page), NOKEY_VERDICT);
  assert.equal(await p.page.$$eval('.signature[data-reason="no_key"]', (e) => e.length), 1);
  const cells = await p.page.$$eval('.header-table .signed-cell', (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.includes('✘ not signed') && cells.includes('! signed, not verified'), cells.join());
  // The sentence is in the banner (from the report's summary) or above the inline form.
  const prompt = (await p.page.textContent('.banner-summary')) + (await p.page.textContent('.missing-key > p'));
  assert.match(prompt, /No public key for sed\._domainkey\.test\.ex is known here: add the key published when the message was sent \(its DNS TXT record\) to check it\./);
  // The inline form is prefilled with selector and domain; a bare TXT value is enough.
  assert.equal(await p.page.inputValue('.missing-key input[name=selector]'), 'sed');
  assert.equal(await p.page.inputValue('.missing-key input[name=domain]'), 'test.ex');
  await p.page.fill('.missing-key textarea', `"${EXIM_TXT}"`);
  await p.page.click('.missing-key button[type=submit]');
  await p.page.waitForSelector('#single-view .banner[data-assessment="verified"][data-aligned="false"]', { timeout: 20000 });
  // Signed by test.ex, from example.com: the headline says the From domain differs, and that
  // the key was added here.
  const summary = await p.page.textContent('#single-view .banner-summary');
  assert.match(summary, /^Signed by test\.ex, which is not the domain of the From address \(example\.com\)\./);
  assert.match(await p.page.textContent('#single-view .banner-caveats'), /a key that is not in the bundled archive \(you added it\)/);
  // The key is listed in the keys panel, for this session only.
  await p.page.click('#keys > summary');
  assert.match(await p.page.textContent('.my-keys'), /sed\._domainkey\.test\.ex/);
  assert.equal(await p.page.evaluate(() => localStorage.getItem('dkimcheck.keys.v1')), '[]');
  await p.done();
});

test('keys panel: archive is browsable; a pasted zone line re-verifies a batch and can be remembered', async () => {
  const p = await page();
  await p.page.click('#keys > summary');
  await p.page.fill('#keys input[type=search]', 'football.example.com');
  const rows = await p.page.$$eval('.archive-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.some((r) => r.includes('brisbane._domainkey.football.example.com')), rows.join('\n'));
  // When each key was seen, in words (the core's message), never as ISO months.
  await p.page.fill('#keys input[type=search]', 'gmail.com');
  const seen = await p.page.$$eval('.archive-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.cells[2].textContent]));
  assert.deepEqual(seen.find(([name]) => name === '20120113._domainkey.gmail.com'), ['20120113._domainkey.gmail.com', 'from January 2012 to October 2016']);
  assert.deepEqual(seen.find(([name]) => name === '20221208._domainkey.gmail.com'), ['20221208._domainkey.gmail.com', 'on August 17, 2023']);
  assert.deepEqual(seen.filter(([, when]) => /\d{4}-\d\d/.test(when)), []);
  const zip = await makeZip([{ name: 'a.eml', data: EXIM() }, { name: 'b.eml', data: RFC8463() }]);
  await dropFiles(p.page, [{ name: 'two.zip', buffer: zip }]);
  assert.equal((await batchSummary(p.page)).pass, 1);
  await p.page.fill('#keys .key-form textarea', EXIM_KEY);
  await p.page.check('#keys .key-form input[name=remember]');
  await p.page.click('#keys .key-form button[type=submit]');
  await p.page.waitForSelector('#batch-summary[data-state="done"][data-pass="2"][data-verified="1"]', { timeout: 20000 });
  const saved = JSON.parse(await p.page.evaluate(() => localStorage.getItem('dkimcheck.keys.v1')));
  assert.equal(saved.length, 1);
  // Remembered across a reload.
  await p.page.reload();
  await p.page.waitForSelector('html[data-ready="true"]');
  await p.page.click('#keys > summary');
  assert.match(await p.page.textContent('.my-keys'), /sed\._domainkey\.test\.ex/);
  await p.done();
});

test('a hostile HTML email shows no dialog and makes no request', async () => {
  const p = await page();
  await dropFiles(p.page, [{ name: 'hostile.eml', buffer: HOSTILE() }]);
  assert.equal(await bannerVerdict(p.page), 'none');
  await p.page.waitForTimeout(500);
  assert.deepEqual(p.dialogs, []);
  const found = await p.page.$$eval('#single-view img, #single-view script, #single-view iframe, #single-view svg, #single-view link', (els) => els.length);
  assert.equal(found, 0);
  assert.match(await p.page.textContent('#single-view .message'), /<script>alert\("subject"\)<\/script>/);
  await p.done();
});

test('an mbox is split into its messages', async () => {
  const p = await page();
  const mbox = Buffer.concat([
    Buffer.from('From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n'), RFC8463(), Buffer.from('\n'),
    Buffer.from('From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n'), UNSIGNED(), Buffer.from('\n'),
  ]);
  await dropFiles(p.page, [{ name: 'box.mbox', buffer: mbox }]);
  const s = await batchSummary(p.page);
  assert.equal(s.total, 2);
  assert.equal(s.pass, 1);
  await p.done();
});

// Responsiveness (how long the main thread is blocked) depends on the machine's load, so it is
// measured by scripts/bench-web.mjs, not asserted here.
test('a big batch shows progress and can be cancelled', async () => {
  const p = await page();
  const files = Array.from({ length: 8000 }, (_, i) => ({ name: `big/${i}.eml`, data: RFC8463() }));
  await dropFiles(p.page, [{ name: 'big.zip', buffer: await makeZip(files) }]);
  await p.page.waitForSelector('#progress:not([hidden])');
  // Once some messages are done, press Cancel while the batch is still running (checked and
  // clicked in one step, so a fast verifier cannot finish in between).
  const label = await (await p.page.waitForFunction(() => {
    if (document.getElementById('progress').hidden) return 'finished';
    if (Number(document.querySelector('#batch-summary')?.dataset.checked) <= 300) return false;
    const text = document.getElementById('progress-label').textContent;
    document.getElementById('cancel').click();
    return text;
  })).jsonValue();
  assert.notEqual(label, 'finished', 'the batch finished before Cancel could be pressed');
  assert.match(label, /of 8,000 messages checked · [\d.,]+ messages\/s/);
  const el = await p.page.waitForSelector('#batch-summary[data-state="cancelled"]');
  const checked = Number(await el.getAttribute('data-checked'));
  assert.ok(checked > 0 && checked < 8000, `checked ${checked}`);
  assert.ok(await p.page.isHidden('#progress'));
  // After a cancel, the next check works.
  await dropFiles(p.page, [{ name: 'again.eml', buffer: RFC8463() }]);
  assert.equal(await bannerVerdict(p.page), 'pass');
  await p.done();
});

test('a remembered key the verifier cannot read is dropped, and checking still works', async () => {
  const p = await page();
  await p.page.evaluate(() => localStorage.setItem('dkimcheck.keys.v1', JSON.stringify([{ name: 'broken', line: 'garbage line' }])));
  await p.page.reload();
  await p.page.waitForSelector('html[data-ready="true"]');
  assert.match(await p.page.textContent('#status'), /Removed remembered keys this version cannot use: broken/);
  await dropFiles(p.page, [{ name: 'rfc8463.eml', buffer: RFC8463() }]);
  assert.equal(await bannerVerdict(p.page), 'pass');
  await p.done();
});
