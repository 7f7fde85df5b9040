// widget.js — the <dkim-check> custom element, for embedding in articles.
//
//   <script src="dkim-check.js"></script>
//   <dkim-check></dkim-check>                         reader drops or pastes a message
//   <dkim-check src="leak-123.eml"></dkim-check>      checks a message from your own site
//   <dkim-check><script type="message/rfc822">…raw message…</script></dkim-check>
//   <dkim-check lang="fr"></dkim-check>               in French (default: the page's lang, else the reader's browser)
//
// With a fixed message (inline or src=) the drop zone is hidden unless the element has
// allow-drop. at="now" judges signatures now, as a receiving server would today; by default
// each is judged as of its signing.
//
// Theme it from the outside with the --dk-* custom properties (see css/report.css); a colour
// given to --dk-accent needs its text colour in --dk-accent-fg (both for light and dark):
//   dkim-check { --dk-accent: #7b2cbf; --dk-accent-fg: #fff; --dk-radius: 0; --dk-font: Georgia, serif; }
// Everything runs in the reader's browser; the only network request the element can
// make is the one you ask for with src=. Keys the reader adds last for the page view.

import { engine } from './js/verify/engine.js';
import { h, clear, uid } from './js/common/dom.js';
import { renderDetails } from './js/views/render.js';
import { renderBanner } from './js/views/report/banner.js';
import { renderMissingKeys } from './js/views/report/missing-keys.js';
import { renderSignatureLines } from './js/views/report/signature-lines.js';
import { addKeyLines } from './js/keys/keystore.js';
import { errorReport, wordedReport } from './js/common/reports.js';
import { Translator, langOf, negotiate } from './js/common/i18n.js';
import { phraseOf } from './js/common/phrase-error.js';
import REPORT_CSS from './css/report.css';

