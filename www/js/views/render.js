// render.js — renders one MessageReport as DOM: the verdict banner, the
// "no key" prompt, and the details. Shared by the page and <dkim-check>.
// Everything that comes from the email is inserted as text (see dom.js).

import { h, defList } from '../common/dom.js';
import { keyForm } from '../keys/key-form.js';
import { VERDICT_ICONS, missingKeys, formatUnix, formatBytes, caution, sigCaution } from '../common/reports.js';

/** The verdict banner; carries data-verdict with the overall result. */
export function renderBanner(report) {
  const sub = [];
  sub.push(`Overall DKIM result: ${report.verdict}`);
  if (report.verdict === 'pass' && report.from_domain) {
    if (report.aligned) sub.push(`The From address is at ${report.from_domain}, the signing domain.`);
    // The core's summary usually says this already; say it only once.
    else if (!(report.summary || '').toLowerCase().includes(report.from_domain.toLowerCase())) {
      sub.push(`Note: the From address is at ${report.from_domain}, which is not the domain that signed.`);
    }
  }
  const warn = caution(report);
  return h('section', { class: 'banner', role: 'status', tabindex: '-1', dataset: { verdict: report.verdict, caution: warn || '' } },
    h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, warn ? '!' : VERDICT_ICONS[report.verdict] || '?'),
    h('div', { class: 'banner-text' },
      h('p', { class: 'banner-summary' }, report.summary || ''),
      h('p', { class: 'banner-sub' }, sub.join(' · ')),
      report.source ? h('p', { class: 'banner-source' }, report.source) : null));
}

/**
 * One prompt + inline form per signature whose key is unknown.
 * @param {(input)=>Promise<string|void>} onAddKey  see key-form.js
 */
