// checker.js — checks what the user gave: one message in the single view, many
// in the batch view (with progress and Cancel), on the worker pool; remembers
// what is on screen and checks it again when the keys change, and words it
// again when the language changes (without reading the files again).

import { engine } from './verify/engine.js';
import { wasmSha256 } from './verify/platform.js';
import { expandFiles, pastedTask, readTask } from './input/sources.js';
import { download } from './views/export.js';
import { renderReport } from './views/render.js';
import { BatchView } from './views/batch-view.js';
import { clear, h } from './common/dom.js';
import { phraseOf } from './common/phrase-error.js';

export class Checker {
  /**
   * @param {object} o
   * @param {HTMLElement} o.single  where one message's report goes
   * @param {HTMLElement} o.batch   where a batch's results go
   * @param {import('./views/progress.js').ProgressView} o.progress
   * @param {import('./verify/worker-pool.js').WorkerPool} o.pool
   * @param {import('./keys/keystore.js').KeyStore} o.store  the keys the user added
   * @param {import('./common/i18n.js').Translator} o.tr  the page's words
   * @param {() => void} [o.onReset]  also called when the screen is reset
   * @param {() => void} [o.focusInput]  puts the focus back on the file picker
   */
  constructor({ single, batch, progress, pool, store, tr, onReset, focusInput }) {
    this.single = single;
    this.batch = batch;
    this.progress = progress;
    this.pool = pool;
    this.store = store;
    this.tr = tr;
    this.onReset = onReset;
    this.focusInput = focusInput;
    this.batchView = new BatchView(batch, { tr, onOpen: (i) => this.openFromBatch(i) });
    /** What is on screen: {kind:'single', task, report} | {kind:'batch', tasks, label} | null */
    this.current = null;
  }

  /** Reset every dynamic part (also after "Save page as", which keeps the DOM). */
  reset() {
    clear(this.single).hidden = true;
    clear(this.batch).hidden = true;
    this.progress.show(false);
    this.progress.say(null);
    this.onReset?.();
  }

  /** Add keys the user gave (see KeyStore.add); resolves to a confirmation. */
  async addKey(input) {
    const dk = await engine();
    const names = this.store.add(input, dk, this.tr);
    return this.tr.t(this.current ? 'key-added-checking' : 'key-added', { names: names.join(', ') });
  }

  /** Show one message's report; `back`: the batch it was opened from, to go back to. */
  showSingle(report, back) {
    this.batch.hidden = true;
    const root = clear(this.single);
    if (back) {
      const label = this.tr.t('batch-back', { count: back.tasks.length });
      root.append(h('button', { type: 'button', class: 'back', onclick: () => this.backToBatch(back) }, `← ${label}`));
    }
    root.append(renderReport(report, { onAddKey: (input) => this.addKey(input), remember: true, tr: this.tr }));
    const task = this.current?.kind === 'single' ? this.current.task : null;
    if (task && !task.error) {
      // Right under the banner: the verdict, then the way to keep it.
      const actions = h('p', { class: 'evidence-actions' },
        h('button', { type: 'button', dataset: { action: 'save-evidence' }, onclick: (e) => this.saveEvidence(task, e.currentTarget) },
          this.tr.t('page-save-evidence')),
        ' ',
        h('span', { class: 'hint' }, this.tr.t('page-save-evidence-hint')));
      const bannerEl = root.querySelector('.banner');
      if (bannerEl) bannerEl.after(actions); else root.append(actions);
    }
    root.hidden = false;
  }

