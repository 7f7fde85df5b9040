// message.js — "The message": its fields with their marks, attachments, and the
// body text with the end of the signed part marked.

import { h, defList } from '../../common/dom.js';
import { assessmentOf } from '../../common/reports.js';
import { fieldMark } from './headers.js';

/** A message field's value followed by its mark. */
function fieldValue(report, name, value, tr) {
  if (value === null || value === undefined || value === '') return null;
  const mark = fieldMark(report, name, tr);
  return mark ? [h('span', { class: 'field-value' }, value), ' ', mark] : value;
}

/** Collapses whitespace runs and line ends, to compare body text with a canonical body tail. */
function squash(text) {
  return text.replace(/\r\n/g, '\n').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

/** Where (at a line start) the displayed text's end equals the unsigned tail; -1 if nowhere. */
function tailStart(text, tail) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  for (let k = starts.length - 1; k >= 0; k--) {
    const rest = squash(text.slice(starts[k]));
    if (rest === tail) return starts[k];
    if (rest.length > tail.length) break;
  }
  return -1;
}

/**
 * The body as text, with the end of the signed part marked when l= leaves a tail unsigned.
 * The core gives the unsigned tail (canonical form); when it is found at the end of the
 * displayed text, the text is split there, otherwise the tail is shown apart.
 */
function renderBody(report, text, tr) {
  const a = assessmentOf(report);
  const sig = a.basis === 'dkim' ? (report.signatures || []).find((s) => s.index === a.signature && s.unsigned_body_tail) : null;
  const pre = (...children) => h('pre', { class: 'body-text', tabindex: '0', 'aria-label': tr.t('body-text-label') }, ...children);
  const cut = report.message?.body_omitted_chars ? h('p', { class: 'hint' }, tr.t('body-cut', { count: report.message.body_omitted_chars })) : null;
  if (!sig) return [pre(text), cut];
  const at = tailStart(text, squash(sig.unsigned_body_tail));
  const marker = h('span', { class: 'body-signed-end', role: 'note' }, tr.t('body-signed-end', { size: tr.bytes(sig.body_unsigned_bytes) }));
  if (at >= 0) {
    return [pre(h('span', { class: 'body-signed' }, text.slice(0, at)), marker, h('span', { class: 'body-unsigned' }, text.slice(at))), cut];
  }
  return [pre(text), cut,
    h('p', { class: 'hint' }, tr.t('body-unsigned-apart', { size: tr.bytes(sig.body_unsigned_bytes) })),
    pre(h('span', { class: 'body-unsigned' }, sig.unsigned_body_tail))];
}

/** From / To / Date / Subject / Sender / attachments / plain text body. */
export function renderMessage(report, tr) {
  const m = report.message;
  if (!m) return null;
  const attachments = m.attachments || [];
  // The field names (From, To...) are the header names, the same in every language; the label says them in words.
  const f = (name, id, value) => [tr.t(id), fieldValue(report, name, value, tr)];
  // Why none of the fields is confirmed, in the assessment's terms (the core's headline.fields).
  const unconfirmed = report.headline?.fields;
  return h('section', { class: 'message' },
    h('h3', null, tr.t('message-heading')),
    unconfirmed ? h('p', { class: 'hint', dataset: { fieldsNote: unconfirmed.id } }, tr.phrase(unconfirmed)) : null,
    defList([
      f('From', 'field-from', m.from), f('Sender', 'field-sender', m.sender), f('Reply-To', 'field-reply-to', m.reply_to),
      f('To', 'field-to', m.to), f('Cc', 'field-cc', m.cc), f('Date', 'field-date', m.date), f('Subject', 'field-subject', m.subject),
      [tr.t('field-attachments'), attachments.length ? attachments.map((x) => `${x.name ?? tr.t('attachment-no-name')} (${tr.bytes(x.size)})`).join(', ') : null],
      [tr.t('field-file'), report.size !== null && report.size !== undefined ? tr.bytes(report.size) : null],
      ['SHA-256', report.sha256],
    ]),
    typeof m.body_text === 'string' ? h('details', { class: 'body', open: true },
      h('summary', null, tr.t('body-summary')),
      renderBody(report, m.body_text, tr)) : null);
}
