// arc.js — what intermediaries and receiving servers recorded: the ARC chain and
// the Authentication-Results claims.

import { h } from '../../common/dom.js';
import { arcOf, arcWords } from '../../common/reports.js';

/** The ARC chain: what intermediaries recorded and whether their seals hold. Never "verified". */
export function renderArc(report, tr) {
  const arc = arcOf(report);
  if (!arc) return null;
  return h('section', { class: 'arc', dataset: { arc: arc.result, arcReason: arc.reason || '', instances: String(arc.instances) } },
    h('h3', null, tr.t('arc-heading')),
    h('p', null, h('span', { class: 'badge', dataset: { arc: arc.result } }, arcWords(tr, arc))),
    h('p', { class: 'explanation' }, tr.phrase(arc.explanation)),
    (arc.corroborations || []).length ? h('ul', { class: 'corroborations', 'aria-label': tr.t('arc-corroborations-label') },
      arc.corroborations.map((c) => h('li', { dataset: { corroboration: c.domain } }, tr.phrase(c.explanation)))) : null,
    (arc.sets || []).length ? h('ol', { class: 'arc-hops', 'aria-label': tr.t('arc-hops-label') },
      arc.sets.map((set) => h('li', { dataset: { instance: String(set.instance), sealValid: String(set.seal_valid) } }, tr.phrase(set.summary)))) : null,
    arc.detail ? h('p', { class: 'hint' }, tr.t('arc-technical-detail', { detail: tr.phrase(arc.detail) })) : null);
}

/** What receiving servers said (Authentication-Results): claims, unless a validated ARC chain vouches for them. */
export function renderClaims(report, tr) {
  const claims = report.authentication_results || [];
  if (!claims.length) return null;
  return h('section', { class: 'claims' },
    h('h3', null, tr.t('claims-heading')),
    h('ul', { class: 'claim-list' }, claims.map((c) => h('li', { dataset: { sealed: c.sealed_by ? 'yes' : 'no' } }, tr.phrase(c.explanation)))));
}
