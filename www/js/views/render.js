// render.js — renders one MessageReport as DOM: the verdict banner, the
// "no key" prompt, and the details. Shared by the page and <dkim-check>.
// Everything that comes from the email is inserted as text (see dom.js).
// What a result means comes from the core's assessment (report.assessment,
// report.fields, headers[].status); this file only words and shows it.

import { h, defList } from '../common/dom.js';
import { keyForm } from '../keys/key-form.js';
import { ASSESSMENT_ICONS, arcOf, arcWords, assessmentOf, assessmentWords, missingKeys, formatUnix, formatBytes } from '../common/reports.js';

/** How the signatures were judged, in words. */
export function judgingWords(report) {
  const j = report.judged_at;
  if (!j) return null;
  if (j.mode === 'at') return `Judged at ${formatUnix(j.time)}, as a receiving server would then: an expiry (x=) before that counts.`;
  return 'Judged as of signing: each signature at the time it was made.';
}

/** The verdict banner; carries data-verdict (RFC 8601), data-assessment and, when verified, data-aligned. */
export function renderBanner(report) {
  const a = assessmentOf(report);
  const sub = [`Assessment: ${assessmentWords(a)}`];
  if (report.verdict && report.verdict !== 'none') sub.push(`DKIM result: ${report.verdict}`);
  if ((report.domainkeys || []).length) sub.push(`DomainKeys result: ${report.domainkeys.map((k) => k.result).join(', ')}`);
  const arc = arcOf(report);
  if (arc) sub.push(arcWords(arc));
  if (a.status === 'verified' && a.aligned && report.from_domain) sub.push(`The From address is at ${report.from_domain}, the signing domain.`);
  const judged = report.signatures?.length ? judgingWords(report) : null;
  const head = report.headline || { main: report.summary || '', caveats: [] };
  const dataset = { verdict: report.verdict, assessment: a.status, reason: a.reason || '' };
  if (a.status === 'verified' && typeof a.aligned === 'boolean') dataset.aligned = String(a.aligned);
  // A verified result with caveats (misaligned signer, testing key, ...) does not look like an unqualified one.
  if (head.caveats.length) dataset.caveats = (a.caveats || []).join(' ') || 'yes';
  return h('section', { class: 'banner', role: 'status', tabindex: '-1', dataset },
    h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, ASSESSMENT_ICONS[a.status] || '?'),
    h('div', { class: 'banner-text' },
      h('p', { class: 'banner-summary' }, head.main),
      head.caveats.length ? h('ul', { class: 'banner-caveats', 'aria-label': 'What this result does not cover' },
        head.caveats.map((c) => h('li', null, c))) : null,
      h('p', { class: 'banner-sub' }, sub.join(' · ')),
      judged ? h('p', { class: 'banner-sub banner-judged' }, judged) : null,
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
  if (assessmentOf(report).status === 'verified') {
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
      ['Fingerprint (SPKI SHA-256)', key.spki_sha256],
      ['Source', key.source],
      ['Seen in use', seen],
      ['Date fits', window],
      ['Flags', (key.flags || []).join(', ')],
      ['Testing mode', key.testing ? 'yes: the domain marked this key as in testing (t=y)' : null],
      ['Notes', key.notes],
    ]));
}

/** A small assessment badge for one signature or message (not colour alone: icon and words). */
export function assessmentBadge(item) {
  const a = assessmentOf(item);
  return h('span', { class: 'badge', dataset: { assessment: a.status, verdict: item.verdict || item.result || '' } },
    h('span', { 'aria-hidden': 'true' }, `${ASSESSMENT_ICONS[a.status] || '?'} `),
    assessmentWords(a));
}

