// worker.js — verifies messages off the main thread.
//
// Protocol (main → worker):
//   {type:'init', module: WebAssembly.Module, keys: string, at: ''|'now', warmUp?: bool}  → {type:'ready', version} | {type:'fatal', message}
//     (at: '' judges each signature as of its signing, 'now' at the current time; warmUp: once
//     ready, verify a sample until the browser has optimized the hot code (warm-up.js), until
//     work arrives; then → {type:'warmed', rounds, ms})
//   {type:'verify', batch: [{id, task}], body: bool, rows: bool, piece?: {lo, bytes}}
//                                                   → {type:'results', items: [{id, report} | {id, retry: true}], poisoned, wasmBytes, held}
//     (a row may come as its JSON text, which the pool parses)
//     rows: a compact row per message (Verifier.verifyRow) instead of the full report, for
//     batches; a task found in a zip or folder (task.listed) that is not a message gives
//     {id, report: {source, skipped: true}} (never counted, never read as keys)
//     piece: the batch's bytes of an mbox from offset lo (an ArrayBuffer, transferred), which
//     its splitter read: then nothing is read from the Blob
//   {type:'split', blob}                             → {type:'ranges', ranges: [start, end, ...], read, done, chunks}...
//     an mbox split while it is read (MboxSplitter in wasm), in pieces, for the pool to verify;
//     chunks: [{lo, bytes}], the bytes (ArrayBuffers, transferred) of the file from offset lo
//     for a run of neighbouring messages, the pool's batch
//   {type:'released', bytes}   (to a splitter) the pool handed out a chunk of that many bytes
// poisoned: the wasm instance trapped (a panic or stack overflow); the pool replaces this
// worker and gives the messages marked retry to another. wasmBytes: the size of the wasm
// memory (it never shrinks), by which the pool may replace this worker with a fresh one. held:
// how many inflated zip members the worker still keeps in wasm memory (see `members`).
// A task is described in sources.js; the worker reads its bytes itself
// (Blob.slice / zip member), so the main thread never reads message data (an mbox's
// bytes, read by its splitter, pass through it, transferred).
// Tasks come in batches of neighbours in their file and are read through a
// windowed, read-ahead reader (blob-reader.js), which saves a Blob round trip per message,
// unless the batch comes with its bytes (an mbox's, read once by its splitter).

import init, { Members, MboxSplitter, Verifier, crc32, inflate_raw, not_a_message, version } from '../../pkg/dkimcheck.js';
import { readTask, taskReader } from '../input/sources.js';
import { crcDiffers, inflateError, isDamaged, readMemberData, setInflater } from '../input/zip.js';
import { pieceReader, readRange, windowedReader } from '../input/blob-reader.js';
import { errorReport, errorRow } from '../common/reports.js';
import { phraseOf } from '../common/phrase-error.js';
import { warmUp } from './warm-up.js';

let keys = '';
let at = '';
let verifiers = {};
let queue = Promise.resolve(); // initialisation and verification, in order
let initialised = Promise.resolve(); // the latest initialisation
let reads = Promise.resolve(); // reading (and starting hashes), in order; runs ahead of verification
/**
 * Deflated zip members inflated into wasm memory and kept there, by handle (src/wasm/members.rs):
 * a small member verified for a row is hashed through a view of it and verified in place, never
 * copied out to JavaScript and back. Every handle is freed once its message is done (finish),
 * or at once when it is skipped or fails to be read (prepare). A trapped or cancelled worker is
 * terminated, its memory with it.
 */
let members = null;

// The input's SHA-256 (shown in reports) is computed with WebCrypto where available: it uses the
// CPU's SHA instructions, which wasm cannot, and runs beside the verification.
const subtle = self.crypto && self.crypto.subtle;

/**
 * The verifier for reports with or without the body (`body`), hashing the input itself
 * (`hashInput`) or leaving its SHA-256 to WebCrypto.
 */
function verifier(body, hashInput = !subtle) {
  const k = `${body ? 'body' : 'slim'}${hashInput ? '+sha256' : ''}`;
  // text: false — reports carry message ids and arguments; the page words them in its language.
  if (!verifiers[k]) verifiers[k] = new Verifier({ keys, body, hashInput, text: false, ...(at ? { at } : {}) });
  return verifiers[k];
}

