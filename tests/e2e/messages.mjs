// messages.mjs — test messages built from the project's DKIM vectors.

import { readFileSync } from 'node:fs';
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { vector, ROOT } from './helpers.mjs';

const FIXTURES = join(ROOT, 'tests/e2e/fixtures');

/** RFC 8463 A.3: two valid signatures by football.example.com (keys in the bundled archive). */
export const RFC8463 = () => vector('mimekit/messages/rfc8463-example.msg');

/** The same message with a word of the body changed after signing. */
export const RFC8463_TAMPERED = () => Buffer.from(RFC8463().toString('latin1').replace('hungry', 'TAMPERED'), 'latin1');

/** Signed by test.ex with selector "sed" (Exim's test key, not in the archive). */
export const EXIM = () => vector('dkimpy/messages/ed25519test2.msg');
/** The overall result when the only signature's key is unknown (the core reports "neutral", reason no_key). */
export const NOKEY_VERDICT = 'neutral';
export const EXIM_KEY = 'sed._domainkey.test.ex. IN TXT "v=DKIM1; k=ed25519; p=sPs07Vu29FpHT/80UXUcYHFOHifD4o2ZlP2+XUh9g6E="';
export const EXIM_TXT = 'v=DKIM1; k=ed25519; p=sPs07Vu29FpHT/80UXUcYHFOHifD4o2ZlP2+XUh9g6E=';

/** A message without any DKIM-Signature. */
export const UNSIGNED = () => Buffer.from([
  'From: Alice <alice@example.org>',
  'To: Bob <bob@example.net>',
  'Subject: nothing signed here',
  'Date: Mon, 1 Jan 2024 10:00:00 +0000',
  'Message-ID: <unsigned@example.org>',
  '',
  'Plain, unsigned.',
  '',
].join('\r\n'));

/** An HTML email that tries everything it can to run code or load something. */
export const HOSTILE = () => Buffer.from([
  'From: "<img src=x onerror=alert(1)>" <evil@attacker.example>',
  'To: victim@example.org',
  'Subject: <script>alert("subject")</script><img src="http://203.0.113.9/s.png">',
  'Date: Mon, 1 Jan 2024 10:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><script>alert("body")</script><link rel="stylesheet" href="http://203.0.113.9/x.css">',
  '<meta http-equiv="refresh" content="0;url=http://203.0.113.9/"></head>',
  '<body onload="alert(2)"><img src="http://203.0.113.9/pixel.png" onerror="alert(3)">',
  '<iframe src="http://203.0.113.9/frame"></iframe><a href="javascript:alert(4)">click</a>',
  '<p>Visible text of the hostile email.</p><svg onload="alert(5)"></svg></body></html>',
  '--b1--',
  '',
].join('\r\n'));

// --- the reference cases of the assessment (see tests/assessment.rs) ---------

/** A real Gmail message (2013, key 20120113 in the bundled archive): verified. */
export const GMAIL = () => vector('mimekit/messages/gmail.msg');
/** The same with its body changed: failed, body_changed. */
export const GMAIL_BODY_CHANGED = () => vector('mimekit/messages/gmail-fail-body.msg');
/** The same with a signed header changed: failed, headers_changed. */
export const GMAIL_HEADERS_CHANGED = () => vector('mimekit/messages/gmail-fail-headers.msg');
/** gmail.com signing mail From strace.org, with a signed Sender: verified, misaligned. */
export const MISALIGNED = () => vector('dkimpy/messages/test2.message');
/** A real 2009 Gmail message signed with s=gamma, whose bundled record has t=y: verified, testing_key. */
export const TESTING_KEY = () => vector('apache-james-jdkim/messages/gamma_gmail.com.eml');
/** Mail::DKIM's message signed with a 512-bit key (and its key, to add): proves_nothing, weak_key. */
export const WEAK = () => vector('perl-mail-dkim/messages/goodkey_1.txt');
export const WEAK_KEY = 'test1._domainkey.messiah.edu. IN TXT "v=DKIM1; t=y; s=email; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALgSoqXVSEmfcIsOzw7oRuCCOwsmtX/SJnTWxYyj2leFxfS/AVJ+dYfY+hXqMsT7l+MZvvh/R1WzN4MO/kI/7XsCAwEAAQ=="';

/** A real Topicbox message of 2022 with x= one day after t= (and its key, to add): expired today. */
export const EXPIRED_X = () => vector('stalwart-mail-auth/messages/dkim/005.txt').subarray(269);
export const EXPIRED_X_KEY = 'sysmsg-1._domainkey.topicbox.com. IN TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC43V3fV5jD8p3isdDRIz5yXSg85VrZzd7fPCz3q5B2Z3Be/yOyumWmG4hX5UHn0HR/Im5cnzcwZeNu6SnlLJwggN0H664JHTjwQp8YiWKfEcDfOdz4K4kL6OrasDwb1nk5JBuJloGRpK5cTNEa0J0SNG+bhBzFfLvG5qp3p86RZwIDAQAB"';

/** Signed with l= and text appended after signing (tests/assessment.rs writes it), and its key. */
export const PARTIAL_BODY = () => readFileSync(join(FIXTURES, 'partial-body.eml'));
export const PARTIAL_BODY_KEY = () => readFileSync(join(FIXTURES, 'partial-body.zone'), 'utf8').trim();

/** A real Gmail message of the DomainKeys era, signed only with DomainKeys (key gmail.com beta, in the archive). */
export const DOMAINKEYS_GMAIL = () => vector('perl-mail-dkim-dk/messages/good_dk_gmail.txt');

/** A real linux-kernel message with a 3-hop ARC chain and no DKIM signature (keys in the archive). */
export const ARC_KERNEL = () => vector('blaze-arc/messages/005.mail');

/** A real GitHub notification received by Gmail: DKIM by github.com and Google's ARC set. */
export const ARC_GITHUB = () => vector('blaze-arc/messages/002.mail');

/**
 * A message signed here (rsa-sha256, relaxed/relaxed, From and Subject signed) by a key made
 * for the test: {message(body, {tamper}), zone}. `body` is CRLF text; `tamper` changes the body
 * after signing (the signature then fails on its body hash).
 */
export function signer(selector = 'paths', domain = 'example.org') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const record = `v=DKIM1; k=rsa; p=${p}`;
  const zone = `${selector}._domainkey.${domain}. IN TXT ${record.match(/.{1,200}/g).map((s) => `"${s}"`).join(' ')}`;
  const relaxedHeader = (name, value) => `${name.toLowerCase()}:${value.replace(/\r\n/g, '').replace(/[ \t]+/g, ' ').trim()}`;
  const message = (body, { tamper = false } = {}) => {
    const canonical = body.replace(/[ \t]+\r\n/g, '\r\n').replace(/(\r\n)*$/, '\r\n');
    const bh = createHash('sha256').update(canonical).digest('base64');
    const from = `Someone <someone@${domain}>`;
    const subject = 'Paths';
    const sig = `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=${selector}; t=1456826400; h=from:subject; bh=${bh}; b=`;
    const signed = [relaxedHeader('From', from), relaxedHeader('Subject', subject), relaxedHeader('DKIM-Signature', sig)].join('\r\n');
    const b = createSign('sha256').update(signed).sign(privateKey).toString('base64');
    const text = `DKIM-Signature: ${sig}${b}\r\nFrom: ${from}\r\nSubject: ${subject}\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\n${body}`;
    return Buffer.from(tamper ? text.replace(/line 1\b/, 'line one') : text);
  };
  return { message, zone };
}