/** "Body matches the hash in the signature": only what was checked. */
function bodyRow(sig) {
  if (sig.body_hash_matches === true) {
    let t = 'yes';
    if (sig.body_length !== null && sig.body_length !== undefined && sig.body_unsigned_bytes > 0) {
      t += `, for the first ${formatBytes(sig.body_length)} (l=); the last ${formatBytes(sig.body_unsigned_bytes)} are not covered`;
    }
    if (sig.header_signature_valid === false) t += ' (the signature itself does not verify, so this hash is not evidence)';
    else if (sig.header_signature_valid !== true) t += ' (the signature itself could not be checked, so this hash is not evidence)';
    return t;
  }
  if (sig.body_hash_matches === false) return 'no: the body differs from the one the hash describes';
  return null;
}

/** "Signature verifies with this key": only what was checked. */
function signatureRow(sig) {
  const caveats = assessmentOf(sig).caveats || [];
  if (sig.header_signature_valid === true) {
    if (caveats.includes('compromised_key')) return "yes, but the key's private half is public: anyone could have made it";
    if (caveats.includes('weak_key')) return `yes, but the key is only ${sig.key?.bits} bits: anyone can factor it`;
    return 'yes';
  }
  if (sig.header_signature_valid === false) return 'no: the signed headers changed, or the signature was never made with this key';
  return null;
}

const TIME_SOURCES = {
  signature_timestamp: 'when it was signed (t=)',
  message_date: "the message's Date (no t=)",
  now: 'now (no t= and no usable Date)',
  given: 'the time you chose',
};

/** x=, with what a passed expiry means here. */
function expiresRow(sig) {
  if (sig.expires === null || sig.expires === undefined) return null;
  const when = formatUnix(sig.expires);
  if (sig.reason === 'expired') return `${when}: expired at the time it was judged`;
  if ((sig.warnings || []).some((w) => w.code === 'expired_since')) return `${when}: passed since it was signed (information, not a failure)`;
  return when;
}

/** One signature's card. */
export function renderSignature(sig, total) {
  const title = `Signature ${sig.index + 1}${total > 1 ? ` of ${total}` : ''}: ${sig.domain || '(no domain)'}`;
  const a = assessmentOf(sig);
  const judged = sig.judged_at ? `${formatUnix(sig.judged_at.time)}, ${TIME_SOURCES[sig.judged_at.from] || sig.judged_at.from}` : null;
  return h('article', { class: 'signature', dataset: { result: sig.result, reason: sig.reason || '', assessment: a.status } },
    h('h3', null, assessmentBadge(sig), ' ', title),
    h('p', { class: 'explanation' }, sig.explanation || ''),
    (sig.warnings || []).length ? h('ul', { class: 'warnings', 'aria-label': 'Warnings' },
      sig.warnings.map((w) => h('li', { dataset: { code: w.code } }, h('strong', null, 'Warning: '), w.text))) : null,
    defList([
      ['Selector', sig.selector],
      ['Algorithm', sig.algorithm],
      ['Canonicalization', sig.canonicalization],
      ['Body matches the hash in the signature', bodyRow(sig)],
      ['Signature verifies with this key', signatureRow(sig)],
      ['Identity (i=)', sig.identity],
      ['Signed at (t=)', formatUnix(sig.timestamp)],
      ['Expires (x=)', expiresRow(sig)],
      ['Judged at', judged],
      ['Valid at the message date', sig.valid_at_message_date === true ? 'yes' : sig.valid_at_message_date === false ? 'no' : null],
      ['DKIM result', `${sig.result} (${sig.reason})`],
      ['Named repair', sig.repair ? sig.repair.code : null],
      ['Technical detail', sig.detail],
      ['Headers signed', [...new Set(sig.signed_headers || [])].join(', ')],
      ['Headers not signed', (sig.unsigned_headers || []).join(', ')],
    ]),
    keyFacts(sig.key));
}

/** "Signature verifies with this key" for a DomainKeys signature. */
function dkSignatureRow(k) {
  if (k.signature_valid === true) {
    if (k.reason === 'weak_key') return `yes, but the key is only ${k.key?.bits} bits: anyone can factor it`;
    if ((assessmentOf(k).caveats || []).includes('compromised_key')) return "yes, but the key's private half is public: anyone could have made it";
    return 'yes';
  }
  if (k.signature_valid === false) return 'no: something signed changed (body or header: DomainKeys cannot tell which), or it was never made with this key';
  return null;
}

