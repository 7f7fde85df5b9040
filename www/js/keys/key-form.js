// key-form.js — the "add a public key" form, used in the keys panel, inline
// under a "no key" result, and in the <dkim-check> widget.

import { h, uid } from '../common/dom.js';
import { recordName } from './keystore.js';

/**
 * @param {object} o
 * @param {string} [o.selector]  prefill
 * @param {string} [o.domain]    prefill
 * @param {boolean} [o.remember] show the "remember on this device" checkbox
 * @param {string} [o.submitLabel]  catalog id of the button's words
 * @param {import('../common/i18n.js').Translator} o.tr  the words
 * @param {(input:{selector:string, domain:string, text:string, remember:boolean}) => Promise<string|void>} o.onSubmit
 *        resolves to a confirmation message, rejects with an Error to show
 */
export function keyForm({ selector = '', domain = '', remember = false, submitLabel = 'key-form-submit-check', onSubmit, tr }) {
  const ids = { sel: uid('sel'), dom: uid('dom'), rec: uid('rec'), rem: uid('rem'), help: uid('help') };
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const selInput = h('input', { id: ids.sel, name: 'selector', type: 'text', value: selector, autocomplete: 'off', spellcheck: 'false' });
  const domInput = h('input', { id: ids.dom, name: 'domain', type: 'text', value: domain, autocomplete: 'off', spellcheck: 'false' });
  const recInput = h('textarea', { id: ids.rec, name: 'record', rows: 4, spellcheck: 'false', 'aria-describedby': ids.help,
    placeholder: 'v=DKIM1; k=rsa; p=MIIBIjANBgkqh…' });
  const example = recordName(selector || tr.t('key-form-example-selector'), domain || 'example.com');
  const remInput = remember ? h('input', { id: ids.rem, name: 'remember', type: 'checkbox' }) : null;
  const form = h('form', { class: 'key-form', novalidate: true },
    h('div', { class: 'key-form-row' },
      h('div', { class: 'field' }, h('label', { for: ids.sel }, tr.t('key-form-selector')), selInput),
      h('div', { class: 'field' }, h('label', { for: ids.dom }, tr.t('key-form-domain')), domInput)),
    h('div', { class: 'field' },
      h('label', { for: ids.rec }, tr.t('key-form-record')),
      recInput,
      h('p', { id: ids.help, class: 'hint' },
        tr.t('key-form-help-before'), ' ', h('code', null, `dig +short TXT ${example}`), tr.t('key-form-help-after'))),
    remInput && h('div', { class: 'check' }, remInput,
      h('label', { for: ids.rem }, tr.t('key-form-remember'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, tr.t(submitLabel))),
    status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.textContent = '';
    status.classList.remove('error');
    try {
      const msg = await onSubmit({
        selector: selInput.value.trim(), domain: domInput.value.trim(), text: recInput.value.trim(),
        remember: remInput ? remInput.checked : false,
      });
      if (msg) status.textContent = msg;
      recInput.value = '';
    } catch (e) {
      status.textContent = e && e.message ? e.message : String(e);
      status.classList.add('error');
      recInput.focus();
    }
  });
  return form;
}
