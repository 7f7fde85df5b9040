// worker-pool.js — runs verification tasks on a pool of Web Workers.
//
// Workers are created lazily (never more than there are tasks), get the
// compiled wasm module and the current extra keys, and are fed batches of
// neighbouring tasks so that each has up to IN_FLIGHT batches queued.
// cancel() terminates every worker; the next run() starts fresh ones. A worker
// that crashes or whose wasm trapped is replaced during a run.

import { createWorker, wasmModule } from './platform.js';
import { PhraseError } from '../common/phrase-error.js';
import { errorReport } from '../common/reports.js';

const IN_FLIGHT = 2;
const MAX_BATCH = 32;

export class WorkerPool {
  /** @param {{size:number, keys?:string, at?:''|'now'}} opts  at: '' as of signing, 'now' at the current time */
  constructor({ size, keys = '', at = '' }) {
    this.size = size;
    this.keys = keys;
    this.at = at;
    this.workers = [];
    this.current = null;
    this.version = null;
    /** Per worker: cumulative ms spent reading message bytes and verifying (for benchmarks). */
    this.timing = [];
  }

  /** Change the extra keys; running workers are restarted on the next run. */
  setKeys(keys) {
    if (keys === this.keys) return;
    this.keys = keys;
    this.terminate();
  }

  /** Change when signatures are judged ('' as of signing, 'now'); workers restart on the next run. */
  setAt(at) {
    if (at === this.at) return;
    this.at = at;
    this.terminate();
  }

  async spawn() {
    const module = await wasmModule();
    const worker = createWorker();
    await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === 'ready') { this.version = data.version; resolve(); }
        else if (data.type === 'fatal') reject(new Error(data.message));
      };
      worker.onerror = (e) => reject(e.message ? new Error(e.message) : new PhraseError('worker-start-failed'));
      worker.postMessage({ type: 'init', module, keys: this.keys, at: this.at });
    });
    return worker;
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
   * A worker that crashes, or whose wasm instance trapped (it says so with its
   * results), is replaced; the messages it had in flight are checked again one
   * at a time, and one that stops a worker on its own gets an error report, so
   * one hostile message never costs the rest of the batch.
   * @returns {Promise<{cancelled:boolean}>}
   */
  run(tasks, { body = true, onResult }) {
    this.cancel();
    const run = { cancelled: false };
    this.current = run;
    const n = Math.max(1, Math.min(this.size, tasks.length));
    return new Promise((resolve, reject) => {
      run.finish = resolve;
      let next = 0;
      let done = 0;
      const retry = []; // messages that were in flight on a worker that stopped: checked alone
      if (!tasks.length) { resolve({ cancelled: false }); return; }
      // Small batches for small runs, so every worker gets a share.
      const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.floor(tasks.length / (n * 8))));
      const take = () => {
        if (retry.length) return [retry.shift()];
        const batch = [];
        while (batch.length < batchSize && next < tasks.length) batch.push({ id: next, task: tasks[next++] });
        return batch;
      };
      /** Hands results over; true when the run is complete. */
      const deliver = (items) => {
        for (const { id, report } of items) {
          done++;
          onResult(id, report);
        }
        if (done < tasks.length) return false;
        this.current = null;
        resolve({ cancelled: false });
        return true;
      };
      const attach = (worker, slot) => {
        const inFlight = []; // batches sent to this worker, oldest first
        const feed = () => {
          while (!run.cancelled && inFlight.length < IN_FLIGHT) {
            const batch = take();
            if (!batch.length) break;
            inFlight.push(batch);
            worker.postMessage({ type: 'verify', batch: batch.map(({ id, task }) => ({ id, task })), body });
          }
        };
        worker.onmessage = ({ data }) => {
          if (run.cancelled || data.type !== 'results') return;
          const batch = inFlight.shift();
          this.timing[slot] = data.timing;
          for (const { id } of data.items.filter((i) => i.retry)) retry.push(batch.find((b) => b.id === id));
          if (deliver(data.items.filter((i) => !i.retry))) return;
          if (data.poisoned) replace(worker, slot, inFlight, false);
          else feed();
        };
        worker.onerror = (e) => {
          e.preventDefault?.();
          if (!run.cancelled) replace(worker, slot, inFlight, true);
        };
        feed();
      };
      /** Replaces a worker that stopped; its messages in flight are checked again, alone. */
      const replace = (worker, slot, inFlight, crashed) => {
        worker.onmessage = worker.onerror = null;
        worker.terminate();
        const skipped = [];
        for (const batch of inFlight) {
          for (const item of batch) {
            if (crashed && batch.length === 1 && item.alone) {
              skipped.push({ id: item.id, report: errorReport(item.task.source, { id: 'worker-stopped', args: {} }) });
            } else {
              retry.push({ ...item, alone: true });
            }
          }
        }
        inFlight.length = 0;
        if (deliver(skipped) || run.cancelled) return;
        const fresh = this.spawn();
        this.workers[slot] = fresh;
        fresh.then((w) => { if (!run.cancelled) attach(w, slot); }, (err) => { this.terminate(); reject(err); });
      };
      this.ensureWorkers(n).then((workers) => {
        if (run.cancelled) return;
        workers.forEach((worker, slot) => attach(worker, slot));
      }, (err) => { this.terminate(); reject(err); });
    });
  }

  /** Stop the current run (if any) and its workers. */
  cancel() {
    const run = this.current;
    if (!run) return;
    run.cancelled = true;
    this.current = null;
    this.terminate();
    run.finish({ cancelled: true });
  }

  /** Terminate all workers. */
  terminate() {
    for (const w of this.workers) w.then((worker) => worker.terminate(), () => {});
    this.workers = [];
  }
}
