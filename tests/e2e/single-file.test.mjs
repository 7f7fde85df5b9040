// single-file.test.mjs — dist/dkimcheck.html opened from file:// with no
// network verifies a message, and so does a copy saved from the live DOM
// (what the browser's "Save page as" writes).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch, openPage, foreignRequests, dropFiles, bannerVerdict, batchSummary, makeZip } from './helpers.mjs';
import { RFC8463, UNSIGNED } from './messages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function checkFile(url) {
  const p = await openPage(browser, url);
  // No network at all: block anything that is not file:, data: or blob:.
  await p.context.route(/^https?:/, (route) => route.abort());
  await dropFiles(p.page, [{ name: 'rfc8463.eml', buffer: RFC8463() }]);
  assert.equal(await bannerVerdict(p.page), 'pass');
  const zip = await makeZip([{ name: 'a.eml', data: RFC8463() }, { name: 'b.eml', data: UNSIGNED() }], { deflate: true });
  await dropFiles(p.page, [{ name: 'two.zip', buffer: zip }]);
  const s = await batchSummary(p.page);
  assert.deepEqual([s.total, s.pass, s.verified, s.provesNothing], [2, 1, 0, 1]);
  assert.deepEqual(foreignRequests(p.requests, url), []);
  assert.deepEqual(p.errors, []);
  return p;
}

test('the single-file build verifies a message from file://', async () => {
  const url = pathToFileURL(join(DIST, 'dkimcheck.html')).href;
  const p = await checkFile(url);
  await p.context.close();
});

test('the single file still works after "Save page as" (DOM serialized after use)', async () => {
  const url = pathToFileURL(join(DIST, 'dkimcheck.html')).href;
  const p = await checkFile(url);
  // Like Chrome's "Save page as", which serializes the DOM and adds a "saved from" comment and a
  // Content-Type meta right after <head>.
  const html = (await p.page.evaluate(() => `<!DOCTYPE html>\n<!-- saved from url=(0014)about:internet -->\n${document.documentElement.outerHTML}`))
    .replace('<head>', '<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">');
  await p.context.close();
  const dir = mkdtempSync(join(tmpdir(), 'dkimcheck-saved-'));
  const saved = join(dir, 'dkimcheck (saved).html');
  writeFileSync(saved, html);
  assert.ok(readFileSync(saved, 'utf8').includes('dkimcheck-wasm'));
  const q = await checkFile(pathToFileURL(saved).href);
  await q.context.close();
});
