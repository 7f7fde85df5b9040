// checker.js — checks what the user gave: one message in the single view, many
// in the batch view (with progress and Cancel), on the worker pool; remembers
// what is on screen and checks it again when the keys change, and words it
// again when the language changes (without reading the files again).

import { engine } from './verify/engine.js';
import { wasmSha256 } from './verify/platform.js';
import { expandInput, mboxTasks, pastedTask, readTask } from './input/sources.js';
import { download } from './views/export.js';
import { renderReport } from './views/render.js';
import { BatchView } from './views/batch-view.js';
import { clear, h } from './common/dom.js';
import { phraseOf } from './common/phrase-error.js';
import { hasSignature } from './common/reports.js';

/** An mbox up to this size is split on this thread before checking; a bigger one while it is checked. */
const SPLIT_HERE_BYTES = 4 * 1024 * 1024;
/** Key names a confirmation lists, at most (the rest are counted). */
const MAX_NAMES_ADDED = 5;
/** One file picked or dropped bigger than this is most likely a batch (see checkFiles). */
const WARM_FROM_BYTES = 1024 * 1024;

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
   * @param {() => void} [o.openKeys]  opens the Keys panel at its "add several keys" box
   */
  constructor({ single, batch, progress, pool, store, tr, onReset, focusInput, openKeys }) {
    this.single = single;
    this.batch = batch;
    this.progress = progress;
    this.pool = pool;
    this.store = store;
    this.tr = tr;
    this.onReset = onReset;
    this.focusInput = focusInput;
    this.batchView = new BatchView(batch, { tr, onOpen: (i) => this.openFromBatch(i), onAddKeys: openKeys });
    /** What is on screen: {kind:'single', task, report} | {kind:'batch', tasks, streams, skipped, label} | null */
    this.current = null;
    /** The user's keys as last checked with ("name\tline" each), to tell what changed. */
    this.keyLines = new Set(store.entries.map((e) => `${e.name}\t${e.line}`));
  }

  /** Reset every dynamic part (also after "Save page as", which keeps the DOM). */
  reset() {
    clear(this.single).hidden = true;
    clear(this.batch).hidden = true;
    this.progress.show(false);
    this.progress.say(null);
    this.onReset?.();
  }

  /**
   * Add keys the user gave (see KeyStore.add); resolves to a confirmation: how many, and the
   * first names (the checking again that follows shows in the progress line).
   */
  async addKey(input) {
    const dk = await engine();
    const names = this.store.add(input, dk, this.tr);
    const shown = names.slice(0, MAX_NAMES_ADDED).join(', ');
    const more = names.length - MAX_NAMES_ADDED;
    return more > 0 ? this.tr.t('keys-bulk-added-more', { count: names.length, names: shown, more })
      : this.tr.t('keys-bulk-added', { count: names.length, names: shown });
  }

  /** Show one message's report; `back`: the batch it was opened from, to go back to. */
  showSingle(report, back) {
    this.batch.hidden = true;
    const root = clear(this.single);
    if (back) {
      // The messages the batch counts: its tasks less the files found not to be messages; not
      // yet known while an mbox is still being split.
      const label = this.batchView.growing ? this.tr.t('batch-back-growing')
        : this.tr.t('batch-back', { count: this.batchView.total ?? back.tasks.length });
      root.append(h('button', { type: 'button', class: 'back', onclick: () => this.backToBatch(back) }, `← ${label}`));
    }
    root.append(renderReport(report, { onAddKey: (input) => this.addKey(input), remember: true, tr: this.tr }));
    const task = this.current?.kind === 'single' ? this.current.task : null;
    if (task && !task.error && hasSignature(report)) {
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

  /**
   * After a cancel, the focus goes to the results so far, or back to the file picker; it stays
   * on a message opened from the batch.
   */
  focusAfterCancel() {
    if (!this.single.hidden) return;
    if (!this.batch.hidden) this.batch.querySelector('h2')?.focus();
    else this.focusInput?.();
  }

  /**
   * Verify a single task in one worker and show it (`batch`: the batch it was opened from). A
   * message opened while its batch is still being checked is checked beside it, on a worker of
   * its own: the batch goes on, its progress and Cancel stay on screen.
   */
  async runSingle(task, batch) {
    const current = { kind: 'single', task, batch };
    this.current = current;
    const aside = Boolean(batch) && this.pool.running;
    if (!aside) this.progress.startSingle();
    let report = null;
    try {
      const res = aside ? await this.pool.runAside(task, { body: true })
        : await this.pool.run([task], { body: true, onResult: (_, r) => { report = r; } });
      if (aside) report = res.report;
      if (res.cancelled) {
        if (aside) return; // the keys or the judging time changed: checked again (see recheck)
        this.progress.show(false);
        this.progress.say('status-cancelled');
        this.focusAfterCancel();
        return;
      }
    } catch (e) {
      this.progress.say('status-check-failed', { error: phraseOf(e) }, true);
      return;
    } finally {
      if (!aside) this.progress.show(false);
    }
    // "← Back", or another message, before the answer came: not shown.
    if (this.current !== current) return;
    if (!aside) this.progress.say(null);
    current.report = report;
    this.showSingle(report, batch);
    this.single.querySelector('.banner')?.focus({ preventScroll: false });
  }

  /**
   * Verify a batch on all workers, with progress and Cancel: `batch` {tasks, streams, skipped,
   * label, t0}. Mboxes (streams) are split in a worker while the messages already found are
   * verified; their messages join `tasks`, so checking the batch again reads them directly.
   * The time shown runs from t0 (the files chosen), so it includes reading and splitting.
   * `reveal`: files were just chosen, bring the batch into view (not when checking it again).
   */
  async runBatch(batch, { reveal = false } = {}) {
    const token = this.startRun(batch);
    this.single.hidden = true;
    this.batch.hidden = false;
    const { tasks } = batch;
    // The mboxes are split during the first run: a run cut short while splitting them (Cancel,
    // keys added) leaves their messages found so far, which the next run finds again.
    batch.listed ??= tasks.length;
    if (!batch.split) tasks.length = batch.listed;
    const streams = batch.split ? [] : batch.streams || [];
    this.batchView.dk = await engine();
    this.batchView.start(tasks.length, batch.label, { growing: streams.length > 0, skipped: batch.skipped || [] });
    // The files' choice starts the first run's time; a run again (keys, judging time) starts now.
    const meter = this.meterBatch({ t0: batch.t0, growing: streams.length > 0 });
    batch.t0 = undefined;
    if (reveal) this.batchView.reveal(this.progress.section);
    const open = { more: streams.length > 0 };
    try {
      const running = this.pool.run(tasks, {
        body: false, rows: true, open,
        onResult: (i, r) => this.batchView.add(i, r),
      });
      let cancelled = false;
      for (const stream of streams) {
        const counter = { n: 0 };
        const res = await this.pool.split(stream.blob, (ranges, read) => {
          tasks.push(...mboxTasks(stream, ranges, counter));
          meter.setRead(read / Math.max(1, stream.blob.size));
          this.batchView.setTotal(tasks.length, true);
          this.pool.wake();
        });
        if (res.cancelled) { cancelled = true; break; }
        if (!counter.n) tasks.push({ source: stream.source, error: { id: 'input-mbox-empty', args: {} } });
      }
      if (!cancelled) batch.split = true;
      open.more = false;
      meter.setRead(1, false);
      this.batchView.setTotal(tasks.length, false);
      this.pool.wake();
      const res = await running;
      cancelled ||= res.cancelled;
      // A newer run (the same batch checked again) has taken over the view.
      if (this.run !== token) return;
      this.batchView.finish(cancelled ? 'cancelled' : 'done');
      const secs = meter.seconds();
      meter.stop();
      if (cancelled) {
        this.progress.say('status-cancelled');
        this.focusAfterCancel();
      } else if (!this.batchView.total) {
        this.progress.say('status-no-messages', null, true);
      } else {
        this.progress.say('status-batch-done', { count: this.batchView.total, seconds: { decimal: secs } });
      }
    } catch (e) {
      open.more = false;
      if (this.run !== token) return;
      this.batchView.finish('cancelled');
      this.progress.say('status-check-failed', { error: phraseOf(e) }, true);
    } finally {
      meter.stop();
    }
  }

  /**
   * Marks the start of a run over `batch` (now on screen): the token a run compares with
   * `this.run` once its workers are done, so that one cancelled by a newer run of the same batch
   * leaves the view to it.
   */
  startRun(batch) {
    this.current = batch;
    this.run = {};
    return this.run;
  }

  /**
   * The progress line of a batch, counting what the batch view counts: worded each time the
   * batch view shows new counts (one source, shown together); once stopped, its tick does
   * nothing, and the next batch's meter takes its place.
   */
  meterBatch(opts) {
    const view = this.batchView;
    const meter = this.progress.startBatch(() => view.showing, opts);
    view.onUpdate = meter.tick;
    return meter;
  }

  /** Verify again only the messages of the batch at `indexes` (keys they needed were added). */
  async recheckRows(batch, indexes) {
    const token = this.startRun(batch);
    this.batchView.recheck(indexes);
    const meter = this.meterBatch();
    try {
      const res = await this.pool.run(indexes.map((i) => batch.tasks[i]), {
        body: false, rows: true, onResult: (j, r) => this.batchView.add(indexes[j], r),
      });
      if (this.run !== token) return;
      this.batchView.finish(res.cancelled ? 'cancelled' : 'done');
      meter.stop();
      this.progress.say(res.cancelled ? 'status-cancelled' : 'status-recheck-done', { count: indexes.length, seconds: { decimal: meter.seconds() } });
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
    const stale = batch.stale;
    batch.stale = null;
    // Keys removed or the judging time changed while a message of the batch was open: check
    // the whole batch again, then return to the row that was opened.
    if (stale?.full) {
      this.runBatch(batch).then(() => {
        if (this.current === batch && !this.batch.contains(document.activeElement)) this.batchView.focusRow(batch.opened);
      });
      return;
    }
    // The focus returns to the row that was opened.
    if (!this.batchView.focusRow(batch.opened)) this.batch.querySelector('h2')?.focus();
    // Keys only added meanwhile: only the messages that need them are checked again.
    if (stale) {
      const indexes = this.batchView.rowsNeeding(stale.added);
      if (indexes.length) this.recheckRows(batch, indexes);
    }
  }

  /** Check dropped or picked files. */
  async checkFiles(fileList) {
    const files = [...fileList];
    if (!files.length) return;
    const t0 = performance.now();
    this.pool.cancel();
    this.reset();
    this.progress.say('status-reading');
    // Several files or a big one are most likely a batch: its workers start while it is listed.
    if (files.length > 1 || files[0].size > WARM_FROM_BYTES) this.pool.warm();
    let input;
    try {
      const dk = await engine();
      input = await expandInput(files, (id, args) => this.progress.say(id, args),
        { streamMbox: true, skipName: (name) => dk.not_a_message_by_name(name), crc32: (bytes) => dk.crc32(bytes) });
    } catch (e) {
      this.progress.say('status-read-failed', { error: phraseOf(e) }, true);
      return;
    }
    this.progress.say(null);
    const { tasks, skipped } = input;
    // A small mbox (often one message saved with its From_ line) is split here at once, so that
    // one message still opens on its own; big ones are split in a worker while they are verified.
    const streams = [];
    for (const stream of input.streams) {
      if (stream.blob.size > SPLIT_HERE_BYTES) { streams.push(stream); continue; }
      const dk = await engine();
      const splitter = new dk.MboxSplitter();
      const ranges = [...splitter.feed(new Uint8Array(await stream.blob.arrayBuffer())), ...splitter.finish()];
      splitter.free();
      const found = mboxTasks(stream, ranges, { n: 0 });
      tasks.push(...(found.length ? found : [{ source: stream.source, error: { id: 'input-mbox-empty', args: {} } }]));
    }
    if (!tasks.length && !streams.length) {
      this.progress.say('status-no-messages', null, true);
      if (skipped.length) this.progress.say('batch-skipped', { count: skipped.length, names: skipped.slice(0, 20).join(', ') }, true);
      return;
    }
    if (tasks.length === 1 && !streams.length && !skipped.length) await this.runSingle(tasks[0]);
    else {
      const label = files.length === 1 ? { text: files[0].name } : { id: 'batch-files', args: { count: files.length } };
      await this.runBatch({ kind: 'batch', tasks, streams, skipped, label, t0 }, { reveal: true });
    }
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
    const running = this.pool.running;
    this.pool.setAt(at);
    this.judgingChanged = true;
    this.recheck(running);
  }

  /**
   * Check what is on screen again after the keys or the judging time changed. When keys were
   * only added while a batch is shown, only the messages that needed them are checked again;
   * a batch whose run the change cut short (`running`: one was in progress) is checked again
   * whole.
   */
  recheck(running = this.pool.running) {
    this.pool.setKeys(this.store.text());
    const lines = new Set(this.store.entries.map((e) => `${e.name}\t${e.line}`));
    const added = new Set([...lines].filter((l) => !this.keyLines.has(l)).map((l) => l.split('\t')[0].toLowerCase()));
    const removed = [...this.keyLines].some((l) => !lines.has(l));
    const judging = this.judgingChanged;
    this.keyLines = lines;
    this.judgingChanged = false;
    if (!this.current) return;
    if (this.current.kind === 'single') {
      // What changed, for the batch it was opened from (checked again on "← Back").
      const batch = this.current.batch;
      if (batch) {
        const stale = batch.stale || { added: new Set(), full: false };
        if (added.size && !removed && !judging && !running) for (const n of added) stale.added.add(n);
        else stale.full = true;
        batch.stale = stale;
      }
      this.runSingle(this.current.task, this.current.batch);
    } else if (added.size && !removed && !judging && !running) {
      const indexes = this.batchView.rowsNeeding(added);
      if (indexes.length) this.recheckRows(this.current, indexes);
    } else {
      this.runBatch(this.current);
    }
  }
}