/** One DomainKeys signature's card. */
export function renderDomainKey(k, total) {
  const title = `DomainKeys signature${total > 1 ? ` ${k.index + 1} of ${total}` : ''}: ${k.domain || '(no domain)'}`;
  return h('article', { class: 'signature domainkey', dataset: { result: k.result, reason: k.reason || '', assessment: assessmentOf(k).status } },
    h('h3', null, assessmentBadge(k), ' ', title),
    h('p', { class: 'explanation' }, k.explanation || ''),
    (k.warnings || []).length ? h('ul', { class: 'warnings', 'aria-label': 'Warnings' },
      k.warnings.map((w) => h('li', { dataset: { code: w.code } }, h('strong', null, 'Warning: '), w.text))) : null,
    defList([
      ['Selector', k.selector],
      ['Canonicalization', k.canonicalization],
      ['Sending address it vouches for', k.sending_address],
      ['Signature verifies with this key', dkSignatureRow(k)],
      ['DomainKeys result', `${k.result} (${k.reason})`],
      ['Technical detail', k.detail],
      ['Headers signed', [...new Set(k.signed_headers || [])].join(', ')],
    ]),
    keyFacts(k.key));
}

/** The ARC chain: what intermediaries recorded and whether their seals hold. Never "verified". */
export function renderArc(report) {
  const arc = arcOf(report);
  if (!arc) return null;
  return h('section', { class: 'arc', dataset: { arc: arc.result, arcReason: arc.reason || '', instances: String(arc.instances) } },
    h('h3', null, 'Forwarding record (ARC)'),
    h('p', null, h('span', { class: 'badge', dataset: { arc: arc.result } }, arcWords(arc))),
    h('p', { class: 'explanation' }, arc.explanation || ''),
    (arc.corroborations || []).length ? h('ul', { class: 'corroborations', 'aria-label': 'What the chain says about signatures that fail here' },
      arc.corroborations.map((c) => h('li', { dataset: { corroboration: c.domain } }, c.text))) : null,
    (arc.sets || []).length ? h('ol', { class: 'arc-hops', 'aria-label': 'Hops, first to last' },
      arc.sets.map((set) => h('li', { dataset: { instance: String(set.instance), sealValid: String(set.seal_valid) } }, set.summary))) : null,
    arc.detail ? h('p', { class: 'hint' }, `Technical detail: ${arc.detail}`) : null);
}

/** What receiving servers said (Authentication-Results): claims, unless a validated ARC chain vouches for them. */
export function renderClaims(report) {
  const claims = report.authentication_results || [];
  if (!claims.length) return null;
  return h('section', { class: 'claims' },
    h('h3', null, 'What receiving servers said'),
    h('ul', { class: 'claim-list' }, claims.map((c) => h('li', { dataset: { sealed: c.sealed_by ? 'yes' : 'no' } }, c.text))));
}

/** One line per signature: assessment, signer and the key used (for compact views). */
export function renderSignatureLines(report) {
  const sigs = report.signatures || [];
  const dks = report.domainkeys || [];
  const arc = arcOf(report);
  if (!sigs.length && !dks.length && !arc) return null;
  const dkLines = dks.map((k) => h('li', { dataset: { result: k.result, assessment: assessmentOf(k).status, mechanism: 'domainkeys' } },
    assessmentBadge(k), ' ', h('strong', null, `DomainKeys: ${k.domain || '?'} (${k.selector || '?'})`),
    h('br'), h('span', { class: 'hint' }, k.explanation || '')));
  const arcLine = arc ? [h('li', { dataset: { arc: arc.result, mechanism: 'arc' } },
    h('span', { class: 'badge', dataset: { arc: arc.result } }, arcWords(arc)),
    h('br'), h('span', { class: 'hint' }, arc.explanation || ''))] : [];
  return h('ul', { class: 'signature-lines' }, ...sigs.map((sig) => {
    const k = sig.key;
    const key = k
      ? `key ${k.name}: ${k.key_type}${k.bits ? ` ${k.bits} bits` : ''}, from ${k.origin}${k.first_seen || k.last_seen ? `, seen ${k.first_seen || '?'} to ${k.last_seen || 'now'}` : ''}${(k.flags || []).length ? `, ${k.flags.join(', ')}` : ''}`
      : 'no key';
    return h('li', { dataset: { result: sig.result, assessment: assessmentOf(sig).status } },
      assessmentBadge(sig),
      ' ', h('strong', null, `${sig.domain || '?'} (${sig.selector || '?'})`), ' — ', key,
      h('br'), h('span', { class: 'hint' }, sig.explanation || ''));
  }), ...dkLines, ...arcLine);
}