/**
 * Messages smaller than this are verified in one wasm call that also computes their body hashes
 * (only the file's own SHA-256 is WebCrypto's: one digest, no wasm work to prepare it). For a small
 * message, WebCrypto's faster hashing saves less than it costs: finding the body hash jobs and
 * copying out the canonical body (the message parsed twice more), a digest round trip to
 * another thread per hash, and converting the jobs back (measured in headless Chromium on a
 * leak-like corpus of 11.5 KB messages: about 390 µs a message in one call against 420 µs of
 * which 70 µs before the digests and 90 µs of digests on other threads; see README "Speed").
 */
const WEBCRYPTO_FROM = 32 * 1024;

/**
 * Starts the WebCrypto hashes a message needs: the body hashes its signatures ask for (several
 * times faster than SHA in wasm for large bodies) and the SHA-256 of the file. Returns a promise
 * of {jobs, sha256}; nothing is awaited here, so the hashes of a whole batch run together.
 */
function startHashes(v, bytes) {
  const jobs = v.bodyHashJobs(bytes);
  const bodies = {};
  // WebCrypto hashes from the start each time: many signatures with different l= would hash
  // the body once each. It hashes at most about twice the message; the other jobs are left to
  // the wasm verifier, which computes them all in one pass.
  let budget = 2 * bytes.length + 65536;
  const chosen = [];
  const pending = [];
  for (const job of jobs) {
    const canonical = bodies[job.canon] || (bodies[job.canon] = v.canonicalBody(bytes, job.canon));
    const data = job.limit == null ? canonical : canonical.subarray(0, Math.min(job.limit, canonical.length));
    if (data.length > budget) continue;
    budget -= data.length;
    job.length = canonical.length;
    chosen.push(job);
    pending.push(subtle.digest(job.hash === 'sha1' ? 'SHA-1' : 'SHA-256', data).then((d) => { job.digest = hex(d); }));
  }
  const sha256 = subtle.digest('SHA-256', bytes).then(hex);
  return Promise.all(pending).then(async () => ({ jobs: chosen, sha256: await sha256 }));
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function hex(buffer) {
  let s = '';
  for (const b of new Uint8Array(buffer)) s += HEX[b];
  return s;
}

/**
 * Cumulative milliseconds, reported with results (scripts/bench-leak.mjs --profile): read (the
 * bytes, inflating included), inflate (of which in wasm), hashes (finding the body hash jobs and
 * starting the WebCrypto digests), wait (for the digests, when verification catches up with
 * them), verify (the wasm verification and its result's conversion), post (sending results).
 */
const timing = { read: 0, inflate: 0, hashes: 0, wait: 0, verify: 0, post: 0 };

/** An error report, or an error row when verifying for rows. */
const failed = (source, why, rows) => (rows ? errorRow(source, why) : errorReport(source, why));

/** The Blobs received, by blobId: the pool sends each once (see WorkerPool.run). */
const blobs = new Map();

/**
 * The error of a zip member whose message did not pass (`r`: a report or row, or a row as JSON
 * text, alone or as {json}) and whose bytes do not match the CRC-32 its archive records
 * (`differs()`, asked only then: a pass shows the signed bytes intact), else null: the archive is
 * damaged, said so as the CLI does, never shown as a message that failed.
 */
function damaged(task, r, rows, differs) {
  if (!task.entry) return null;
  const json = typeof r === 'string' ? r : r.json;
  const passed = json === undefined ? r.verdict === 'pass' : json.includes('"verdict":"pass"');
  if (passed || !differs()) return null;
  return failed(task.source, { id: 'input-zip-member-damaged', args: {} }, rows);
}

/**
 * Reads a deflated zip member's data and inflates it into `members`: its handle. Inflating's
 * errors are readZipMember's.
 */
async function readIntoMembers(task, reader) {
  const data = await readMemberData(task.blob, task.entry, taskReader(task, reader));
  const t = performance.now();
  try {
    return members.inflate(data, task.entry.size);
  } catch (e) {
    throw inflateError(e, task.entry.size);
  } finally {
    timing.inflate += performance.now() - t;
  }
}

/** Gives a task its Blob back when the pool sent it before (by blobId), or keeps it for later. */
function withBlob(task) {
  if (task.blobId !== undefined) {
    if (task.blob) blobs.set(task.blobId, task.blob);
    else task.blob = blobs.get(task.blobId);
  }
  return task;
}

/**
 * Reads a task's bytes with `reader` (as windowedReader's) and starts its hashes: {task, bytes,
 * hashes, sha256}, {task, handle, sha256} (a member kept in `members`) or {task, report}.
 */
async function prepare(task, body, rows, reader) {
  if (task.error) return { task, report: failed(task.source, task.error, rows) };
  let handle = null; // a member held, freed below unless handed on to finish
  try {
    const t = performance.now();
    let bytes;
    if (rows && members && task.entry && task.entry.method === 8) {
      // Stored members and plain files are views into the reader's window, copied once as
      // before; only inflated bytes are kept in wasm.
      handle = await readIntoMembers(task, reader);
      timing.read += performance.now() - t;
      if (task.listed && members.notAMessage(handle, task.source)) return { task, report: { source: task.source, skipped: true } };
      if (members.len(handle) < WEBCRYPTO_FROM) {
        const h = performance.now();
        // The view is used at once, before any other wasm call (one could grow the memory and
        // detach it): digest() copies its input when called (WebCrypto, "get a copy of the bytes
        // held by the data parameter", before the promise is returned).
        const sha256 = subtle ? subtle.digest('SHA-256', members.view(handle)).then(hex) : null;
        timing.hashes += performance.now() - h;
        const p = { task, handle, sha256 };
        handle = null;
        return p;
      }
      // A large message's body hashes go to WebCrypto (startHashes): its bytes come out once.
      bytes = members.take(handle);
      handle = null;
    } else {
      bytes = await readTask(task, reader);
      timing.read += performance.now() - t;
    }
    if (task.listed && not_a_message(task.source, bytes.subarray(0, 1024))) return { task, report: { source: task.source, skipped: true } };
    const h = performance.now();
    const hashes = subtle && bytes.length >= WEBCRYPTO_FROM ? startHashes(verifier(body), bytes) : null;
    // A small message's own SHA-256 is WebCrypto's too (the CPU's SHA instructions), started now
    // and done by the time its turn comes; its signatures' hashes stay in the one wasm call.
    const sha256 = subtle && !hashes ? subtle.digest('SHA-256', bytes).then(hex) : null;
    timing.hashes += performance.now() - h;
    return { task, bytes, hashes, sha256 };
  } catch (e) {
    return { task, report: failed(task.source, phraseOf(e), rows) };
  } finally {
    if (handle !== null) release(handle);
  }
}

/**
 * Frees a member held in `members`. After a trap the instance is not called again: the worker
 * is replaced, its memory with it (and a trap inside a call leaves `members` borrowed, so
 * freeing would throw).
 */
function release(handle) {
  if (poisoned) return;
  try {
    members.freeMember(handle);
  } catch {
    poisoned = true;
  }
}

/** Verifies a member held in `members` for its row; the caller frees it. */
async function finishMember(p, body) {
  let t = performance.now();
  const sha256 = p.sha256 && await p.sha256;
  const w = performance.now();
  timing.wait += w - t;
  t = w;
  const json = verifier(body, !sha256).verifyMemberRowJson(members, p.handle, p.task.source);
  timing.verify += performance.now() - t;
  // The CRC-32 of the bytes held.
  return damaged(p.task, json, true, () => crcDiffers(p.task.entry, members.crc32(p.handle)))
    || (sha256 ? { json, sha256 } : json);
}

async function finish(p, body, rows) {
  if (p.report) return p.report;
  try {
    if (p.handle !== undefined) return await finishMember(p, body);
    let r;
    let t = performance.now();
    if (p.hashes) {
      const v = verifier(body);
      const { jobs, sha256 } = await p.hashes;
      const w = performance.now();
      timing.wait += w - t;
      t = w;
      r = rows ? v.verifyRowWithBodyHashes(p.bytes, p.task.source, jobs) : v.verifyWithBodyHashes(p.bytes, p.task.source, jobs);
      r.sha256 = sha256;
      if (r.evidence) r.evidence.input_sha256 = sha256;
    } else {
      const sha256 = p.sha256 && await p.sha256;
      const w = performance.now();
      timing.wait += w - t;
      t = w;
      const whole = verifier(body, !sha256);
      // A row as JSON text: cheaper to build in wasm than an object, and to post (the pool
      // parses it and sets its sha256).
      r = rows ? whole.verifyRowJson(p.bytes, p.task.source) : whole.verify(p.bytes, p.task.source);
      if (sha256 && !rows) {
        r.sha256 = sha256;
        if (r.evidence) r.evidence.input_sha256 = sha256;
      } else if (sha256) r = { json: r, sha256 };
    }
    timing.verify += performance.now() - t;
    return damaged(p.task, r, rows, () => isDamaged(p.task.entry, p.bytes)) || r;
  } catch (e) {
    // A trap (a Rust panic, a stack overflow) leaves the wasm instance unusable: this worker
    // says so with its results and the pool replaces it.
    const why = e && e.message ? e.message : String(e);
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      poisoned = true;
      return failed(p.task.source, { id: 'worker-trapped', args: { error: why } }, rows);
    }
    return failed(p.task.source, phraseOf(e), rows);
  } finally {
    if (p.handle !== undefined) release(p.handle);
  }
}

