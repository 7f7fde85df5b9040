// progress.js — the progress section (what is being checked, messages/s, the
// bar and Cancel) and the status line under it.

import { formatCount } from '../common/reports.js';

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
  startBatch(total) {
    this.show(true);
    this.bar.max = total;
    this.bar.value = 0;
    const t0 = performance.now();
    let done = 0;
    const seconds = () => (performance.now() - t0) / 1000;
    const tick = () => {
      const secs = seconds();
      const rate = secs > 0 ? done / secs : 0;
      this.bar.value = done;
      this.label.textContent = `${formatCount(done)} of ${formatCount(total)} messages checked · ${rate.toFixed(rate < 10 ? 1 : 0)} messages/s`;
    };
    tick();
    const timer = setInterval(tick, 200);
    return {
      count: () => { done++; },
      tick,
      seconds,
      stop: () => { clearInterval(timer); this.show(false); },
    };
  }
}
