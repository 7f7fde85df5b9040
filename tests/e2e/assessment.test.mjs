// assessment.test.mjs — the core's assessment as the page shows it, on the served page and on
// the single file dist/dkimcheck.html opened from file://: for each reference case the banner's
// data-verdict / data-assessment / data-aligned, the caveats it says, and the status of every
// field mark (data-field, data-field-status) in "The message" and in the header table.
// Also: judging as of signing by default, "now" from the control and from ?at=now.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { servedBrowser, DIST, openPage, foreignRequests, dropFiles, banner, fieldMarks, addKeyInline } from './helpers.mjs';
import {
  GMAIL, RFC8463, GMAIL_BODY_CHANGED, GMAIL_HEADERS_CHANGED, EXIM, MISALIGNED, TESTING_KEY, WEAK, WEAK_KEY,
  EXPIRED_X, EXPIRED_X_KEY, PARTIAL_BODY, PARTIAL_BODY_KEY,
} from './messages.mjs';

const V = 'verified';
const C = 'covered_unverified';
const U = 'unsigned';
const four = (s) => ({ from: s, to: s, date: s, subject: s });

/** The reference cases: what the banner and the field marks must say. */
const CASES = [
  { name: 'a real Gmail pass', file: GMAIL, verdict: 'pass', assessment: V, aligned: 'true', fields: four(V) },
  { name: 'a compromised-key pass (RFC 8463 keys)', file: RFC8463, verdict: 'pass', assessment: 'proves_nothing', fields: four(C), summary: /proves nothing/ },
  { name: 'a changed body', file: GMAIL_BODY_CHANGED, verdict: 'fail', assessment: 'failed', reason: 'body_changed', fields: four(C) },
  { name: 'a changed header', file: GMAIL_HEADERS_CHANGED, verdict: 'fail', assessment: 'failed', reason: 'headers_changed', fields: four(C) },
  { name: 'no key', file: EXIM, verdict: 'neutral', assessment: 'no_key', fields: { from: C, sender: U, date: U } },
  {
    name: 'a misaligned pass (gmail.com signing strace.org mail)', file: MISALIGNED, verdict: 'pass', assessment: V, aligned: 'false',
    fields: { ...four(V), sender: V }, summary: /^Signed by gmail\.com, which is not the domain of the From address \(strace\.org\)\./,
    caveats: ['The signed Sender field is kaner.mail@gmail.com.'],
  },
  {
    name: 'a testing-key pass (Gmail gamma, t=y)', file: TESTING_KEY, verdict: 'pass', assessment: V, aligned: 'true', fields: four(V),
    caveats: ["The domain had marked this key as in testing (t=y); that does not weaken the signature's mathematics."],
  },
  {
    name: 'a 512-bit key (RFC 8301)', file: WEAK, key: WEAK_KEY, verdict: 'permerror', assessment: 'proves_nothing', reason: 'weak_key', fields: four(C),
    summary: /^The signature matches a 512-bit key of messiah\.edu, which anyone can factor: it proves nothing\.$/,
  },
  {
    name: 'an x= signature expired today, judged as of signing', file: EXPIRED_X, key: EXPIRED_X_KEY, verdict: 'pass', assessment: V, aligned: 'true', fields: four(V),
    warning: 'expired_since',
  },
  {
    name: 'a signature with l= and text added after it', file: PARTIAL_BODY, key: PARTIAL_BODY_KEY(), verdict: 'pass', assessment: V, aligned: 'true',
    fields: four(V), caveats: [/added it\): it is only as good/, /The last 56 bytes of the body are not covered by the signature \(l=\)/],
  },
];

const env = servedBrowser();

async function checkCase(page, c) {
  await dropFiles(page, [{ name: `${c.name}.eml`, buffer: c.file() }]);
  let b = await banner(page);
  if (c.key) {
    assert.equal(b.assessment, 'no_key', c.name);
    await addKeyInline(page, c.key);
    b = await banner(page);
  }
  assert.deepEqual([b.verdict, b.assessment, b.aligned], [c.verdict, c.assessment, c.aligned], c.name);
  if (c.reason) assert.equal(b.reason, c.reason, c.name);
  if (c.summary) assert.match(b.summary, c.summary, c.name);
  const caveats = await page.$$eval('#single-view .banner-caveats li', (lis) => lis.map((li) => li.textContent));
  for (const [i, want] of (c.caveats || []).entries()) {
    if (want instanceof RegExp) assert.match(caveats[i] || '', want, c.name);
    else assert.equal(caveats[i], want, c.name);
  }
  const marks = await fieldMarks(page);
  assert.deepEqual(marks.message, c.fields, c.name);
  // Each header row of a marked field has the same status (one instance each here).
  for (const [name, status] of marks.headers) if (name in c.fields) assert.equal(status, c.fields[name], `${c.name}: header ${name}`);
  // Nothing is green unless the message is verified.
  if (c.assessment !== V) assert.ok(!marks.headers.some(([, s]) => s === V), `${c.name}: a verified mark`);
  if (c.warning) assert.equal(await page.$$eval(`#single-view .warnings li[data-code="${c.warning}"]`, (l) => l.length), 1, c.name);
}

