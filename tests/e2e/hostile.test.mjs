// hostile.test.mjs — the page under attack (issue 11): the crash input of the security
// review (message/rfc822 nested 100,000 deep), a zip bomb (1,000 overlapping entries of 64 MiB
// of zeros), zips nested 10,000 deep and a member whose size header lies, dropped together with
// ordinary messages. Each hostile file gets a clear error naming the limit, the rest of the
// batch is verified, the workers survive (or are replaced when one crashes), and the page's
// memory returns to its level before. No assertion looks at a clock.
// Run: scripts/build-web.sh && (cd tests/e2e && npm test)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { readFileSync } from 'node:fs';
import { servedBrowser, openPage, foreignRequests, bannerVerdict, batchSummary, makeZip } from './helpers.mjs';
import { RFC8463, UNSIGNED } from './messages.mjs';


const env = servedBrowser();


const MB = 1024 * 1024;

// --- hostile inputs, generated ------------------------------------------------------------------

/** A message whose body is message/rfc822 nested `levels` deep. */
function nestedRfc822(levels) {
  const head = 'From: a@example.org\r\nTo: b@example.net\r\nSubject: nested\r\nContent-Type: message/rfc822\r\n\r\n';
  return Buffer.concat([Buffer.from(head), Buffer.from('Content-Type: message/rfc822\r\n\r\n'.repeat(levels - 1)),
    Buffer.from('Subject: innermost\r\n\r\nhello\r\n')]);
}

function u16(n) { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; }
function u32(n) { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; }

/** A local header + data, and a function making central entries that point at it. */
function member(name, data, size, method, crc = 0) {
  const n = Buffer.from(name);
  const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(method), u32(0), u32(crc), u32(data.length), u32(size), u16(n.length), u16(0), n, data]);
  const central = (alias, offset) => {
    const a = Buffer.from(alias);
    return Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0), u16(method), u32(0), u32(crc), u32(data.length), u32(size),
      u16(a.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), a]);
  };
  return { local, central };
}

function endRecord(count, cdSize, cdOffset) {
  return Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(cdSize), u32(cdOffset), u16(0)]);
}

/** A zip of `files` ({name, data, size, method, crc}), each at its own offset. */
function zipOf(files) {
  const made = files.map((f) => member(f.name, f.data, f.size, f.method, f.crc));
  const offsets = [];
  let offset = 0;
  for (const m of made) { offsets.push(offset); offset += m.local.length; }
  const cd = Buffer.concat(made.map((m, i) => m.central(files[i].name, offsets[i])));
  return Buffer.concat([...made.map((m) => m.local), cd, endRecord(files.length, cd.length, offset)]);
}

/** `data` as a member: deflated (method 8) or stored (0), with its CRC-32 unless one is given. */
const file = (name, data, method = 8, crc = zlib.crc32(data)) =>
  ({ name, data: method === 8 ? zlib.deflateRawSync(data) : data, size: data.length, method, crc });

/** The review's zip bomb: 1,000 directory entries for one deflated member of 64 MiB of zeros. */
function overlapBomb() {
  const m = member('0.eml', zlib.deflateRawSync(Buffer.alloc(64 * MB)), 64 * MB, 8);
  const cd = Buffer.concat(Array.from({ length: 1000 }, (_, i) => m.central(`${i}.eml`, 0)));
  return Buffer.concat([m.local, cd, endRecord(1000, cd.length, m.local.length)]);
}

/** A zip of a good message and one whose header says 1,000 bytes but inflates to 64 MiB. */
function lyingZip() {
  const good = member('good.eml', RFC8463(), RFC8463().length, 0, zlib.crc32(RFC8463()));
  const liar = member('liar.eml', zlib.deflateRawSync(Buffer.alloc(64 * MB)), 1000, 8);
  const cd = Buffer.concat([good.central('good.eml', 0), liar.central('liar.eml', good.local.length)]);
  return Buffer.concat([good.local, liar.local, cd, endRecord(2, cd.length, good.local.length + liar.local.length)]);
}

