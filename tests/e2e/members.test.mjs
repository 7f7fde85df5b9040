// members.test.mjs — deflated zip members kept in wasm memory by the workers (src/wasm/members.rs):
// every member held is freed, whatever becomes of it (verified, failed, damaged, skipped as not
// a message, refused while inflating, too large for the held path), and the rows are the ones a
// stored copy of the same zip gives (stored members take the copying path).
// Run: scripts/build-web.sh && (cd tests/e2e && node --test members.test.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, makeZip } from './helpers.mjs';
import { RFC8463, RFC8463_TAMPERED, EXIM, UNSIGNED, GMAIL, GMAIL_BODY_CHANGED } from './messages.mjs';

const env = servedBrowser();

/** Messages of several outcomes, a large one (past the workers' WebCrypto size), a note. */
function files() {
  const kinds = [RFC8463, RFC8463_TAMPERED, EXIM, UNSIGNED, GMAIL, GMAIL_BODY_CHANGED];
  const list = Array.from({ length: 90 }, (_, i) => ({ name: `m/${String(i).padStart(3, '0')}.eml`, data: kinds[i % kinds.length]() }));
  list.push({ name: 'm/big.eml', data: Buffer.concat([UNSIGNED(), Buffer.from(`${'y'.repeat(76)}\r\n`.repeat(600))]) });
  list.push({ name: 'm/notes.txt', data: Buffer.from('not a message, only notes\n') });
  list.push({ name: 'm/liar.eml', data: GMAIL() });
  list.push({ name: 'm/crc.eml', data: RFC8463_TAMPERED() });
  return list;
}

/** The central record of member `name` in `zip` (its name follows the 46-byte record). */
const central = (zip, name) => zip.lastIndexOf(Buffer.from(name)) - 46;

/**
 * Checks `zip` in a fresh page, recording every row the pool delivers and, from every worker,
 * the members it still held when it posted its last results.
 */
async function check(zip) {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const Base = globalThis.Worker;
    globalThis.__held = new Map();
    globalThis.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => { if (e.data?.type === 'results') globalThis.__held.set(this, e.data.held); });
      }
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  await page.evaluate(() => {
    const pool = globalThis.__dkimcheckPool;
    globalThis.__rows = {};
    const run = pool.run.bind(pool);
    pool.run = (tasks, opts) => run(tasks, {
      ...opts,
      onResult: (i, r) => { globalThis.__rows[tasks[i]?.source ?? i] = JSON.stringify(r); opts.onResult(i, r); },
    });
  });
  await page.setInputFiles('#file-input', [{ name: 'leak.zip', mimeType: 'application/zip', buffer: zip }]);
  await page.waitForSelector('#batch-summary[data-state="done"]', { timeout: 60000 });
  const out = await page.evaluate(() => ({ rows: globalThis.__rows, held: [...globalThis.__held.values()] }));
  assert.deepEqual(errors, [], 'page errors');
  await context.close();
  return out;
}

test('every member held in wasm is freed; rows as from a stored zip', async () => {
  const deflated = await makeZip(files(), { deflate: true });
  // liar.eml says it inflates to 100 bytes (refused while inflating); crc.eml's CRC-32 is not
  // its bytes' (damaged: it does not verify).
  deflated.writeUInt32LE(100, central(deflated, 'm/liar.eml') + 24);
  deflated.writeUInt32LE((deflated.readUInt32LE(central(deflated, 'm/crc.eml') + 16) ^ 1) >>> 0, central(deflated, 'm/crc.eml') + 16);
  const stored = await makeZip(files());
  const held = await check(deflated);
  const copied = await check(stored);
  assert.ok(held.held.length >= 1, 'workers reported');
  assert.deepEqual(held.held, held.held.map(() => 0), 'members held after the last batch');
  const names = Object.keys(copied.rows).sort();
  assert.equal(names.length, files().length);
  assert.deepEqual(Object.keys(held.rows).sort(), names);
  for (const name of names) {
    if (name.endsWith('liar.eml')) assert.match(held.rows[name], /input-zip-member-inflates-more/);
    else if (name.endsWith('crc.eml')) assert.match(held.rows[name], /input-zip-member-damaged/);
    else assert.equal(held.rows[name], copied.rows[name], name);
  }
  assert.match(held.rows[names.find((n) => n.endsWith('notes.txt'))], /"skipped":true/);
});

// warm-up.js: while the page waits for a file, one worker verifies its samples (inflated into
// wasm like zip members, and from plain bytes) so that the browser optimizes the hot code. It
// runs only when every sample passes (else it would not reach the signature arithmetic), once
// per page, and holds no member afterwards.
test('the warm-up verifies its samples, once per page, and holds nothing after', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const Base = globalThis.Worker;
    globalThis.__warmed = [];
    globalThis.__inits = [];
    globalThis.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => { if (e.data?.type === 'warmed') globalThis.__warmed.push(e.data); });
      }

      postMessage(data, ...rest) {
        if (data?.type === 'init') globalThis.__inits.push(!!data.warmUp);
        return super.postMessage(data, ...rest);
      }
    };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  await page.waitForFunction(() => globalThis.__dkimcheckPool?.warmUpResult, null, { timeout: 30000 });
  const { result, warmed, inits } = await page.evaluate(() => ({
    result: globalThis.__dkimcheckPool.warmUpResult, warmed: globalThis.__warmed, inits: globalThis.__inits,
  }));
  assert.ok(result.rounds >= 1, `the samples passed and were run (${JSON.stringify(result)})`);
  assert.equal(warmed.length, 1);
  assert.deepEqual(inits.filter(Boolean), [true], 'one worker warms up');
  // A batch afterwards: no worker warms up again, and none holds a member.
  const zip = await makeZip(files().slice(0, 12), { deflate: true });
  await page.setInputFiles('#file-input', [{ name: 'leak.zip', mimeType: 'application/zip', buffer: zip }]);
  await page.waitForSelector('#batch-summary[data-state="done"]', { timeout: 60000 });
  assert.equal(await page.$eval('#batch-summary', (s) => s.dataset.total), '12');
  assert.deepEqual((await page.evaluate(() => globalThis.__inits)).filter(Boolean), [true]);
  await context.close();
});
