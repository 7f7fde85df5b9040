// keyboard.test.mjs — the page with the keyboard only: pick a file (Enter on "Choose
// files…"), read the verdict (the focus goes to it), open a batch row and come back (the
// focus returns to the row), add a key, cancel (the focus stays on what is on screen); and
// the progress live region, which speaks at most every few seconds and at the end.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, openPage, dropFiles, banner, batchSummary, makeZip } from './helpers.mjs';
import { GMAIL, EXIM, EXIM_KEY, UNSIGNED } from './messages.mjs';


const env = servedBrowser();


/** The focused element, described: tag, id, classes and a few data attributes. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, index: el.closest('[data-row]')?.dataset.index ?? null, text: (el.textContent || '').trim().slice(0, 60) };
  });
}

/** Presses Tab until `selector` has the focus (at most `max` times); fails otherwise. */
async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** A zip of `n` small messages. */
function manyMessages(n) {
  return makeZip(Array.from({ length: n }, (_, i) => ({ name: `m${i}.eml`, data: i % 2 ? UNSIGNED() : GMAIL() })));
}

test('Enter on "Choose files…" opens the file picker; the verdict then has the focus', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  // Listening first turns on the interception of file choosers (asynchronously).
  const chosen = page.waitForEvent('filechooser', { timeout: 10000 });
  await tabTo(page, '#choose-files');
  await page.keyboard.press('Enter');
  const chooser = await chosen;
  await chooser.setFiles({ name: 'gmail.eml', mimeType: 'message/rfc822', buffer: GMAIL() });
  assert.equal((await banner(page)).assessment, 'verified');
  await page.waitForFunction(() => document.activeElement?.classList.contains('banner'));
  assert.deepEqual(p.errors, []);
  await p.context.close();
});

test('a batch row opened with Enter, and Back with Enter, returns the focus to that row', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  await dropFiles(page, [{ name: 'few.zip', buffer: await manyMessages(4) }]);
  await batchSummary(page);
  // Tab reaches the table's active row (the first); the arrows move along the rows.
  await tabTo(page, '#batch-view [data-row]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).index, '2');
  await page.keyboard.press('Enter');
  await banner(page);
  await page.waitForFunction(() => document.activeElement?.classList.contains('banner'));
  await tabTo(page, '#single-view button.back');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#batch-view:not([hidden])');
  const f = await focused(page);
  assert.equal(f.index, '2', JSON.stringify(f));
  await p.context.close();
});

test('a key added with the keyboard checks the message again, and the focus goes to the new verdict', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  await dropFiles(page, [{ name: 'exim.eml', buffer: EXIM() }]);
  assert.equal((await banner(page)).assessment, 'no_key');
  await tabTo(page, '#single-view .missing-key textarea');
  await page.keyboard.insertText(EXIM_KEY);
  await tabTo(page, '#single-view .missing-key button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#single-view:not([hidden]) .banner:not([data-assessment="no_key"])', { timeout: 20000 });
  await page.waitForFunction(() => document.activeElement?.classList.contains('banner'));
  assert.notEqual((await focused(page)).tag, 'body');
  await p.context.close();
});

test('Cancel with the keyboard keeps the focus on the page: the results so far', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  // The batch must still be running when Tab reaches Cancel, however fast the verifier: the
  // first four batches sent to the workers go through (results so far), the rest are held.
  await page.evaluate(() => {
    const send = Worker.prototype.postMessage;
    let sent = 0;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.type === 'verify' && ++sent > 4) return undefined;
      return send.call(this, message, ...rest);
    };
  });
  await dropFiles(page, [{ name: 'many.zip', buffer: await manyMessages(3000) }]);
  await page.waitForSelector('#progress:not([hidden])', { timeout: 20000 });
  await page.waitForFunction(() => Number(document.querySelector('#batch-summary')?.dataset.checked) > 0, null, { timeout: 20000 });
  await tabTo(page, '#cancel', 200);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#batch-summary[data-state="cancelled"]', { timeout: 60000 });
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 5000 });
  const f = await focused(page);
  assert.ok(f.tag === 'h2' || f.id === 'choose-files', JSON.stringify(f));
  await p.context.close();
});

test('the progress live region speaks at most every few seconds, and the end is announced', async () => {
  const p = await openPage(env.browser, env.server.url);
  const { page } = p;
  // Record every change of what the live regions say, with when (page clock).
  await page.evaluate(() => {
    globalThis.__spoken = [];
    const live = document.getElementById('progress-live');
    const status = document.getElementById('status');
    new MutationObserver(() => globalThis.__spoken.push({ t: performance.now(), where: 'progress', text: live.textContent }))
      .observe(live, { childList: true, characterData: true, subtree: true });
    new MutationObserver(() => globalThis.__spoken.push({ t: performance.now(), where: 'status', text: status.textContent }))
      .observe(status, { childList: true, characterData: true, subtree: true });
    globalThis.__visible = 0;
    new MutationObserver(() => { globalThis.__visible++; })
      .observe(document.getElementById('progress-label'), { childList: true, characterData: true, subtree: true });
  });
  await dropFiles(page, [{ name: 'many.zip', buffer: await manyMessages(1500) }]);
  await batchSummary(page);
  const { spoken, visible } = await page.evaluate(() => ({ spoken: globalThis.__spoken, visible: globalThis.__visible }));
  const progress = spoken.filter((s) => s.where === 'progress' && s.text);
  // However long the batch took on this machine: never two progress announcements closer than the interval.
  const ANNOUNCE_MS = 5000;
  for (let i = 1; i < progress.length; i++) {
    assert.ok(progress[i].t - progress[i - 1].t >= ANNOUNCE_MS - 50, `announcements ${i - 1} and ${i} too close`);
  }
  // The visible line changes far more often than what is announced.
  assert.ok(visible >= progress.length, `${visible} visible updates, ${progress.length} announced`);
  // The end is announced in the status line.
  assert.match(spoken.filter((s) => s.where === 'status').at(-1)?.text || '', /Checked 1,500 messages/);
  await p.context.close();
});
