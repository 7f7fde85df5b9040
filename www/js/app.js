// app.js — the page: chooses the language and words the page in it, finds its
// elements, connects input (drop, pick, paste) to the checker, the worker pool
// and the views, mounts the keys panel, and starts the verifier.

import { engine } from './verify/engine.js';
import { poolSize } from './verify/platform.js';
import { WorkerPool } from './verify/worker-pool.js';
import { wireDrop } from './input/drop.js';
import { wirePick } from './input/pick.js';
import { wirePaste } from './input/paste.js';
import { ProgressView } from './views/progress.js';
import { KeyStore } from './keys/keystore.js';
import { mountKeysPanel } from './keys/keys-panel.js';
import { Checker } from './checker.js';
import { Translator, LANGS, LANG_NAMES, pageLang, rememberLang, translateDom } from './common/i18n.js';
import { h, clear } from './common/dom.js';
import { MAX_MESSAGE_BYTES, maxMessageBytes, setMaxMessageMB } from './common/budgets.js';

const $ = (id) => document.getElementById(id);

// The words first: the page stays hidden (data-l10n="pending") until they are in its language.
const tr = new Translator(pageLang());

const els = {
  fileInput: $('file-input'),
  chooseFiles: $('choose-files'),
  pasteText: $('paste-text'),
  pasteCheck: $('paste-check'),
  progress: $('progress'),
  progressLabel: $('progress-label'),
  progressLive: $('progress-live'),
  progressBar: $('progress-bar'),
  cancel: $('cancel'),
  status: $('status'),
  single: $('single-view'),
  batch: $('batch-view'),
  keys: $('keys-body'),
  overlay: $('drop-overlay'),
  version: $('version'),
  offlineLink: $('offline-link'),
  maxMessage: $('max-message-mb'),
  maxMessageDefault: $('max-message-default'),
  judging: $('judging'),
  langSwitch: $('lang-switch'),
};

/** The language switch: one button per language, named in itself; the current one is pressed. */
function renderLangSwitch() {
  clear(els.langSwitch).append(...LANGS.map((l) => h('button', {
    type: 'button', lang: l, class: 'link', 'aria-pressed': String(l === tr.lang),
    onclick: () => { rememberLang(l); tr.setLang(l); els.langSwitch.querySelector(`[lang="${l}"]`)?.focus(); },
  }, LANG_NAMES[l])));
}

/** Words the static page in the current language. */
function wordPage() {
  document.documentElement.lang = tr.lang;
  translateDom(document, tr);
  renderLangSwitch();
}

wordPage();
delete document.documentElement.dataset.l10n;

/** When signatures are judged: '' as of signing (the default), or 'now' (?at=now in the URL). */
function judgingFromUrl() {
  try {
    return new URLSearchParams(location.search).get('at') === 'now' ? 'now' : '';
  } catch {
    return '';
  }
}

const store = new KeyStore();
const pool = new WorkerPool({ size: poolSize(), keys: store.text(), at: judgingFromUrl() });
const progress = new ProgressView({ section: els.progress, label: els.progressLabel, live: els.progressLive, bar: els.progressBar, status: els.status, tr });
/** Opens the Keys panel at its box for many keys (from the keys-needed panel). */
function openKeys() {
  const panel = document.getElementById('keys');
  if (panel) panel.open = true;
  const box = panel?.querySelector('textarea[name="keys"]');
  box?.scrollIntoView({ block: 'center' });
  box?.focus();
}
const checker = new Checker({
  single: els.single, batch: els.batch, progress, pool, store, tr,
  onReset: () => { els.overlay.hidden = true; },
  focusInput: () => els.chooseFiles.focus(),
  openKeys,
});
// For scripts/bench-leak.mjs --profile: the workers' reading and verifying times.
globalThis.__dkimcheckPool = pool;

/**
 * Start the workers ahead while nothing is being checked (the page has just opened, the keys or
 * the judging time changed: those stop them), so that the next check does not wait for them:
 * a worker takes ~100-300 ms to start (its JavaScript engine, modules and wasm instance) on a
 * 2-core machine, which was most of the time from a pick to the first message verified.
 * At most two: more start at the pick, when the files are known.
 */
function warmWorkers() {
  if (pool.current) return;
  pool.ensureWorkers(Math.min(2, pool.size)).catch(() => {});
}

/** The Limits panel: the largest message checked (remembered on this device). */
function wireLimits() {
  const MB = 1024 * 1024;
  const show = () => { els.maxMessage.value = String(Math.floor(maxMessageBytes() / MB)); };
  show();
  els.maxMessage.addEventListener('change', () => {
    const mb = Number(els.maxMessage.value);
    setMaxMessageMB(Number.isFinite(mb) && mb >= 1 ? mb : null);
    show();
  });
  els.maxMessageDefault.addEventListener('click', () => { setMaxMessageMB(MAX_MESSAGE_BYTES / MB); show(); });
}

/** The "judge each signature" control: reflects and updates ?at=now, and checks again. */
function wireJudging() {
  const radios = [...els.judging.querySelectorAll('input[name="judging"]')];
  for (const r of radios) r.checked = r.value === pool.at;
  els.judging.addEventListener('change', () => {
    const at = radios.find((r) => r.checked)?.value || '';
    try {
      const url = new URL(location.href);
      if (at) url.searchParams.set('at', at); else url.searchParams.delete('at');
      history.replaceState(null, '', url);
    } catch { /* a page opened from disk may refuse; the choice still applies */ }
    checker.setJudging(at);
    warmWorkers();
  });
}

function wireInput() {
  wirePick(els.fileInput, (files) => checker.checkFiles(files));
  els.chooseFiles.addEventListener('click', () => els.fileInput.click());
  wirePaste({ text: els.pasteText, button: els.pasteCheck }, (text) => checker.checkText(text));
  els.cancel.addEventListener('click', () => checker.cancel());
  wireDrop(els.overlay, (files) => checker.checkFiles(files));
}

async function main() {
  delete document.documentElement.dataset.ready; // a saved copy of the page keeps the old attribute
  if (globalThis.__DKIMCHECK_EMBED__?.singleFile) els.offlineLink.hidden = true; // this is that file
  checker.reset();
  wireInput();
  wireJudging();
  wireLimits();
  store.onChange(() => { checker.recheck(); warmWorkers(); });
  let version = null;
  let panel = null;
  tr.onChange(() => {
    wordPage();
    if (version) els.version.textContent = tr.t('page-version', { version });
    panel?.rerender();
    progress.rerender();
    checker.rerender();
  });
  try {
    const dk = await engine();
    version = dk.version();
    els.version.textContent = tr.t('page-version', { version });
    const dropped = store.prune(dk);
    if (dropped.length) progress.setStatus(tr.t('page-keys-pruned', { names: dropped.join(', ') }), true);
    panel = mountKeysPanel(els.keys, { store, dk, tr, onAdd: (input) => checker.addKey(input) });
    document.documentElement.dataset.ready = 'true';
    warmWorkers();
  } catch (e) {
    progress.setStatus(tr.t('page-engine-failed', { error: e.message }), true);
  }
}

main();
