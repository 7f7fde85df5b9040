// reports.test.mjs — the report helpers that decide how a result looks, run in node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caution, sigCaution, resultWords } from '../../www/js/common/reports.js';

const sig = (result, key, warnings = []) => ({ result, key, warnings, domain: 'example.com' });
const rsa = (bits, flags = []) => ({ key_type: 'rsa', bits, flags });

test('a pass only through a weak or compromised key is a caution', () => {
  assert.equal(sigCaution(sig('pass', rsa(512))), 'weak');
  assert.equal(sigCaution(sig('pass', rsa(1024))), '');
  assert.equal(sigCaution(sig('pass', rsa(2048, ['compromised']))), 'compromised');
  assert.equal(sigCaution(sig('pass', { key_type: 'ed25519', bits: 256, flags: [] })), '');

  const weak = { verdict: 'pass', signatures: [sig('pass', rsa(512))] };
  assert.equal(caution(weak), 'weak');
  assert.equal(resultWords(weak), 'Verified, weak key');
  const comp = { verdict: 'pass', signatures: [sig('pass', rsa(512)), sig('pass', rsa(2048, ['compromised']))] };
  assert.equal(caution(comp), 'compromised');
  assert.equal(resultWords(comp), 'Verified, compromised key');
  // One sound passing signature is enough.
  assert.equal(caution({ verdict: 'pass', signatures: [sig('pass', rsa(512)), sig('pass', rsa(2048))] }), null);
  // A failed signature with a weak key is not a caution about a pass.
  assert.equal(caution({ verdict: 'fail', signatures: [sig('fail', rsa(512))] }), null);
});
