// messages.mjs — test messages built from the project's DKIM vectors.

import { vector } from './helpers.mjs';

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