// One reader for the worker's life: batches of the same file continue its window. Reading a
// Blob is far faster in big pieces than message by message, but past a few MB a bigger piece
// saves nothing: windows are as large as a 64 MB budget shared by all workers allows (a window
// and one read ahead each), between 4 and 8 MB. (32 MB windows held 128 MB on two workers,
// most of the page's memory growth on a big zip.)
const MB = 1024 * 1024;
const workers = Math.max(1, (self.navigator && self.navigator.hardwareConcurrency) || 4);
const read = windowedReader(Math.max(4 * MB, Math.min(8 * MB, Math.floor(64 * MB / (2 * workers)))));

/**
 * Reads every message of a batch and starts its hashes: from `piece` ({lo, bytes}: the bytes of
 * an mbox from offset lo, handed on by its splitter with the batch) when it holds them, else
 * through the windowed reader.
 */
async function prepareBatch(batch, body, rows, piece) {
  const tasks = batch.map(({ task }) => withBlob(task));
  const first = tasks.find((t) => t.blob);
  const reader = piece && first ? pieceReader(first.blobId ?? first.blob, piece.lo, new Uint8Array(piece.bytes)) : read;
  const prepared = [];
  for (let i = 0; i < batch.length; i++) prepared.push({ id: batch[i].id, p: await prepare(tasks[i], body, rows, reader) });
  return prepared;
}

