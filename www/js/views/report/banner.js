// banner.js — the verdict banner at the top of a report: the assessment and its
// caveats, the DKIM, DomainKeys and ARC results, how it was judged, the source.

import { h } from '../../common/dom.js';
import { ASSESSMENT_ICONS, arcOf, arcWords, assessmentOf, assessmentWords } from '../../common/reports.js';
import { breakAtDots, domainsOf, judgingWords, sourceWords } from './words.js';

/** The verdict banner; carries data-verdict (RFC 8601), data-assessment and, when verified, data-aligned. */
export function renderBanner(report, tr) {
  const a = assessmentOf(report);
  const sub = [tr.t('banner-assessment', { words: assessmentWords(tr, a) })];
  if (report.verdict && report.verdict !== 'none') sub.push(tr.t('banner-dkim-result', { result: report.verdict }));
  if ((report.domainkeys || []).length) sub.push(tr.t('banner-domainkeys-result', { results: report.domainkeys.map((k) => k.result).join(', ') }));
  const arc = arcOf(report);
  if (arc) sub.push(arcWords(tr, arc));
  if (a.status === 'verified' && a.aligned && report.from_domain) sub.push(tr.t('banner-aligned', { domain: report.from_domain }));
  const judged = report.signatures?.length ? judgingWords(report, tr) : null;
  const head = report.headline || { main: null, caveats: [] };
  const caveats = head.caveats || [];
  const dataset = { verdict: report.verdict, assessment: a.status, reason: a.reason || '' };
  if (a.status === 'verified' && typeof a.aligned === 'boolean') dataset.aligned = String(a.aligned);
  // A verified result with caveats (misaligned signer, testing key, ...) does not look like an unqualified one.
  if (caveats.length) dataset.caveats = (a.caveats || []).join(' ') || 'yes';
  // Domains wrap only at their dots.
  const names = domainsOf(report);
  const say = (p) => breakAtDots(tr.phrase(p), names);
  return h('section', { class: 'banner', role: 'status', tabindex: '-1', dataset },
    h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, ASSESSMENT_ICONS[a.status] || '?'),
    h('div', { class: 'banner-text' },
      h('p', { class: 'banner-summary' }, say(head.main)),
      caveats.length ? h('ul', { class: 'banner-caveats', 'aria-label': tr.t('banner-caveats-label') },
        caveats.map((c) => h('li', null, say(c)))) : null,
      // What this verdict does not mean (chosen by the core from the assessment).
      head.note ? h('p', { class: 'banner-note', dataset: { note: head.note.id } }, say(head.note)) : null,
      h('p', { class: 'banner-sub' }, breakAtDots(sub.join(' · '), names)),
      judged ? h('p', { class: 'banner-sub banner-judged' }, judged) : null,
      report.source ? h('p', { class: 'banner-source' }, sourceWords(report.source, tr)) : null));
}
