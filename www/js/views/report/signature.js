// signature.js — one card per signature, DKIM and DomainKeys: what was checked,
// the signature's tags, and the key used.

import { h, defList } from '../../common/dom.js';
import { assessmentOf, flagWords } from '../../common/reports.js';
import { assessmentBadge } from './words.js';

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
      [tr.t('key-came-from'), tr.phrase(key.origin_words)],
      [tr.t('key-fingerprint'), key.spki_sha256],
      [tr.t('key-source'), key.source],
      [tr.t('key-seen'), tr.phrase(key.seen)],
      [tr.t('key-date-fits'), window],
      [tr.t('key-flags'), flagWords(tr, key.flags)],
      [tr.t('key-testing'), key.testing ? tr.t('key-testing-yes') : null],
      // The archive's own note, as written there (in English for the bundled archive): not translated.
      [tr.t('key-notes'), key.notes ? h('span', { lang: key.origin === 'bundled archive' ? 'en' : null }, key.notes) : null],
    ]));
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
