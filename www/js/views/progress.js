// progress.js — the progress section (what is being checked, messages/s, the
// bar and Cancel) and the status line under it. A batch's counts are the batch
// view's (one source): the progress text changes when the batch view shows new
// counts, in the same task, so the two never say different numbers (each change
// repaints the page: ~13 ms of the main thread on a big batch, so the batch
// view does it at most every 250 ms to 1.5 s); screen readers hear it at most
// every ANNOUNCE_MS (a separate live region) and then the status line at the end.

/** How often, at most, progress is announced to screen readers. */
export const ANNOUNCE_MS = 5000;
/** The bar's steps while an mbox is split (its value is then a share, see startBatch). */
const BAR_STEPS = 1000;

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
    /** The latest start (startSingle, startBatch): only its meter's stop hides the progress. */
    this.shownBy = null;
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
    this.shownBy = {};
    this.show(true);
    this.labelText = () => this.tr.t('progress-single');
    this.label.textContent = this.labelText();
    this.live.textContent = this.labelText();
    this.bar.removeAttribute('value');
  }

  /**
   * Show a batch being checked: `counted()` gives its counts {done, total}, the ones the batch
   * view shows; tick() words them again, and is to be called each time those change on screen
   * (by the batch view), so both say the same numbers at every moment. Announced every
   * ANNOUNCE_MS. The rate counts the messages checked since this start.
   * @param {() => {done: number, total: number}} counted
   * @returns {{setRead: (read: number, more?: boolean) => void, tick: () => void, seconds: () => number, stop: () => void}}
   *   setRead() as an mbox is split, tick() to word the counts now, seconds() since the start
   */
  startBatch(counted, { t0 = performance.now(), growing = false } = {}) {
    // What shows the progress now: a meter stopped after another took its place hides nothing.
    const mine = {};
    this.shownBy = mine;
    this.show(true);
    const start = counted().done;
    let fraction = 0; // of an mbox read so far, while it is split
    let announced = -Infinity;
    let stopped = false;
    const seconds = () => (performance.now() - t0) / 1000;
    this.labelText = () => {
      const { done, total } = counted();
      const secs = seconds();
      const rate = secs > 0 ? Math.max(0, done - start) / secs : 0;
      return this.tr.t(growing ? 'progress-batch-growing' : 'progress-batch', {
        done, total, rate: rate < 10 ? { decimal: rate } : Math.round(rate), percent: Math.floor(fraction * 100),
      });
    };
    const tick = () => {
      if (stopped) return;
      const { done, total } = counted();
      if (growing) {
        // While an mbox is split, the messages found so far are only part of it: the bar shows
        // the share of the file read times the share of what was found that is checked, never
        // ahead of the file.
        this.bar.max = BAR_STEPS;
        this.bar.value = Math.floor(BAR_STEPS * fraction * (total ? done / total : 0));
      } else {
        this.bar.max = Math.max(1, total);
        this.bar.value = done;
      }
      const text = this.labelText();
      this.label.textContent = text;
      const now = performance.now();
      if (now - announced >= ANNOUNCE_MS) {
        announced = now;
        this.live.textContent = text;
      }
    };
    tick();
    return {
      /** An mbox is being split: `read` of the file read (0–1), `more` messages still to come. */
      setRead: (read, more = true) => { fraction = read; growing = more; },
      tick,
      seconds,
      stop: () => {
        if (stopped) return;
        stopped = true;
        if (this.shownBy !== mine) return;
        this.labelText = null;
        this.show(false);
      },
    };
  }
}
