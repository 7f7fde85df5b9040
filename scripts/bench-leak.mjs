#!/usr/bin/env node
// bench-leak.mjs — a whole leak through the page, as a person would check it, beside the CLI.
//
//   node scripts/bench-leak.mjs [--sizes 21075,100000] [--seed 13] [--distinct 2000]
//                               [--dir target/bench-leak] [--no-mbox] [--no-cli] [--profile]
//                               [--memory] [--recycle N] [--dist DIR] [--runs N]
//                               [--threads] [--worker-profile] [--main-profile] [--trace FILE]
//
// 1. Generates the seeded leak-like corpus of scripts/bench-cli.sh (benches/leak/: `--distinct`
//    different messages, the twin without attachments) unless already there, and from it, for
//    each size N, a deflated zip of N members (the distinct messages repeated under their own
//    names; ZIP64 past 65,535 members) and an mbox of the same N messages.
// 2. Serves dist/ and opens the page in headless Chromium; adds the corpus's keys.zone in the
//    Keys panel (textarea[name=keys]); picks each file with the page's own file input; waits
//    for the batch summary to say done. The time is end to end: the pick to the final counts.
//    Meanwhile it samples the resident memory of the whole Chromium process tree (every
//    process's VmRSS from /proc) and prints its growth over the page's resting state.
// 3. Runs the release CLI on the same zip on all cores (--keys keys.zone, output to /dev/null).
// 4. Prints the page's messages/s, the CLI's, their ratio (target ≥ 0.4), the mbox's time over
//    the zip's (target ≤ 1.5) and the memory growth (target ≤ 400 MB at 100,000 messages),
//    and the CPU time each used (the Chromium process tree's, from /proc; the CLI's, as a
//    waited-for child): on a shared machine it moves far less with other work than the
//    wall-clock times, so A/B comparisons of the page are made with it.
//    --profile: also the main thread's busy time (CDP Performance metrics) and the workers'
//    own counters summed (worker.js `timing`: reading, of which inflating, starting the WebCrypto
//    hashes, waiting for them, verifying, posting results).
//    --memory: where the memory is: at each quarter of the messages checked, the resident memory
//    of each kind of Chromium process (browser, renderer, GPU, utility...: by --type= in its
//    command line), the main thread's JavaScript heap, each worker's JavaScript heap (a CDP
//    session per worker) and wasm linear memory, then again after a full garbage collection
//    everywhere. These probes stop the page for a while: times are only meaningful without it.
//    --threads: the CPU time by kind of process and thread name (from /proc: the main thread,
//    the workers, the browser's thread pool...; with --recycle Infinity no worker thread ends).
//    --worker-profile: a CPU profile of each worker (CDP Profiler through a browser session per
//    worker target, attached as the workers start; sampled every 200 µs), summed over the
//    workers: self time by function (wasm functions by name when the wasm keeps its name section,
//    e.g. a build whose wasm-opt ran with -g), and by group (wasm, the page's JavaScript, GC...).
//    --main-profile: a CPU profile of the page's main thread (CDP Profiler, sampled every 200 µs,
//    started at the pick): self time by function (with its file and line) and by group (receiving
//    results, the batch view, drawing the table, the browser's own work...); the profile itself
//    in DIR/main-FILE.cpuprofile (Chromium's DevTools open it).
//    --trace FILE: a Chrome trace of the run (V8 GC, wasm and JavaScript compilation, tasks, on
//    every thread; chrome://tracing or https://ui.perfetto.dev open it), and the thread pools'
//    work by event name (each event's own thread time).
//    --runs N: the CLI and the page N times each on every zip, alternated (CLI, page, CLI,
//    page...), each run printed, then the median of each and the ratio of the medians: on a
//    shared machine one slow run of either moves a single ratio by ±15%.
//    --no-cli: the page only (no release build, no CLI run).
//    --dist DIR: serve the page from DIR instead of dist/ (A/B: a copy of another build's dist/).
//    --recycle N: each worker is replaced by a fresh one after N messages (the pool's
//    recycleAfter, 20,000 by default; `--recycle Infinity`: never by count, but still once its
//    wasm memory passes the pool's recycleMemory), to compare.
//
// Not a test: it asserts nothing. Needs a built dist/ (scripts/build-web.sh), tests/e2e's
// node_modules, python3 (zipfile), and /usr/bin/chromium. On a shared machine, say so with
// the figures.

