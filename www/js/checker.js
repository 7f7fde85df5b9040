// checker.js — checks what the user gave: one message in the single view, many
// in the batch view (with progress and Cancel), on the worker pool; remembers
// what is on screen and checks it again when the keys change.

import { engine } from './verify/engine.js';
import { wasmSha256 } from './verify/platform.js';
import { expandFiles, pastedTask, readTask } from './input/sources.js';
import { download } from './views/export.js';
import { renderReport } from './views/render.js';
import { BatchView } from './views/batch-view.js';
import { clear, h } from './common/dom.js';
import { formatCount } from './common/reports.js';

export class Checker {
  /**
   * @param {object} o
   * @param {HTMLElement} o.single  where one message's report goes
   * @param {HTMLElement} o.batch   where a batch's results go
   * @param {import('./views/progress.js').ProgressView} o.progress
   * @param {import('./verify/worker-pool.js').WorkerPool} o.pool
   * @param {import('./keys/keystore.js').KeyStore} o.store  the keys the user added
   * @param {() => void} [o.onReset]  also called when the screen is reset
   */
  constructor({ single, batch, progress, pool, store, onReset }) {
    this.single = single;
    this.batch = batch;
    this.progress = progress;
    this.pool = pool;
    this.store = store;
    this.onReset = onReset;
    this.batchView = new BatchView(batch, { onOpen: (i) => this.openFromBatch(i) });
    /** What is on screen: {kind:'single', task} | {kind:'batch', tasks, label} | null */
    this.current = null;
  }

  /** Reset every dynamic part (also after "Save page as", which keeps the DOM). */
  reset() {
    clear(this.single).hidden = true;
    clear(this.batch).hidden = true;
    this.progress.show(false);
    this.progress.setStatus('');
    this.onReset?.();
  }

  /** Add keys the user gave (see KeyStore.add); resolves to a confirmation. */
  async addKey(input) {
    const dk = await engine();
    const names = this.store.add(input, dk);
    return `Added ${names.join(', ')}.${this.current ? ' Checking again…' : ''}`;
  }

  /** Show one message's report. `back` is an optional {label, action}. */
  showSingle(report, back) {
    this.batch.hidden = true;
    const root = clear(this.single);
    if (back) root.append(h('button', { type: 'button', class: 'back', onclick: back.action }, `← ${back.label}`));
    root.append(renderReport(report, { onAddKey: (input) => this.addKey(input), remember: true }));
    const task = this.current?.kind === 'single' ? this.current.task : null;
    if (task && !task.error) {
      // Right under the banner: the verdict, then the way to keep it.
      const actions = h('p', { class: 'evidence-actions' },
        h('button', { type: 'button', dataset: { action: 'save-evidence' }, onclick: (e) => this.saveEvidence(task, e.currentTarget) },
          'Save evidence report'),
        ' ',
        h('span', { class: 'hint' }, 'One HTML file with the verdict, the keys and their fingerprints, how to check it again, and the original message.'));
      const bannerEl = root.querySelector('.banner');
      if (bannerEl) bannerEl.after(actions); else root.append(actions);
    }
    root.hidden = false;
  }

  /**
   * Save the evidence report of a task: the message is checked again on the main thread, with the
   * same keys and judging time, and the wasm's own SHA-256 goes into the report.
   */
  async saveEvidence(task, button) {
    button.disabled = true;
    try {
      const [dk, bytes, wasmHash] = await Promise.all([engine(), readTask(task), wasmSha256()]);
      const v = new dk.Verifier({ keys: this.pool.keys, ...(this.pool.at ? { at: this.pool.at } : {}) });
      try {
        const html = v.evidenceReport(bytes, task.source, wasmHash ?? undefined);
        const base = task.source.split(/[/\\!]/).pop().replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'message';
        download(`${base}.evidence.html`, html, 'text/html');
      } finally {
        v.free();
      }
    } catch (e) {
      this.progress.setStatus(`The evidence report could not be made: ${e.message}`, true);
    } finally {
      button.disabled = false;
    }
  }

