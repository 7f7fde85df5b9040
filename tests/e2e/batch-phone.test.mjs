// batch-phone.test.mjs — a batch on a phone (375 px): picking a zip brings the results into
// view (the focus to their heading, not taken from a field the reader types in); each row of
// the table shows its verdict, file name, signing domain, subject and date; the table of
// taller rows is still reached to its end by keyboard; dates say their zone, in English and
// French, in the same order. Outcomes only, never timings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, openPage, dropFiles, batchSummary, makeZip } from './helpers.mjs';

const env = servedBrowser();
const PHONE = { width: 375, height: 667 };

/** A message signed (in form) by mail.example.net, whose key nobody has: the row still names the domain. */
const signed = (i, date = 'Wed, 10 Jun 2015 22:05:00 -0400') => Buffer.from([
  'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=mail.example.net; s=sel; h=from:subject:date;',
  ' bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dGVzdA==',
  `From: Someone <someone${i}@example.org>`,
  'To: b@example.net',
  `Subject: Quarterly numbers, draft ${i}`,
  `Date: ${date}`,
  '',
  `hello ${i}`,
  '',
].join('\r\n'));

/** A zip of `n` such messages, in a folder with a long name (names a phone cannot show whole). */
const leak = (n) => makeZip(Array.from({ length: n }, (_, i) => ({
  name: `exported-mailbox-of-the-finance-department/inbox/message-${String(i).padStart(4, '0')}.eml`, data: signed(i),
})));

/** Is the element's box inside the window's viewport? */
const inViewport = (page, selector) => page.$eval(selector, (e) => {
  const r = e.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
});