import http from 'node:http';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { join, resolve, dirname, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import os from 'node:os';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const flag = (name) => args.includes(name);
const sizes = opt('--sizes', '21075,100000').split(',').map(Number);
const seed = Number(opt('--seed', '13'));
const distinct = Number(opt('--distinct', '2000'));
const DIR = resolve(opt('--dir', join(ROOT, 'target/bench-leak')));
const withMbox = !flag('--no-mbox');
const profile = flag('--profile');
const withCli = !flag('--no-cli');
const recycle = opt('--recycle', null);
const memory = flag('--memory');
const runs = Math.max(1, Number(opt('--runs', '1')));
const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;

mkdirSync(DIR, { recursive: true });
const corpusDir = join(DIR, 'corpus');
if (!existsSync(join(corpusDir, 'SEED')) || readFileSync(join(corpusDir, 'SEED'), 'utf8').trim() !== `${seed} ${distinct}`) {
  console.log(`== generating ${distinct} distinct messages (seed ${seed}) into ${corpusDir}`);
  execFileSync('cargo', ['bench', '--quiet', '--bench', 'throughput', '--', '--leak-corpus', corpusDir, '--seed', String(seed), '--messages', String(distinct)],
    { cwd: ROOT, stdio: 'inherit' });
}
const emlDir = join(corpusDir, 'noattach');
const keysZone = join(corpusDir, 'keys.zone');

/** Writes leak-N.zip and leak-N.mbox from the distinct messages, unless there. */
function makeInputs(n) {
  const zip = join(DIR, `leak-${n}.zip`);
  const mbox = join(DIR, `leak-${n}.mbox`);
  if (!existsSync(zip) || !existsSync(mbox)) {
    console.log(`== writing ${zip} and ${mbox}`);
    const py = `
import os, sys, zipfile
src, n, zpath, mpath = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
names = sorted(f for f in os.listdir(src) if f.endswith('.eml'))
msgs = [open(os.path.join(src, f), 'rb').read() for f in names]
with zipfile.ZipFile(zpath + '.tmp', 'w', zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    for i in range(n):
        z.writestr('leak/%06d.eml' % i, msgs[i % len(msgs)])
os.replace(zpath + '.tmp', zpath)
with open(mpath + '.tmp', 'wb') as m:
    for i in range(n):
        m.write(b'From leak@example.org Mon Jan  1 00:00:00 2001\\n')
        m.write(msgs[i % len(msgs)])
        m.write(b'\\n')
os.replace(mpath + '.tmp', mpath)
`;
    execFileSync('python3', ['-c', py, emlDir, String(n), zip, mbox], { stdio: 'inherit' });
  }
  return { zip, mbox };
}

// --- the native CLI, all cores
if (withCli) {
  console.log('== building the CLI (release)');
  execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
}
/** CPU time (s) of this process's waited-for children (cutime + cstime). */
function childrenCpu() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}
function native(file) {
  const t0 = process.hrtime.bigint();
  const cpu0 = childrenCpu();
  const r = spawnSync(join(ROOT, 'target/release/dkimcheck'), ['--keys', keysZone, file], { stdio: ['ignore', 'ignore', 'ignore'] });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { secs, cpu: childrenCpu() - cpu0, status: r.status };
}

/** Every process's children, from /proc: Map(parent pid → [pid...]). */
function childrenByParent() {
  const children = new Map();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch { /* gone */ }
  }
  return children;
}

// --- resident memory of the Chromium process tree
/** Resident memory (MB) of every process below `rootPid`, by kind: {total, kinds: {kind: MB}}. */
function treeRss(rootPid) {
  const children = childrenByParent();
  let total = 0;
  const kinds = {};
  const stack = [...(children.get(rootPid) || [])];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      // Chromium rewrites its command line as one string: split on spaces too.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7);
      const sub = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19).split('.').pop();
      const kind = type ? (sub ? `${type}:${sub}` : type) : (/chrom/.test(cmd[0]) ? 'browser' : cmd[0].split('/').pop());
      if (m) {
        total += Number(m[1]) / 1024;
        kinds[kind] = (kinds[kind] || 0) + Number(m[1]) / 1024;
      }
    } catch { /* gone */ }
    stack.push(...(children.get(pid) || []));
  }
  return { total, kinds };
}
const treeRssMB = (rootPid) => treeRss(rootPid).total;