  /** Verify a single task in one worker and show it. */
  async runSingle(task, back, batch) {
    this.current = { kind: 'single', task, back, batch };
    this.progress.startSingle();
    let report = null;
    try {
      const res = await this.pool.run([task], { body: true, onResult: (_, r) => { report = r; } });
      if (res.cancelled) { this.progress.setStatus('Cancelled.'); return; }
    } catch (e) {
      this.progress.setStatus(`The check failed: ${e.message}`, true);
      return;
    } finally {
      this.progress.show(false);
    }
    this.progress.setStatus('');
    this.showSingle(report, back);
    this.single.querySelector('.banner')?.focus({ preventScroll: false });
  }

  /** Verify many tasks on all workers, with progress and Cancel. */
  async runBatch(tasks, label) {
    this.current = { kind: 'batch', tasks, label };
    this.single.hidden = true;
    this.batch.hidden = false;
    this.batchView.start(tasks.length, label);
    const meter = this.progress.startBatch(tasks.length);
    try {
      const res = await this.pool.run(tasks, { body: false, onResult: (i, r) => { meter.count(); this.batchView.add(i, r); } });
      this.batchView.finish(res.cancelled ? 'cancelled' : 'done');
      meter.tick();
      const secs = meter.seconds();
      this.progress.setStatus(res.cancelled ? 'Cancelled.' : `Checked ${formatCount(tasks.length)} messages in ${secs.toFixed(1)} s.`);
    } catch (e) {
      this.batchView.finish('cancelled');
      this.progress.setStatus(`The check failed: ${e.message}`, true);
    } finally {
      meter.stop();
    }
  }

  openFromBatch(i) {
    const batch = this.current.kind === 'batch' ? this.current : this.current.batch;
    const back = { label: `Back to all ${formatCount(batch.tasks.length)} messages`, action: () => this.backToBatch(batch) };
    this.runSingle(batch.tasks[i], back, batch);
  }

  backToBatch(batch) {
    this.current = batch;
    this.single.hidden = true;
    this.batch.hidden = false;
    // Keys changed while a message of the batch was open: check the batch again.
    if (batch.stale) { batch.stale = false; this.runBatch(batch.tasks, batch.label); return; }
    this.batch.querySelector('h2')?.scrollIntoView({ block: 'start' });
  }

  /** Check dropped or picked files. */
  async checkFiles(fileList) {
    const files = [...fileList];
    if (!files.length) return;
    this.pool.cancel();
    this.reset();
    this.progress.setStatus('Reading…');
    let tasks;
    try {
      tasks = await expandFiles(files, (s) => this.progress.setStatus(s));
    } catch (e) {
      this.progress.setStatus(`Could not read the file: ${e.message}`, true);
      return;
    }
    this.progress.setStatus('');
    if (!tasks.length) { this.progress.setStatus('No messages were found in what you chose.', true); return; }
    if (tasks.length === 1) await this.runSingle(tasks[0]);
    else await this.runBatch(tasks, files.length === 1 ? files[0].name : `${files.length} files`);
  }

  /** Check pasted message text. */
  checkText(text) {
    if (!text.trim()) { this.progress.setStatus('Paste a message first.', true); return; }
    this.pool.cancel();
    this.reset();
    this.runSingle(pastedTask(text));
  }

  /** Judge signatures as of signing ('') or now ('now'), and check what is on screen again. */
  setJudging(at) {
    this.pool.setAt(at);
    this.recheck();
  }

  /** Check the current message or batch again (after keys or the judging time changed). */
  recheck() {
    this.pool.setKeys(this.store.text());
    if (!this.current) return;
    if (this.current.kind === 'single') {
      if (this.current.batch) this.current.batch.stale = true;
      this.runSingle(this.current.task, this.current.back, this.current.batch);
    } else {
      this.runBatch(this.current.tasks, this.current.label);
    }
  }
}
