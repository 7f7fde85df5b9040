// key-form.js — the "add a public key" form, used in the keys panel, inline
// under a "no key" result, and in the <dkim-check> widget.

import { h, uid } from '../common/dom.js';

/**
 * @param {object} o
 * @param {string} [o.selector]  prefill
 * @param {string} [o.domain]    prefill
 * @param {boolean} [o.remember] show the "remember on this device" checkbox
 * @param {string} [o.submitLabel]
 * @param {(input:{selector:string, domain:string, text:string, remember:boolean}) => Promise<string|void>} o.onSubmit
 *        resolves to a confirmation message, rejects with an Error to show
 */
export function keyForm({ selector = '', domain = '', remember = false, submitLabel = 'Add key and check again', onSubmit }) {
  const ids = { sel: uid('sel'), dom: uid('dom'), rec: uid('rec'), rem: uid('rem'), help: uid('help') };
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const selInput = h('input', { id: ids.sel, name: 'selector', type: 'text', value: selector, autocomplete: 'off', spellcheck: 'false' });
  const domInput = h('input', { id: ids.dom, name: 'domain', type: 'text', value: domain, autocomplete: 'off', spellcheck: 'false' });
  const recInput = h('textarea', { id: ids.rec, name: 'record', rows: 4, spellcheck: 'false', 'aria-describedby': ids.help,
    placeholder: 'v=DKIM1; k=rsa; p=MIIBIjANBgkqh…' });
  const remInput = remember ? h('input', { id: ids.rem, name: 'remember', type: 'checkbox' }) : null;
  const form = h('form', { class: 'key-form', novalidate: true },
    h('div', { class: 'key-form-row' },
      h('div', { class: 'field' }, h('label', { for: ids.sel }, 'Selector'), selInput),
      h('div', { class: 'field' }, h('label', { for: ids.dom }, 'Domain'), domInput)),
    h('div', { class: 'field' },
      h('label', { for: ids.rec }, 'DNS record'),
      recInput,
      h('p', { id: ids.help, class: 'hint' },
        'Paste the TXT value (starting v=DKIM1 or k=… p=…), or whole lines of dig or zone-file output ',
        '(for example from: dig +short TXT ', h('code', null, `${selector || 'selector'}._domainkey.${domain || 'example.com'}`), '). ',
        'Selector and domain are only needed for a bare TXT value.')),
    remInput && h('div', { class: 'check' }, remInput,
      h('label', { for: ids.rem }, 'Remember this key on this device (kept in this browser\'s local storage)')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, submitLabel)),
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