/** Icon and words of a field status. */
const FIELD_MARKS = {
  verified: ['✔', 'verified'],
  covered_unverified: ['!', 'signed, not verified'],
  unsigned: ['✘', 'not signed'],
};

/** The header table: each field's status from the core, in words. */
export function renderHeaders(report) {
  const headers = report.headers || [];
  if (!headers.length) return null;
  const isSig = (x) => ['dkim-signature', 'domainkey-signature'].includes(x.name.toLowerCase());
  const content = headers.filter((x) => !isSig(x));
  const count = (s) => content.filter((x) => x.status === s).length;
  const parts = [`${count('verified')} covered by a verified signature`];
  if (count('covered_unverified')) parts.push(`${count('covered_unverified')} named by a signature that did not verify or proves nothing`);
  parts.push(`${count('unsigned')} not signed`);
  return h('section', { class: 'headers' },
    h('h3', null, 'Header fields'),
    h('p', { class: 'hint' }, `${parts.join(', ')}. `,
      'Only fields marked "verified" are vouched for; any other could have been added or changed after the message was sent.'),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'header-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Signed?'), h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Value'))),
        h('tbody', null, headers.map((x) => {
          // A DKIM-Signature field is the signature itself, not content that could be signed.
          if (isSig(x)) {
            return h('tr', { class: 'signature-field' },
              h('td', { class: 'signed-cell' }, 'the signature'), h('th', { scope: 'row' }, x.name), h('td', { class: 'value' }, x.value));
          }
          const [icon, words] = FIELD_MARKS[x.status] || ['?', x.status];
          return h('tr', { class: `field-${x.status}` },
            h('td', { class: 'signed-cell', dataset: { field: x.name.toLowerCase(), fieldStatus: x.status } },
              h('span', { 'aria-hidden': 'true' }, `${icon} `), words),
            h('th', { scope: 'row' }, x.name),
            h('td', { class: 'value' }, x.value));
        })))));
}

/**
 * The mark of a field of "The message" (From, To, ...): its status from the core
 * (report.fields: the weakest of its instances), in words. When instances differ,
 * says how many there are and how many are verified.
 */
function fieldMark(report, name) {
  const key = name.toLowerCase();
  const status = report.fields?.[key];
  if (!status) return null;
  const rows = (report.headers || []).filter((x) => x.name.toLowerCase() === key);
  const n = rows.length;
  const verified = rows.filter((x) => x.status === 'verified').length;
  const a = assessmentOf(report);
  let text;
  if (status === 'verified') text = n > 1 ? `verified (all ${n} ${name} fields)` : 'verified';
  else if (verified > 0) text = `${n} ${name} fields; only ${verified === 1 ? 'one is' : `${verified} are`} verified — the other${n - verified === 1 ? '' : 's'} could have been added by anyone`;
  else if (status === 'covered_unverified') {
    text = a.status === 'proves_nothing' ? 'signed only with a key anyone can use: not verified'
      : a.status === 'no_key' ? 'signed, but the signature could not be checked'
        : a.reason === 'body_changed' ? 'signed, but the body changed after signing: not verified'
          : a.reason === 'expired' ? 'signed, but the signature had expired at the time you chose'
            : 'named by a signature that did not verify';
  } else text = `${n > 1 ? `not signed (${n} ${name} fields)` : 'not signed'} — could have been changed`;
  const [icon] = FIELD_MARKS[status] || ['?'];
  return h('span', { class: 'signed-tag', dataset: { field: key, fieldStatus: status } },
    h('span', { 'aria-hidden': 'true' }, `${status !== 'verified' && verified > 0 ? '!' : icon} `), text);
}

