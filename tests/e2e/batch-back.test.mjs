// batch-back.test.mjs — coming back to a batch from one of its messages, as a new user would
// on a leak: "← Back" puts the focus on the row opened AND that row is on screen (on a phone
// and on a desktop, opened by keyboard or by a tap; End in the table brings the last row on
// screen too); "← Back" counts the messages the batch counts; a key added from the message
// opened checks again, on "← Back", only the messages that need it. And the CSV separator
// follows the language switch (semicolon in French). Outcomes only, never timings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, openPage, dropFiles, batchSummary, banner, makeZip, addKeyInline } from './helpers.mjs';
import { EXIM, EXIM_KEY } from './messages.mjs';

const env = servedBrowser();

/** A small unsigned message numbered `i`. */
const small = (i) => Buffer.from(`From: a${i}@example.org\r\nTo: b@example.net\r\nSubject: Note ${i}\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhello ${i}\r\n`);

/**
 * The focused element: its data-row, and whether its box is inside the window's viewport (to
 * the pixel: rows are laid out at fractions of one, and the last one can end 0.4 px past it).
 */
const focusedRow = (page) => page.evaluate(() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  return { row: e?.dataset?.row, onScreen: r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1 };
});

for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
  test(`${size}: Back returns to the row opened, with the focus on it and the row on screen`, async () => {
    const p = await openPage(env.browser, env.server.url, { viewport });
    const { page } = p;
    const zip = await makeZip(Array.from({ length: 300 }, (_, i) => ({ name: `leak/${String(i).padStart(5, '0')}.eml`, data: small(i) })));
    await dropFiles(page, [{ name: 'leak.zip', buffer: zip }]);
    assert.equal((await batchSummary(page)).total, 300);

    // By keyboard: into the table, End, up one, Enter; the last rows are on screen as they are reached.
    await page.focus('.rt-body');
    await page.keyboard.press('End');
    assert.deepEqual(await focusedRow(page), { row: '299', onScreen: true });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await banner(page);
    await page.click('#single-view button.back');
    await page.waitForSelector('#batch-view:not([hidden])');
    await page.waitForFunction(() => document.activeElement?.dataset?.row !== undefined);
    assert.deepEqual(await focusedRow(page), { row: '298', onScreen: true });

    // By pointer, after reading the message down to its end.
    await page.click('[data-row="295"]');
    await banner(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.click('#single-view button.back');
    await page.waitForFunction(() => document.activeElement?.dataset?.row === '295');
    assert.deepEqual(await focusedRow(page), { row: '295', onScreen: true });
    assert.deepEqual(p.errors, []);
    await p.context.close();
  });
}

test('the CSV separator follows the language switch (semicolon in French) until the reader chooses one', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  const zip = await makeZip(Array.from({ length: 3 }, (_, i) => ({ name: `${i}.eml`, data: small(i) })));
  await dropFiles(page, [{ name: 'leak.zip', buffer: zip }]);
  await batchSummary(page);
  assert.equal(await page.$eval('select[name="csv-separator"]', (s) => s.value), ',');
  // Switched to French with the batch on screen, and before one is shown.
  await page.click('#lang-switch button[lang="fr"]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.$eval('select[name="csv-separator"]', (s) => s.value), ';');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="export-csv"]')]);
  const { readFileSync } = await import('node:fs');
  assert.ok(readFileSync(await csv.path(), 'utf8').startsWith('\ufeffsource;outcome;'));
  await dropFiles(page, [{ name: 'again.zip', buffer: zip }]);
  await page.waitForSelector('#batch-summary[data-state="done"]');
  assert.equal(await page.$eval('select[name="csv-separator"]', (s) => s.value), ';');
  // A choice is kept across languages.
  await page.selectOption('select[name="csv-separator"]', ',');
  await page.click('#lang-switch button[lang="en"]');
  await page.click('#lang-switch button[lang="fr"]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.$eval('select[name="csv-separator"]', (s) => s.value), ',');
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('"← Back" counts the messages the batch counts, not a note found not to be a message', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  const zip = await makeZip([
    ...Array.from({ length: 4 }, (_, i) => ({ name: `leak/${i}.eml`, data: small(i) })),
    // Skipped by name (never read), and by content (read by a worker, then found not to be mail).
    { name: 'leak/keys.zone', data: Buffer.from('sel._domainkey.example.org. IN TXT "v=DKIM1; p=AAAA"\n') },
    { name: 'leak/NOTES.txt', data: Buffer.from('Notes from the leaker, not an email.\n') },
  ]);
  await dropFiles(page, [{ name: 'leak.zip', buffer: zip }]);
  const s = await batchSummary(page);
  assert.deepEqual([s.total, Number(await page.getAttribute('#batch-summary', 'data-skipped'))], [4, 2]);
  await page.click('[data-row="0"]');
  await banner(page);
  assert.equal(await page.textContent('#single-view button.back'), '← Back to all 4 messages');
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('a key added from a message opened from a batch: "← Back" checks again only the messages that need it, in its own time, and returns to the row', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  const zip = await makeZip([
    ...Array.from({ length: 8 }, (_, i) => ({ name: `leak/${i}.eml`, data: small(i) })),
    { name: 'leak/8.eml', data: EXIM() },
    { name: 'leak/9.eml', data: EXIM() },
  ]);
  await dropFiles(page, [{ name: 'leak.zip', buffer: zip }]);
  await batchSummary(page);
  assert.equal(await page.getAttribute('#batch-summary', 'data-no-key'), '2');
  await page.focus('.rt-body');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  assert.equal((await banner(page)).assessment, 'no_key');
  await addKeyInline(page, EXIM_KEY);
  // The reader reads the message for a while before going back.
  await page.waitForTimeout(2500);
  const back = Date.now();
  await page.click('#single-view button.back');
  await page.waitForFunction(() => /^Checked/.test(document.querySelector('#status')?.textContent || ''), null, { timeout: 20000 });
  const since = (Date.now() - back) / 1000;
  await page.waitForSelector('#batch-summary[data-state="done"]');
  const status = await page.textContent('#status');
  assert.match(status, /^Checked 2 messages again in (\d+\.\d) s\.$/);
  // Timed from "← Back" (at most the time since, as rounded), not from the key's adding before.
  assert.ok(Number(status.match(/in (\S+) s/)[1]) <= since + 0.05, `${status} (${since} s since Back)`);
  assert.equal(await page.getAttribute('#batch-summary', 'data-verified'), '2');
  await page.waitForFunction(() => document.activeElement?.dataset?.row === '9');
  assert.deepEqual(p.errors, []);
  await p.context.close();
});
