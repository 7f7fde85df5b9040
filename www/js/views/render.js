// render.js — renders one MessageReport as DOM: the verdict banner, the
// "no key" prompt, and the details, from the parts in report/. Shared by the
// page and <dkim-check>.
// Everything that comes from the email is inserted as text (see dom.js).
// What a result means comes from the core's assessment (report.assessment,
// report.fields, headers[].status); these files only word and show it, in the
// language of the Translator `tr` they are given (see i18n.js).

import { h } from '../common/dom.js';
import { renderBanner } from './report/banner.js';
import { renderMissingKeys } from './report/missing-keys.js';
import { renderMessage } from './report/message.js';
import { renderSignature, renderDomainKey } from './report/signature.js';
import { renderArc, renderClaims } from './report/arc.js';
import { renderHeaders } from './report/headers.js';

/** All details below the banner. */
export function renderDetails(report, tr) {
  const sigs = report.signatures || [];
  const dks = report.domainkeys || [];
  return h('div', { class: 'details' },
    (report.notes || []).length ? h('ul', { class: 'notes', 'aria-label': tr.t('notes-label') }, report.notes.map((n) => h('li', null, tr.phrase(n)))) : null,
    report.skipped_signatures ? h('p', { class: 'hint' }, tr.t('signatures-skipped', { count: report.skipped_signatures })) : null,
    renderMessage(report, tr),
    sigs.length ? h('section', { class: 'signatures' }, h('h3', null, tr.t('signatures-heading', { count: sigs.length })),
      sigs.map((s) => renderSignature(s, sigs.length, tr))) : null,
    dks.length ? h('section', { class: 'domainkeys' }, h('h3', null, tr.t('domainkeys-heading', { count: dks.length })),
      dks.map((k) => renderDomainKey(k, dks.length, tr))) : null,
    renderArc(report, tr),
    renderClaims(report, tr),
    renderHeaders(report, tr));
}

/** Banner + missing-key prompts + details, in one fragment. `opts.tr` words it. */
export function renderReport(report, opts) {
  const { tr } = opts;
  const frag = document.createDocumentFragment();
  frag.append(renderBanner(report, tr));
  const mk = renderMissingKeys(report, opts);
  if (mk) frag.append(mk);
  frag.append(renderDetails(report, tr));
  return frag;
}