/** A message field's value followed by its mark. */
function fieldValue(report, name, value) {
  if (value === null || value === undefined || value === '') return null;
  const mark = fieldMark(report, name);
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
function renderBody(report, text) {
  const a = assessmentOf(report);
  const sig = a.basis === 'dkim' ? (report.signatures || []).find((s) => s.index === a.signature && s.unsigned_body_tail) : null;
  const pre = (...children) => h('pre', { class: 'body-text', tabindex: '0' }, ...children);
  if (!sig) return [pre(text)];
  const at = tailStart(text, squash(sig.unsigned_body_tail));
  const marker = h('span', { class: 'body-signed-end', role: 'note' },
    `The signature ends here (l=): what follows (${formatBytes(sig.body_unsigned_bytes)}) is not signed`);
  if (at >= 0) {
    return [pre(h('span', { class: 'body-signed' }, text.slice(0, at)), marker, h('span', { class: 'body-unsigned' }, text.slice(at)))];
  }
  return [pre(text),
    h('p', { class: 'hint' }, `Not covered by the signature (l=): the last ${formatBytes(sig.body_unsigned_bytes)} of the body, as the signature saw them:`),
    pre(h('span', { class: 'body-unsigned' }, sig.unsigned_body_tail))];
}

/** From / To / Date / Subject / Sender / attachments / plain text body. */
export function renderMessage(report) {
  const m = report.message;
  if (!m) return null;
  const attachments = m.attachments || [];
  const f = (name, value) => [name, fieldValue(report, name, value)];
  const verified = assessmentOf(report).status === 'verified';
  return h('section', { class: 'message' },
    h('h3', null, 'The message'),
    verified ? null
      : h('p', { class: 'hint' }, 'No signature verified, so none of these fields is confirmed: any of them could have been changed.'),
    defList([
      f('From', m.from), f('Sender', m.sender), f('Reply-To', m.reply_to), f('To', m.to), f('Cc', m.cc), f('Date', m.date), f('Subject', m.subject),
      ['Attachments', attachments.length ? attachments.map((x) => `${x.name} (${formatBytes(x.size)})`).join(', ') : null],
      ['File', report.size !== null && report.size !== undefined ? formatBytes(report.size) : null],
      ['SHA-256', report.sha256],
    ]),
    typeof m.body_text === 'string' ? h('details', { class: 'body', open: true },
      h('summary', null, 'Body as plain text (HTML shown as text; nothing in it runs or loads)'),
      renderBody(report, m.body_text)) : null);
}

/** All details below the banner. */
export function renderDetails(report) {
  const sigs = report.signatures || [];
  const dks = report.domainkeys || [];
  return h('div', { class: 'details' },
    (report.notes || []).length ? h('ul', { class: 'notes', 'aria-label': 'Notes' }, report.notes.map((n) => h('li', null, n))) : null,
    report.skipped_signatures ? h('p', { class: 'hint' }, `${report.skipped_signatures} further signature(s) were not checked.`) : null,
    renderMessage(report),
    sigs.length ? h('section', { class: 'signatures' }, h('h3', null, sigs.length > 1 ? `${sigs.length} signatures` : 'Signature'),
      sigs.map((s) => renderSignature(s, sigs.length))) : null,
    dks.length ? h('section', { class: 'domainkeys' }, h('h3', null, dks.length > 1 ? `${dks.length} DomainKeys signatures (the older mechanism)` : 'DomainKeys signature (the older mechanism)'),
      dks.map((k) => renderDomainKey(k, dks.length))) : null,
    renderArc(report),
    renderClaims(report),
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
