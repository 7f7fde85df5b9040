// progress.js — the progress section (what is being checked, messages/s, the
// bar and Cancel) and the status line under it.

import { formatCount } from '../common/reports.js';
import { tr as englishWords } from '../common/batch-words.js';

export class ProgressView {
  /**
   * @param {{section: HTMLElement, label: HTMLElement, bar: HTMLProgressElement, status: HTMLElement}} els
   */
  constructor({ section, label, bar, status }) {
    this.section = section;
    this.label = label;
    this.bar = bar;
    this.status = status;
  }

  /** Set the status line to catalog message `id` (TEMPORARY English words until the catalogs land). */
  say(id, args, isError = false) {
    this.setStatus(id ? englishWords.t(id, args) : '', isError);
  }

  /** Set the status line; `isError` shows it as an error. */
  setStatus(text, isError = false) {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
  }

  show(on) {
    this.section.hidden = !on;
  }

  /** Show that one message is being checked (no count to show). */
  startSingle() {
    this.show(true);
    this.label.textContent = 'Checking the message…';
    this.bar.removeAttribute('value');
  }

  /**
   * Show a batch of `total` messages being checked, with messages/s, updated
   * five times a second until stop().
   * @returns {{count: () => void, tick: () => void, seconds: () => number, stop: () => void}}
   *   count() after each message checked, tick() to update now, seconds() since the start
   */
  startBatch(total, { t0 = performance.now(), growing = false } = {}) {
    this.show(true);
    this.bar.max = Math.max(1, total);
    this.bar.value = 0;
    let done = 0;
    let fraction = 0; // of an mbox read so far, while it is split
    const seconds = () => (performance.now() - t0) / 1000;
    const tick = () => {
      const secs = seconds();
      const rate = secs > 0 ? done / secs : 0;
      this.bar.max = Math.max(1, total);
      this.bar.value = done;
      const args = { done, total, rate: rate < 10 ? { decimal: rate } : Math.round(rate), percent: Math.floor(fraction * 100) };
      this.label.textContent = englishWords.t(growing ? 'progress-batch-growing' : 'progress-batch', args);
    };
    tick();
    const timer = setInterval(tick, 200);
    return {
      count: () => { done++; },
      /** More messages were found: `n` in all so far, `read` of the file read (0–1), `more` still to come. */
      setTotal: (n, read, more = true) => { total = n; fraction = read; growing = more; },
      tick,
      seconds,
      stop: () => { clearInterval(timer); this.show(false); },
    };
  }
}
