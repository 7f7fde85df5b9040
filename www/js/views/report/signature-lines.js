// signature-lines.js — one line per signature (DKIM, DomainKeys, ARC), for compact
// views such as <dkim-check>.

import { h } from '../../common/dom.js';
import { arcOf, arcWords, assessmentOf, flagWords } from '../../common/reports.js';
import { assessmentBadge, breakAtDots, domainsOf } from './words.js';

/** One line per signature: assessment, signer and the key used (for compact views). */
export function renderSignatureLines(report, tr) {
  const sigs = report.signatures || [];
  const dks = report.domainkeys || [];
  const arc = arcOf(report);
  if (!sigs.length && !dks.length && !arc) return null;
  // Domains and key names wrap only at their dots.
  const names = domainsOf(report);
  const say = (text) => breakAtDots(text, names);
  const dkLines = dks.map((k) => h('li', { dataset: { result: k.result, assessment: assessmentOf(k).status, mechanism: 'domainkeys' } },
    assessmentBadge(k, tr), ' ', h('strong', null, say(tr.t('domainkey-line', { domain: k.domain || '?', selector: k.selector || '?' }))),
    h('br'), h('span', { class: 'hint' }, say(tr.phrase(k.explanation)))));
  const arcLine = arc ? [h('li', { dataset: { arc: arc.result, mechanism: 'arc' } },
    h('span', { class: 'badge', dataset: { arc: arc.result } }, arcWords(tr, arc)),
    h('br'), h('span', { class: 'hint' }, tr.phrase(arc.explanation)))] : [];
  return h('ul', { class: 'signature-lines' }, ...sigs.map((sig) => {
    const k = sig.key;
    let key = tr.t('signature-line-no-key');
    if (k) {
      const parts = [k.bits ? tr.t('key-type-bits', { type: k.key_type, bits: String(k.bits) }) : k.key_type, tr.t('signature-line-from', { origin: tr.phrase(k.origin_words) })];
      const seen = tr.phrase(k.seen);
      if (seen) parts.push(tr.t('signature-line-seen', { seen }));
      if ((k.flags || []).length) parts.push(flagWords(tr, k.flags));
      key = tr.t('signature-line-key', { name: k.name, facts: parts.join(', ') });
    }
    return h('li', { dataset: { result: sig.result, assessment: assessmentOf(sig).status } },
      assessmentBadge(sig, tr),
      ' ', h('strong', null, say(`${sig.domain || '?'} (${sig.selector || '?'})`)), ' — ', say(key),
      h('br'), h('span', { class: 'hint' }, say(tr.phrase(sig.explanation))));
  }), ...dkLines, ...arcLine);
}
