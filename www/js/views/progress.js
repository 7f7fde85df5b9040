// progress.js — the progress section (what is being checked, messages/s, the
// bar and Cancel) and the status line under it. The visible progress text
// changes twice a second (each change repaints the page: ~13 ms of the main
// thread on a big batch); screen readers hear it at most every
// ANNOUNCE_MS (a separate live region) and then the status line at the end.

/** How often the progress text and bar change, in ms. */
const TICK_MS = 500;

/** How often, at most, progress is announced to screen readers. */
export const ANNOUNCE_MS = 5000;

export class ProgressView {
  /**
   * @param {{section: HTMLElement, label: HTMLElement, live: HTMLElement, bar: HTMLProgressElement,
   *   status: HTMLElement, tr: import('../common/i18n.js').Translator}} els
   */
  constructor({ section, label, live, bar, status, tr }) {
    this.section = section;
    this.label = label;
    this.live = live;
    this.bar = bar;
    this.status = status;
    this.tr = tr;
    /** The status line as a message, so that it can be worded again: {id, args, isError} | null. */
    this.said = null;
    /** What the progress line shows: () => string. */
    this.labelText = null;
  }

  /** Set the status line to message `id` (with `args`); `null` clears it. */
  say(id, args, isError = false) {
    this.said = id ? { id, args, isError } : null;
    this.renderStatus();
  }

  /** Set the status line to a text already worded (`isError` shows it as an error). */
  setStatus(text, isError = false) {
    this.say(text ? 'detail-as-given' : null, { text }, isError);
  }

  renderStatus() {
    const s = this.said;
    this.status.textContent = s ? this.tr.t(s.id, s.args) : '';
    this.status.classList.toggle('error', Boolean(s?.isError));
  }

  /** Word the status line and the progress line again (the language changed). */
  rerender() {
    this.renderStatus();
    if (this.labelText) this.label.textContent = this.labelText();
  }

  show(on) {
    this.section.hidden = !on;
    if (!on) this.live.textContent = '';
  }

  /** Show that one message is being checked (no count to show). */
  startSingle() {
    this.show(true);
    this.labelText = () => this.tr.t('progress-single');
    this.label.textContent = this.labelText();
    this.live.textContent = this.labelText();
    this.bar.removeAttribute('value');
  }

  /**
   * Show a batch of `total` messages being checked, with messages/s, updated
   * twice a second until stop(); announced every ANNOUNCE_MS.
   * @returns {{count: () => void, tick: () => void, seconds: () => number, stop: () => void}}
   *   count() after each message checked, tick() to update now, seconds() since the start
   */
  startBatch(total, { t0 = performance.now(), growing = false } = {}) {
    this.show(true);
    this.bar.max = Math.max(1, total);
    this.bar.value = 0;
    let done = 0;
    let fraction = 0; // of an mbox read so far, while it is split
    let announced = -Infinity;
    const seconds = () => (performance.now() - t0) / 1000;
    this.labelText = () => {
      const secs = seconds();
      const rate = secs > 0 ? done / secs : 0;
      this.bar.max = Math.max(1, total);
      return this.tr.t(growing ? 'progress-batch-growing' : 'progress-batch', {
        done, total, rate: rate < 10 ? { decimal: rate } : Math.round(rate), percent: Math.floor(fraction * 100),
      });
    };
    const tick = () => {
      this.bar.value = done;
      const text = this.labelText();
      this.label.textContent = text;
      const now = performance.now();
      if (now - announced >= ANNOUNCE_MS) {
        announced = now;
        this.live.textContent = text;
      }
    };
    tick();
    const timer = setInterval(tick, TICK_MS);
    return {
      count: () => { done++; },
      /** More messages were found: `n` in all so far, `read` of the file read (0–1), `more` still to come. */
      setTotal: (n, read, more = true) => { total = n; fraction = read; growing = more; },
      tick,
      seconds,
      stop: () => { clearInterval(timer); this.labelText = null; this.show(false); },
    };
  }
}