const WIDGET_CSS = `
:host { display: block; font-family: var(--dk-font); color: var(--dk-fg); background: var(--dk-bg);
  border: 1px solid var(--dk-border); border-radius: var(--dk-radius); padding: 1rem; line-height: 1.5; max-width: 100%; box-sizing: border-box; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.drop { border: 2px dashed var(--dk-border); border-radius: var(--dk-radius); padding: 0.8rem; text-align: center; }
.drop.over { border-color: var(--dk-accent); background: var(--dk-surface); }
.drop p { margin: 0.3rem 0; }
.privacy { font-size: 0.85rem; color: var(--dk-muted); margin: 0.5rem 0 0; }
input[type=file] { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
details.more { margin-top: 0.8rem; }
details.more > summary { cursor: pointer; font-weight: 600; }
.paste textarea { width: 100%; }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(REPORT_CSS + WIDGET_CSS);
  }
  return sheet;
}

class DkimCheck extends HTMLElement {
  static get observedAttributes() { return ['src', 'allow-drop', 'lang']; }

  constructor() {
    super();
    this.extraKeys = [];
    this.lastInput = null;
    this.report = null;
    this.tr = new Translator('en');
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.wrap = h('div', { class: 'wrap' });
    root.append(this.wrap);
    this.fileInput = h('input', { id: uid('dk-file'), type: 'file', tabindex: '-1', 'aria-hidden': 'true', accept: '.eml,.msg,.txt,message/rfc822' });
    this.pasteInput = h('textarea', { id: uid('dk-paste'), rows: 5, spellcheck: 'false' });
    this.dropArea = h('div', { class: 'drop', part: 'dropzone' });
    this.output = h('div', { class: 'output', 'aria-live': 'polite' });
    this.wrap.append(this.dropArea, this.output);
    this.fileInput.addEventListener('change', () => { const f = this.fileInput.files[0]; if (f) this.checkBlob(f, f.name); this.fileInput.value = ''; });
    this.dropArea.addEventListener('dragover', (e) => { e.preventDefault(); this.dropArea.classList.add('over'); });
    this.dropArea.addEventListener('dragleave', () => this.dropArea.classList.remove('over'));
    this.dropArea.addEventListener('drop', (e) => {
      e.preventDefault();
      this.dropArea.classList.remove('over');
      const f = e.dataTransfer?.files?.[0];
      if (f) this.checkBlob(f, f.name);
    });
  }

  /** The widget's language: its lang attribute, else the closest lang around it, else the browser's. */
  language() {
    return langOf(this.closest('[lang]')?.getAttribute('lang')) || negotiate(navigator.languages || [navigator.language]) || 'en';
  }

  /** The drop zone's words (kept: what was typed into the paste field). */
  renderDropArea() {
    const tr = this.tr;
    const paste = this.dropArea.querySelector('details.paste');
    clear(this.dropArea).append(
      h('p', null, tr.t('widget-drop-hint'), ' ',
        h('button', { type: 'button', class: 'primary', onclick: () => this.fileInput.click() }, tr.t('widget-choose')), this.fileInput),
      h('details', { class: 'paste', open: paste?.open || false }, h('summary', null, tr.t('widget-paste-summary')),
        h('label', { for: this.pasteInput.id }, tr.t('widget-paste-label')), this.pasteInput,
        h('p', null, h('button', { type: 'button', onclick: () => this.checkText(this.pasteInput.value, 'pasted message') }, tr.t('widget-check')))),
      h('p', { class: 'privacy' }, tr.t('widget-privacy')));
  }

  /** Word everything in the current language. */
  relabel() {
    this.tr.setLang(this.language());
    this.wrap.lang = this.tr.lang;
    this.renderDropArea();
    if (this.report) this.show(this.report);
  }

  connectedCallback() {
    this.relabel();
    const inline = this.querySelector('script[type="message/rfc822"]');
    this.fixed = Boolean(inline || this.getAttribute('src'));
    this.updateDropZone();
    if (inline && !this.getAttribute('src')) this.checkText(inline.textContent.replace(/^\s*\n/, ''), 'embedded message');
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'src' && value) { this.fixed = true; this.updateDropZone(); this.checkUrl(value); }
    if (name === 'allow-drop') this.updateDropZone();
    if (name === 'lang' && this.isConnected) this.relabel();
  }

  /** A fixed message (inline or src=) hides the drop zone unless allow-drop is set. */
  updateDropZone() {
    this.dropArea.hidden = Boolean(this.fixed) && !this.hasAttribute('allow-drop');
  }

  /** Fetch a message from the embedding site (only when the page author set src=). */
  async checkUrl(url) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.verifyBytes(new Uint8Array(await res.arrayBuffer()), url.split('/').pop());
    } catch (e) {
      this.show(errorReport(url, { id: 'widget-load-failed', args: { error: e.message } }));
    }
  }

  async checkBlob(blob, name) {
    this.verifyBytes(new Uint8Array(await blob.arrayBuffer()), name);
  }

  checkText(text, name) {
    if (text.trim()) this.verifyBytes(new TextEncoder().encode(text), name);
  }

  /** Verify on the main thread: one message takes milliseconds. */
  async verifyBytes(bytes, name) {
    this.lastInput = { bytes, name };
    let report;
    try {
      const dk = await engine();
      const at = this.getAttribute('at') === 'now' ? { at: 'now' } : {};
      const verifier = new dk.Verifier({ keys: this.extraKeys.join('\n'), text: false, lang: this.tr.lang, ...at });
      report = verifier.verify(bytes, name);
      verifier.free?.();
    } catch (e) {
      report = errorReport(name, phraseOf(e));
    }
    this.report = report;
    this.show(report);
    // The event's report has its texts (summary, each message's text) in the widget's language.
    this.dispatchEvent(new CustomEvent('dkim-result', { detail: wordedReport(this.tr, report), bubbles: true, composed: true }));
  }

  async addKey({ selector, domain, text }) {
    const dk = await engine();
    addKeyLines({ selector, domain, text }, dk, this.tr, (lines) => { this.extraKeys.push(...lines.map((l) => l.line)); });
    if (this.lastInput) this.verifyBytes(this.lastInput.bytes, this.lastInput.name);
    return this.tr.t('widget-key-added');
  }

  show(report) {
    const tr = this.tr;
    // The banner says what the verdict does not mean (a verified one: who wrote the message...).
    clear(this.output).append(
      renderBanner(report, tr),
      renderMissingKeys(report, { onAddKey: (input) => this.addKey(input), remember: false, tr }) || '',
      renderSignatureLines(report, tr) || '',
      h('details', { class: 'more' }, h('summary', null, tr.t('widget-details')), renderDetails(report, tr)));
  }
}

if (!customElements.get('dkim-check')) customElements.define('dkim-check', DkimCheck);
