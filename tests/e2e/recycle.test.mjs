// recycle.test.mjs — workers replaced by fresh ones during a batch (issue 15: memory bounded
// over a whole leak). A worker that has been given the pool's `recycleAfter` messages, or whose
// wasm memory is past `recycleMemory` bytes, is retired and a fresh one takes its place; here a
// threshold is made tiny through the page's pool (globalThis.__dkimcheckPool), so a small batch
// goes through many workers. Every message
// must be verified exactly once and the counts must equal a run without recycling.
// Run: scripts/build-web.sh && (cd tests/e2e && npm test)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, openPage, batchSummary, makeZip } from './helpers.mjs';
import { RFC8463, RFC8463_TAMPERED, EXIM, EXIM_KEY, UNSIGNED, GMAIL } from './messages.mjs';


const env = servedBrowser();


/** 300 messages of five kinds (passing, failing, unsigned, no key) and one note that is not a message. */
async function leakZip() {
  const kinds = [RFC8463, RFC8463_TAMPERED, EXIM, UNSIGNED, GMAIL];
  const files = Array.from({ length: 300 }, (_, i) => ({ name: `leak/${String(i).padStart(4, '0')}.eml`, data: kinds[i % kinds.length]() }));
  files.splice(150, 0, { name: 'leak/notes.txt', data: Buffer.from('not a message, only notes\n') });
  return makeZip(files, { deflate: true });
}

/**
 * Makes the page's pool retire each worker after `n` messages (or once its wasm memory is past
 * `memory` bytes), and records every result it delivers in `globalThis.__delivered`: the
 * message indexes, run by run.
 */
async function recycleEvery(page, n, memory) {
  await page.evaluate(([n, memory]) => {
    const pool = globalThis.__dkimcheckPool;
    pool.recycleAfter = n;
    if (memory !== null) pool.recycleMemory = memory;
    globalThis.__delivered = [];
    const run = pool.run.bind(pool);
    pool.run = (tasks, opts) => {
      const seen = [];
      globalThis.__delivered.push(seen);
      return run(tasks, { ...opts, onResult: (i, r) => { seen.push(i); opts.onResult(i, r); } });
    };
  }, [n, memory ?? null]);
}

/**
 * Checks `zip` in a fresh page whose pool retires each worker after `recycleAfter` messages (or
 * past `recycleMemory` bytes of wasm memory), with EXIM's key added. Returns the counts, the
 * message indexes each run delivered, and how many workers were started.
 */
async function check(zip, recycleAfter, recycleMemory) {
  const p = await openPage(env.browser, env.server.url);
  await p.page.evaluate(() => { document.getElementById('keys').open = true; });
  await p.page.fill('textarea[name="keys"]', EXIM_KEY);
  await p.page.click('button[data-action="add-keys"]');
  await p.page.waitForFunction(() => /\S/.test(document.querySelector('[data-keys-status]')?.textContent || ''));
  await recycleEvery(p.page, recycleAfter, recycleMemory);
  await p.page.setInputFiles('#file-input', [{ name: 'leak.zip', mimeType: 'application/zip', buffer: zip }]);
  const first = await batchSummary(p.page);
  const skipped = await p.page.getAttribute('#batch-summary', 'data-skipped');
  const spawned = await p.page.evaluate(() => globalThis.__dkimcheckPool.spawned);
  const delivered = await p.page.evaluate(() => globalThis.__delivered);
  assert.deepEqual(p.errors, [], 'page errors');
  await p.context.close();
  return { first, skipped, delivered, spawned };
}

test('workers retired every few messages: every message verified once, the same counts as without', async () => {
  const zip = await leakZip();
  const plain = await check(zip, Infinity);
  const recycled = await check(zip, 7);
  // Every worker's wasm memory is past 0 bytes: each is retired after its first results.
  const byMemory = await check(zip, Infinity, 0);
  for (const r of [plain, recycled, byMemory]) {
    assert.equal(r.first.total, 300);
    assert.equal(r.first.checked, 300);
    assert.equal(r.skipped, '1', 'the note is skipped, not counted');
    // 301 tasks (300 messages and the note): each delivered exactly once.
    assert.equal(r.delivered.length, 1);
    const ids = [...r.delivered[0]].sort((a, b) => a - b);
    assert.deepEqual(ids, Array.from({ length: 301 }, (_, i) => i));
  }
  assert.ok(plain.first.pass > 0 && plain.first.verified > 0 && plain.first.verified < 300, plain.first.text);
  for (const k of ['total', 'verified', 'pass', 'provesNothing', 'expired', 'checked']) {
    assert.equal(recycled.first[k], plain.first[k], k);
    assert.equal(byMemory.first[k], plain.first[k], k);
  }
  // Without recycling the batch needs at most one worker per core; with a threshold of 7,
  // dozens were started in turn.
  assert.ok(recycled.spawned >= 301 / (7 + 32), `workers started: ${recycled.spawned}`);
  assert.ok(plain.spawned <= 16, `workers started without recycling: ${plain.spawned}`);
  assert.ok(byMemory.spawned > plain.spawned, `workers started, retired by memory: ${byMemory.spawned}`);
});

test('keys added to a batch checked with recycling: the messages that need them checked again, each once', async () => {
  const zip = await leakZip();
  const p = await openPage(env.browser, env.server.url);
  await recycleEvery(p.page, 5);
  await p.page.setInputFiles('#file-input', [{ name: 'leak.zip', mimeType: 'application/zip', buffer: zip }]);
  const first = await batchSummary(p.page);
  // A key added: the messages that need it are checked again (on fresh workers, also retired every 5).
  await p.page.evaluate(() => { document.getElementById('keys').open = true; });
  await p.page.fill('textarea[name="keys"]', EXIM_KEY);
  await p.page.click('button[data-action="add-keys"]');
  await p.page.waitForFunction((n) => globalThis.__delivered.length === 2
    && document.querySelector('#batch-summary')?.dataset.state === 'done'
    && Number(document.querySelector('#batch-summary')?.dataset.pass) > n, first.pass);
  const again = await batchSummary(p.page);
  const delivered = await p.page.evaluate(() => globalThis.__delivered);
  assert.equal(again.total, 300);
  assert.equal(again.checked, 300);
  // The 60 EXIM messages needed the key: checked again, each once, and now they pass.
  assert.equal(delivered[1].length, 60);
  assert.deepEqual([...delivered[1]].sort((a, b) => a - b), Array.from({ length: 60 }, (_, i) => i));
  assert.equal(again.pass, first.pass + 60);
  assert.deepEqual(p.errors, [], 'page errors');
  await p.context.close();
});
