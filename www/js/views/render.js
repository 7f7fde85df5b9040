// render.js — renders one MessageReport as DOM: the verdict banner, the
// "no key" prompt, and the details. Shared by the page and <dkim-check>.
// Everything that comes from the email is inserted as text (see dom.js).
// What a result means comes from the core's assessment (report.assessment,
// report.fields, headers[].status); this file only words and shows it, in the
// language of the Translator `tr` it is given (see i18n.js).

import { h, defList } from '../common/dom.js';
import { keyForm } from '../keys/key-form.js';
import { ASSESSMENT_ICONS, arcOf, arcWords, assessmentOf, assessmentWords, flagWords, missingKeys } from '../common/reports.js';

/** How the signatures were judged, in words. */
export function judgingWords(report, tr) {
  const j = report.judged_at;
  if (!j) return null;
  if (j.mode === 'at') return tr.t('judged-at', { time: tr.dateTime(j.time) });
  return tr.t('judged-as-of-signing');
}

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
  return h('section', { class: 'banner', role: 'status', tabindex: '-1', dataset },
    h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, ASSESSMENT_ICONS[a.status] || '?'),
    h('div', { class: 'banner-text' },
      h('p', { class: 'banner-summary' }, tr.phrase(head.main)),
      caveats.length ? h('ul', { class: 'banner-caveats', 'aria-label': tr.t('banner-caveats-label') },
        caveats.map((c) => h('li', null, tr.phrase(c)))) : null,
      h('p', { class: 'banner-sub' }, sub.join(' · ')),
      judged ? h('p', { class: 'banner-sub banner-judged' }, judged) : null,
      report.source ? h('p', { class: 'banner-source' }, sourceWords(report.source, tr)) : null));
}

/** Names of inputs that are not files, in words. */
const SOURCE_IDS = { 'pasted message': 'source-pasted', 'embedded message': 'source-embedded' };

/** A report's source (a file name, or what the input was). */
export function sourceWords(source, tr) {
  return SOURCE_IDS[source] ? tr.t(SOURCE_IDS[source]) : source;
}

/**
 * One prompt + inline form per signature whose key is unknown.
 * @param {(input)=>Promise<string|void>} onAddKey  see key-form.js
 */
export function renderMissingKeys(report, { onAddKey, remember = true, tr } = {}) {
  const missing = missingKeys(report);
  if (!missing.length || !onAddKey) return null;
  const seen = new Set();
  const unique = missing.filter((s) => {
    const k = `${s.selector}._domainkey.${s.domain}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // The banner may already say that no key is known; then only ask for the record.
  const bannerSaysIt = report.headline?.main?.id === 'headline-no-key';
  const forms = unique.map((s) => {
    const name = `${s.selector}._domainkey.${s.domain}`;
    const prompt = h('p', null, tr.t(bannerSaysIt ? 'missing-key-paste' : 'missing-key-unknown', { name }));
    return h('div', { class: 'missing-key' }, prompt,
      keyForm({ selector: s.selector || '', domain: s.domain || '', remember, onSubmit: onAddKey, tr }));
  });
  if (assessmentOf(report).status === 'verified') {
    // Another signature already verified: offer the form without shouting.
    return h('details', { class: 'missing-keys quiet' },
      h('summary', null, tr.t('missing-keys-others', { count: unique.length, names: [...seen].join(', ') })),
      forms);
  }
  return h('section', { class: 'missing-keys' }, forms);
}

/** Where a key came from, in words (the core's origin labels are codes). */
export function originWords(origin, tr) {
  if (origin === 'bundled archive') return tr.t('key-origin-bundled');
  if (origin === 'added by you') return tr.t('key-origin-added');
  if (origin?.startsWith('keys file ')) return tr.t('key-origin-file', { file: origin.slice('keys file '.length) });
  return origin;
}

/** The dates a key was seen, in words ("2012-01 to 2016-03"). */
function seenWords(key, tr) {
  if (!key.first_seen && !key.last_seen) return null;
  return tr.t('key-seen-range', { first: key.first_seen || tr.t('key-seen-unknown'), last: key.last_seen || tr.t('key-seen-now') });
}

/** A short line about the key used by a signature. */
function keyFacts(key, tr) {
  if (!key) return null;
  let window = null;
  if (key.date_in_window === true) window = tr.t('key-date-fits-yes');
  else if (key.date_in_window === false) window = tr.t('key-date-fits-no');
  return h('div', { class: 'key' },
    h('h4', null, tr.t('key-used')),
    defList([
      [tr.t('key-record'), key.name],
      [tr.t('key-type'), key.bits ? tr.t('key-type-bits', { type: key.key_type, bits: String(key.bits) }) : key.key_type],
      [tr.t('key-came-from'), originWords(key.origin, tr)],
      [tr.t('key-fingerprint'), key.spki_sha256],
      [tr.t('key-source'), key.source],
      [tr.t('key-seen'), seenWords(key, tr)],
      [tr.t('key-date-fits'), window],
      [tr.t('key-flags'), flagWords(tr, key.flags)],
      [tr.t('key-testing'), key.testing ? tr.t('key-testing-yes') : null],
      [tr.t('key-notes'), key.notes],
    ]));
}

/** A small assessment badge for one signature or message (not colour alone: icon and words). */
export function assessmentBadge(item, tr) {
  const a = assessmentOf(item);
  return h('span', { class: 'badge', dataset: { assessment: a.status, verdict: item.verdict || item.result || '' } },
    h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[a.status] || '?'} `),
    assessmentWords(tr, a));
}

