// words.js — how a report's codes are said: the judging time, the source; and the
// assessment badge the cards share. (Where a key came from and when it was seen are
// messages on the report, key.origin_words and key.seen, worded by the core: rendered
// with tr.phrase.)

import { dotted, h } from '../../common/dom.js';
import { ASSESSMENT_ICONS, assessmentOf, assessmentWords } from '../../common/reports.js';

/** How the signatures were judged, in words. */
export function judgingWords(report, tr) {
  const j = report.judged_at;
  if (!j) return null;
  if (j.mode === 'at') return tr.t('judged-at', { time: tr.dateTime(j.time) });
  return tr.t('judged-as-of-signing');
}

/** Names of inputs that are not files, in words. */
const SOURCE_IDS = { 'pasted message': 'source-pasted', 'embedded message': 'source-embedded' };

/** A report's source (a file name, or what the input was). */
export function sourceWords(source, tr) {
  return SOURCE_IDS[source] ? tr.t(SOURCE_IDS[source]) : source;
}

/** The domains and key names of a report (From domain, signers, keys), longest first. */
export function domainsOf(report) {
  const items = [...(report.signatures || []), ...(report.domainkeys || [])];
  const names = [report.from_domain, ...items.map((s) => s.domain), ...items.map((s) => s.key?.name)];
  return [...new Set(names.filter((n) => typeof n === 'string' && n.includes('.')))].sort((a, b) => b.length - a.length);
}

/**
 * `text` as nodes in which each of `names` (domains, key names) never wraps inside a label: a
 * short name (up to 12 characters, "gmail.com") does not wrap at all, a longer one only after
 * one of its dots (a <wbr>). A narrow screen never shows "football.example.co" + "m".
 */
export function breakAtDots(text, names) {
  if (!text || !names.length) return text;
  const re = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const out = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(m[0].length <= 12 ? h('span', { class: 'domain whole' }, m[0]) : dotted(m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A small assessment badge for one signature or message (not colour alone: icon and words). */
export function assessmentBadge(item, tr) {
  const a = assessmentOf(item);
  return h('span', { class: 'badge', dataset: { assessment: a.status, verdict: item.verdict || item.result || '' } },
    h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[a.status] || '?'} `),
    assessmentWords(tr, a));
}
