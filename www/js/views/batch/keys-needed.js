// keys-needed.js — the keys a batch (or one message) needs: every
// selector._domainkey.domain for which no key is known, most-needed first, with
// how many messages need it and the dates of the first and last of them
// (computed once, in the core: report::keys_needed through wasm's KeysNeeded).
// It says that the key must be the one published at that time, where such keys
// can be found, and offers the names as a list to copy.
//
// Markup: [data-keys-needed] with one [data-key-name] per name carrying
// data-count, data-first, data-last (YYYY-MM-DD).

import { dotted, h } from '../../common/dom.js';

/** At most this many names are listed on the page (the list to copy has them all). */
const MAX_LISTED = 500;

/**
 * @param {import('../../common/i18n.js').Translator} tr
 * @param {Array<{missing_key:string, count:number, first:string|null, last:string|null}>} list
 * @param {{onAddKeys?: () => void}} [o]  shows "Add keys" (opens the Keys panel)
 * @returns {HTMLElement|null}  null when no key is needed
 */
export function keysNeededPanel(tr, list, { onAddKeys } = {}) {
  if (!list.length) return null;
  const names = list.map((k) => k.missing_key).join('\n');
  const copyArea = h('textarea', { class: 'keys-needed-copy', readonly: true, rows: Math.min(8, list.length), spellcheck: 'false', 'aria-label': tr.t('keys-needed-copy-label') });
  copyArea.value = names;
  const copied = h('span', { class: 'hint', role: 'status' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(names);
    } catch {
      copyArea.select();
      document.execCommand?.('copy');
    }
    copied.textContent = tr.t('keys-needed-copied', { count: list.length });
  };
  const line = (k) => h('li', { dataset: { keyName: k.missing_key, count: String(k.count), first: k.first || '', last: k.last || '' } },
    h('code', null, dotted(k.missing_key)), ' ',
    h('span', { class: 'hint' }, k.first
      ? tr.t('keys-needed-line', { count: k.count, first: k.first, last: k.last || k.first })
      : tr.t('keys-needed-line-undated', { count: k.count })));
  return h('section', { class: 'keys-needed', dataset: { keysNeeded: String(list.length) }, 'aria-label': tr.t('keys-needed-heading', { count: list.length }) },
    h('h3', null, tr.t('keys-needed-heading', { count: list.length })),
    h('p', null, tr.t('keys-needed-explain')),
    h('p', null, tr.t('keys-needed-where')),
    h('ul', { class: 'keys-needed-where' },
      h('li', null, tr.t('keys-needed-where-zkemail')),
      h('li', null, tr.t('keys-needed-where-passive-dns')),
      h('li', null, tr.t('keys-needed-where-owner')),
      h('li', null, tr.t('keys-needed-where-today'))),
    h('ol', { class: 'keys-needed-list' }, list.slice(0, MAX_LISTED).map(line)),
    list.length > MAX_LISTED ? h('p', { class: 'hint' }, tr.t('keys-needed-more', { count: list.length - MAX_LISTED })) : null,
    h('details', { class: 'keys-needed-names' },
      h('summary', null, tr.t('keys-needed-copy-summary')),
      copyArea),
    h('p', { class: 'actions' },
      h('button', { type: 'button', dataset: { action: 'copy-keys-needed' }, onclick: copy }, tr.t('keys-needed-copy')),
      onAddKeys ? h('button', { type: 'button', dataset: { action: 'open-keys' }, onclick: onAddKeys }, tr.t('keys-needed-add')) : null,
      copied));
}