/**
 * A zip of the RFC 8463 message three times, two of them damaged after the zip was made: one
 * byte flipped in a stored copy (in its body: unchecked, it would read as a changed body) and
 * one in a deflated copy (the first, from the middle of its data on, whose flip leaves deflate
 * that inflates to as many bytes, other ones in the body). The CLI's test (tests/zip_budgets.rs)
 * builds the same zip.
 */
function damagedZip() {
  const text = RFC8463();
  const crc = zlib.crc32(text);
  const stored = Buffer.from(text);
  stored[text.indexOf('hungry')] ^= 1;
  const deflated = zlib.deflateRawSync(text);
  const body = text.indexOf('\n\n') + 2; // the vector's lines end in LF
  let at = deflated.length >> 1;
  for (; at < deflated.length; at++) {
    const d = Buffer.from(deflated);
    d[at] ^= 1;
    let out = null;
    try { out = zlib.inflateRawSync(d); } catch { /* not deflate any more: the next byte */ }
    // Other bytes in the body (signed whole: unchecked, the message would fail).
    if (out && out.length === text.length && !out.equals(text) && out.compare(text, 0, body, 0, body) === 0) break;
  }
  assert.ok(at < deflated.length, 'a byte to flip');
  deflated[at] ^= 1;
  return zipOf([
    { name: 'intact.eml', data: text, size: text.length, method: 0, crc },
    { name: 'damaged-stored.eml', data: stored, size: text.length, method: 0, crc },
    { name: 'damaged-deflated.eml', data: deflated, size: text.length, method: 8, crc },
  ]);
}

/** Stored zips nested `levels` deep around `inner`, built from the outside in (CRCs 0). */
function nestedZip(levels, inner) {
  const name = Buffer.from('n.zip');
  const sizes = [inner.length];
  for (let i = 0; i < levels; i++) sizes.push(30 + name.length + sizes[i] + 46 + name.length + 22);
  const heads = [];
  const tails = [];
  for (let level = levels; level >= 1; level--) {
    const below = sizes[level - 1];
    heads.push(Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(0), u32(0), u32(0), u32(below), u32(below), u16(name.length), u16(0), name]));
  }
  for (let level = 1; level <= levels; level++) {
    const below = sizes[level - 1];
    const c = Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(0), u16(0), u32(0), u32(0), u32(below), u32(below),
      u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0), name]);
    tails.push(c, endRecord(1, c.length, 30 + name.length + below));
  }
  return Buffer.concat([...heads, inner, ...tails]);
}

// --- the page -----------------------------------------------------------------------------------

/** Pick files (as buffers) with the file input, like a user choosing them. */
async function pick(page, files) {
  await page.setInputFiles('#file-input', files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })));
}

/** The page's JS heap in use after a full garbage collection (CDP). */
async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** The button opening row `source` of the batch (its text has <wbr> breaks). */
function rowButton(page, source) {
  const exact = new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator('#batch-view [data-row] .source', { hasText: exact });
}

/** Opens row `source` of the batch, returns the banner's summary, and goes back. */
async function openRow(page, source) {
  await rowButton(page, source).click();
  const banner = await page.waitForSelector('#single-view:not([hidden]) .banner-summary');
  const text = await banner.textContent();
  await page.click('#single-view button.back');
  await page.waitForSelector('#batch-view:not([hidden])');
  return text;
}

