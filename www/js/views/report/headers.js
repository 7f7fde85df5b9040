// headers.js — which header fields are signed: the header table, and the mark
// beside a field of "The message" (both from the core's statuses).

import { h } from '../../common/dom.js';
import { assessmentOf } from '../../common/reports.js';

/** Icon and catalog id of a field status. */
const FIELD_MARKS = {
  verified: ['✔', 'field-verified'],
  covered_unverified: ['!', 'field-covered-unverified'],
  unsigned: ['✘', 'field-unsigned'],
};

/** The header table: each field's status from the core, in words. */
export function renderHeaders(report, tr) {
  const headers = report.headers || [];
  if (!headers.length) return null;
  const isSig = (x) => ['dkim-signature', 'domainkey-signature'].includes(x.name.toLowerCase());
  const content = headers.filter((x) => !isSig(x));
  const count = (s) => content.filter((x) => x.status === s).length;
  const parts = [tr.t('headers-count-verified', { count: count('verified') })];
  if (count('covered_unverified')) parts.push(tr.t('headers-count-covered', { count: count('covered_unverified') }));
  parts.push(tr.t('headers-count-unsigned', { count: count('unsigned') }));
  const value = (x) => (x.omitted_chars ? [x.value, ' ', h('em', null, tr.t('header-value-cut', { count: x.omitted_chars }))] : x.value);
  return h('section', { class: 'headers' },
    h('h3', null, tr.t('headers-heading')),
    h('p', { class: 'hint' }, tr.t('headers-hint', { counts: parts.join(', ') })),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'group', 'aria-label': tr.t('headers-heading') },
      h('table', { class: 'header-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, tr.t('headers-col-signed')), h('th', { scope: 'col' }, tr.t('headers-col-field')), h('th', { scope: 'col' }, tr.t('headers-col-value')))),
        h('tbody', null, headers.map((x) => {
          // A DKIM-Signature field is the signature itself, not content that could be signed.
          if (isSig(x)) {
            return h('tr', { class: 'signature-field' },
              h('td', { class: 'signed-cell' }, tr.t('headers-the-signature')), h('th', { scope: 'row' }, x.name), h('td', { class: 'value' }, value(x)));
          }
          const [icon, id] = FIELD_MARKS[x.status] || ['?', null];
          return h('tr', { class: `field-${x.status}` },
            h('td', { class: 'signed-cell', dataset: { field: x.name.toLowerCase(), fieldStatus: x.status } },
              h('span', { 'aria-hidden': 'true' }, `${icon} `), id ? tr.t(id) : x.status),
            h('th', { scope: 'row' }, x.name),
            h('td', { class: 'value' }, value(x)));
        })))));
}

/**
 * The mark of a field of "The message" (From, To, ...): its status from the core
 * (report.fields: the weakest of its instances), in words. When instances differ,
 * says how many there are and how many are verified.
 */
export function fieldMark(report, name, tr) {
  const key = name.toLowerCase();
  const status = report.fields?.[key];
  if (!status) return null;
  const rows = (report.headers || []).filter((x) => x.name.toLowerCase() === key);
  const n = rows.length;
  const verified = rows.filter((x) => x.status === 'verified').length;
  const a = assessmentOf(report);
  let text;
  if (status === 'verified') text = n > 1 ? tr.t('mark-verified-all', { count: n, name }) : tr.t('mark-verified');
  else if (verified > 0) text = tr.t('mark-some-verified', { count: n, name, verified, others: n - verified });
  else if (status === 'covered_unverified') {
    text = tr.t(a.status === 'proves_nothing' ? 'mark-proves-nothing'
      : a.status === 'no_key' ? 'mark-no-key'
        : a.reason === 'body_changed' ? 'mark-body-changed'
          : a.reason === 'expired' ? 'mark-expired'
            : 'mark-not-verified');
  } else text = n > 1 ? tr.t('mark-unsigned-many', { count: n, name }) : tr.t('mark-unsigned');
  const [icon] = FIELD_MARKS[status] || ['?'];
  return h('span', { class: 'signed-tag', dataset: { field: key, fieldStatus: status } },
    h('span', { 'aria-hidden': 'true' }, `${status !== 'verified' && verified > 0 ? '!' : icon} `), text);
}
