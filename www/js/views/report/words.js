// words.js — how a report's codes are said: the judging time, the source, where a
// key came from and when it was seen; and the assessment badge the cards share.

import { h } from '../../common/dom.js';
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

/** Where a key came from, in words (the core's origin labels are codes). */
export function originWords(origin, tr) {
  if (origin === 'bundled archive') return tr.t('key-origin-bundled');
  if (origin === 'added by you') return tr.t('key-origin-added');
  if (origin?.startsWith('keys file ')) return tr.t('key-origin-file', { file: origin.slice('keys file '.length) });
  return origin;
}

/** The dates a key was seen, in words ("2012-01 to 2016-03"). */
export function seenWords(key, tr) {
  if (!key.first_seen && !key.last_seen) return null;
  return tr.t('key-seen-range', { first: key.first_seen || tr.t('key-seen-unknown'), last: key.last_seen || tr.t('key-seen-now') });
}

/** A small assessment badge for one signature or message (not colour alone: icon and words). */
export function assessmentBadge(item, tr) {
  const a = assessmentOf(item);
  return h('span', { class: 'badge', dataset: { assessment: a.status, verdict: item.verdict || item.result || '' } },
    h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[a.status] || '?'} `),
    assessmentWords(tr, a));
}