/**
 * CPU time (s, user + system) used so far by every process below `rootPid`: what a run costs
 * the machine, which moves less with other work than its wall-clock time (compare A/B with it).
 */
function treeCpu(rootPid) {
  const children = new Map();
  const ticks = new Map();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the command: state, ppid, ... utime (14th field of the line) and stime (15th).
      const ppid = Number(f[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
      ticks.set(Number(p), Number(f[11]) + Number(f[12]));
    } catch { /* gone */ }
  }
  let total = 0;
  const stack = [...(children.get(rootPid) || [])];
  while (stack.length) {
    const pid = stack.pop();
    total += ticks.get(pid) || 0;
    stack.push(...(children.get(pid) || []));
  }
  return total / 100; // USER_HZ
}

/**
 * CPU time (s) so far of every thread below `rootPid`, by kind of process and thread name
 * (`renderer/DedicatedWorker thread`...; a thread's name from /proc/PID/task/TID/comm; what threads
 * that ended used is under `<kind>/(ended threads)`): where the page's CPU goes (--threads).
 */
function threadCpu(rootPid) {
  const children = childrenByParent();
  const ticks = (path) => { const st = readFileSync(path, 'utf8'); const f = st.slice(st.lastIndexOf(')') + 2).split(' '); return Number(f[11]) + Number(f[12]); };
  const out = new Map();
  const add = (k, v) => out.set(k, (out.get(k) || 0) + v / 100);
  const stack = [...(children.get(rootPid) || [])];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const kind = cmd.find((a) => a.startsWith('--type='))?.slice(7) || 'browser';
      let live = 0;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/\d+$/, '');
          const t = ticks(`/proc/${pid}/task/${tid}/stat`);
          live += t;
          add(`${kind}/${name}`, t);
        } catch { /* gone */ }
      }
      add(`${kind}/(ended threads)`, ticks(`/proc/${pid}/stat`) - live);
    } catch { /* gone */ }
    stack.push(...(children.get(pid) || []));
  }
  return out;
}
const threads = flag('--threads');
const workerProfile = flag('--worker-profile');
const mainProfile = flag('--main-profile');
const traceFile = opt('--trace', null);

/**
 * The thread pools' work in a trace, by event name: each event's own thread time (ms) less that
 * of the events nested in it, on every ThreadPool*Worker thread (the renderer's and the
 * browser's): wasm tier-up compilation, JavaScript optimization, GC... [[name, ms]], most first.
 */
function poolTasks(trace) {
  const events = JSON.parse(trace).traceEvents || [];
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args.name);
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const k = `${e.pid}/${e.tid}`;
    if (!/ThreadPool(Foreground|Background)Worker/.test(names.get(k) || '')) continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const out = new Map();
  const add = (name, us) => out.set(name, (out.get(name) || 0) + us / 1000);
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of list) {
      while (stack.length && e.ts >= stack.at(-1).ts + stack.at(-1).dur) stack.pop();
      const t = e.tdur ?? e.dur;
      add(e.name, t);
      if (stack.length) add(stack.at(-1).name, -t);
      stack.push(e);
    }
  }
  return [...out].sort((a, b) => b[1] - a[1]);
}

/**
 * Sends CDP commands to worker targets through one browser session `b` (flatten: false: each
 * command travels inside Target.sendMessageToTarget). Returns send(sessionId, method, params),
 * which resolves to the command's result ({} on an error, or after `timeout` ms).
 */
function targetSender(b, timeout = Infinity) {
  let id = 1;
  const pending = new Map();
  b.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    pending.get(m.id)?.(m.result || {});
    pending.delete(m.id);
  });
  return (sessionId, method, params = {}) => new Promise((r) => {
    const i = id++;
    pending.set(i, r);
    b.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) }).catch(() => r({}));
    if (timeout !== Infinity) setTimeout(() => r({}), timeout);
  });
}

/**
 * Starts a CPU profile in each worker as it appears (--worker-profile); returns stop(), which
 * resolves to the profiles. Through one browser CDP session, attached to each worker target
 * (flatten: false, as in workerHeaps).
 */
