// worker-pool.js — runs verification tasks on a pool of Web Workers.
//
// Workers are created lazily (never more than there are tasks; warm() starts
// them ahead, while the files picked are listed), get the
// compiled wasm module and the current extra keys, and are fed batches of
// neighbouring tasks so that each has up to IN_FLIGHT batches queued (a batch of an
// mbox's messages with their bytes, which its splitter read: see split).
// cancel() terminates every worker; the next run() starts fresh ones. A worker
// that crashes or whose wasm trapped is replaced during a run. A worker whose wasm
// memory has grown past `recycleMemory` (it never shrinks: one very large message
// grows it for good), or that has been given `recycleAfter` messages, is retired:
// a fresh one takes its place and it stops once it has answered what it holds,
// which gives back all its memory (its JavaScript heap, its wasm memory, what the
// browser keeps for it).

import { createWorker, wasmModule } from './platform.js';
import { PhraseError, phraseOf } from '../common/phrase-error.js';
import { errorReport, errorRow } from '../common/reports.js';

const IN_FLIGHT = 2;
/**
 * Messages per batch, at most. 64 rather than 32: half the batches, their messages and promises
 * (Chromium CPU 13% lower on the 21,075-message zip, 5 alternated pairs, bench-leak.mjs --dist).
 */
const MAX_BATCH = 64;
/**
 * Messages a worker is given before it is replaced by a fresh one, whatever its memory. A fresh
 * worker costs CPU time (a new JavaScript engine instance, its code warmed up again, its read
 * window filled again): replacing both workers every 5,000 messages took 10-14% more of the
 * page's CPU time on a 21,075-message zip than never replacing them (alternated runs,
 * scripts/bench-leak.mjs, 2 cores, busy machine). But the page's memory grew more without it on a
 * 100,000-message zip: 382 MB at 50,000 against 301 MB at 5,000 and 308 MB at 20,000 (one run
 * each): what the browser keeps for a worker seems to grow with the messages it read.
 */
const RECYCLE_AFTER = 20000;
/** Bytes of wasm memory past which a worker is replaced (at rest: 2 MB; grown by big messages). */
const RECYCLE_MEMORY = 32 * 1024 * 1024;

/** A result as a worker posted it: a report or row, a row's JSON text, or {json, sha256}. */
function received(report) {
  if (typeof report === 'string') return JSON.parse(report);
  if (!report || typeof report.json !== 'string') return report;
  const row = JSON.parse(report.json);
  row.sha256 = report.sha256;
  return row;
}

export class WorkerPool {
  /** @param {{size:number, keys?:string, at?:''|'now'}} opts  at: '' as of signing, 'now' at the current time */
  constructor({ size, keys = '', at = '' }) {
    this.size = size;
    this.keys = keys;
    this.at = at;
    this.workers = [];
    this.current = null;
    this.version = null;
    /** Per worker ever started: its cumulative ms by step (worker.js `timing`). */
    this.timings = new Map();
    /** Workers splitting an mbox, and how to stop each. */
    this.splitters = new Set();
    this.splitStops = new Map();
    /**
     * The bytes of an mbox its splitter read, by chunk of neighbouring messages, oldest first,
     * until the current run has handed out their messages: {blob, lo, bytes, size, worker,
     * from, until} (its messages are among tasks[from..until) of the run; see split).
     */
    this.pieces = [];
    /** Messages a worker is given before a fresh one replaces it (tests set a small one). */
    this.recycleAfter = RECYCLE_AFTER;
    /** Bytes of wasm memory (as a worker last reported) past which a fresh one replaces it. */
    this.recycleMemory = RECYCLE_MEMORY;
    /** Each worker's wasm memory in bytes, as it last reported with its results. */
    this.wasmBytes = new WeakMap();
    /** Messages given to each worker so far, over its life. */
    this.given = new WeakMap();
    /** Retired workers still answering what they hold. */
    this.retiring = new Set();
    /** Workers started (benchmarks and tests: how many were recycled). */
    this.spawned = 0;
    /**
     * The browser has optimized the verifier's hot code (a worker's warm-up ended, see
     * warm-up.js): the compiled module, its optimized code with it, is shared by every worker,
     * so this is done once per page.
     */
    this.warmedUp = false;
    /** The worker warming up now, if any. */
    this.warming = null;
    /** How the warm-up went, once it ended: {rounds, ms} (benchmarks print it). */
    this.warmUpResult = null;
    /** Workers checking one message beside the run (see runAside), and how to end each. */
    this.asides = new Set();
  }

