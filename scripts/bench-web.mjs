#!/usr/bin/env node
// bench-web.mjs — throughput of the in-browser verifier: a corpus of messages
// runs through the page's own worker pool (dist/js/verify/worker-pool.js) in headless
// Chromium, first with 1 worker, then with more.
//
//   node scripts/bench-web.mjs [DIR] [--workers 1,2,4] [--repeat N] [--native MSGS_PER_S] [--zip]
//
// DIR holds *.eml files and optionally keys.zone (as written by
// `cargo bench --bench throughput -- --write-corpus DIR`). Without DIR, the
// RFC 8463 example message is repeated 2,000 times (its keys are bundled).
// --native: the native single-thread messages/s, to print the ratio beside it.
// --zip: put the corpus in a (deflated) zip and read members as the page does.
// Needs a built dist/ (scripts/build-web.sh) and tests/e2e's node_modules.

import http from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import os from 'node:os';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : def; };
const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
const workerCounts = opt('--workers', [...new Set([1, 2, Math.min(4, cores), cores])].join(',')).split(',').map(Number);
const repeat = Number(opt('--repeat', '1'));
const native = opt('--native', null);
const zipMode = args.includes('--zip') ? (args.splice(args.indexOf('--zip'), 1), true) : false;
const dir = args[0];

// --- the corpus, as one buffer plus [name, start, end] ranges
let files = [];
let keys = '';
if (dir) {
  files = readdirSync(dir).filter((f) => /\.(eml|msg)$/i.test(f)).sort().map((f) => [f, readFileSync(join(dir, f))]);
  if (existsSync(join(dir, 'keys.zone'))) keys = readFileSync(join(dir, 'keys.zone'), 'utf8');
} else {
  const msg = readFileSync(join(ROOT, 'tests/vectors/mimekit/messages/rfc8463-example.msg'));
  files = Array.from({ length: 2000 }, (_, i) => [`m${i}.eml`, msg]);
}
if (!files.length) { console.error('no .eml files found'); process.exit(1); }
const ranges = [];
let off = 0;
for (const [name, buf] of files) { ranges.push([name, off, off + buf.length]); off += buf.length; }
let corpus = Buffer.concat(files.map(([, b]) => b));
if (zipMode) {
  const { makeZip } = await import(new URL('../tests/e2e/helpers.mjs', import.meta.url));
  corpus = await makeZip(files.map(([name, data]) => ({ name, data })), { deflate: true });
}

const DIST = join(ROOT, 'dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
const benchPage = `<!doctype html><meta charset="utf-8"><title>bench</title><script type="module">
import { WorkerPool } from './js/verify/worker-pool.js';
import { expandFiles } from './js/input/sources.js';
window.bench = async (counts, keys, repeat, zip) => {
  const ranges = await (await fetch('/__corpus.json')).json();
  const blob = await (await fetch('/__corpus.bin')).blob();
  const tasks = zip ? await expandFiles([new File([blob], 'corpus.zip')])
    : ranges.map(([source, start, end]) => ({ source, blob, blobId: 1, start, end }));
  const out = [];
  for (const n of counts) {
    const pool = new WorkerPool({ size: n, keys });
    await pool.run(tasks.slice(0, Math.min(tasks.length, 300 * n)), { body: false, onResult() {} }); // warm up workers and wasm tiers
    const verdicts = {};
    const t0 = performance.now();
    for (let r = 0; r < repeat; r++) {
      await pool.run(tasks, { body: false, onResult(i, rep) { verdicts[rep.verdict] = (verdicts[rep.verdict] || 0) + 1; } });
    }
    const secs = (performance.now() - t0) / 1000;
    pool.terminate();
    out.push({ workers: n, secs, verdicts, timing: pool.timing });
  }
  return out;
};
window.benchReady = true;
</script>`;

const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/__bench.html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(benchPage); return; }
  if (path === '/__corpus.json') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(ranges)); return; }
  if (path === '/__corpus.bin') { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(corpus); return; }
  try {
    const body = readFileSync(join(DIST, path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(`${base}/__bench.html`);
  await page.waitForFunction(() => window.benchReady);
  const results = await page.evaluate(([c, k, r, z]) => window.bench(c, k, r, z), [workerCounts, keys, repeat, zipMode]);
  const n = files.length * repeat;
  const bytes = files.reduce((a, [, b]) => a + b.length, 0);
  const mb = (bytes * repeat) / 1e6;
  console.log(`corpus: ${files.length} messages, ${(bytes / 1e6).toFixed(2)} MB${repeat > 1 ? ` ×${repeat}` : ''}${zipMode ? `, in a deflated zip of ${(corpus.length / 1e6).toFixed(2)} MB` : ''}; ${cores} cores`);
  const one = results[0].secs;
  for (const r of results) {
    const rate = n / r.secs;
    let line = `${String(r.workers).padStart(2)} worker${r.workers === 1 ? ' ' : 's'}: ${rate.toFixed(0).padStart(7)} messages/s  ${(mb / r.secs).toFixed(1).padStart(6)} MB/s  speed-up ×${(one / r.secs).toFixed(2)}`;
    if (native && r.workers === 1) line += `  (${((rate / Number(native)) * 100).toFixed(0)}% of native ${native} msg/s)`;
    console.log(line);
  }
  console.log('verdicts:', JSON.stringify(results[0].verdicts));
  const t = results[0].timing[0];
  if (t) console.log(`1 worker, time inside the worker (incl. warm-up): reading bytes ${t.read.toFixed(0)} ms, verifying ${t.verify.toFixed(0)} ms`);
} finally {
  await browser.close();
  server.close();
}