/** "Body matches the hash in the signature": only what was checked. */
function bodyRow(sig, tr) {
  if (sig.body_hash_matches === true) {
    const partial = sig.body_length !== null && sig.body_length !== undefined && sig.body_unsigned_bytes > 0;
    const t = [partial ? tr.t('body-row-yes-partial', { signed: tr.bytes(sig.body_length), unsigned: tr.bytes(sig.body_unsigned_bytes) }) : tr.t('answer-yes')];
    if (sig.header_signature_valid === false) t.push(tr.t('body-row-signature-failed'));
    else if (sig.header_signature_valid !== true) t.push(tr.t('body-row-signature-unchecked'));
    return t.join(' ');
  }
  if (sig.body_hash_matches === false) return tr.t('body-row-no');
  return null;
}

/** "Signature verifies with this key": only what was checked. */
function signatureRow(sig, tr) {
  const caveats = assessmentOf(sig).caveats || [];
  if (sig.header_signature_valid === true) {
    if (caveats.includes('compromised_key')) return tr.t('signature-row-yes-compromised');
    if (caveats.includes('weak_key')) return tr.t('signature-row-yes-weak', { bits: String(sig.key?.bits ?? '') });
    return tr.t('answer-yes');
  }
  if (sig.header_signature_valid === false) return tr.t('signature-row-no');
  return null;
}

/** The catalog id of where a judging time came from. */
const TIME_SOURCES = {
  signature_timestamp: 'judged-from-signature',
  message_date: 'judged-from-message-date',
  now: 'judged-from-now',
  given: 'judged-from-given',
};

/** x=, with what a passed expiry means here. */
function expiresRow(sig, tr) {
  if (sig.expires === null || sig.expires === undefined) return null;
  const when = tr.dateTime(sig.expires);
  if (sig.reason === 'expired') return tr.t('expires-row-expired', { when });
  if ((sig.warnings || []).some((w) => w.code === 'expired_since')) return tr.t('expires-row-passed', { when });
  return when;
}

/** One signature's card. */
export function renderSignature(sig, total, tr) {
  const title = tr.t('signature-title', { n: sig.index + 1, total, domain: sig.domain || tr.t('signature-no-domain') });
  const a = assessmentOf(sig);
  const judged = sig.judged_at
    ? tr.t('judged-at-from', { time: tr.dateTime(sig.judged_at.time), from: TIME_SOURCES[sig.judged_at.from] ? tr.t(TIME_SOURCES[sig.judged_at.from]) : sig.judged_at.from })
    : null;
  const yesNo = (v) => (v === true ? tr.t('answer-yes') : v === false ? tr.t('answer-no') : null);
  return h('article', { class: 'signature', dataset: { result: sig.result, reason: sig.reason || '', assessment: a.status } },
    h('h3', null, assessmentBadge(sig, tr), ' ', title),
    h('p', { class: 'explanation' }, tr.phrase(sig.explanation)),
    (sig.warnings || []).length ? h('ul', { class: 'warnings', 'aria-label': tr.t('warnings-label') },
      sig.warnings.map((w) => h('li', { dataset: { code: w.code } }, h('strong', null, tr.t('warning-prefix')), tr.phrase(w)))) : null,
    defList([
      [tr.t('sig-selector'), sig.selector],
      [tr.t('sig-algorithm'), sig.algorithm],
      [tr.t('sig-canonicalization'), sig.canonicalization],
      [tr.t('sig-body-matches'), bodyRow(sig, tr)],
      [tr.t('sig-signature-verifies'), signatureRow(sig, tr)],
      [tr.t('sig-identity'), sig.identity],
      [tr.t('sig-signed-at'), tr.dateTime(sig.timestamp)],
      [tr.t('sig-expires'), expiresRow(sig, tr)],
      [tr.t('sig-judged-at'), judged],
      [tr.t('sig-valid-at-message-date'), yesNo(sig.valid_at_message_date)],
      [tr.t('sig-dkim-result'), `${sig.result} (${sig.reason})`],
      [tr.t('sig-named-repair'), sig.repair ? sig.repair.code : null],
      [tr.t('sig-technical-detail'), tr.phrase(sig.detail)],
      [tr.t('sig-headers-signed'), [...new Set(sig.signed_headers || [])].join(', ')],
      [tr.t('sig-headers-not-signed'), (sig.unsigned_headers || []).join(', ')],
    ]),
    keyFacts(sig.key, tr));
}

