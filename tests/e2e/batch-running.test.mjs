// batch-running.test.mjs — a batch still being checked, as a reader of a whole leak meets it:
// opening one of its messages checks that message beside the batch, which goes on to the end
// (it used to be cancelled, silently); keys added meanwhile check the batch again whole (a run
// cut short left the rest of it unchecked). The batch is held running by the test: the page's
// workers are given their first batches of messages, the rest only once the test releases
// them. Outcomes only, never timings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, openPage, dropFiles, batchSummary, banner, makeZip } from './helpers.mjs';
import { EXIM, EXIM_KEY } from './messages.mjs';

const env = servedBrowser();

/** A small unsigned message numbered `i`. */
const small = (i) => Buffer.from(`From: a${i}@example.org\r\nTo: b@example.net\r\nSubject: Note ${i}\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhello ${i}\r\n`);

/**
 * From now on, the page's workers get their first `free` batches of rows at once and the others
 * only after `window.__releaseBatches()` (one message checked alone, as an opened one is, is
 * never held).
 */
function holdBatches(page, free) {
  return page.evaluate((free) => {
    const post = Worker.prototype.postMessage;
    const held = [];
    let sent = 0;
    let holding = true;
    Worker.prototype.postMessage = function (message, transfer) {
      if (holding && message?.type === 'verify' && message.rows && sent++ >= free) {
        held.push([this, message, transfer]);
        return undefined;
      }
      return post.call(this, message, transfer);
    };
    window.__releaseBatches = () => {
      holding = false;
      for (const [worker, message, transfer] of held.splice(0)) post.call(worker, message, transfer);
    };
  }, free);
}

/**
 * A fresh page checking leak() with its batches held after the first two: the page, once row
 * `row` is shown, the batch still running.
 */
async function heldBatch(row = 0) {
  const p = await openPage(env.browser, env.server.url);
  await holdBatches(p.page, 2);
  await dropFiles(p.page, [{ name: 'leak.zip', buffer: await leak() }]);
  await p.page.waitForSelector(`[data-row="${row}"]`);
  assert.equal((await progress(p.page)).state, 'running');
  return p;
}

/** Adds EXIM's key in the Keys panel. */
async function addEximKey(page) {
  await page.evaluate(() => { document.getElementById('keys').open = true; });
  await page.fill('textarea[name="keys"]', EXIM_KEY);
  await page.click('button[data-action="add-keys"]');
}

/** The batch summary's state and how many messages it has checked. */
const progress = (page) => page.$eval('#batch-summary', (s) => ({ state: s.dataset.state, checked: Number(s.dataset.checked) }));

/** A zip of 300 messages: 298 unsigned, and two signed by EXIM's key at 0 and 299. */
const leak = () => makeZip(Array.from({ length: 300 }, (_, i) => ({
  name: `leak/${String(i).padStart(5, '0')}.eml`,
  data: i === 0 || i === 299 ? EXIM() : small(i),
})));

test('a message opened while its batch is still being checked is shown, and the batch goes on to the end', async () => {
  const p = await heldBatch();
  const { page } = p;
  await page.click('[data-row="0"]');
  assert.equal((await banner(page)).assessment, 'no_key');
  // Still running beside it, its progress (and Cancel) on screen.
  assert.equal((await progress(page)).state, 'running');
  assert.equal(await page.isVisible('#progress'), true);

  await page.click('#single-view button.back');
  await page.waitForFunction(() => document.activeElement?.dataset?.row === '0');
  assert.equal((await progress(page)).state, 'running');
  await page.evaluate(() => window.__releaseBatches());
  const s = await batchSummary(page);
  assert.deepEqual([s.total, s.checked], [300, 300]);
  assert.match(await page.textContent('#status'), /^Checked 300 messages in /);
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('the batch ends while one of its messages is open: the message stays on screen, with the focus', async () => {
  const p = await heldBatch(1);
  const { page } = p;
  await page.click('[data-row="1"]');
  await banner(page);
  await page.focus('#single-view button.back');
  await page.evaluate(() => window.__releaseBatches());
  await page.waitForSelector('#batch-summary[data-state="done"]', { state: 'attached' });
  assert.equal(await page.isVisible('#single-view .banner'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.matches('#single-view button.back')), true);
  await page.click('#single-view button.back');
  const s = await batchSummary(page);
  assert.deepEqual([s.total, s.checked], [300, 300]);
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('keys added while a batch is being checked: the batch is checked again whole, to the end', async () => {
  const p = await heldBatch();
  const { page } = p;
  await addEximKey(page);
  await page.evaluate(() => window.__releaseBatches());
  const s = await batchSummary(page);
  assert.deepEqual([s.total, s.checked, s.verified], [300, 300, 2]);
  assert.match(await page.textContent('#status'), /^Checked 300 messages in /);
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('a key added from a message opened while its batch runs: "← Back" checks the batch again whole', async () => {
  const p = await heldBatch();
  const { page } = p;
  await page.click('[data-row="0"]');
  assert.equal((await banner(page)).assessment, 'no_key');
  await addEximKey(page);
  // The message is checked again with the key at once.
  await page.waitForSelector('#single-view:not([hidden]) .banner[data-assessment="verified"]');
  await page.evaluate(() => window.__releaseBatches());
  await page.click('#single-view button.back');
  const s = await batchSummary(page);
  assert.deepEqual([s.total, s.checked, s.verified], [300, 300, 2]);
  await page.waitForFunction(() => document.activeElement?.dataset?.row === '0');
  assert.deepEqual(p.errors, []);
  await p.context.close();
});