  /**
   * Save the evidence report of a task, in the page's language: the message is checked again on
   * the main thread, with the same keys and judging time, and the wasm's own SHA-256 goes into
   * the report.
   */
  async saveEvidence(task, button) {
    button.disabled = true;
    try {
      const [dk, bytes, wasmHash] = await Promise.all([engine(), readTask(task), wasmSha256()]);
      const v = new dk.Verifier({ keys: this.pool.keys, lang: this.tr.lang, ...(this.pool.at ? { at: this.pool.at } : {}) });
      try {
        const html = v.evidenceReport(bytes, task.source, wasmHash ?? undefined, this.tr.lang);
        const base = task.source.split(/[/\\!]/).pop().replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._]+/, '').slice(0, 100) || 'message';
        download(`${base}.evidence.html`, html, 'text/html');
      } finally {
        v.free();
      }
    } catch (e) {
      this.progress.say('page-evidence-failed', { error: phraseOf(e) }, true);
    } finally {
      button.disabled = false;
    }
  }

  /** Word what is on screen again, in the current language (the reports are kept). */
  rerender() {
    const c = this.current;
    if (!c) return;
    if (c.kind === 'single' && c.report && !this.single.hidden) {
      const focused = document.activeElement;
      const wasBack = focused?.classList?.contains('back');
      this.showSingle(c.report, c.batch);
      if (wasBack) this.single.querySelector('.back')?.focus();
    }
    this.batchView.rerender(c.kind === 'batch' ? c.label : c.batch?.label);
  }

  /** Cancel what is running; the focus goes to what stays on screen. */
  cancel() {
    this.pool.cancel();
  }

  /** After a cancel, the focus goes to the results so far, or back to the file picker. */
  focusAfterCancel() {
    if (!this.batch.hidden) this.batch.querySelector('h2')?.focus();
    else this.focusInput?.();
  }

  /** Verify a single task in one worker and show it (`batch`: the batch it was opened from). */
  async runSingle(task, batch) {
    this.current = { kind: 'single', task, batch };
    this.progress.startSingle();
    let report = null;
    try {
      const res = await this.pool.run([task], { body: true, onResult: (_, r) => { report = r; } });
      if (res.cancelled) {
        this.progress.show(false);
        this.progress.say('status-cancelled');
        this.focusAfterCancel();
        return;
      }
    } catch (e) {
      this.progress.say('status-check-failed', { error: phraseOf(e) }, true);
      return;
    } finally {
      this.progress.show(false);
    }
    this.progress.say(null);
    this.current.report = report;
    this.showSingle(report, batch);
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
      meter.stop();
      if (res.cancelled) {
        this.progress.say('status-cancelled');
        this.focusAfterCancel();
      } else {
        this.progress.say('status-batch-done', { count: tasks.length, seconds: { decimal: secs } });
      }
    } catch (e) {
      this.batchView.finish('cancelled');
      this.progress.say('status-check-failed', { error: phraseOf(e) }, true);
    } finally {
      meter.stop();
    }
  }

  openFromBatch(i) {
    const batch = this.current.kind === 'batch' ? this.current : this.current.batch;
    batch.opened = i;
    this.runSingle(batch.tasks[i], batch);
  }

  backToBatch(batch) {
    this.current = batch;
    this.single.hidden = true;
    this.batch.hidden = false;
    // Keys changed while a message of the batch was open: check the batch again.
    if (batch.stale) { batch.stale = false; this.runBatch(batch.tasks, batch.label); return; }
    // The focus returns to the row that was opened.
    if (!this.batchView.focusRow(batch.opened)) this.batch.querySelector('h2')?.focus();
  }

  /** Check dropped or picked files. */
  async checkFiles(fileList) {
    const files = [...fileList];
    if (!files.length) return;
    this.pool.cancel();
    this.reset();
    this.progress.say('status-reading');
    let tasks;
    try {
      tasks = await expandFiles(files, (id, args) => this.progress.say(id, args));
    } catch (e) {
      this.progress.say('status-read-failed', { error: phraseOf(e) }, true);
      return;
    }
    this.progress.say(null);
    if (!tasks.length) { this.progress.say('status-no-messages', null, true); return; }
    if (tasks.length === 1) await this.runSingle(tasks[0]);
    else await this.runBatch(tasks, files.length === 1 ? { text: files[0].name } : { id: 'batch-files', args: { count: files.length } });
  }

  /** Check pasted message text. */
  checkText(text) {
    if (!text.trim()) { this.progress.say('status-paste-first', null, true); return; }
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
      this.runSingle(this.current.task, this.current.batch);
    } else {
      this.runBatch(this.current.tasks, this.current.label);
    }
  }
}
