// app.js — the page: wires input (drop, pick, paste), the worker pool, the
// single-message and batch views, and the keys panel together.

import { engine } from './verify/engine.js';
import { poolSize } from './verify/platform.js';
import { WorkerPool } from './verify/worker-pool.js';
import { expandFiles, pastedTask } from './input/sources.js';
import { renderReport } from './views/render.js';
import { BatchView } from './views/batch-view.js';
import { KeyStore } from './keys/keystore.js';
import { mountKeysPanel } from './keys/keys-panel.js';
import { h, clear } from './common/dom.js';
import { formatCount } from './common/reports.js';

const $ = (id) => document.getElementById(id);

const els = {
  fileInput: $('file-input'),
  pasteText: $('paste-text'),
  pasteCheck: $('paste-check'),
  progress: $('progress'),
  progressLabel: $('progress-label'),
  progressBar: $('progress-bar'),
  cancel: $('cancel'),
  status: $('status'),
  single: $('single-view'),
  batch: $('batch-view'),
  keys: $('keys-body'),
  overlay: $('drop-overlay'),
  version: $('version'),
  offlineLink: $('offline-link'),
};

const store = new KeyStore();
const pool = new WorkerPool({ size: poolSize(), keys: store.text() });
const batchView = new BatchView(els.batch, { onOpen: (i) => openFromBatch(i) });

/** What is on screen: {kind:'single', task} | {kind:'batch', tasks, label} | null */
let current = null;

function setStatus(text, isError = false) {
  els.status.textContent = text;
  els.status.classList.toggle('error', isError);
}

function showProgress(on) {
  els.progress.hidden = !on;
}

/** Reset every dynamic part (also after "Save page as", which keeps the DOM). */
function resetUi() {
  clear(els.single).hidden = true;
  clear(els.batch).hidden = true;
  showProgress(false);
  setStatus('');
  els.overlay.hidden = true;
}

async function addKey(input) {
  const dk = await engine();
  const names = store.add(input, dk);
  return `Added ${names.join(', ')}.${current ? ' Checking again…' : ''}`;
}

/** Show one message's report. `back` is an optional {label, action}. */
function showSingle(report, back) {
  els.batch.hidden = true;
  const root = clear(els.single);
  if (back) root.append(h('button', { type: 'button', class: 'back', onclick: back.action }, `← ${back.label}`));
  root.append(renderReport(report, { onAddKey: addKey, remember: true }));
  root.hidden = false;
}

/** Verify a single task in one worker and show it. */
async function runSingle(task, back, batch) {
  current = { kind: 'single', task, back, batch };
  showProgress(true);
  els.progressLabel.textContent = 'Checking the message…';
  els.progressBar.removeAttribute('value');
  let report = null;
  try {
    const res = await pool.run([task], { body: true, onResult: (_, r) => { report = r; } });
    if (res.cancelled) { setStatus('Cancelled.'); return; }
  } catch (e) {
    setStatus(`The check failed: ${e.message}`, true);
    return;
  } finally {
    showProgress(false);
  }
  setStatus('');
  showSingle(report, back);
  els.single.querySelector('.banner')?.focus({ preventScroll: false });
}

/** Verify many tasks on all workers, with progress and Cancel. */
async function runBatch(tasks, label) {
  current = { kind: 'batch', tasks, label };
  els.single.hidden = true;
  els.batch.hidden = false;
  batchView.start(tasks.length, label);
  showProgress(true);
  els.progressBar.max = tasks.length;
  els.progressBar.value = 0;
  const t0 = performance.now();
  let done = 0;
  const tick = () => {
    const secs = (performance.now() - t0) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    els.progressBar.value = done;
    els.progressLabel.textContent = `${formatCount(done)} of ${formatCount(tasks.length)} messages checked · ${rate.toFixed(rate < 10 ? 1 : 0)} messages/s`;
  };
  tick();
  const timer = setInterval(tick, 200);
  try {
    const res = await pool.run(tasks, { body: false, onResult: (i, r) => { done++; batchView.add(i, r); } });
    batchView.finish(res.cancelled ? 'cancelled' : 'done');
    tick();
    const secs = (performance.now() - t0) / 1000;
    setStatus(res.cancelled ? 'Cancelled.' : `Checked ${formatCount(tasks.length)} messages in ${secs.toFixed(1)} s.`);
  } catch (e) {
    batchView.finish('cancelled');
    setStatus(`The check failed: ${e.message}`, true);
  } finally {
    clearInterval(timer);
    showProgress(false);
  }
}

