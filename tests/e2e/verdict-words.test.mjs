// verdict-words.test.mjs — how one message's verdict reads, in English and French: the line under
// the verdict (what a verified result does not prove; a failed check is not proof of forgery),
// why the message's fields are not confirmed (in the banner's own terms), unreadable input as
// its own neutral state (no evidence report, no line-ending note), key periods in the page's
// language, and the widget saying the same.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedBrowser, openPage, dropFiles, banner } from './helpers.mjs';
import { GMAIL, GMAIL_BODY_CHANGED, UNSIGNED, TESTING_KEY } from './messages.mjs';

const env = servedBrowser();

const GARBAGE = () => Buffer.from('this is not an email\nonly some text\nin two lines\n');

/** What each state must say (regexps) and must not say, per language. */
const WORDS = {
  en: {
    notProven: /does not show who wrote the message, that what it says is true, or anything about the parts the signature does not cover/,
    notForgery: /A failed check is not proof of forgery: mailing lists, forwarding and mail programs often change messages harmlessly\. It only means that DKIM cannot vouch for this copy\./,
    fieldsFailed: /^The signature did not verify, so none of these fields is confirmed/,
    fieldsUnsigned: /^The message has no DKIM signature, so none of these fields is confirmed/,
    oldFields: /No signature verified/,
    verified: 'Signed by gmail.com. Nothing in the signed parts has changed since.',
    seen: /^from January 2012 to October 2016$/,
    seenDays: /^from June 2, 2008 to February 21, 2012$/,
    notesLabel: 'Note in the key archive',
    notEmail: /does not look like an email message/,
    empty: /The file is empty/,
  },
  fr: {
    notProven: /ne montre pas qui a écrit le message, ni que ce qu’il dit est vrai, ni quoi que ce soit sur les parties que la signature ne couvre pas/,
    notForgery: /Un échec n’est pas la preuve d’un faux\u00a0: les listes de diffusion, les transferts et les logiciels de messagerie modifient souvent les messages sans malice\. Cela veut seulement dire que DKIM ne peut rien garantir pour cette copie\./,
    fieldsFailed: /^La signature ne se vérifie pas\u00a0: aucun de ces champs n’est donc confirmé/,
    fieldsUnsigned: /^Le message n’a pas de signature DKIM\u00a0: aucun de ces champs n’est donc confirmé/,
    oldFields: /Aucune signature n’a été vérifiée/,
    verified: 'Signé par gmail.com\u00a0: les parties signées n’ont pas changé depuis.',
    seen: /^entre janvier 2012 et octobre 2016$/,
    seenDays: /^entre le 2 juin 2008 et le 21 février 2012$/,
    notesLabel: 'Note de l’archive des clés (non traduite)',
    notEmail: /ne ressemble pas à un courriel/,
    empty: /Le fichier est vide/,
  },
};

/** The labels of `domain` that a line break cuts, in the text under `elements` (run in the page). */
function brokenLabels(elements, domain) {
  const broken = [];
  for (const el of elements) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const label of domain.split('.')) {
        for (let at = n.textContent.indexOf(label); at >= 0; at = n.textContent.indexOf(label, at + 1)) {
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + label.length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(`${label} in "${n.textContent}"`);
        }
      }
    }
  }
  return broken;
}

/** The single view's words, after dropping one file. */
async function look(page, name, buffer) {
  await dropFiles(page, [{ name, buffer }]);
  await page.waitForSelector(`#single-view:not([hidden]) .banner-source:has-text("${name}")`, { timeout: 20000 });
  const b = await banner(page);
  return page.$eval('#single-view', (root, b) => ({
    ...b,
    icon: root.querySelector('.banner-icon').textContent,
    note: root.querySelector('.banner .banner-note')?.textContent ?? null,
    fields: root.querySelector('.message > p.hint')?.textContent ?? null,
    evidence: root.querySelectorAll('[data-action="save-evidence"]').length,
    notes: root.querySelector('.notes')?.textContent ?? null,
    text: root.innerText,
    background: getComputedStyle(root.querySelector('.banner')).backgroundColor,
  }), b);
}

