// keys-panel.js — the built-in key archive (searchable) and the keys the
// user added, with the "add a key" form.

import { h, clear, dotted, uid } from '../common/dom.js';
import { keyForm } from './key-form.js';
import { recordName } from './keystore.js';
import { flagWords } from '../common/reports.js';

const MAX_ARCHIVE_ROWS = 300;

/**
 * @param {HTMLElement} root
 * @param {{store: import('./keystore.js').KeyStore, dk: object, onAdd: (input)=>Promise<string>,
 *   tr: import('../common/i18n.js').Translator}} opts
 * @returns {{rerender: () => void}} words the panel again (the language changed)
 */
export function mountKeysPanel(root, { store, dk, onAdd, tr }) {
  const archive = dk.archive();
  let search = null;
  let mine = null;
  let tbody = null;
  let shown = null;

  /** Many keys at once (zone or dig lines, archive JSON): what the keys-needed panel leads to. */
  function bulkForm() {
    const id = uid('keys-bulk');
    const text = h('textarea', { id, name: 'keys', rows: 5, spellcheck: 'false', autocomplete: 'off' });
    const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', dataset: { keysStatus: '' } });
    const add = async () => {
      status.textContent = '';
      status.classList.remove('error');
      if (!text.value.trim()) { status.textContent = tr.t('keys-bulk-empty'); status.classList.add('error'); text.focus(); return; }
      try {
        status.textContent = await onAdd({ selector: '', domain: '', text: text.value.trim(), remember: false });
        text.value = '';
      } catch (e) {
        status.textContent = e && e.message ? e.message : String(e);
        status.classList.add('error');
        text.focus();
      }
    };
    return h('div', { class: 'keys-bulk' },
      h('h3', null, tr.t('keys-bulk-heading')),
      h('div', { class: 'field' }, h('label', { for: id }, tr.t('keys-bulk-label')), text),
      h('p', { class: 'actions' }, h('button', { type: 'button', class: 'primary', dataset: { action: 'add-keys' }, onclick: add }, tr.t('keys-bulk-add'))),
      status);
  }

  function renderMine() {
    clear(mine).append(h('h3', null, tr.t('keys-yours-heading')));
    if (!store.entries.length) {
      mine.append(h('p', { class: 'hint' }, tr.t('keys-yours-none')));
      return;
    }
    mine.append(h('ul', { class: 'key-list' }, store.entries.map((e) => {
      const id = uid('remember');
      return h('li', null,
        h('code', null, dotted(e.name)),
        h('span', { class: 'check' },
          h('input', { type: 'checkbox', id, checked: e.remember, onchange: (ev) => store.setRemember(e.name, ev.target.checked) }),
          h('label', { for: id }, tr.t('keys-yours-remember'))),
        h('button', { type: 'button', 'aria-label': tr.t('keys-yours-remove-label', { name: e.name }), onclick: () => store.remove(e.name) }, tr.t('keys-yours-remove')));
    })));
  }

  function renderArchive() {
    const q = search.value.trim().toLowerCase();
    const rows = archive.filter((k) => !q || recordName(k.selector, k.domain).toLowerCase().includes(q) || (k.source || '').toLowerCase().includes(q));
    shown.textContent = rows.length > MAX_ARCHIVE_ROWS
      ? tr.t('keys-archive-shown-first', { max: MAX_ARCHIVE_ROWS, count: rows.length })
      : tr.t('keys-archive-shown', { count: rows.length, total: archive.length });
    clear(tbody).append(...rows.slice(0, MAX_ARCHIVE_ROWS).map((k) => h('tr', null,
      h('th', { scope: 'row' }, h('code', null, dotted(recordName(k.selector, k.domain)))),
      h('td', null, `${k.key_type}${k.bits ? ` ${k.bits}` : ''}`),
      h('td', { 'data-label': tr.t('keys-col-seen') }, tr.phrase(k.seen)),
      h('td', null, flagWords(tr, k.flags)),
      h('td', { class: 'about-key' }, k.source || k.notes
        ? h('details', null, h('summary', null, tr.t('keys-archive-about-summary')),
          k.source ? h('p', null, h('strong', null, tr.t('keys-archive-source')), k.source) : null,
          k.notes ? h('p', { lang: 'en' }, k.notes) : null,
          (k.same_key_as || []).length ? h('p', null, h('strong', null, tr.t('keys-archive-same-key')), k.same_key_as.join(', ')) : null)
        : ''))));
  }

  function render() {
    const searchId = uid('key-search');
    const query = search?.value || '';
    mine = h('div', { class: 'my-keys' });
    tbody = h('tbody');
    shown = h('p', { class: 'hint', role: 'status' });
    search = h('input', { id: searchId, type: 'search', value: query, placeholder: tr.t('keys-archive-search-placeholder'), oninput: () => renderArchive() });
    clear(root).append(
      h('p', null, tr.t('keys-intro')),
      mine,
      h('h3', null, tr.t('keys-add-heading')),
      keyForm({ remember: true, submitLabel: 'key-form-submit', onSubmit: onAdd, tr }),
      bulkForm(),
      h('h3', null, tr.t('keys-archive-heading')),
      h('div', { class: 'field' }, h('label', { for: searchId }, tr.t('keys-archive-search')), search),
      shown,
      h('div', { class: 'table-wrap', tabindex: '0', role: 'group', 'aria-label': tr.t('keys-archive-heading') }, h('table', { class: 'archive-table' },
        h('thead', null, h('tr', null, ['keys-col-record', 'keys-col-key', 'keys-col-seen', 'keys-col-flags', 'keys-col-about'].map((id) => h('th', { scope: 'col' }, tr.t(id))))),
        tbody)));
    renderMine();
    renderArchive();
  }

  store.onChange(() => renderMine());
  render();
  return { rerender: render };
}
