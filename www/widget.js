// widget.js — the <dkim-check> custom element, for embedding in articles.
//
//   <script src="dkim-check.js"></script>
//   <dkim-check></dkim-check>                         reader drops or pastes a message
//   <dkim-check src="leak-123.eml"></dkim-check>      checks a message from your own site
//   <dkim-check><script type="message/rfc822">…raw message…</script></dkim-check>
//
// With a fixed message (inline or src=) the drop zone is hidden unless the element has
// allow-drop. at="now" judges signatures now, as a receiving server would today; by default
// each is judged as of its signing.
//
// Theme it from the outside with the --dk-* custom properties (see css/report.css):
//   dkim-check { --dk-accent: #7b2cbf; --dk-radius: 0; --dk-font: Georgia, serif; }
// Everything runs in the reader's browser; the only network request the element can
// make is the one you ask for with src=. Keys the reader adds last for the page view.

import { engine } from './js/verify/engine.js';
import { h, clear, uid } from './js/common/dom.js';
import { renderBanner, renderMissingKeys, renderSignatureLines, renderDetails } from './js/views/render.js';
import { unquoteTxt, looksLikeZone } from './js/keys/keystore.js';
import { errorReport, assessmentOf } from './js/common/reports.js';

/** What a verified signature does not show, in one line (said under every verified result). */
const NOT_PROVEN = 'A valid signature shows which domain signed these parts and that they have not changed since; it does not show who wrote the message, or that what it says is true.';
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
.not-proven { font-size: 0.9rem; color: var(--dk-muted); margin: 0 0 0.8rem; }
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
  static get observedAttributes() { return ['src', 'allow-drop']; }

  constructor() {
    super();
    this.extraKeys = [];
    this.lastInput = null;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    const fileId = uid('dk-file');
    const pasteId = uid('dk-paste');
    this.fileInput = h('input', { id: fileId, type: 'file', tabindex: '-1', accept: '.eml,.msg,.txt,message/rfc822' });
    this.pasteInput = h('textarea', { id: pasteId, rows: 5, spellcheck: 'false' });
    this.dropArea = h('div', { class: 'drop', part: 'dropzone' },
      h('p', null, 'Drop an email file (.eml) here, or ',
        h('label', { class: 'button primary', for: fileId, tabindex: '0', role: 'button',
          onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.fileInput.click(); } } }, 'choose one'), this.fileInput),
      h('details', { class: 'paste' }, h('summary', null, 'or paste the raw message'),
        h('label', { for: pasteId }, 'Raw message with all headers'), this.pasteInput,
        h('p', null, h('button', { type: 'button', onclick: () => this.checkText(this.pasteInput.value, 'pasted message') }, 'Check'))),
      h('p', { class: 'privacy' }, 'Checked in your browser with the DKIM keys built into this widget; nothing is uploaded.'));
    this.output = h('div', { class: 'output', 'aria-live': 'polite' });
    root.append(this.dropArea, this.output);
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

  connectedCallback() {
    const inline = this.querySelector('script[type="message/rfc822"]');
    this.fixed = Boolean(inline || this.getAttribute('src'));
    this.updateDropZone();
    if (inline && !this.getAttribute('src')) this.checkText(inline.textContent.replace(/^\s*\n/, ''), 'embedded message');
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'src' && value) { this.fixed = true; this.updateDropZone(); this.checkUrl(value); }
    if (name === 'allow-drop') this.updateDropZone();
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
      this.show(errorReport(url, `could not load the message (${e.message})`));
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
      const verifier = new dk.Verifier({ keys: this.extraKeys.join('\n'), ...at });
      report = verifier.verify(bytes, name);
      verifier.free?.();
    } catch (e) {
      report = errorReport(name, e.message || String(e));
    }
    this.report = report;
    this.show(report);
    this.dispatchEvent(new CustomEvent('dkim-result', { detail: report, bubbles: true, composed: true }));
  }

  async addKey({ selector, domain, text }) {
    const dk = await engine();
    if (!text) throw new Error('Paste a DNS record first.');
    if (looksLikeZone(text)) {
      const parsed = dk.parse_keys(text);
      if (!parsed.keys.length) throw new Error(parsed.errors.join(' ') || 'No DKIM key record found.');
      for (const k of parsed.keys) this.extraKeys.push(dk.add_key_for(k.selector, k.domain, k.record));
    } else {
      this.extraKeys.push(dk.add_key_for(selector, domain, unquoteTxt(text)));
    }
    if (this.lastInput) this.verifyBytes(this.lastInput.bytes, this.lastInput.name);
    return 'Key added.';
  }

  show(report) {
    const verified = assessmentOf(report).status === 'verified';
    clear(this.output).append(
      renderBanner(report),
      verified ? h('p', { class: 'not-proven' }, NOT_PROVEN) : '',
      renderMissingKeys(report, { onAddKey: (input) => this.addKey(input), remember: false }) || '',
      renderSignatureLines(report) || '',
      h('details', { class: 'more' }, h('summary', null, 'All details: signatures, message, header fields'), renderDetails(report)));
  }
}

if (!customElements.get('dkim-check')) customElements.define('dkim-check', DkimCheck);