test('hostile files in a batch: each gets its error, the rest is verified, memory comes back', async () => {
  const p = await openPage(env.browser, env.server.url);
  await pick(p.page, [{ name: 'warm-up.eml', buffer: UNSIGNED() }]);
  assert.equal(await bannerVerdict(p.page), 'none');
  const before = await heapAfterGc(p.page);

  await pick(p.page, [
    { name: 'a-nested-100000.eml', buffer: nestedRfc822(100000) },
    { name: 'b-bomb.zip', buffer: overlapBomb() },
    { name: 'c-deep.zip', buffer: nestedZip(10000, await makeZip([{ name: 'deep.eml', data: RFC8463() }])) },
    { name: 'd-lying.zip', buffer: lyingZip() },
    { name: 'e-good.eml', buffer: RFC8463() },
    { name: 'f-unsigned.eml', buffer: UNSIGNED() },
  ]);
  const s = await batchSummary(p.page);
  // The nested message, the bomb, the deep zip, the two members of the lying zip, and two messages.
  assert.equal(s.total, 7, s.text);
  assert.equal(s.checked, 7);
  assert.equal(s.pass, 2, 'the good message, alone and inside the lying zip, is verified');

  assert.match(await openRow(p.page, 'b-bomb.zip'), /limit zip_inflated_bytes/);
  assert.match(await openRow(p.page, `c-deep.zip${'!n.zip'.repeat(9)}`), /limit zip_nesting/);
  assert.match(await openRow(p.page, 'd-lying.zip!liar.eml'), /more than the 1,000 bytes its header says/);
  // The crash input: verified, summarized, its body not shown (the MIME parts budget).
  await rowButton(p.page, 'a-nested-100000.eml').click();
  await p.page.waitForSelector('#single-view:not([hidden]) .banner[data-verdict="none"]');
  assert.match(await p.page.textContent('#single-view .notes'), /limit mime_parts/);
  await p.page.click('#single-view button.back');

  // The workers are still there: one more message verifies.
  await pick(p.page, [{ name: 'after.eml', buffer: RFC8463() }]);
  assert.equal(await bannerVerdict(p.page), 'pass');
  const afterHeap = await heapAfterGc(p.page);
  console.log(`page JS heap after GC: ${(before / MB).toFixed(1)} MB before, ${(afterHeap / MB).toFixed(1)} MB after the hostile batch`);
  assert.ok(afterHeap < before + 16 * MB, `retained ${((afterHeap - before) / MB).toFixed(1)} MB`);
  assert.deepEqual(foreignRequests(p.requests, env.server.url), []);
  assert.deepEqual(p.errors, [], 'page errors');
  await p.context.close();
});

test('a damaged zip member is said to be damaged, not a message that failed; the intact one passes', async () => {
  const p = await openPage(env.browser, env.server.url);
  await pick(p.page, [{ name: 'damaged.zip', buffer: damagedZip() }]);
  const s = await batchSummary(p.page);
  assert.equal(s.total, 3, s.text);
  assert.equal(s.pass, 1, 'the intact copy is verified');
  for (const name of ['damaged-stored.eml', 'damaged-deflated.eml']) {
    assert.match(await openRow(p.page, `damaged.zip!${name}`),
      /could not be read: Damaged zip member \(its contents do not match the CRC-32 checksum the archive records for them\): this copy of the archive is damaged, so it was not checked/);
  }
  const [jsonl] = await Promise.all([p.page.waitForEvent('download'), p.page.click('button[data-action="export-jsonl"]')]);
  const rows = readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  // Rows: the outcome, the error's catalog id (as the CLI's) and its words.
  assert.deepEqual(rows.map((r) => [r.source, r.outcome, r.error_message?.id ?? null]), [
    ['damaged.zip!intact.eml', 'proves_nothing', null],
    ['damaged.zip!damaged-stored.eml', 'error', 'input-zip-member-damaged'],
    ['damaged.zip!damaged-deflated.eml', 'error', 'input-zip-member-damaged'],
  ]);
  for (const r of rows.slice(1)) assert.match(r.error, /^Damaged zip member \(its contents do not match the CRC-32 checksum/);
  assert.equal(rows[0].verdict, 'pass');
  assert.deepEqual(p.errors, [], 'page errors');
  await p.context.close();
});

test('a nested zip or mbox whose bytes do not match its CRC-32 is said to be damaged, as the CLI says it; an intact one is read', async () => {
  const text = RFC8463();
  const inner = zipOf([file('inside.eml', text, 0)]);
  const mbox = Buffer.concat([Buffer.from('From someone@example.org Mon Jan  1 00:00:00 2024\n'), text]);
  const outer = zipOf([
    file('intact.eml', text),
    file('good.zip', inner),
    file('bad.zip', inner, 8, zlib.crc32(inner) ^ 1),
    file('good.mbox', mbox),
    file('bad.mbox', mbox, 8, zlib.crc32(mbox) ^ 1),
  ]);
  const p = await openPage(env.browser, env.server.url);
  await pick(p.page, [{ name: 'outer.zip', buffer: outer }]);
  const s = await batchSummary(p.page);
  assert.equal(s.total, 5, s.text);
  assert.equal(s.pass, 3, 'the loose message, the one in the intact zip and the one in the intact mbox');
  const [jsonl] = await Promise.all([p.page.waitForEvent('download'), p.page.click('button[data-action="export-jsonl"]')]);
  const rows = readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => [r.source, r.verdict, r.error_message?.id ?? null]).sort(), [
    ['outer.zip!bad.mbox', 'none', 'input-zip-member-damaged'],
    ['outer.zip!bad.zip', 'none', 'input-zip-member-damaged'],
    ['outer.zip!good.mbox#1', 'pass', null],
    ['outer.zip!good.zip!inside.eml', 'pass', null],
    ['outer.zip!intact.eml', 'pass', null],
  ]);
  // An archive is a file, not a message.
  assert.match(await openRow(p.page, 'outer.zip!bad.zip'), /^This file could not be read: Damaged zip member \(its contents do not match/);
  assert.deepEqual(p.errors, [], 'page errors');
  await p.context.close();
});

