// legacy.test.mjs — DomainKeys and ARC on the served page and in the widget: a message verified
// only by DomainKeys says so (a weaker kind of verified); an ARC chain is shown as a forwarding
// record, never as verification; batch counts and the ARC filter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, openPage, foreignRequests, dropFiles, banner, batchSummary } from './helpers.mjs';
import { DOMAINKEYS_GMAIL, ARC_KERNEL, ARC_GITHUB, GMAIL } from './messages.mjs';

const env = servedBrowser();

async function page() {
  const p = await openPage(env.browser, env.server.url);
  p.done = async () => {
    assert.deepEqual(foreignRequests(p.requests, env.server.url), []);
    assert.deepEqual(p.errors, [], 'page errors');
    await p.context.close();
  };
  return p;
}

test('a message verified only by DomainKeys says so', async () => {
  const p = await page();
  await dropFiles(p.page, [{ name: 'dk.eml', buffer: DOMAINKEYS_GMAIL() }]);
  const b = await banner(p.page);
  assert.equal(b.assessment, 'verified');
  assert.match(b.summary, /Signed by gmail\.com with DomainKeys only/);
  assert.match(b.summary, /weaker kind of verified/);
  const sub = await p.page.textContent('#single-view .banner-sub');
  assert.match(sub, /Verified \(DomainKeys only\)/);
  assert.match(sub, /DomainKeys result: pass/);
  const card = p.page.locator('#single-view article.domainkey');
  assert.equal(await card.getAttribute('data-assessment'), 'verified');
  assert.match(await card.textContent(), /Sending address it vouches for/);
  assert.match(await card.textContent(), /nofws/);
  // The fields the DomainKeys signature covers are marked, in words.
  assert.equal(await p.page.getAttribute('#single-view .message [data-field="from"]', 'data-field-status'), 'verified');
  await p.page.screenshot({ path: '/tmp/dkarc-domainkeys.png', fullPage: false });
  await card.screenshot({ path: '/tmp/dkarc-domainkeys-card.png' });
  await p.done();
});

test('an ARC chain is a forwarding record, never verification', async () => {
  const p = await page();
  await dropFiles(p.page, [{ name: 'kernel.eml', buffer: ARC_KERNEL() }]);
  const b = await banner(p.page);
  assert.equal(b.assessment, 'unsigned');
  const arc = p.page.locator('#single-view section.arc');
  assert.equal(await arc.getAttribute('data-arc'), 'pass');
  assert.equal(await arc.getAttribute('data-instances'), '3');
  assert.match(await arc.textContent(), /ARC chain intact \(3 hops\)/);
  assert.match(await arc.textContent(), /their word, not a verification made here/);
  const hops = await arc.locator('.arc-hops li').allTextContents();
  assert.equal(hops.length, 3);
  assert.match(hops[2], /^Hop 3: subspace\.kernel\.org sealed the message/);
  // The ARC badge is not drawn like a verified result (green is only for "verified").
  const colours = await p.page.$eval('#single-view section.arc', (section) => {
    const probe = document.createElement('span');
    probe.className = 'badge';
    probe.dataset.assessment = 'verified';
    section.append(probe);
    const verified = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return { verified, arc: getComputedStyle(section.querySelector('.badge')).backgroundColor };
  });
  assert.notEqual(colours.arc, colours.verified);
  const claims = await p.page.$$eval('#single-view .claim-list li', (lis) => lis.map((li) => [li.dataset.sealed, li.textContent]));
  assert.ok(claims.length >= 1 && claims.every(([sealed]) => sealed === 'yes'), JSON.stringify(claims));
  await p.page.locator('#single-view section.arc').scrollIntoViewIfNeeded();
  await p.page.screenshot({ path: '/tmp/dkarc-arc.png', fullPage: false });
  await p.done();
});

test('batch counts and the ARC filter', async () => {
  const p = await page();
  await dropFiles(p.page, [
    { name: 'dk.eml', buffer: DOMAINKEYS_GMAIL() },
    { name: 'kernel.eml', buffer: ARC_KERNEL() },
    { name: 'github.eml', buffer: ARC_GITHUB() },
    { name: 'gmail.eml', buffer: GMAIL() },
  ]);
  const s = await batchSummary(p.page);
  assert.equal(s.total, 4);
  assert.equal(s.verified, 3, s.text);
  const data = await p.page.$eval('#batch-summary', (el) => ({ ...el.dataset }));
  assert.equal(data.domainkeysOnly, '1');
  assert.equal(data.arc, '2');
  assert.equal(data.arcIntact, '2');
  const extra = await p.page.textContent('.extra-counts');
  assert.match(extra, /1 of the verified is verified only by DomainKeys/);
  assert.match(extra, /2 carry a forwarding record \(ARC\): 2 intact, 0 broken/);
  // Filter: ARC chain intact.
  const arcSelect = p.page.locator('select', { has: p.page.locator('option[value="intact"]') });
  await arcSelect.selectOption('intact');
  const rows = await p.page.$$eval('.row-table [data-row]', (trs) => trs.map((tr) => tr.querySelector('.source').textContent));
  assert.deepEqual(rows.sort(), ['github.eml', 'kernel.eml']);
  await arcSelect.selectOption('');
  const resultSelect = p.page.locator('select', { has: p.page.locator('option[value="verified_domainkeys"]') });
  await resultSelect.selectOption('verified_domainkeys');
  const dk = await p.page.$$eval('.row-table [data-row]', (trs) => trs.map((tr) => tr.querySelector('.result').textContent));
  assert.equal(dk.length, 1);
  assert.match(dk[0], /Verified \(DomainKeys only\)/);
  await resultSelect.selectOption('');
  await p.page.screenshot({ path: '/tmp/dkarc-batch.png', fullPage: true });
  await p.done();
});

test('the widget shows DomainKeys and ARC lines', async () => {
  const context = await env.browser.newContext();
  const errors = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}embed-example.html`);
  const widget = page.locator('dkim-check#reader-check');
  await widget.locator('details.paste summary').click();
  await widget.locator('textarea').first().fill(ARC_GITHUB().toString('latin1'));
  await widget.locator('button', { hasText: /^Check$/ }).click();
  await widget.locator('.banner[data-assessment="verified"]').waitFor({ timeout: 20000 });
  const arcLine = widget.locator('.signature-lines li[data-mechanism="arc"]');
  assert.match(await arcLine.textContent(), /ARC chain intact \(1 hop\)/);
  await widget.locator('textarea').first().fill(DOMAINKEYS_GMAIL().toString('latin1'));
  await widget.locator('button', { hasText: /^Check$/ }).click();
  await widget.locator('.banner[data-assessment="verified"]').waitFor({ timeout: 20000 });
  assert.match(await widget.locator('.banner-summary').textContent(), /DomainKeys only/);
  assert.match(await widget.locator('.signature-lines li[data-mechanism="domainkeys"]').textContent(), /DomainKeys: gmail\.com \(beta\)/);
  assert.deepEqual(errors, []);
  await context.close();
});