async function runAll(url) {
  const p = await openPage(env.browser, url);
  if (url.startsWith('file:')) await p.context.route(/^https?:/, (route) => route.abort());
  for (const c of CASES) await checkCase(p.page, c);
  assert.deepEqual(foreignRequests(p.requests, url), []);
  assert.deepEqual(p.errors, []);
  await p.context.close();
}

test('every reference case has its exact assessment and field statuses (served page)', async () => {
  await runAll(env.server.url);
});

test('every reference case has its exact assessment and field statuses (single file from file://)', async () => {
  await runAll(pathToFileURL(join(DIST, 'dkimcheck.html')).href);
});

test('an expired x= is information as of signing, and expired when judged now (control and ?at=now)', async () => {
  for (const url of [env.server.url, pathToFileURL(join(DIST, 'dkimcheck.html')).href]) {
    const p = await openPage(env.browser, url);
    assert.equal(await p.page.isChecked('#judging input[value=""]'), true);
    await dropFiles(p.page, [{ name: 'topicbox.eml', buffer: EXPIRED_X() }]);
    await banner(p.page);
    await addKeyInline(p.page, EXPIRED_X_KEY);
    assert.equal((await banner(p.page)).assessment, V);
    assert.match(await p.page.textContent('#single-view .banner'), /Judged as of signing/);
    // The control judges it now, with a receiver's semantics, and says so in the URL.
    await p.page.check('#judging input[value="now"]');
    await p.page.waitForSelector('#single-view:not([hidden]) .banner[data-assessment="invalid"]', { timeout: 20000 });
    const b = await banner(p.page);
    assert.deepEqual([b.verdict, b.reason], ['permerror', 'expired']);
    assert.match(b.summary, /the signature had expired on November 8, 2022: a receiving server would no longer accept it/);
    assert.deepEqual((await fieldMarks(p.page)).message, four(C));
    if (url.startsWith('http')) assert.equal(new URL(p.page.url()).searchParams.get('at'), 'now');
    await p.page.check('#judging input[value=""]');
    await p.page.waitForSelector('#single-view:not([hidden]) .banner[data-assessment="verified"]', { timeout: 20000 });
    if (url.startsWith('http')) assert.equal(new URL(p.page.url()).searchParams.get('at'), null);
    assert.deepEqual(p.errors, []);
    await p.context.close();
  }
  // ?at=now in the URL: judged now from the start (no key needed to see that it expired).
  const p = await openPage(env.browser, `${env.server.url}?at=now`);
  assert.equal(await p.page.isChecked('#judging input[value="now"]'), true);
  await dropFiles(p.page, [{ name: 'topicbox.eml', buffer: EXPIRED_X() }]);
  const b = await banner(p.page);
  assert.deepEqual([b.assessment, b.reason], ['invalid', 'expired']);
  await p.context.close();
});

test('the l= tail is marked in the body where the signed part ends, and its warning is said once', async () => {
  const p = await openPage(env.browser, env.server.url);
  await dropFiles(p.page, [{ name: 'partial.eml', buffer: PARTIAL_BODY() }]);
  await banner(p.page);
  await addKeyInline(p.page, PARTIAL_BODY_KEY());
  const body = await p.page.$eval('#single-view .body-text', (pre) => ({
    signed: pre.querySelector('.body-signed')?.textContent, marker: pre.querySelector('.body-signed-end')?.textContent,
    unsigned: pre.querySelector('.body-unsigned')?.textContent,
  }));
  assert.match(body.signed, /The meeting moves to Tuesday\.\s+Alice\s*$/);
  assert.match(body.marker, /The signature ends here \(l=\)/);
  assert.match(body.unsigned, /^\s*P\.S\. Please wire the deposit to account 12345 today\.\s*$/);
  assert.equal(await p.page.$$eval('#single-view .signature [data-code="partial_body"]', (l) => l.length), 1);
  assert.equal(await p.page.$$eval('#single-view .signature .warning.partial', (l) => l.length), 0);
  await p.context.close();
});