  /** Whether a run is in progress. */
  get running() {
    return this.current !== null;
  }

  /** Per worker started: its cumulative ms by step (worker.js `timing`; for benchmarks). */
  get timing() {
    return [...this.timings.values()];
  }

  /**
   * Change the extra keys: a run in progress is cancelled (its results would mix two sets of
   * keys), and workers start afresh with the new keys on the next run.
   */
  setKeys(keys) {
    if (keys === this.keys) return;
    this.keys = keys;
    this.restart();
  }

  /** Change when signatures are judged ('' as of signing, 'now'), as setKeys does. */
  setAt(at) {
    if (at === this.at) return;
    this.at = at;
    this.restart();
  }

  /** Cancels the run in progress and the messages checked aside, and stops every worker. */
  restart() {
    this.cancel();
    for (const end of [...this.asides]) end({ cancelled: true });
    this.terminate();
  }

  /** Starts a worker; `warmUp`: it may be the one that warms the verifier up (see warm-up.js). */
  async spawn(warmUp = true) {
    const module = await wasmModule();
    const worker = createWorker();
    this.spawned++;
    warmUp &&= !this.warmedUp && !this.warming;
    if (warmUp) {
      this.warming = worker;
      worker.addEventListener('message', ({ data }) => {
        if (data.type !== 'warmed') return;
        this.warmedUp = true;
        this.warmUpResult = { rounds: data.rounds, ms: data.ms };
        this.warming = null;
      });
    }
    await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === 'ready') { this.version = data.version; resolve(); }
        else if (data.type === 'fatal') reject(new Error(data.message));
      };
      worker.onerror = (e) => reject(e.message ? new Error(e.message) : new PhraseError('worker-start-failed'));
      worker.postMessage({ type: 'init', module, keys: this.keys, at: this.at, warmUp });
    });
    return worker;
  }

  /**
   * Start the workers now, ahead of a run (files are being listed that are most likely a batch),
   * so that they are ready when it starts; a failure surfaces at that run.
   */
  warm() {
    this.ensureWorkers(this.size).catch(() => {});
  }

  async ensureWorkers(n) {
    while (this.workers.length < n) {
      const w = this.spawn();
      this.workers.push(w);
    }
    return Promise.all(this.workers.slice(0, n));
  }

  /**
   * Verify tasks. Calls onResult(index, report) as results arrive (in any order).
   * rows: compact rows instead of full reports (batches). open: while `open.more` is true,
   * more tasks may be appended to `tasks` (an mbox being split): call wake() after appending
   * and after setting `open.more = false`.
   * A worker that crashes, or whose wasm instance trapped (it says so with its
   * results), is replaced; the messages it had in flight are checked again one
   * at a time, and one that stops a worker on its own gets an error report, so
   * one hostile message never costs the rest of the batch.
   * @returns {Promise<{cancelled:boolean}>}
   */
  run(tasks, { body = true, rows = false, onResult, open = null }) {
    this.cancel();
    const run = { cancelled: false, feeders: [], count: () => tasks.length };
    this.current = run;
    const more = () => !!open && open.more;
    const n = Math.max(1, Math.min(this.size, more() ? this.size : tasks.length));
    return new Promise((resolve, reject) => {
      run.finish = resolve;
      let next = 0;
      let done = 0;
      const retry = []; // messages that were in flight on a worker that stopped: checked alone
      if (!tasks.length && !more()) { resolve({ cancelled: false }); return; }
      // Small batches for small runs, so every worker gets a share.
      const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.floor((more() ? Infinity : tasks.length) / (n * 8))));
      /** The chunk of mbox bytes (see split) that holds task i's message, or null. */
      const pieceOf = (i) => {
        const t = tasks[i];
        return this.pieces.find((p) => p.from <= i && (p.until === undefined || i < p.until) && p.blob === t.blob &&
          t.start >= p.lo && t.end <= p.lo + p.bytes.length) || null;
      };
      /** Releases the chunks whose messages were all handed out: their splitter reads on. */
      const release = () => {
        while (this.pieces.length && this.pieces[0].until !== undefined && this.pieces[0].until <= next) {
          this.release(this.pieces.shift());
        }
      };
      run.release = release;
      /**
       * The next batch: {batch, piece}: piece {lo, bytes} the batch's bytes when a chunk holds
       * them (a batch ends where a chunk does), to transfer with it: the chunk itself when the
       * batch is all of it (as the splitter cuts them, MAX_BATCH messages), else a copy.
       */
      const take = () => {
        if (retry.length) return { batch: [retry.shift()] };
        const batch = [];
        let piece = null;
        let placed = false; // a message with bytes to read is in the batch: piece is where they are, or null
        while (batch.length < batchSize && next < tasks.length) {
          if (tasks[next].blob) {
            const p = pieceOf(next);
            if (placed && p !== piece) break;
            piece = p;
            placed = true;
          }
          batch.push({ id: next, task: tasks[next++] });
        }
        release();
        if (!piece) return { batch };
        let lo = Infinity;
        let hi = 0;
        for (const { task } of batch) {
          if (!task.blob) continue;
          lo = Math.min(lo, task.start);
          hi = Math.max(hi, task.end);
        }
        if (lo === piece.lo && hi === piece.lo + piece.bytes.length) {
          const { buffer } = piece.bytes;
          piece.bytes = new Uint8Array(0); // transferred
          return { batch, piece: { lo, bytes: buffer } };
        }
        return { batch, piece: { lo, bytes: piece.bytes.slice(lo - piece.lo, hi - piece.lo).buffer } };
      };
      /** Hands results over; true when the run is complete. */
      const deliver = (items) => {
        for (const { id, report } of items) {
          done++;
          // Rows come as JSON text from the worker, with the input's SHA-256 beside (see worker.js).
          onResult(id, received(report));
        }
        if (done < tasks.length || more()) return false;
        this.current = null;
        this.releaseAll();
        resolve({ cancelled: false });
        return true;
      };
      const attach = (worker, slot) => {
        const inFlight = []; // batches sent to this worker, oldest first
        // Each Blob is sent to a worker once, then named by its blobId: cloning a Blob into a
        // message costs the main thread a round trip to the browser's blob registry, which per
        // message was most of the main thread's time on a big zip.
        const sent = new Set();
        const slim = (task) => {
          if (task.blobId === undefined || !task.blob) return task;
          if (sent.has(task.blobId)) return { ...task, blob: undefined };
          sent.add(task.blobId);
          return task;
        };
        let retired = false;
        const feed = () => {
          while (!run.cancelled && !retired && inFlight.length < IN_FLIGHT) {
            const worn = (this.given.get(worker) || 0) >= this.recycleAfter || (this.wasmBytes.get(worker) || 0) > this.recycleMemory;
            if (worn && (next < tasks.length || retry.length || more())) {
              retire();
              break;
            }
            const { batch, piece } = take();
            if (!batch.length) break;
            inFlight.push(batch);
            this.given.set(worker, (this.given.get(worker) || 0) + batch.length);
            worker.postMessage({ type: 'verify', batch: batch.map(({ id, task }) => ({ id, task: slim(task) })), body, rows, piece },
              piece ? [piece.bytes] : []);
          }
        };
        /** A fresh worker takes this slot; this one answers what it holds, then stops. */
        const retire = () => {
          retired = true;
          this.retiring.add(worker);
          startIn(slot);
          if (!inFlight.length) stop(worker);
        };
        run.feeders[slot] = feed;
        worker.onmessage = ({ data }) => {
          if (run.cancelled || data.type !== 'results') return;
          const batch = inFlight.shift();
          this.timings.set(worker, data.timing);
          this.wasmBytes.set(worker, data.wasmBytes || 0);
          for (const { id } of data.items.filter((i) => i.retry)) retry.push(batch.find((b) => b.id === id));
          const complete = deliver(data.items.filter((i) => !i.retry));
          if (retired && !inFlight.length && !data.poisoned) stop(worker);
          if (complete) return;
          if (data.poisoned) replace(worker, slot, inFlight, false, !retired);
          else if (!retired) feed();
        };
        worker.onerror = (e) => {
          e.preventDefault?.();
          if (!run.cancelled) replace(worker, slot, inFlight, true, !retired);
        };
        feed();
      };
      /** Other workers take what a retired or stopped one gave back. */
      const feedAll = () => run.feeders.forEach((feed) => feed?.());
      /** Stops a worker that has answered everything it was given. */
      const stop = (worker) => {
        worker.onmessage = worker.onerror = null;
        worker.terminate();
        this.retiring.delete(worker);
      };
      /** Starts a fresh worker in `slot`. */
      const startIn = (slot) => {
        const fresh = this.spawn();
        this.workers[slot] = fresh;
        fresh.then((w) => { if (!run.cancelled) attach(w, slot); }, fail);
      };
      /**
       * Replaces a worker that stopped (`respawn`: unless it was retired, and a fresh one already
       * has its slot); its messages in flight are checked again, alone.
       */
      const replace = (worker, slot, inFlight, crashed, respawn = true) => {
        stop(worker);
        const skipped = [];
        for (const batch of inFlight) {
          for (const item of batch) {
            // Alone twice when its worker stopped (another worker's crash can catch a retried
            // message once): this message stops workers on its own.
            if (crashed && batch.length === 1 && item.alone >= 2) {
              skipped.push({ id: item.id, report: (rows ? errorRow : errorReport)(item.task.source, { id: 'worker-stopped', args: {} }) });
            } else {
              retry.push({ ...item, alone: (item.alone || 0) + (batch.length === 1 ? 1 : 0) || 1 });
            }
          }
        }
        inFlight.length = 0;
        if (deliver(skipped) || run.cancelled) return;
        if (respawn) startIn(slot);
        else feedAll();
      };
      /** No worker could be started: the run ends with the error; an mbox's splitter reads on. */
      const fail = (err) => {
        run.cancelled = true;
        this.releaseAll();
        this.terminate();
        reject(err);
      };
      // More tasks were appended, or the list was closed.
      run.wake = () => {
        if (run.cancelled) return;
        if (!deliver([])) feedAll();
      };
      this.ensureWorkers(n).then((workers) => {
        if (run.cancelled) return;
        workers.forEach((worker, slot) => attach(worker, slot));
      }, fail);
    });
  }

  /** Tasks were appended to the current run's list, or it was closed (see run's `open`). */
  wake() {
    this.current?.wake?.();
  }

  /**
   * Split an mbox Blob in a worker of its own while the others verify: onRanges(ranges, read)
   * gets [start, end, ...] pairs and the bytes read so far, piece by piece; it appends their
   * tasks to the current run's. Resolves when the file is read; Cancel stops it.
   * The splitter hands on the bytes it read with each piece's ranges, in chunks of a batch's
   * messages: the run gives each batch of those messages its chunk (take), so the file is read
   * once, not again by the workers (whose read windows, reaching over the other workers'
   * batches, read most of it once each). A chunk is released once its messages are handed out;
   * the splitter waits while it has SPLIT_HELD bytes unreleased (worker.js), which bounds the
   * bytes held.
   */
  async split(blob, onRanges) {
    const worker = await this.spawn();
    this.splitters.add(worker);
    try {
      return await new Promise((resolve, reject) => {
        this.splitStops.set(worker, () => resolve({ cancelled: true }));
        worker.onmessage = ({ data }) => {
          if (data.type !== 'ranges') return;
          if (data.error) { reject(new Error(data.error)); return; }
          const run = this.current;
          const from = run ? run.count() : 0;
          const pieces = data.chunks.map(({ lo, bytes }) => ({ blob, lo, bytes: new Uint8Array(bytes), size: bytes.byteLength, worker, from }));
          if (run && !run.cancelled) this.pieces.push(...pieces);
          else pieces.forEach((piece) => this.release(piece));
          onRanges(data.ranges, data.read);
          // Their messages are among the tasks appended by onRanges.
          for (const piece of pieces) piece.until = run ? run.count() : 0;
          run?.release?.();
          if (data.done) resolve({ cancelled: false });
        };
        worker.onerror = (e) => { e.preventDefault?.(); reject(e.message ? new Error(e.message) : new PhraseError('batch-mbox-unreadable')); };
        worker.postMessage({ type: 'split', blob });
      });
    } finally {
      this.splitters.delete(worker);
      this.splitStops.delete(worker);
      worker.terminate();
    }
  }

  /** Tells a chunk's splitter that the chunk's messages were handed out (see split). */
  release(piece) {
    piece.worker.postMessage({ type: 'released', bytes: piece.size });
  }

  /** Releases every chunk held (the run they were for has ended). */
  releaseAll() {
    for (const piece of this.pieces.splice(0)) this.release(piece);
  }

  /**
   * Verify one task on a worker of its own, beside the run in progress, which goes on: a message
   * opened from a batch still being checked. The worker stops once it has answered, or when the
   * keys or the judging time change ({cancelled: true}); cancelling the run leaves it be.
   * @returns {Promise<{cancelled: boolean, report?: object}>}
   */
  async runAside(task, { body = true } = {}) {
    let worker = null;
    const done = new Promise((resolve) => {
      const end = (result) => {
        if (!this.asides.has(end)) return;
        this.asides.delete(end);
        worker?.terminate();
        resolve(result);
      };
      this.asides.add(end);
      this.spawn(false).then((w) => {
        worker = w;
        if (!this.asides.has(end)) { w.terminate(); return; }
        w.onmessage = ({ data }) => {
          // A fresh worker answers its one message (a trap is an error report, never a retry).
          if (data.type === 'results') end({ cancelled: false, report: received(data.items[0].report) });
        };
        w.onerror = (e) => {
          e.preventDefault?.();
          end({ cancelled: false, report: errorReport(task.source, { id: 'worker-stopped', args: {} }) });
        };
        w.postMessage({ type: 'verify', batch: [{ id: 0, task }], body, rows: false });
      }, (e) => end({ cancelled: false, report: errorReport(task.source, phraseOf(e)) }));
    });
    return done;
  }

  /** Stop the current run (if any), any mbox being split, and the workers. */
  cancel() {
    for (const stop of this.splitStops.values()) stop();
    this.pieces = [];
    const run = this.current;
    if (!run) return;
    run.cancelled = true;
    this.current = null;
    this.terminate();
    run.finish({ cancelled: true });
  }

  /** Terminate all workers. */
  terminate() {
    this.warming = null; // a warm-up cut short: the next worker started takes it up
    for (const w of this.workers) w.then((worker) => worker.terminate(), () => {});
    this.workers = [];
    for (const worker of this.retiring) worker.terminate();
    this.retiring.clear();
  }
}