export function renderMissingKeys(report, { onAddKey, remember = true } = {}) {
  const missing = missingKeys(report);
  if (!missing.length || !onAddKey) return null;
  const seen = new Set();
  const unique = missing.filter((s) => {
    const k = `${s.selector}._domainkey.${s.domain}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const forms = unique.map((s) => {
    const name = `${s.selector}._domainkey.${s.domain}`;
    // The banner may already say this sentence; then only ask for the record.
    const prompt = (report.summary || '').includes(name)
      ? h('p', null, 'Paste the DNS record of ', h('code', null, name), ' to check the signature with it.')
      : h('p', null, 'No public key for ', h('code', null, name), ' is known here: paste its DNS record to check it.');
    return h('div', { class: 'missing-key' }, prompt,
      keyForm({ selector: s.selector || '', domain: s.domain || '', remember, onSubmit: onAddKey }));
  });
  if (report.verdict === 'pass') {
    // Another signature already verified: offer the form without shouting.
    return h('details', { class: 'missing-keys quiet' },
      h('summary', null, `${unique.length === 1 ? 'One other signature' : `${unique.length} other signatures`} could not be checked: no key for ${[...seen].join(', ')}.`),
      forms);
  }
  return h('section', { class: 'missing-keys' }, forms);
}

/** A short line about the key used by a signature. */
function keyFacts(key) {
  if (!key) return null;
  const seen = key.first_seen || key.last_seen
    ? `${key.first_seen || 'unknown'} to ${key.last_seen || 'now'}` : null;
  let window = null;
  if (key.date_in_window === true) window = 'yes: the message date is inside the period this key was seen in use';
  else if (key.date_in_window === false) window = 'no: the message date is outside the period this key was seen in use';
  return h('div', { class: 'key' },
    h('h4', null, 'Key used'),
    defList([
      ['Record', key.name],
      ['Type', `${key.key_type}${key.bits ? `, ${key.bits} bits` : ''}`],
      ['Came from', key.origin],
      ['Source', key.source],
      ['Seen in use', seen],
      ['Date fits', window],
      ['Flags', (key.flags || []).join(', ')],
      ['Testing mode', key.testing ? 'yes: the domain marked this key as for testing only (t=y)' : null],
      ['Notes', key.notes],
    ]));
}

function yesNo(v, yes, no) {
  if (v === true) return yes;
  if (v === false) return no;
  return null;
}

/** A small result badge for one signature (not colour alone: icon and word). */
function sigBadge(sig) {
  const warn = sig.result === 'pass' && sigCaution(sig);
  return h('span', { class: 'badge', dataset: { verdict: sig.result, caution: warn || '' } },
    h('span', { 'aria-hidden': 'true' }, `${warn ? '!' : VERDICT_ICONS[sig.result] || '?'} `),
    warn ? `pass, ${warn} key` : sig.result);
}

/** One signature's card. */
export function renderSignature(sig, total) {
  const title = `Signature ${sig.index + 1}${total > 1 ? ` of ${total}` : ''}: ${sig.domain || '(no domain)'}`;
  const lTail = sig.body_length !== null && sig.body_length !== undefined
    ? (sig.body_unsigned_bytes > 0
      ? `Only the first ${formatBytes(sig.body_length)} of the body are signed; the last ${formatBytes(sig.body_unsigned_bytes)} are not covered and could have been added by anyone.`
      : `The signature covers the first ${formatBytes(sig.body_length)} of the body, which is all of it.`)
    : null;
  return h('article', { class: 'signature', dataset: { result: sig.result, reason: sig.reason || '' } },
    h('h3', null, sigBadge(sig), ' ', title),
    h('p', { class: 'explanation' }, sig.explanation || ''),
    lTail ? h('p', { class: 'warning partial' }, lTail) : null,
    (sig.warnings || []).length ? h('ul', { class: 'warnings', 'aria-label': 'Warnings' },
      sig.warnings.map((w) => h('li', { dataset: { code: w.code } }, h('strong', null, 'Warning: '), w.text))) : null,
    defList([
      ['Selector', sig.selector],
      ['Algorithm', sig.algorithm],
      ['Canonicalization', sig.canonicalization],
      ['Body unchanged', yesNo(sig.body_hash_matches, 'yes', 'no — the body differs from what was signed')],
      ['Signed headers valid', yesNo(sig.header_signature_valid, 'yes', 'no — signed headers were changed')],
      ['Identity (i=)', sig.identity],
      ['Signed at (t=)', formatUnix(sig.timestamp)],
      ['Expires (x=)', formatUnix(sig.expires)],
      ['Valid at the message date', yesNo(sig.valid_at_message_date, 'yes', 'no')],
      ['Technical detail', sig.detail],
      ['Reason code', sig.reason],
      ['Headers signed', [...new Set(sig.signed_headers || [])].join(', ')],
      ['Headers not signed', (sig.unsigned_headers || []).join(', ')],
    ]),
    keyFacts(sig.key));
}

/** One line per signature: result, signer and the key used (for compact views). */
export function renderSignatureLines(report) {
  const sigs = report.signatures || [];
  if (!sigs.length) return null;
  return h('ul', { class: 'signature-lines' }, sigs.map((sig) => {
    const k = sig.key;
    const key = k
      ? `key ${k.name}: ${k.key_type}${k.bits ? ` ${k.bits} bits` : ''}, from ${k.origin}${k.first_seen || k.last_seen ? `, seen ${k.first_seen || '?'} to ${k.last_seen || 'now'}` : ''}${(k.flags || []).length ? `, ${k.flags.join(', ')}` : ''}`
      : 'no key';
    return h('li', { dataset: { result: sig.result } },
      sigBadge(sig),
      ' ', h('strong', null, `${sig.domain || '?'} (${sig.selector || '?'})`), ' — ', key,
      h('br'), h('span', { class: 'hint' }, sig.explanation || ''));
  }));
}

/** The header table with an explicit signed / not signed column. */
export function renderHeaders(report) {
  const headers = report.headers || [];
  if (!headers.length) return null;
  const content = headers.filter((x) => x.name.toLowerCase() !== 'dkim-signature');
  const unsignedCount = content.filter((x) => !x.signed).length;
  return h('section', { class: 'headers' },
    h('h3', null, 'Header fields'),
    h('p', { class: 'hint' }, `${content.length - unsignedCount} signed, ${unsignedCount} not signed. `,
      'Fields marked "not signed" could have been added or changed by anyone after the message was sent.'),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'header-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Signed?'), h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Value'))),
        h('tbody', null, headers.map((x) => {
          // A DKIM-Signature field is the signature itself, not content that could be signed.
          const isSig = x.name.toLowerCase() === 'dkim-signature';
            return h('tr', { class: isSig ? 'signature-field' : x.signed ? 'signed' : 'unsigned' },
            h('td', { class: 'signed-cell' }, isSig ? 'the signature' : x.signed ? '✔ signed' : '✘ not signed'),
            h('th', { scope: 'row' }, x.name),
            h('td', { class: 'value' }, x.value));
        })))));
}

/**
 * Whether the header field `name` is covered by a passing signature, in words:
 * a small tag for the message summary, or null when it cannot be told. Every
 * instance counts: one signed From beside an unsigned one is not "signed".
 */
function signedTag(report, name) {
  if (report.verdict !== 'pass') return null;
  const all = (report.headers || []).filter((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!all.length) return null;
  const n = all.length;
  const signed = all.filter((x) => x.signed).length;
  let kind; let icon; let text;
  if (signed === n) {
    kind = 'yes'; icon = '✔';
    text = n === 1 ? 'signed' : `signed (all ${n} ${name} fields)`;
  } else if (signed === 0) {
    kind = 'no'; icon = '✘';
    text = `${n === 1 ? 'not signed' : `not signed (${n} ${name} fields)`} — could have been changed`;
  } else {
    kind = 'mixed'; icon = '!';
    text = `${n} ${name} fields; only ${signed === 1 ? 'one is' : `${signed} are`} signed — the other${n - signed === 1 ? '' : 's'} could have been added by anyone`;
  }
  return h('span', { class: 'signed-tag', dataset: { signed: kind } }, h('span', { 'aria-hidden': 'true' }, `${icon} `), text);
}

/** A message field's value followed by its signed / not signed tag. */
function fieldValue(report, name, value) {
  if (value === null || value === undefined || value === '') return null;
  const tag = signedTag(report, name);
  return tag ? [h('span', { class: 'field-value' }, value), ' ', tag] : value;
}

/** From / To / Date / Subject / attachments / plain text body. */
export function renderMessage(report) {
  const m = report.message;
  if (!m) return null;
  const attachments = m.attachments || [];
  const f = (name, value) => [name, fieldValue(report, name, value)];
  return h('section', { class: 'message' },
    h('h3', null, 'The message'),
    report.verdict === 'pass' ? null
      : h('p', { class: 'hint' }, 'No signature verified, so none of these fields is confirmed: any of them could have been changed.'),
    defList([
      f('From', m.from), f('To', m.to), f('Cc', m.cc), f('Date', m.date), f('Subject', m.subject),
      ['Attachments', attachments.length ? attachments.map((a) => `${a.name} (${formatBytes(a.size)})`).join(', ') : null],
      ['File', report.size !== null && report.size !== undefined ? formatBytes(report.size) : null],
      ['SHA-256', report.sha256],
    ]),
    typeof m.body_text === 'string' ? h('details', { class: 'body', open: true },
      h('summary', null, 'Body as plain text (HTML shown as text; nothing in it runs or loads)'),
      h('pre', { class: 'body-text', tabindex: '0' }, m.body_text)) : null);
}

/** All details below the banner. */
export function renderDetails(report) {
  const sigs = report.signatures || [];
  return h('div', { class: 'details' },
    (report.notes || []).length ? h('ul', { class: 'notes', 'aria-label': 'Notes' }, report.notes.map((n) => h('li', null, n))) : null,
    report.skipped_signatures ? h('p', { class: 'hint' }, `${report.skipped_signatures} further signature(s) were not checked.`) : null,
    renderMessage(report),
    sigs.length ? h('section', { class: 'signatures' }, h('h3', null, sigs.length > 1 ? `${sigs.length} signatures` : 'Signature'),
      sigs.map((s) => renderSignature(s, sigs.length))) : null,
    renderHeaders(report));
}

/** Banner + missing-key prompts + details, in one fragment. */
export function renderReport(report, opts = {}) {
  const frag = document.createDocumentFragment();
  frag.append(renderBanner(report));
  const mk = renderMissingKeys(report, opts);
  if (mk) frag.append(mk);
  frag.append(renderDetails(report));
  return frag;
}
