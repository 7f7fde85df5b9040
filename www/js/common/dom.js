// dom.js — a tiny element builder. Strings become text nodes, so content from
// an email can never be parsed as HTML; attributes are set one by one.

/**
 * h('p', {class: 'x', dataset: {verdict: 'pass'}}, 'text', child, [more])
 * Attributes whose value is null/undefined/false are left out; `on*` keys with
 * a function value become event listeners.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** Remove every child of an element. */
export function clear(el) {
  el.replaceChildren();
  return el;
}

/** A <dl> from [term, description] pairs; empty descriptions are skipped. */
export function defList(pairs, cls) {
  return h('dl', { class: cls || 'facts' },
    pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/**
 * A domain or key name that may wrap only after a dot ("20120113._domainkey.gmail.com"), never
 * inside a label: its labels, with a <wbr> after each dot (styled by `.domain`).
 */
export function dotted(name) {
  return h('span', { class: 'domain' }, name.split('.').flatMap((label, i) => (i ? ['.', h('wbr'), label] : [label])));
}

let idCounter = 0;
/** A document-unique id with the given prefix. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