async function profileWorkers() {
  const b = await browser.newBrowserCDPSession();
  const send = targetSender(b);
  const sessions = new Map();
  let watching = true;
  const profiles = [];
  const watch = (async () => {
    while (watching) {
      const { targetInfos } = await b.send('Target.getTargets');
      for (const t of targetInfos.filter((i) => i.type === 'worker' && !sessions.has(i.targetId))) {
        const { sessionId } = await b.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
        sessions.set(t.targetId, sessionId);
        await send(sessionId, 'Profiler.enable');
        await send(sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
        await send(sessionId, 'Profiler.start');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    watching = false;
    await watch;
    for (const sessionId of sessions.values()) {
      const got = await Promise.race([send(sessionId, 'Profiler.stop'), new Promise((r) => setTimeout(() => r({}), 20000))]);
      if (got.profile) profiles.push(got.profile);
    }
    await b.detach().catch(() => {});
    return profiles;
  };
}

/** What a worker's functions do, by name (first match): [group, pattern]. */
const GROUPS = [
  ['RSA (wasm)', /montgomery|rsa|bigint/i],
  ['Ed25519 (wasm)', /curve25519|ed25519/i],
  ['SHA-256 / SHA-1 of bodies and headers (wasm)', /sha2::|sha1::/],
  ['inflating (wasm)', /zlib_rs|inflate::|inflate_raw multivalue/],
  ['inflated bytes copied out of wasm (inflate_raw glue)', /^inflate_raw dkimcheck\.js/],
  ['allocator (wasm)', /dlmalloc|__rdl_|__rust_(alloc|dealloc|realloc)|memcpy|memmove|memset/],
  ['row and JSON (wasm)', /serde|report::row|to_json|Serializer|RowBatch|batch::/],
  ['canonicalization (wasm)', /canon::/],
  ['parsing, key checks, verification logic (wasm)', /\.wasm/],
  ['file SHA-256 (WebCrypto digest call)', /^digest$/],
  ['posting results', /^postMessage$/],
  ['wasm-bindgen glue (copies in and out, strings: TextDecoder decode)', /dkimcheck\.js|wasm-to-js|js-to-wasm|^decode$/],
  ['reading: zip, Blob windows', /zip\.js|blob-reader\.js|sources\.js/],
  ['worker.js (tasks, promises)', /worker\.js/],
  ['garbage collection', /\(garbage collector\)/],
  ['idle', /\(idle\)/],
];
/** What the main thread's functions do, by name and file (first match): [group, pattern]. */
const MAIN_GROUPS = [
  ['idle', /^\(idle\)/],
  ['the browser\'s own work (style, layout, paint, messages in and out: "(program)")', /^\(program\)/],
  ['garbage collection', /\(garbage collector\)/],
  ['receiving results (JSON.parse of rows)', /^parse |^received worker-pool/],
  ['feeding the workers (postMessage of tasks)', /^postMessage |^feed |^slim |^take /],
  ['worker-pool.js, other', /worker-pool\.js/],
  ['the row interner', /interner\.js/],
  ['counting rows in (batch-view add, tally)', /^(add|tally|schedule) batch-view|rows\.js/],
  ['the table (order, sort, rows in view)', /row-table\.js|columns\.js|^sort /],
  ['the keys needed', /keys-needed|KeysNeeded|dkimcheck\.js/],
  ['the summary, counts and progress line', /batch-view\.js|progress\.js|i18n\.js|reports\.js|dom\.js/],
  ['reading the zip\'s directory, listing tasks', /zip\.js|sources\.js|blob-reader\.js/],
];
function byGroup(selfTimes, groups = GROUPS) {
  const out = new Map();
  for (const [name, ms] of selfTimes) {
    const g = groups.find(([, re]) => re.test(name))?.[0] || 'other';
    out.set(g, (out.get(g) || 0) + ms);
  }
  return [...out].sort((a, b) => b[1] - a[1]);
}

/** Self time (ms) by function over CPU profiles (`lines`: with its line): [[name, ms]], most first. */
function selfTimes(profiles, lines = false) {
  const self = new Map();
  for (const { nodes, samples, timeDeltas } of profiles) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    samples.forEach((nid, i) => {
      const f = byId.get(nid).callFrame;
      const file = (f.url || '').split('/').pop();
      const name = `${f.functionName || '(anonymous)'}${file ? ` ${file}${lines ? `:${f.lineNumber + 1}` : ''}` : ''}`;
      self.set(name, (self.get(name) || 0) + (timeDeltas[i] || 0) / 1000);
    });
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

// --- the page
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.ftl': 'text/plain' };
const server = http.createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  try {
    const body = readFileSync(join(DIST, path === '/' ? 'index.html' : path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || (path === '/' ? 'text/html' : 'application/octet-stream') });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    // performance.memory exact and current, and gc() to tell garbage from what is kept (measurement only)
    '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
// Chromium runs as a child of this process: its tree is every process below this one.
const browserPid = process.pid;

/** Opens the page with the corpus keys added; returns the page. */
async function openPage() {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(base);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
  await page.evaluate(() => { document.getElementById('keys').open = true; });
  await page.fill('textarea[name="keys"]', readFileSync(keysZone, 'utf8'));
  await page.click('button[data-action="add-keys"]');
  await page.waitForFunction(() => /\S/.test(document.querySelector('[data-keys-status]')?.textContent || ''));
  if (recycle !== null) await page.evaluate((n) => { globalThis.__dkimcheckPool.recycleAfter = Number(n); }, recycle);
  return page;
}

/** Picks `file` in the page and waits for the final counts; returns figures. */
async function throughPage(file) {
  const page = await openPage();
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  const metric = async (name) => (cdp ? (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value || 0 : 0);
  await new Promise((r) => setTimeout(r, 1000));
  const rest = browserPid ? treeRssMB(browserPid) : 0;
  let peak = rest;
  const samples = [];
  const timer = setInterval(() => {
    if (!browserPid) return;
    const v = treeRssMB(browserPid);
    peak = Math.max(peak, v);
    samples.push(v);
  }, 250);
  const busy0 = await metric('TaskDuration');
  const heap0 = await metric('JSHeapUsedSize');
  const restKinds = treeRss(browserPid).kinds;
  // Where the memory is, at each quarter of the messages checked.
  const quarters = [];
  let watching = memory;
  const watch = (async () => {
    while (watching) {
      await new Promise((r) => setTimeout(r, 1000));
      try {
        const { checked = '0', total = '0', state } = await page.$eval('#batch-summary', (s) => ({ ...s.dataset }));
        const q = Math.floor((4 * Number(checked)) / Math.max(1, Number(total)));
        if (state !== 'running' || q <= quarters.length || q < 1) continue;
        const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize || 0);
        const wasm = await Promise.all(page.workers().map((w) => w.evaluate(() => self.__dkimcheckMemory?.buffer.byteLength || 0).catch(() => 0)));
        const rss = treeRss(browserPid);
        const workersHeap = await workerHeaps(false);
        // Then after a full garbage collection everywhere: what is kept, not garbage not yet collected.
        await Promise.all([page.evaluate(() => globalThis.gc?.()), ...page.workers().map((w) => w.evaluate(() => self.gc?.()).catch(() => {}))]);
        const workersKept = await workerHeaps(true);
        await new Promise((r) => setTimeout(r, 500));
        const kept = await page.evaluate(() => performance.memory?.usedJSHeapSize || 0);
        quarters.push({ checked: Number(checked), rss, heap: heap / 1e6, wasm: wasm.filter(Boolean).map((b) => b / 1e6), afterGc: treeRss(browserPid), kept: kept / 1e6, workersHeap, workersKept });
      } catch { /* the page is busy or gone */ }
    }
  })();
  const t0 = Date.now();
  const cpu0 = treeCpu(browserPid);
  const threads0 = threads ? threadCpu(browserPid) : null;
  const stopProfiles = workerProfile ? await profileWorkers() : null;
  const mainCdp = mainProfile ? await page.context().newCDPSession(page) : null;
  if (mainCdp) {
    await mainCdp.send('Profiler.enable');
    await mainCdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await mainCdp.send('Profiler.start');
  }
  if (traceFile) {
    await browser.startTracing(undefined, { categories: ['toplevel', 'v8', 'disabled-by-default-v8.gc', 'disabled-by-default-v8.compile', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink', 'base', 'mojom', 'disabled-by-default-cpu_profiler'] });
  }
  await page.setInputFiles('#file-input', file);
  // The end, as the page says it: one wait in the page, woken only when the summary's state
  // changes (no polling beside the workers).
  await page.evaluate(() => new Promise((resolve) => {
    const done = () => { if (document.querySelector('#batch-summary[data-state="done"]')) resolve(); };
    new MutationObserver(done).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
    done();
  }));
  // The end: taken before the trace and the profiles are collected (that takes seconds).
  const secs = (Date.now() - t0) / 1000;
  const cpu = treeCpu(browserPid) - cpu0;
  let pool = [];
  if (traceFile) {
    const trace = await browser.stopTracing();
    writeFileSync(traceFile, trace);
    pool = poolTasks(trace.toString());
  }
  const workerSelf = stopProfiles ? selfTimes(await stopProfiles()) : [];
  const mainProfiled = mainCdp ? (await mainCdp.send('Profiler.stop')).profile : null;
  if (mainProfiled) writeFileSync(join(DIR, `main-${basename(file)}.cpuprofile`), JSON.stringify(mainProfiled));
  const mainSelf = mainProfiled ? selfTimes([mainProfiled], true) : [];
  const byThread = threads ? [...threadCpu(browserPid)].map(([k, v]) => [k, v - (threads0.get(k) || 0)]).filter(([, v]) => v >= 0.05).sort((a, b) => b[1] - a[1]) : [];
  clearInterval(timer);
  watching = false;
  await watch;
  const endRss = treeRss(browserPid);
  const endWasm = await Promise.all(page.workers().map((w) => w.evaluate(() => self.__dkimcheckMemory?.buffer.byteLength || 0).catch(() => 0)));
  quarters.push({ checked: -1, rss: endRss, heap: (await page.evaluate(() => performance.memory?.usedJSHeapSize || 0)) / 1e6, wasm: endWasm.filter(Boolean).map((b) => b / 1e6) });
  const busy = (await metric('TaskDuration')) - busy0;
  const heap = ((await metric('JSHeapUsedSize')) - heap0) / 1e6;
  const hot = cdp ? topFunctions((await cdp.send('Profiler.stop')).profile) : [];
  const counts = await page.$eval('#batch-summary', (s) => ({ ...s.dataset }));
  counts.workers = await page.evaluate(() => globalThis.__dkimcheckPool?.spawned);
  counts.warmUp = await page.evaluate(() => globalThis.__dkimcheckPool?.warmUpResult);
  const timing = profile ? await page.evaluate(() => globalThis.__dkimcheckPool?.timing || []) : [];
  const table = await tableTimes(page);
  await page.close();
  return { table, secs, cpu, byThread, workerSelf, mainSelf, pool, counts, rest, peak, growth: peak - rest, busy, timing, samples, hot, heap, restKinds, quarters };
}

/**
 * How long the batch table takes to answer, with every row in it: each sort (a column's button,
 * then again for the reverse order), a text filter (matching some rows, then none, then
 * cleared) and the result filter. Each is timed in the page from the event to the frame
 * after it (requestAnimationFrame, then a task: its style, layout and paint done). [[what, ms]].
 */
async function tableTimes(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const timed = async (what, act) => {
      await frame();
      const t = performance.now();
      act();
      await frame();
      return [what, performance.now() - t, view.querySelector('p.hint[role="status"]')?.textContent || ''];
    };
    const view = document.querySelector('#batch-view');
    const sortBy = (key) => () => view.querySelector(`button.sort[data-key="${key}"]`).click();
    const search = view.querySelector('.filters input[type="search"]');
    const typed = (text) => () => { search.value = text; search.dispatchEvent(new Event('input', { bubbles: true })); };
    const result = view.querySelector('.filters select');
    const chosen = (value) => () => { result.value = value; result.dispatchEvent(new Event('change', { bubbles: true })); };
    const out = [];
    for (const key of ['date', 'subject', 'domain', 'from', 'assessment', 'source']) {
      out.push(await timed(`sort by ${key}`, sortBy(key)));
      out.push(await timed(`sort by ${key}, reversed`, sortBy(key)));
    }
    out.push(await timed('filter "bigmail"', typed('bigmail')));
    out.push(await timed('filter "no-such-text"', typed('no-such-text')));
    out.push(await timed('filter cleared', typed('')));
    out.push(await timed('result "verified"', chosen('verified')));
    out.push(await timed('result any', chosen('')));
    return out;
  });
}

/** The main thread's functions by self time, from a CDP CPU profile: [[name, ms]]. */
function topFunctions(profile) {
  const dt = new Map();
  const { nodes, samples, timeDeltas } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (timeDeltas[i] || 0)));
  const self = new Map();
  for (const [id, us] of dt) {
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || '(anonymous)'} ${(f.url || '').split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) || 0) + us / 1000);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
}

const mb = (x) => `${x.toFixed(0)} MB`;

/**
 * Each worker's own JavaScript heap, through a CDP session per worker target (workers have no
 * performance.memory): [{used, embedder, backing}] in MB (backing: ArrayBuffers' storage), after
 * a garbage collection in that worker when `gc`.
 */
async function workerHeaps(gc = false) {
  const b = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await b.send('Target.getTargets');
    const send = targetSender(b, 10000);
    const heaps = [];
    for (const t of targetInfos.filter((i) => i.type === 'worker')) {
      const { sessionId } = await b.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      if (gc) await send(sessionId, 'HeapProfiler.collectGarbage');
      const u = await send(sessionId, 'Runtime.getHeapUsage');
      heaps.push({ used: (u.usedSize || 0) / 1e6, embedder: (u.embedderHeapUsedSize || 0) / 1e6, backing: (u.backingStorageSize || 0) / 1e6 });
      await b.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
    return heaps;
  } catch { return []; } finally { await b.detach().catch(() => {}); }
}
const fmtHeaps = (hs) => hs.map((x) => `${x.used.toFixed(0)}/${x.embedder.toFixed(0)}/${x.backing.toFixed(0)}`).join(', ');

/** Prints where the memory is at each quarter (growth over rest by kind of process). */
function printQuarters(web) {
  for (const q of web.quarters) {
    const kinds = Object.entries(q.rss.kinds).map(([k, v]) => `${k} ${(v - (web.restKinds[k] || 0)).toFixed(0)}`).join(', ');
    console.log(`    ${q.checked < 0 ? 'done' : `at ${q.checked}`}: tree +${(q.rss.total - web.rest).toFixed(0)} MB (${kinds}); main JS heap ${q.heap.toFixed(0)} MB; wasm memory per worker ${q.wasm.map((w) => w.toFixed(0)).join(', ')} MB`);
    if (q.workersHeap) console.log(`      workers' JS heaps, used/embedder/ArrayBuffers MB: ${fmtHeaps(q.workersHeap)}`);
    if (q.afterGc) console.log(`      after a full GC: tree +${(q.afterGc.total - web.rest).toFixed(0)} MB (${Object.entries(q.afterGc.kinds).map(([k, v]) => `${k} ${(v - (web.restKinds[k] || 0)).toFixed(0)}`).join(', ')}), main JS heap ${q.kept.toFixed(0)} MB; workers' ${fmtHeaps(q.workersKept)}`);
  }
}
try {
  console.log(`machine: ${cores} cores (${os.cpus()[0]?.model || '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const n of sizes) {
    const { zip, mbox } = makeInputs(n);
    const zipMB = statSync(zip).size / 1e6;
    const paired = [];
    for (let r = 0; r < runs; r++) {
      const cli = withCli ? native(zip) : { secs: NaN, cpu: NaN, status: null };
      paired.push({ cli, web: await throughPage(zip) });
      printZipRun(n, zipMB, paired[r], runs > 1 ? ` run ${r + 1} of ${runs}` : '');
    }
    const page = median(paired.map((x) => x.web.secs));
    if (runs > 1) {
      const cliSecs = median(paired.map((x) => x.cli.secs));
      console.log(`\n${n.toLocaleString('en-US')} messages over ${runs} alternated runs: page ${paired.map((x) => x.web.secs.toFixed(1)).join(' / ')} s (median ${page.toFixed(2)} s, Chromium CPU median ${median(paired.map((x) => x.web.cpu)).toFixed(1)} s)` +
        (withCli ? `; CLI ${paired.map((x) => x.cli.secs.toFixed(1)).join(' / ')} s (median ${cliSecs.toFixed(2)} s); each run's ratio ${paired.map((x) => (x.cli.secs / x.web.secs).toFixed(2)).join(', ')}; ratio of the medians page ÷ CLI: ${(cliSecs / page).toFixed(2)} (target ≥ 0.4)` : ''));
    }
    if (withMbox) {
      const box = await throughPage(mbox);
      console.log(`  page (mbox, ${(statSync(mbox).size / 1e6).toFixed(0)} MB): ${box.secs.toFixed(1)} s; counted ${box.counts.total}, verified ${box.counts.verified}; mbox ÷ zip time: ${(box.secs / page).toFixed(2)} (target ≤ 1.5); memory growth ${mb(box.growth)}`);
      printQuarters(box);
    }
  }
} finally {
  await browser.close();
  server.close();
}

/** The median of numbers. */
function median(xs) {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Prints one run of the page (and the CLI) on the zip of n messages; `run` names it among several. */
function printZipRun(n, zipMB, { cli, web }, run) {
  const total = Number(web.counts.total);
  console.log(`\n${n.toLocaleString('en-US')} messages (zip ${zipMB.toFixed(0)} MB deflated)${run}:`);
  if (withCli) console.log(`  CLI, ${cores} cores:  ${cli.secs.toFixed(1)} s, ${(n / cli.secs).toFixed(0)} messages/s (exit ${cli.status})`);
  console.log(`  page (zip):      ${web.secs.toFixed(1)} s, ${(n / web.secs).toFixed(0)} messages/s; counted ${total}, verified ${web.counts.verified}, skipped ${web.counts.skipped}; ${web.counts.workers} workers started`);
  const w = web.counts.warmUp;
  if (w) console.log(`  warm-up before the pick: ${w.rounds} rounds in ${Math.round(w.ms)} ms`);
  if (withCli) console.log(`  throughput ratio page ÷ CLI: ${(cli.secs / web.secs).toFixed(2)} (target ≥ 0.4)`);
  console.log(`  CPU time: Chromium ${web.cpu.toFixed(1)} s (all its processes, pick → counts)${withCli ? `, CLI ${cli.cpu.toFixed(1)} s` : ''}`);
  if (threads) console.log(`  CPU by thread (s): ${web.byThread.map(([k, v]) => `${k} ${v.toFixed(2)}`).join('; ')}`);
  if (traceFile) console.log(`  trace in ${traceFile}; the thread pools' work by event (ms): ${web.pool.slice(0, 25).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
  if (workerProfile) {
    const all = web.workerSelf.reduce((a, [, ms]) => a + ms, 0);
    const per = (ms) => `${(ms / 1000).toFixed(2)} s, ${((1000 * ms) / n).toFixed(1)} µs/message`;
    console.log(`  workers' CPU profile, ${per(all)} sampled; by group (self time; the inspector attached makes the browser's own calls, postMessage and digest, look dearer):`);
    for (const [group, ms] of byGroup(web.workerSelf)) console.log(`    ${per(ms).padEnd(28)} ${group}`);
    console.log('  by function:');
    for (const [name, ms] of web.workerSelf.slice(0, 60)) console.log(`    ${per(ms).padEnd(28)} ${name}`);
  }
  if (mainProfile) {
    const busy = web.mainSelf.filter(([name]) => !/^\(idle\)/.test(name)).reduce((a, [, ms]) => a + ms, 0);
    const per = (ms) => `${ms.toFixed(0)} ms, ${((1000 * ms) / n).toFixed(1)} µs/message`;
    console.log(`  main thread's CPU profile: busy ${per(busy)} (not idle); by group (self time):`);
    for (const [group, ms] of byGroup(web.mainSelf, MAIN_GROUPS)) console.log(`    ${per(ms).padEnd(26)} ${group}`);
    console.log('  by function:');
    for (const [name, ms] of web.mainSelf.slice(0, 40)) console.log(`    ${per(ms).padEnd(26)} ${name}`);
  }
  const slowest = Math.max(...web.table.map(([, ms]) => ms));
  const found = web.table.find(([what]) => what.startsWith('filter "bigmail"'));
  console.log(`  the table with ${total.toLocaleString('en-US')} rows, event to next frame (ms; target < 300): ${web.table.map(([what, ms]) => `${what} ${ms.toFixed(0)}`).join(', ')}; slowest ${slowest.toFixed(0)} (the "bigmail" filter: ${found?.[2]})`);
  console.log(`  Chromium process tree resident memory: ${mb(web.rest)} at rest, peak ${mb(web.peak)}, growth ${mb(web.growth)} (target ≤ 400 MB); growth over rest, MB:`);
  printQuarters(web);
  if (profile) {
    const sum = (k) => web.timing.reduce((a, t) => a + (t?.[k] || 0), 0) / 1000;
    const keys = [...new Set(web.timing.flatMap((t) => Object.keys(t || {})))];
    console.log(`  main thread, by self time: ${web.hot.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join('; ')}`);
    console.log(`  the page's JavaScript heap (main thread) grew by ${web.heap.toFixed(0)} MB`);
    console.log(`  main thread busy ${(web.busy).toFixed(1)} s of ${web.secs.toFixed(1)} s; workers, summed over ${web.timing.length} (see worker.js timing): ${keys.map((k) => `${k} ${sum(k).toFixed(1)} s`).join(', ')}`);
  }
}