function openFromBatch(i) {
  const batch = current.kind === 'batch' ? current : current.batch;
  const back = { label: `Back to all ${formatCount(batch.tasks.length)} messages`, action: () => backToBatch(batch) };
  runSingle(batch.tasks[i], back, batch);
}

function backToBatch(batch) {
  current = batch;
  els.single.hidden = true;
  els.batch.hidden = false;
  // Keys changed while a message of the batch was open: check the batch again.
  if (batch.stale) { batch.stale = false; runBatch(batch.tasks, batch.label); return; }
  els.batch.querySelector('h2')?.scrollIntoView({ block: 'start' });
}

/** Handle dropped or picked files. */
async function handleFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  pool.cancel();
  resetUi();
  setStatus('Reading…');
  let tasks;
  try {
    tasks = await expandFiles(files, (s) => setStatus(s));
  } catch (e) {
    setStatus(`Could not read the file: ${e.message}`, true);
    return;
  }
  setStatus('');
  if (!tasks.length) { setStatus('No messages were found in what you chose.', true); return; }
  if (tasks.length === 1) await runSingle(tasks[0]);
  else await runBatch(tasks, files.length === 1 ? files[0].name : `${files.length} files`);
}

function handlePaste(text) {
  if (!text.trim()) { setStatus('Paste a message first.', true); return; }
  pool.cancel();
  resetUi();
  runSingle(pastedTask(text));
}

/** Check the current message or batch again (after keys changed). */
function recheck() {
  pool.setKeys(store.text());
  if (!current) return;
  if (current.kind === 'single') {
    if (current.batch) current.batch.stale = true;
    runSingle(current.task, current.back, current.batch);
  } else {
    runBatch(current.tasks, current.label);
  }
}

function wireInput() {
  els.fileInput.addEventListener('change', () => { handleFiles(els.fileInput.files); els.fileInput.value = ''; });
  els.pasteCheck.addEventListener('click', () => handlePaste(els.pasteText.value));
  els.cancel.addEventListener('click', () => pool.cancel());
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', (e) => { if (!hasFiles(e)) return; e.preventDefault(); depth++; els.overlay.hidden = false; });
  document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) els.overlay.hidden = true; });
  document.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    els.overlay.hidden = true;
    if (e.dataTransfer?.files?.length) handleFiles(e.dataTransfer.files);
  });
  // Pasting a message anywhere outside a text field checks it directly.
  document.addEventListener('paste', (e) => {
    const t = e.target;
    if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.isContentEditable)) return;
    const text = e.clipboardData?.getData('text/plain');
    if (text && /^[\x21-\x39\x3b-\x7e]+:/m.test(text)) { e.preventDefault(); els.pasteText.value = text; handlePaste(text); }
  });
}

async function main() {
  delete document.documentElement.dataset.ready; // a saved copy of the page keeps the old attribute
  if (globalThis.__DKIMCHECK_EMBED__?.singleFile) els.offlineLink.hidden = true; // this is that file
  resetUi();
  wireInput();
  store.onChange(recheck);
  try {
    const dk = await engine();
    els.version.textContent = `version ${dk.version()}`;
    const dropped = store.prune(dk);
    if (dropped.length) setStatus(`Removed remembered keys this version cannot use: ${dropped.join(', ')}.`, true);
    mountKeysPanel(els.keys, { store, dk, onAdd: addKey });
    document.documentElement.dataset.ready = 'true';
  } catch (e) {
    setStatus(`The verifier could not start in this browser: ${e.message}`, true);
  }
}

main();