test('a message nested 9,000 deep is shown in full (freed without recursion in wasm)', async () => {
  const p = await openPage(env.browser, env.server.url);
  await pick(p.page, [{ name: 'nested-9000.eml', buffer: nestedRfc822(9000) }]);
  assert.equal(await bannerVerdict(p.page), 'none');
  const notes = await p.page.$$eval('#single-view .notes li', (lis) => lis.map((li) => li.textContent));
  assert.ok(!notes.some((n) => /mime_parts/.test(n)), notes.join());
  assert.deepEqual(p.errors, [], 'page errors');
  await p.context.close();
});

test('a worker that crashes mid-batch is replaced and every message is still checked', async () => {
  const p = await openPage(env.browser, env.server.url);
  const messages = Array.from({ length: 10000 }, (_, i) => ({ name: `m/${i}.eml`, data: UNSIGNED() }));
  const zip = await makeZip(messages, { deflate: true });
  const workers = [];
  p.page.on('worker', (w) => workers.push(w));
  await pick(p.page, [{ name: 'many.zip', buffer: zip }]);
  await p.page.waitForFunction(() => Number(document.querySelector('#batch-summary')?.dataset.checked) > 0);
  // Every worker throws an uncaught error, as a crash would, one after the other: a message
  // that was being checked by a crashing worker is given to another one, and a message that
  // stops two workers in a row is skipped as unreadable, so the next crash waits until the
  // batch has moved on (crashing them all at once could catch a retried message twice).
  // The workers checking now: started at the pick, or ahead of it while the page was idle
  // (app.js warmWorkers), before the listener above was there.
  const started = p.page.workers();
  assert.ok(started.length > 0, 'workers are checking');
  for (const w of started) {
    const checked = Number(await p.page.evaluate(() => document.querySelector('#batch-summary')?.dataset.checked));
    await w.evaluate(() => { setTimeout(() => { throw new Error('simulated worker crash'); }); }).catch(() => {});
    await p.page.waitForFunction(
      (n) => {
        const d = document.querySelector('#batch-summary')?.dataset;
        return Number(d?.checked) > n + 200 || Number(d?.checked) === Number(d?.total);
      },
      checked,
    );
  }
  const s = await batchSummary(p.page);
  assert.equal(s.total, 10000);
  assert.equal(s.checked, 10000);
  // No message was skipped: none is unreadable.
  assert.equal(await p.page.getAttribute('#batch-summary', 'data-checked'), '10000');
  await p.page.selectOption('#batch-view .filters select >> nth=0', 'error');
  assert.match(await p.page.textContent('#batch-view .hint[role="status"]'), /^0 messages/);
  const replacements = workers.filter((w) => !started.includes(w));
  assert.ok(replacements.length > 0, `crashed workers were replaced (${replacements.length} started after the crashes)`);
  await p.context.close();
});