test('375 px: picking a zip brings the batch summary into view, with the focus on its heading', async () => {
  const p = await openPage(env.browser, env.server.url, { viewport: PHONE });
  const { page } = p;
  assert.ok(!(await page.evaluate(() => window.scrollY)));
  await page.setInputFiles('#file-input', { name: 'leak.zip', mimeType: 'application/zip', buffer: await leak(30) });
  await batchSummary(page);
  // Scrolled smoothly: wait for it to arrive.
  await page.waitForFunction(() => {
    const r = document.getElementById('batch-summary').getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 10000 });
  assert.ok(await page.evaluate(() => window.scrollY) > 0);
  assert.ok(await page.evaluate(() => document.activeElement?.matches('#batch-view h2')));
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('375 px, reduced motion: a zip dropped while the reader types keeps the focus in the field', async () => {
  const context = await env.browser.newContext({ viewport: PHONE, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  // Typing in the paste box, then a zip dropped: the focus and the field stay.
  await page.click('details.paste > summary');
  await page.fill('#paste-text', 'From: me');
  const y = await page.evaluate(() => window.scrollY);
  await dropFiles(page, [{ name: 'leak.zip', buffer: await leak(3) }]);
  await batchSummary(page);
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'paste-text'));
  assert.equal(await page.evaluate(() => window.scrollY), y);
  // Picked with nothing being typed: brought into view at once (no smooth scrolling to wait for).
  await page.evaluate(() => document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setInputFiles('#file-input', { name: 'leak2.zip', mimeType: 'application/zip', buffer: await leak(4) });
  await page.waitForSelector('#batch-summary[data-state="done"][data-total="4"]');
  assert.ok(await inViewport(page, '#batch-summary'));
  await context.close();
});

test('375 px: each row shows its verdict, the end of its file name, its signing domain, subject and date', async () => {
  const p = await openPage(env.browser, `${env.server.url}?lang=en`, { viewport: PHONE });
  const { page } = p;
  await dropFiles(page, [{ name: 'leak.zip', buffer: await leak(200) }]);
  const s = await batchSummary(page);
  assert.equal(s.total, 200);
  // Every cell shown must be inside its row's box, wide enough for some text, and not hidden.
  const rows = await page.$$eval('#batch-view [data-row]', (els) => els.slice(0, 5).map((row) => {
    const box = row.getBoundingClientRect();
    const cell = (cls) => {
      const e = row.querySelector(`.rt-cell.${cls}`);
      const r = e.getBoundingClientRect();
      const shown = e.checkVisibility() && r.width > 20 && r.left >= box.left && r.right <= box.right + 0.5
        && r.top >= box.top && r.bottom <= box.bottom + 0.5;
      return { shown, text: e.textContent };
    };
    const end = row.querySelector('.file-name-end').getBoundingClientRect();
    return {
      index: row.dataset.index, height: box.height,
      result: cell('result'), source: cell('source'), domain: cell('domain'), subject: cell('subject'), date: cell('date'),
      nameEndShown: end.width > 0 && end.right <= box.right + 0.5,
    };
  }));
  assert.equal(rows.length, 5);
  for (const r of rows) {
    const n = String(r.index).padStart(4, '0');
    assert.ok(r.result.shown && /No key/.test(r.result.text), JSON.stringify(r));
    assert.ok(r.source.shown && r.source.text.endsWith(`message-${n}.eml`), JSON.stringify(r));
    assert.ok(r.nameEndShown, JSON.stringify(r));
    assert.ok(r.domain.shown && r.domain.text.includes('mail.example.net'), JSON.stringify(r));
    assert.ok(r.subject.shown && r.subject.text.includes(`draft ${Number(r.index)}`), JSON.stringify(r));
    assert.ok(r.date.shown && r.date.text === '2015-06-11 02:05 UTC', JSON.stringify(r));
  }
  // Taller rows than on a wide screen: the table is still reached to its last row by keyboard,
  // and the row focused is inside the table's scrolled box.
  assert.ok(rows[0].height > 50, String(rows[0].height));
  await page.focus('#batch-view [data-row="0"]');
  await page.keyboard.press('End');
  const last = await page.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    const b = e.closest('.rt-body').getBoundingClientRect();
    return { row: e.dataset.row, inside: r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5, text: e.textContent };
  });
  assert.equal(last.row, '199');
  assert.ok(last.inside, JSON.stringify(last));
  await page.keyboard.press('PageUp');
  const up = Number(await page.evaluate(() => document.activeElement.dataset.row));
  assert.ok(up < 199 && up > 180, String(up));
  // Turned to a wide screen and back (rows of another height): every row built sits where its
  // position says, and the last row is still reached.
  const placed = () => page.evaluate(() => {
    const body = document.querySelector('#batch-view .rt-body');
    const rows = [...body.querySelectorAll('[data-row]')];
    const h = rows[0].getBoundingClientRect().height;
    const top0 = body.querySelector('.rt-spacer').getBoundingClientRect().top;
    return { h, ok: rows.every((r) => Math.abs(r.getBoundingClientRect().top - (top0 + Number(r.dataset.row) * h)) < 1.5) };
  });
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(100);
    const at = await placed();
    assert.ok(at.ok && (viewport.width > 1000 ? at.h < 50 : at.h > 50), JSON.stringify({ viewport, at }));
    await page.focus('#batch-view [data-row]');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.row), '199');
  }
  // Filtered by subject: still rows, each showing its subject.
  await page.fill('.filters input[type=search]', 'draft 19');
  await page.waitForFunction(() => /11 messages/.test(document.querySelector('.batch-view .filters + [role=status]')?.textContent || ''));
  assert.ok((await page.$$eval('#batch-view [data-row] .rt-cell.subject', (e) => e.map((x) => x.textContent))).every((t) => t.includes('draft 19')));
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

for (const lang of ['en', 'fr']) {
  test(`${lang}: the table's dates say their zone, year first, the message's own Date as the title`, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`, { viewport: { width: 1280, height: 900 } });
    const { page } = p;
    const zip = await makeZip([
      { name: 'a.eml', data: signed(1) },
      { name: 'b.eml', data: signed(2, 'Sat, 31 Dec 2016 23:59:59 +0000') },
    ]);
    await dropFiles(page, [{ name: 'dates.zip', buffer: zip }]);
    await batchSummary(page);
    const dates = await page.$$eval('#batch-view [data-row] .rt-cell.date span', (els) => els.map((e) => [e.textContent, e.title]));
    assert.deepEqual(dates, [
      ['2015-06-11 02:05 UTC', 'Wed, 10 Jun 2015 22:05:00 -0400'],
      ['2016-12-31 23:59 UTC', 'Sat, 31 Dec 2016 23:59:59 +0000'],
    ]);
    assert.deepEqual(p.errors, []);
    await p.context.close();
  });
}
