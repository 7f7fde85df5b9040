// batch.test.mjs — whole leaks, on the served page and on the single file
// (dist/dkimcheck.html from file://): files in a zip that are not messages are
// skipped and never used as keys; the keys-needed panel, and adding keys from
// it checks again only the messages that need them; a 10,000-row table reached
// to its last row by keyboard; Back returns to the row opened, with focus; an
// mbox split while it is verified, with progress and Cancel; CSV with a
// byte-order mark and semicolons; the table's rows fill its view while a batch grows.
// Outcomes only, never timings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { servedBrowser, DIST, openPage, dropFiles, batchSummary, banner, makeZip, foreignRequests } from './helpers.mjs';
import { RFC8463, UNSIGNED, EXIM, EXIM_KEY, PARTIAL_BODY, PARTIAL_BODY_KEY, signer } from './messages.mjs';

const env = servedBrowser();

const PAGES = [
  ['served page', () => env.server.url],
  ['single file', () => pathToFileURL(join(DIST, 'dkimcheck.html')).href],
];

/** A small unsigned message numbered `i`, with a French subject. */
const small = (i) => Buffer.from(`From: a${i}@example.org\r\nTo: b@example.net\r\nSubject: Réservation ${i}\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhello ${i}\r\n`);

/** The element that has the focus: its data-row, data-index and text. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { row: e?.dataset?.row, index: e?.dataset?.index, text: e?.textContent || '' };
});

for (const [kind, url] of PAGES) {
  test(`${kind}: files that are not messages are skipped; keys needed; adding keys checks only those messages; CSV with BOM and semicolons`, async () => {
    const p = await openPage(env.browser, url());
    const zip = await makeZip([
      { name: 'leak/1.eml', data: RFC8463() },
      { name: 'leak/2.eml', data: EXIM() },
      { name: 'leak/3.eml', data: EXIM() },
      { name: 'leak/4.eml', data: PARTIAL_BODY() },
      { name: 'leak/5.eml', data: small(5) },
      // Not messages: a keys file that would make 2–4 verify (a leak can carry forged keys), notes, JSON.
      { name: 'leak/keys.zone', data: Buffer.from(`${EXIM_KEY}\n${PARTIAL_BODY_KEY()}\n`) },
      { name: 'leak/README.txt', data: Buffer.from('Notes about this leak, not an email') },
      { name: 'leak/index.json', data: Buffer.from('{"messages": 5}') },
    ], { deflate: true });
    await dropFiles(p.page, [{ name: 'leak.zip', buffer: zip }]);
    let s = await batchSummary(p.page);
    const skipped = Number(await p.page.getAttribute('#batch-summary', 'data-skipped'));
    assert.deepEqual([s.total, skipped, s.verified, s.provesNothing], [5, 3, 0, 1]);
    const skippedText = await p.page.textContent('.batch-skipped');
    for (const name of ['keys.zone', 'README.txt', 'index.json']) assert.ok(skippedText.includes(name), skippedText);
    // The keys file was never used: the messages it would verify have no key.
    assert.equal(await p.page.getAttribute('#batch-summary', 'data-no-key'), '3');

    // The keys needed, most-needed first, with counts and dates.
    const needed = await p.page.$$eval('[data-keys-needed] [data-key-name]', (els) => els.map((e) => ({ ...e.dataset })));
    assert.deepEqual(needed.map((k) => [k.keyName, k.count, k.first, k.last]), [
      ['sed._domainkey.test.ex', '2', '2017-09-17', '2017-09-17'],
      ['e2e._domainkey.example.org', '1', '2024-03-01', '2024-03-01'],
    ]);
    const copyList = await p.page.$eval('[data-keys-needed] textarea', (t) => t.value);
    assert.equal(copyList, 'sed._domainkey.test.ex\ne2e._domainkey.example.org');
    assert.match(await p.page.textContent('[data-keys-needed]'), /published when the messages were sent/);

    // Adding a key from the panel: the Keys panel opens at the box; only the two messages that need it are checked again.
    await p.page.click('[data-keys-needed] button[data-action="open-keys"]');
    await p.page.waitForFunction(() => document.activeElement?.matches('textarea[name="keys"]'));
    await p.page.fill('textarea[name="keys"]', EXIM_KEY);
    await p.page.click('button[data-action="add-keys"]');
    await p.page.waitForFunction(() => document.querySelector('#batch-summary')?.dataset.noKey === '1'
      && document.querySelector('#batch-summary')?.dataset.state === 'done');
    assert.match(await p.page.textContent('#status'), /Checked 2 messages again/);
    s = await batchSummary(p.page);
    assert.equal(s.total, 5);
    const after = await p.page.$$eval('[data-keys-needed] [data-key-name]', (els) => els.map((e) => e.dataset.keyName));
    assert.deepEqual(after, ['e2e._domainkey.example.org']);

    // CSV: a byte-order mark, semicolons, the outcome and key columns, accents intact.
    await p.page.selectOption('select[name="csv-separator"]', ';');
    const [csv] = await Promise.all([p.page.waitForEvent('download'), p.page.click('button[data-action="export-csv"]')]);
    const bytes = readFileSync(await csv.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    assert.equal(lines.length, 6);
    const head = lines[0].split(';');
    for (const c of ['source', 'outcome', 'assessment', 'signing_domains', 'aligned', 'key_origin', 'key_flags', 'warnings', 'missing_keys']) assert.ok(head.includes(c), c);
    const row = (src) => lines.find((l) => l.startsWith(`leak.zip!leak/${src};`)).split(';');
    assert.equal(row('1.eml')[head.indexOf('outcome')], 'proves_nothing');
    assert.equal(row('1.eml')[head.indexOf('key_flags')], 'compromised');
    assert.equal(row('4.eml')[head.indexOf('missing_keys')], 'e2e._domainkey.example.org');
    assert.ok(row('5.eml')[head.indexOf('subject')].includes('Réservation 5'));
    // Each file's SHA-256 (a small message's from WebCrypto, beside its verification in wasm).
    const sha = (b) => createHash('sha256').update(b).digest('hex');
    assert.equal(row('1.eml')[head.indexOf('sha256')], sha(RFC8463()));
    assert.equal(row('5.eml')[head.indexOf('sha256')], sha(small(5)));
    // JSON Lines: one row per message, with its assessment.
    const [jsonl] = await Promise.all([p.page.waitForEvent('download'), p.page.click('button[data-action="export-jsonl"]')]);
    const rows = readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.assessment && r.assessment.status && r.outcome));
    assert.deepEqual(foreignRequests(p.requests, url()), []);
    assert.deepEqual(p.errors, []);
    await p.context.close();
  });

  test(`${kind}: a 10,000-row table reached to its last row by keyboard; Back returns to the opened row`, async () => {
    const p = await openPage(env.browser, url());
    const n = 10000;
    const zip = await makeZip(Array.from({ length: n }, (_, i) => ({ name: `m${String(i).padStart(5, '0')}.eml`, data: small(i) })));
    await dropFiles(p.page, [{ name: 'big.zip', buffer: zip }]);
    const s = await batchSummary(p.page);
    assert.equal(s.total, n);
    // Only the rows in view exist as elements.
    assert.ok(await p.page.$$eval('[data-row]', (r) => r.length) < 200);
    await p.page.click('[data-row="0"]', { position: { x: 5, y: 5 }, trial: true });
    await p.page.focus('[data-row="0"]');
    await p.page.keyboard.press('End');
    let f = await focused(p.page);
    assert.equal(f.row, String(n - 1));
    assert.ok(f.text.includes('big.zip!m09999.eml'), f.text);
    await p.page.keyboard.press('ArrowUp');
    assert.equal((await focused(p.page)).row, String(n - 2));
    await p.page.keyboard.press('Home');
    await p.page.keyboard.press('PageDown');
    assert.ok(Number((await focused(p.page)).row) > 3);
    // Open the last row with Enter, then Back: the focus returns to that row.
    await p.page.keyboard.press('End');
    await p.page.keyboard.press('Enter');
    const b = await banner(p.page);
    assert.equal(b.assessment, 'unsigned');
    await p.page.click('#single-view button.back');
    await p.page.waitForSelector('#batch-view:not([hidden])');
    await p.page.waitForFunction(() => document.activeElement?.dataset?.row !== undefined);
    f = await focused(p.page);
    assert.equal(f.row, String(n - 1));
    assert.ok(f.text.includes('m09999.eml'), f.text);
    // Sort by subject descending and filter: still every matching row, by keyboard.
    await p.page.fill('.filters input[type=search]', 'réservation 99');
    await p.page.waitForFunction(() => /111 messages/.test(document.querySelector('.batch-view [role=status]')?.textContent || ''));
    assert.deepEqual(p.errors, []);
    await p.context.close();
  });

  test(`${kind}: an mbox is split while it is verified, with progress and Cancel`, async () => {
    const p = await openPage(env.browser, url());
    const mbox = (count) => Buffer.concat(Array.from({ length: count }, (_, i) => Buffer.concat([
      Buffer.from(`From a${i}@example.org Tue Mar  1 10:00:00 2016\n`), small(i), Buffer.from('\n')])));
    // A small mbox: every message counted, in order.
    await dropFiles(p.page, [{ name: 'small.mbox', buffer: Buffer.concat([mbox(3)]) }]);
    const s = await batchSummary(p.page);
    assert.equal(s.total, 3);
    // A big one: progress shows, Cancel stops it with what was checked so far.
    await dropFiles(p.page, [{ name: 'big.mbox', buffer: mbox(60000) }]);
    await p.page.waitForSelector('#progress:not([hidden])');
    await p.page.waitForFunction(() => Number(document.querySelector('#progress-bar')?.value) > 0);
    await p.page.click('#cancel');
    await p.page.waitForSelector('#batch-summary[data-state="cancelled"]');
    const checked = Number(await p.page.getAttribute('#batch-summary', 'data-checked'));
    assert.ok(checked > 0 && checked < 60000, String(checked));
    assert.match(await p.page.textContent('#status'), /Cancelled/);
    assert.deepEqual(p.errors, []);
    await p.context.close();
  });
}

test('a big mbox read once by its splitter: messages across its pieces and chunks, and one longer than it keeps, all checked', async () => {
  const p = await openPage(env.browser, env.server.url);
  const from = (i) => Buffer.from(`From a${i}@example.org Tue Mar  1 10:00:00 2016\n`);
  /** An unsigned message of about `size` bytes. */
  const filler = (i, size) => Buffer.concat([Buffer.from(`From: f${i}@example.org\r\nSubject: filler ${i}\r\n\r\n`),
    Buffer.from('a line of text to fill the message\r\n'.repeat(Math.ceil(size / 36)))]);
  const parts = [];
  let signed = 0;
  let count = 0;
  let bytes = 0;
  const add = (message) => {
    parts.push(from(count), message, Buffer.from('\n'));
    count++;
    bytes += message.length;
  };
  // Signed messages between fillers of many sizes: some straddle the splitter's pieces (8 MB),
  // and each chunk of 64 messages it hands on starts with one.
  const run = (until) => {
    for (let k = 0; bytes < until; k++) {
      add(RFC8463());
      signed++;
      add(filler(count, 100000 + ((k * 7919) % 200000)));
    }
  };
  run(20e6);
  // Longer than the splitter keeps (16 MB, and a piece of 8 MB): read again by its worker.
  add(filler(count, 26 * 1024 * 1024));
  add(RFC8463());
  signed++;
  run(bytes + 10e6);
  await dropFiles(p.page, [{ name: 'big.mbox', buffer: Buffer.concat(parts) }]);
  const s = await batchSummary(p.page);
  // A passing signature shows its message's bytes were handed on intact.
  assert.deepEqual([s.total, s.pass], [count, signed]);
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('the progress line and the batch summary say the same counts whenever both are on screen, and at the end', async () => {
  const p = await openPage(env.browser, env.server.url);
  // Both, each time either changed, once the task that changed them is over (what can be seen).
  await p.page.evaluate(() => {
    globalThis.__both = [];
    const section = document.getElementById('progress');
    const label = document.getElementById('progress-label');
    new MutationObserver(() => {
      const s = document.getElementById('batch-summary');
      if (section.hidden || !s || !label.textContent) return;
      globalThis.__both.push({ progress: label.textContent, summary: s.textContent, checked: s.dataset.checked, total: s.dataset.total, state: s.dataset.state });
    }).observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });
  // Files the workers find are not messages (no extension, not mail) come off the total.
  const files = [
    ...Array.from({ length: 3 }, (_, i) => ({ name: `leak/notes-${i}`, data: Buffer.from(`notes ${i}, not an email\n`) })),
    ...Array.from({ length: 1200 }, (_, i) => ({ name: `leak/${i}.eml`, data: small(i) })),
  ];
  await dropFiles(p.page, [{ name: 'leak.zip', buffer: await makeZip(files) }]);
  const s = await batchSummary(p.page);
  assert.deepEqual([s.total, s.checked], [1200, 1200]);
  assert.equal(await p.page.getAttribute('#batch-summary', 'data-skipped'), '3');
  const both = await p.page.evaluate(() => globalThis.__both);
  assert.ok(both.length > 0, 'the progress line was never seen with the summary');
  const num = (t) => Number(t.replace(/[^\d]/g, ''));
  for (const b of both) {
    const m = /^([\d,]+) of (?:at least )?([\d,]+) messages checked/.exec(b.progress);
    assert.ok(m, b.progress);
    assert.deepEqual([num(m[1]), num(m[2])], [Number(b.checked), Number(b.total)], `${b.progress} | ${b.summary}`);
    if (b.state === 'running') assert.match(b.summary, new RegExp(`of ${m[2]} messages.*\\(${m[1]} checked so far\\)`), `${b.progress} | ${b.summary}`);
  }
  // At the end: the status line, the summary's tally and its count say the same number.
  const status = await p.page.textContent('#status');
  assert.match(status, /^Checked 1,200 messages in /);
  assert.match(s.text, /of 1,200 messages/);
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

// The worker verifies a small message in one wasm call that hashes it too, and a big one (32 KB
// or more) with its body and input hashed by WebCrypto: both paths give the same outcomes.
test('while a batch grows, the table\'s rows fill its view at every update of the counts', async () => {
  const p = await openPage(env.browser, env.server.url);
  // After each update (the next frame): the view's height, a row's, the rows built and the rows in all.
  await p.page.evaluate(() => {
    globalThis.__views = [];
    new MutationObserver(() => requestAnimationFrame(() => {
      const body = document.querySelector('.row-table .rt-body');
      if (!body) return;
      const rows = [...body.querySelectorAll('[data-row]')];
      const view = body.getBoundingClientRect();
      globalThis.__views.push({
        total: Number(document.querySelector('.row-table').getAttribute('aria-rowcount')) - 1,
        built: rows.length,
        // The view is filled down to its bottom, or down to the last row.
        filled: rows.some((r) => r.getBoundingClientRect().bottom >= view.bottom - 1) || rows.some((r) => r.dataset.row === String(Number(document.querySelector('.row-table').getAttribute('aria-rowcount')) - 2)),
      });
    })).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-checked'] });
  });
  await dropFiles(p.page, [{ name: 'grow.zip', buffer: await makeZip(Array.from({ length: 3000 }, (_, i) => ({ name: `g${String(i).padStart(4, '0')}.eml`, data: small(i) }))) }]);
  const s = await batchSummary(p.page);
  assert.equal(s.total, 3000);
  await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const views = await p.page.evaluate(() => globalThis.__views);
  assert.ok(views.length > 1, `updates seen: ${views.length}`);
  for (const v of views) if (v.total > 0) assert.ok(v.built > 0 && v.filled, JSON.stringify(v));
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('a zip with no mail in it says no messages were found, not "0 of 0 verified"', async () => {
  const p = await openPage(env.browser, env.server.url);
  const zip = await makeZip([
    { name: 'keys.zone', data: Buffer.from(`${EXIM_KEY}\n`) },
    { name: 'README.txt', data: Buffer.from('Notes about this leak, not an email') },
  ], { deflate: true });
  await dropFiles(p.page, [{ name: 'nothing.zip', buffer: zip }]);
  const s = await batchSummary(p.page);
  assert.equal(s.total, 0);
  assert.equal(await p.page.getAttribute('#batch-summary', 'data-skipped'), '2');
  assert.match(s.text, /No messages were found/);
  assert.match(await p.page.textContent('#status'), /No messages were found/);
  assert.match(await p.page.textContent('.batch-skipped'), /keys\.zone/);
  await p.context.close();
});

test('small and big messages (wasm and WebCrypto hashes) verify and fail alike', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { message, zone } = signer();
  const body = (n) => Array.from({ length: n }, (_, i) => `line ${i} of a message in the leak `).join('\r\n') + '\r\n';
  const files = [];
  for (const lines of [3, 200, 1500, 5000]) {
    files.push({ name: `ok-${lines}.eml`, data: message(body(lines)) });
    files.push({ name: `bad-${lines}.eml`, data: message(body(lines), { tamper: true }) });
  }
  assert.ok(files.some((f) => f.data.length < 32 * 1024) && files.some((f) => f.data.length > 64 * 1024));
  await p.page.evaluate(() => { document.getElementById('keys').open = true; });
  await p.page.fill('textarea[name="keys"]', zone);
  await p.page.click('button[data-action="add-keys"]');
  await p.page.waitForFunction(() => /\S/.test(document.querySelector('[data-keys-status]')?.textContent || ''));
  await dropFiles(p.page, [{ name: 'paths.zip', buffer: await makeZip(files, { deflate: true }) }]);
  const s = await batchSummary(p.page);
  assert.deepEqual([s.total, s.verified, s.pass], [8, 4, 4]);
  // Each failed message fails for its body, whichever path hashed it.
  const rows = await p.page.$$eval('[data-row]', (els) => els.map((e) => e.textContent));
  const bad = rows.filter((t) => t.includes('bad-'));
  assert.equal(bad.length, 4);
  assert.equal(new Set(bad.map((t) => t.replace(/bad-\d+\.eml/, ''))).size, 1, bad.join('\n'));
  await p.context.close();
});
