// reports.test.mjs — the report helpers that word the core's assessment, run in node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assessmentOf, assessmentWords, countKey, tallyWords, errorReport, mainDomain } from '../../www/js/common/reports.js';
import { DIST } from './helpers.mjs';

// Words come from the catalogs, through the page's own translator (dist/).
const { Translator } = await import(pathToFileURL(join(DIST, 'js/common/i18n.js')).href);
const en = new Translator('en');
const fr = new Translator('fr');

const a = (status, extra = {}) => ({ status, basis: 'dkim', signature: 0, domain: 'example.com', aligned: true, reason: null, caveats: [], ...extra });

test('words come from the assessment, never from the RFC 8601 result alone', () => {
  // A pass with a compromised key is "pass" in RFC 8601 terms, and proves nothing.
  const r = { verdict: 'pass', assessment: a('proves_nothing', { reason: 'verified', caveats: ['compromised_key'] }) };
  assert.equal(assessmentWords(en, assessmentOf(r)), 'Proves nothing');
  assert.equal(assessmentWords(en, a('invalid', { reason: 'expired' })), 'Expired at the chosen time');
  assert.equal(assessmentWords(en, a('verified', { basis: 'domainkeys' })), 'Verified (DomainKeys only)');
  assert.equal(assessmentWords(en, a('consistent')), 'Consistent with a recovered key');
  assert.equal(assessmentOf(errorReport('x.eml', 'unreadable')).status, 'error');
  assert.equal(mainDomain({ assessment: a('failed', { domain: 'gmail.com' }), signatures: [{ domain: 'other.example' }] }), 'gmail.com');
});

test('batch tallies count by assessment, expired apart', () => {
  const reports = [a('verified'), a('verified'), a('proves_nothing'), a('invalid', { reason: 'expired' }), a('invalid', { reason: 'bad_key' }), a('unsigned')]
    .map((assessment) => ({ assessment }));
  const counts = {};
  for (const r of reports) counts[countKey(r)] = (counts[countKey(r)] || 0) + 1;
  assert.deepEqual(counts, { verified: 2, proves_nothing: 1, expired: 1, invalid: 1, unsigned: 1 });
  assert.equal(tallyWords(en, counts, 6),
    '2 of 6 messages verified; 1 proves nothing (a key anyone can sign with), 1 expired at the time you chose, 1 cannot be evaluated, 1 not signed');
  assert.equal(tallyWords(en, { verified: 3 }, 3), '3 of 3 messages verified');
  assert.equal(tallyWords(fr, { verified: 2, proves_nothing: 1 }, 3), '2 messages vérifiés sur 3\u202f; 1 ne prouve rien (une clé avec laquelle n’importe qui peut signer)');
});