for (const lang of ['en', 'fr']) {
  const w = WORDS[lang];
  test(`one message's verdict reads as one assessment (${lang})`, async () => {
    const p = await openPage(env.browser, `${env.server.url}?lang=${lang}`);
    const { page } = p;

    // Tampered: the section below agrees with the banner; next to the cross, not proof of forgery.
    const tampered = await look(page, 'tampered.eml', GMAIL_BODY_CHANGED());
    assert.equal(tampered.assessment, 'failed');
    assert.match(tampered.note, w.notForgery);
    assert.match(tampered.fields, w.fieldsFailed);
    assert.doesNotMatch(tampered.text, w.oldFields);
    assert.equal(tampered.evidence, 1, 'a failed signature can be reported on');
    const failedBackground = tampered.background;

    // Verified: one line of what DKIM does not prove, right under the verdict; no "not confirmed".
    const verified = await look(page, 'gmail.eml', GMAIL());
    assert.equal(verified.assessment, 'verified');
    assert.equal(verified.summary, w.verified);
    assert.match(verified.note, w.notProven);
    assert.equal(verified.fields, null);
    assert.equal(verified.evidence, 1);
    // The key's period in the page's language; the archive's note labelled as such, in its own language.
    const key = await page.$eval('#single-view .signature .key', (k) => ({
      terms: [...k.querySelectorAll('dt')].map((t) => t.textContent),
      all: [...k.querySelectorAll('dd')].map((d) => d.textContent),
      notesLang: k.querySelector('dd span[lang]')?.getAttribute('lang') ?? null,
    }));
    assert.ok(key.all.some((t) => w.seen.test(t)), key.all.join(' | '));
    assert.ok(key.terms.includes(w.notesLabel), key.terms.join(' | '));
    assert.equal(key.notesLang, 'en');

    // Unsigned: its own reason for the fields; nothing to report on.
    const unsigned = await look(page, 'unsigned.eml', UNSIGNED());
    assert.equal(unsigned.assessment, 'unsigned');
    assert.equal(unsigned.note, null);
    assert.match(unsigned.fields, w.fieldsUnsigned);
    assert.equal(unsigned.evidence, 0, 'no evidence report without a signature');

    // Not an email, and an empty file: unreadable, neutral, nothing to report on, no line-ending note.
    for (const [name, buffer, says] of [['notes.eml', GARBAGE(), w.notEmail], ['empty.eml', Buffer.alloc(0), w.empty]]) {
      const r = await look(page, name, buffer);
      assert.equal(r.assessment, 'error', name);
      assert.match(r.summary, says, name);
      assert.notEqual(r.icon, '✘', `${name}: not the cross of a failed signature`);
      assert.notEqual(r.background, failedBackground, `${name}: not the colour of a failed signature`);
      assert.equal(r.note, null, name);
      assert.equal(r.fields, null, name);
      assert.equal(r.evidence, 0, `${name}: no evidence report`);
      assert.equal(r.notes, null, `${name}: no note on how it was read`);
      assert.doesNotMatch(r.text, /CRLF/, name);
    }

    // A key seen between two days: the connector fits days too.
    const testing = await look(page, 'gamma.eml', TESTING_KEY());
    assert.equal(testing.assessment, 'verified');
    const dds = await page.$$eval('#single-view .signature .key dd', (d) => d.map((x) => x.textContent));
    assert.ok(dds.some((t) => w.seenDays.test(t)), dds.join(' | '));
    // The Keys panel says a key's period in the same words.
    await page.click('#keys > summary');
    await page.fill('#keys input[type=search]', '20120113._domainkey.gmail.com');
    assert.match(await page.$eval('.archive-table tbody tr', (tr) => tr.cells[2].textContent), w.seen);
    assert.deepEqual(p.errors, []);
    await p.context.close();
  });

  test(`the widget says the same as the page (${lang})`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}${lang === 'fr' ? 'embed-example.fr.html' : 'embed-example.html'}`);
    const widget = page.locator('dkim-check#reader-check');
    await widget.locator('details.paste summary').click();
    const check = async (buffer, assessment) => {
      await widget.locator('textarea').first().fill(buffer.toString('latin1'));
      await widget.locator('.paste p button').click();
      await widget.locator(`.banner[data-assessment="${assessment}"]`).waitFor({ timeout: 20000 });
      return widget.locator('.banner').evaluate((b) => ({ note: b.querySelector('.banner-note')?.textContent ?? null }));
    };
    assert.match((await check(GMAIL(), 'verified')).note, w.notProven);
    // The key's period, in the same words as the page's.
    assert.match(await widget.locator('.signature-lines').textContent(), new RegExp(w.seen.source.slice(1, -1)));
    // At 375 px, no domain is broken inside a label ("football.example.co" + "m"): it wraps at its dots or not at all.
    const embedded = page.locator('dkim-check#embedded-check');
    await embedded.locator('.banner[data-assessment="proves_nothing"]').waitFor({ timeout: 20000 });
    for (const [w2, domain] of [[widget, 'gmail.com'], [embedded, 'football.example.com']]) {
      const broken = await w2.locator('.banner, .signature-lines').evaluateAll(brokenLabels, domain);
      assert.deepEqual(broken, [], `${domain} broken inside a label`);
    }
    assert.match((await check(GMAIL_BODY_CHANGED(), 'failed')).note, w.notForgery);
    assert.equal((await check(UNSIGNED(), 'unsigned')).note, null);
    await context.close();
  });
}
