// helpers.mjs — shared pieces of the end-to-end tests: a static file server for
// dist/, headless Chromium via playwright-core, a request log, message and zip
// fixtures.

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DKIMCHECK_DIST || join(ROOT, 'dist');
export const VECTORS = join(ROOT, 'tests/vectors');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.ts': 'text/plain',
};

/** Serve `dir` on a random localhost port. Returns {url, close()}. */
export async function serve(dir = DIST) {
  const server = http.createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = join(dir, path);
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Launch headless Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * The page served and Chromium launched once for a test file: registers node:test's `before`
 * and `after` hooks (call it at the top level) and returns an object whose `server` and
 * `browser` are set once `before` has run.
 */
export function servedBrowser() {
  const env = { server: null, browser: null };
  before(async () => { env.server = await serve(); env.browser = await launch(); });
  after(async () => { await env.browser?.close(); await env.server?.close(); });
  return env;
}

/**
 * A new page that records every request (including workers') and every dialog.
 * @returns {{page, context, requests: string[], dialogs: string[], errors: string[]}}
 */
export async function openPage(browser, url, { colorScheme = 'light', viewport = { width: 1100, height: 900 } } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, acceptDownloads: true });
  const requests = [];
  const dialogs = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('weberror', (e) => errors.push(String(e.error())));
  const page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  return { page, context, requests, dialogs, errors };
}

/** Every request must be for the page's own files (same origin, or file://, data:, blob:). */
export function foreignRequests(requests, base) {
  const origin = base.startsWith('file:') ? 'file://' : new URL(base).origin;
  return requests.filter((u) => !(u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')));
}

/** Drop files (given as {name, buffer}) onto the page, like a user dragging them in. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.buffer).toString('base64') }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const { name, data } of items) {
      const bin = atob(data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], name));
    }
    const target = document.querySelector('main');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, payload);
}

/** Wait for the single-message banner and return its data-verdict. */
export async function bannerVerdict(page) {
  const el = await page.waitForSelector('#single-view:not([hidden]) .banner[data-verdict]', { timeout: 20000 });
  return el.getAttribute('data-verdict');
}

/** Wait for the single-message banner; returns its data-verdict, data-assessment, data-aligned and data-reason. */
export async function banner(page, root = '#single-view:not([hidden])') {
  const el = await page.waitForSelector(`${root} .banner[data-assessment]`, { timeout: 20000 });
  return el.evaluate((b) => ({ verdict: b.dataset.verdict, assessment: b.dataset.assessment, aligned: b.dataset.aligned, reason: b.dataset.reason, summary: b.querySelector('.banner-summary').textContent }));
}

/** The field marks of the single view: {message: {from: status...}, headers: [[name, status]...]}. */
export async function fieldMarks(page) {
  return page.$eval('#single-view', (root) => ({
    message: Object.fromEntries([...root.querySelectorAll('.message [data-field]')].map((e) => [e.dataset.field, e.dataset.fieldStatus])),
    headers: [...root.querySelectorAll('.header-table [data-field]')].map((e) => [e.dataset.field, e.dataset.fieldStatus]),
  }));
}

/** Paste a key into the "no key" form under the banner and wait for the new result. */
export async function addKeyInline(page, zoneLine) {
  await page.fill('#single-view .missing-key textarea', zoneLine);
  await page.click('#single-view .missing-key button[type=submit]');
  await page.waitForSelector('#single-view:not([hidden]) .banner:not([data-assessment="no_key"])', { timeout: 20000 });
}

/** Wait for a batch to finish; returns {total, verified, pass, provesNothing, expired, checked, text}. */
export async function batchSummary(page) {
  const el = await page.waitForSelector('#batch-summary[data-state="done"]', { timeout: 60000 });
  const n = async (a) => Number(await el.getAttribute(a));
  return {
    total: await n('data-total'), verified: await n('data-verified'), pass: await n('data-pass'),
    provesNothing: await n('data-proves-nothing'), expired: await n('data-expired'), checked: await n('data-checked'),
    text: await el.textContent(),
  };
}

/** A test vector file's bytes. */
export function vector(rel) {
  return readFileSync(join(VECTORS, rel));
}

export function hasVector(rel) {
  return existsSync(join(VECTORS, rel));
}

// --- a tiny zip writer (stored entries) -------------------------------------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Build a zip of [{name, data, level?}] with stored (uncompressed) members, or deflated
 * ones when `deflate` is true (via zlib's raw deflate, at `level` if given). With `zip64`,
 * sizes and offsets go in ZIP64 extra fields and a ZIP64 end record, as big archives do.
 */
export async function makeZip(files, { deflate = false, zip64 = false } = {}) {
  const zlib = await import('node:zlib');
  const locals = [];
  const centrals = [];
  let offset = 0;
  const FF = 0xffffffff;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = Buffer.from(f.data);
    const body = deflate ? zlib.deflateRawSync(data, { level: f.level ?? zlib.constants.Z_DEFAULT_COMPRESSION }) : data;
    const crc = crc32(data);
    let extra = Buffer.alloc(0);
    if (zip64) {
      extra = Buffer.alloc(28);
      extra.writeUInt16LE(1, 0); extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4); extra.writeBigUInt64LE(BigInt(body.length), 12); extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(zip64 ? 45 : 20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(45, 4); central.writeUInt16LE(zip64 ? 45 : 20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10); central.writeUInt32LE(crc, 16); central.writeUInt32LE(zip64 ? FF : body.length, 20);
    central.writeUInt32LE(zip64 ? FF : data.length, 24); central.writeUInt16LE(name.length, 28); central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? FF : offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name, extra);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const tail = [];
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0); rec.writeBigUInt64LE(44n, 4); rec.writeUInt16LE(45, 12); rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(files.length), 24); rec.writeBigUInt64LE(BigInt(files.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40); rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0); loc.writeBigUInt64LE(BigInt(offset + cd.length), 8); loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : files.length, 8); end.writeUInt16LE(zip64 ? 0xffff : files.length, 10);
  end.writeUInt32LE(zip64 ? FF : cd.length, 12); end.writeUInt32LE(zip64 ? FF : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, end]);
}