/** Verifies a prepared batch and posts the results. */
async function finishBatch(prepared, body, rows) {
  const items = [];
  // After a trap nothing more is verified here: the pool gives those messages to another worker.
  for (const { id, p } of prepared) items.push(poisoned ? { id, retry: true } : { id, report: await finish(p, body, rows) });
  const t = performance.now();
  // held: the members still in wasm memory, 0 once a batch is done unless the next one was read
  // ahead (tests/e2e/members.test.mjs).
  self.postMessage({
    type: 'results', items, timing, poisoned, wasmBytes: self.__dkimcheckMemory?.buffer.byteLength || 0,
    held: members && !poisoned ? members.count() : 0,
  });
  timing.post += performance.now() - t;
}

/** Bytes of an mbox the splitter reads at a time. */
const SPLIT_PIECE = 8 * MB;
/**
 * Bytes handed on and not yet released by the pool past which the splitter waits: at most
 * about this much is held. (With 32 MB, the same speed and 10-20 MB more of peak memory:
 * 21,075-message mbox, scripts/bench-leak.mjs, 2 cores, busy machine, 2 runs each.)
 */
const SPLIT_HELD = 16 * MB;
/** Messages a chunk handed on holds: the pool's batch (worker-pool.js MAX_BATCH). */
const CHUNK_MESSAGES = 64;
/**
 * Bytes of a message still being read that the splitter keeps, after a piece, to hand on with
 * it; a message longer than this and a piece is read again by the worker that verifies it.
 */
const CARRY_MAX = 16 * MB;
/** Bytes handed on that the pool has not released yet, and a wait for the next release. */
let ahead = 0;
let onRelease = null;

/** Copies the bytes of `seg` (the file from offset segLo) that fall in out's place (from lo). */
function copyIn(out, lo, seg, segLo) {
  const a = Math.max(lo, segLo);
  const b = Math.min(lo + out.length, segLo + seg.length);
  if (b > a) out.set(seg.subarray(a - segLo, b - segLo), a - lo);
}

/**
 * Splits an mbox Blob while reading it, posting the messages found piece by piece with their
 * bytes, so the file is read once: in chunks of CHUNK_MESSAGES messages, each its own
 * ArrayBuffer, transferred here and again by the pool to the worker that verifies its batch
 * (never copied on the page's main thread), which then reads nothing. The pool releases what
 * it handed out; with SPLIT_HELD bytes unreleased the splitter waits, so memory stays bounded
 * however far reading runs ahead of verifying.
 */