/** "Signature verifies with this key" for a DomainKeys signature. */
function dkSignatureRow(k, tr) {
  if (k.signature_valid === true) {
    if (k.reason === 'weak_key') return tr.t('signature-row-yes-weak', { bits: String(k.key?.bits ?? '') });
    if ((assessmentOf(k).caveats || []).includes('compromised_key')) return tr.t('signature-row-yes-compromised');
    return tr.t('answer-yes');
  }
  if (k.signature_valid === false) return tr.t('dk-row-no');
  return null;
}

/** One DomainKeys signature's card. */
export function renderDomainKey(k, total, tr) {
  const title = tr.t('domainkey-title', { n: k.index + 1, total, domain: k.domain || tr.t('signature-no-domain') });
  return h('article', { class: 'signature domainkey', dataset: { result: k.result, reason: k.reason || '', assessment: assessmentOf(k).status } },
    h('h3', null, assessmentBadge(k, tr), ' ', title),
    h('p', { class: 'explanation' }, tr.phrase(k.explanation)),
    (k.warnings || []).length ? h('ul', { class: 'warnings', 'aria-label': tr.t('warnings-label') },
      k.warnings.map((w) => h('li', { dataset: { code: w.code } }, h('strong', null, tr.t('warning-prefix')), tr.phrase(w)))) : null,
    defList([
      [tr.t('sig-selector'), k.selector],
      [tr.t('sig-canonicalization'), k.canonicalization],
      [tr.t('dk-sending-address'), k.sending_address],
      [tr.t('sig-signature-verifies'), dkSignatureRow(k, tr)],
      [tr.t('dk-result'), `${k.result} (${k.reason})`],
      [tr.t('sig-technical-detail'), tr.phrase(k.detail)],
      [tr.t('sig-headers-signed'), [...new Set(k.signed_headers || [])].join(', ')],
    ]),
    keyFacts(k.key, tr));
}

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

/** One line per signature: assessment, signer and the key used (for compact views). */
export function renderSignatureLines(report, tr) {
  const sigs = report.signatures || [];
  const dks = report.domainkeys || [];
  const arc = arcOf(report);
  if (!sigs.length && !dks.length && !arc) return null;
  const dkLines = dks.map((k) => h('li', { dataset: { result: k.result, assessment: assessmentOf(k).status, mechanism: 'domainkeys' } },
    assessmentBadge(k, tr), ' ', h('strong', null, tr.t('domainkey-line', { domain: k.domain || '?', selector: k.selector || '?' })),
    h('br'), h('span', { class: 'hint' }, tr.phrase(k.explanation))));
  const arcLine = arc ? [h('li', { dataset: { arc: arc.result, mechanism: 'arc' } },
    h('span', { class: 'badge', dataset: { arc: arc.result } }, arcWords(tr, arc)),
    h('br'), h('span', { class: 'hint' }, tr.phrase(arc.explanation)))] : [];
  return h('ul', { class: 'signature-lines' }, ...sigs.map((sig) => {
    const k = sig.key;
    let key = tr.t('signature-line-no-key');
    if (k) {
      const parts = [k.bits ? tr.t('key-type-bits', { type: k.key_type, bits: String(k.bits) }) : k.key_type, tr.t('signature-line-from', { origin: originWords(k.origin, tr) })];
      const seen = seenWords(k, tr);
      if (seen) parts.push(tr.t('signature-line-seen', { seen }));
      if ((k.flags || []).length) parts.push(flagWords(tr, k.flags));
      key = tr.t('signature-line-key', { name: k.name, facts: parts.join(', ') });
    }
    return h('li', { dataset: { result: sig.result, assessment: assessmentOf(sig).status } },
      assessmentBadge(sig, tr),
      ' ', h('strong', null, `${sig.domain || '?'} (${sig.selector || '?'})`), ' — ', key,
      h('br'), h('span', { class: 'hint' }, tr.phrase(sig.explanation)));
  }), ...dkLines, ...arcLine);
}

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
function fieldMark(report, name, tr) {
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
  const verified = assessmentOf(report).status === 'verified';
  return h('section', { class: 'message' },
    h('h3', null, tr.t('message-heading')),
    verified ? null : h('p', { class: 'hint' }, tr.t('message-not-confirmed')),
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
