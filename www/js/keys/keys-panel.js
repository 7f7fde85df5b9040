// keys-panel.js — the built-in key archive (searchable) and the keys the
// user added, with the "add a key" form.

import { h, clear, uid } from '../common/dom.js';
import { keyForm } from './key-form.js';
import { formatCount } from '../common/reports.js';
// TEMPORARY until the catalogs land:
import { tr } from '../common/batch-words.js';

const MAX_ARCHIVE_ROWS = 300;

/**
 * @param {HTMLElement} root
 * @param {{store: import('./keystore.js').KeyStore, dk: object, onAdd: (input)=>Promise<string>}} opts
 */
export function mountKeysPanel(root, { store, dk, onAdd }) {
  const archive = dk.archive();
  const searchId = uid('key-search');
  const mine = h('div', { class: 'my-keys' });
  const tbody = h('tbody');
  const shown = h('p', { class: 'hint', role: 'status' });
  const search = h('input', { id: searchId, type: 'search', placeholder: 'domain or selector, e.g. gmail.com', oninput: () => renderArchive() });

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
    clear(mine).append(h('h3', null, 'Keys you added'));
    if (!store.entries.length) {
      mine.append(h('p', { class: 'hint' }, 'None yet. Keys you add are used for this session only, unless you tick "remember".'));
      return;
    }
    mine.append(h('ul', { class: 'key-list' }, store.entries.map((e) => {
      const id = uid('remember');
      return h('li', null,
        h('code', null, e.name),
        h('span', { class: 'check' },
          h('input', { type: 'checkbox', id, checked: e.remember, onchange: (ev) => store.setRemember(e.name, ev.target.checked) }),
          h('label', { for: id }, 'remember on this device')),
        h('button', { type: 'button', 'aria-label': `Remove ${e.name}`, onclick: () => store.remove(e.name) }, 'Remove'));
    })));
  }

  function renderArchive() {
    const q = search.value.trim().toLowerCase();
    const rows = archive.filter((k) => !q || `${k.selector}._domainkey.${k.domain}`.toLowerCase().includes(q) || (k.source || '').toLowerCase().includes(q));
    shown.textContent = rows.length > MAX_ARCHIVE_ROWS
      ? `Showing ${formatCount(MAX_ARCHIVE_ROWS)} of ${formatCount(rows.length)} matching keys; search to narrow down.`
      : `${formatCount(rows.length)} of ${formatCount(archive.length)} built-in keys shown.`;
    clear(tbody).append(...rows.slice(0, MAX_ARCHIVE_ROWS).map((k) => h('tr', null,
      h('th', { scope: 'row' }, h('code', null, `${k.selector}._domainkey.${k.domain}`)),
      h('td', null, `${k.key_type}${k.bits ? ` ${k.bits}` : ''}`),
      h('td', null, k.first_seen || k.last_seen ? `${k.first_seen || '?'} – ${k.last_seen || 'now'}` : ''),
      h('td', null, (k.flags || []).join(', ')),
      h('td', { class: 'about-key' }, k.source || k.notes
        ? h('details', null, h('summary', null, 'source and notes'),
          k.source ? h('p', null, h('strong', null, 'Source: '), k.source) : null,
          k.notes ? h('p', null, k.notes) : null,
          (k.same_key_as || []).length ? h('p', null, h('strong', null, 'Same key also at: '), k.same_key_as.join(', ')) : null)
        : ''))));
  }

  store.onChange(renderMine);
  clear(root).append(
    h('p', null, 'A signature can only be checked with the public key its domain published. This page ships with an archive of such keys, including old ones that are no longer in DNS. If a key is missing, add it here.'),
    mine,
    h('h3', null, 'Add a key'),
    keyForm({ remember: true, submitLabel: 'Add key', onSubmit: onAdd }),
    bulkForm(),
    h('h3', null, 'Built-in archive'),
    h('div', { class: 'field' }, h('label', { for: searchId }, 'Search the archive'), search),
    shown,
    h('div', { class: 'table-wrap' }, h('table', { class: 'archive-table' },
      h('thead', null, h('tr', null, ['Record', 'Key', 'Seen in use', 'Flags', 'About'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody)));
  renderMine();
  renderArchive();
}