async function split(blob) {
  const splitter = new MboxSplitter();
  let carry = new Uint8Array(0); // the bytes from carryLo to what was read, not handed on yet
  let carryLo = 0;
  /** Posts `ranges` found once `piece` (from `base`) was read, with their bytes as far as held. */
  const hand = (ranges, piece, base, done) => {
    const read = base + piece.length;
    const chunks = [];
    // Chunks of up to CHUNK_MESSAGES messages, in order, of those whose bytes are held.
    for (let k = 0; k + 1 < ranges.length;) {
      let lo = -1;
      let hi = 0;
      let n = 0;
      for (; k + 1 < ranges.length && n < CHUNK_MESSAGES; k += 2) {
        if (ranges[k + 1] <= ranges[k]) continue; // empty: not a message
        if (ranges[k] < carryLo) continue; // not held: read again by its worker
        if (lo < 0) lo = ranges[k];
        hi = ranges[k + 1];
        n++;
      }
      if (n) {
        const bytes = new Uint8Array(hi - lo);
        copyIn(bytes, lo, carry, carryLo);
        copyIn(bytes, lo, piece, base);
        chunks.push({ lo, bytes: bytes.buffer });
        ahead += bytes.length;
      }
    }
    // What follows the last message found starts the next one: keep it, unless too long.
    const keep = Math.max(ranges.length ? ranges[ranges.length - 1] : carryLo, carryLo);
    if (read - keep > CARRY_MAX) {
      carry = new Uint8Array(0);
      carryLo = read;
    } else {
      const next = new Uint8Array(read - keep);
      copyIn(next, keep, carry, carryLo);
      copyIn(next, keep, piece, base);
      carry = next;
      carryLo = keep;
    }
    self.postMessage({ type: 'ranges', ranges, read, done, chunks }, chunks.map((c) => c.bytes));
  };
  try {
    for (let base = 0; base < blob.size; base += SPLIT_PIECE) {
      while (ahead >= SPLIT_HELD) await new Promise((resolve) => { onRelease = resolve; });
      const piece = await readRange(blob, base, Math.min(SPLIT_PIECE, blob.size - base));
      hand(splitter.feed(piece), piece, base, false);
    }
    hand(splitter.finish(), new Uint8Array(0), blob.size, true);
  } catch (e) {
    self.postMessage({ type: 'ranges', ranges: [], read: blob.size, done: true, error: e && e.message ? e.message : String(e) });
  } finally {
    splitter.free();
  }
}

/** Set when the wasm instance trapped. */
let poisoned = false;
/** Set when work arrives: a warm-up still running gives way. */
let working = false;

self.onmessage = ({ data }) => {
  if (data.type === 'init') {
    initialised = queue = queue.then(async () => {
      try {
        const wasm = await init({ module_or_path: data.module });
        // The instance's linear memory, which never shrinks: its size goes with the results (the pool
        // replaces a worker whose memory grew too big) and benchmarks read it (scripts/bench-leak.mjs).
        self.__dkimcheckMemory = wasm.memory;
        // Zip members are inflated in wasm (zlib-rs), in one call each; their CRC-32 is the
        // core's too (see damaged).
        setInflater((data, limit) => {
          const t = performance.now();
          try {
            return inflate_raw(data, limit);
          } finally {
            timing.inflate += performance.now() - t;
          }
        }, crc32);
        members ??= new Members();
        keys = data.keys || '';
        at = data.at || '';
        verifiers = {};
        verifier(true); // surface key errors now
        self.postMessage({ type: 'ready', version: version() });
        // Not awaited: it gives way to the first batch (see warm-up.js).
        if (data.warmUp) {
          const t = performance.now();
          warmUp(Verifier, members, () => working).then((rounds) => self.postMessage({ type: 'warmed', rounds, ms: performance.now() - t }));
        }
      } catch (e) {
        self.postMessage({ type: 'fatal', message: e && e.message ? e.message : String(e) });
      }
    });
  } else if (data.type === 'verify') {
    working = true;
    // The next batch is read while this one is verified (the pool keeps two in flight).
    const body = data.body !== false;
    const rows = !!data.rows;
    const prepared = (reads = Promise.all([reads, initialised]).then(() => prepareBatch(data.batch, body, rows, data.piece)));
    queue = queue.then(() => prepared).then((items) => finishBatch(items, body, rows));
  } else if (data.type === 'split') {
    working = true;
    initialised.then(() => split(data.blob));
  } else if (data.type === 'released') {
    // The pool handed out the messages of a chunk (see split).
    ahead -= data.bytes;
    onRelease?.();
    onRelease = null;
  }
};
