// rows-json.test.mjs — a batch row handed over as JSON text (Verifier.verifyRowJson, what the
// page's workers post) is the row Verifier.verifyRow gives as an object, for every message of
// every tests/vectors case (valid, failed, unreadable; DKIM, ARC, DomainKeys); and a message
// inflated into wasm memory and verified there (Members, verifyMemberRowJson: the workers' path
// for deflated zip members) gives the same JSON text, byte for byte. Runs the built wasm package
// in node.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { DIST, VECTORS } from './helpers.mjs';

test('every vector: the JSON row is the object row', async () => {
  const { default: init, Verifier, Members } = await import(pathToFileURL(join(DIST, 'pkg/dkimcheck.js')).href);
  await init({ module_or_path: readFileSync(join(DIST, 'pkg/dkimcheck_bg.wasm')) });
  const members = new Members();
  let compared = 0;
  for (const source of readdirSync(VECTORS).sort()) {
    const file = join(VECTORS, source, 'cases.json');
    if (!existsSync(file)) continue;
    for (const c of JSON.parse(readFileSync(file, 'utf8'))) {
      const bytes = new Uint8Array(readFileSync(join(VECTORS, source, c.file)).subarray(c.offset || 0));
      const zone = c.keys ? readFileSync(join(VECTORS, source, c.keys), 'utf8') : '';
      let v;
      try {
        v = new Verifier({ keys: zone, bundled: false, at: c.time || 1700000000, text: false, body: false });
      } catch {
        continue;
      }
      for (const b of [bytes, bytes.subarray(0, 40), new Uint8Array(0)]) {
        assert.deepEqual(JSON.parse(v.verifyRowJson(b, `${source}/${c.id}`)), v.verifyRow(b, `${source}/${c.id}`), `${source}/${c.id}`);
        compared++;
      }
      const handle = members.inflate(deflateRawSync(bytes), bytes.length);
      assert.equal(members.len(handle), bytes.length);
      assert.equal(v.verifyMemberRowJson(members, handle, `${source}/${c.id}`), v.verifyRowJson(bytes, `${source}/${c.id}`), `${source}/${c.id} held`);
      members.freeMember(handle);
      v.free();
    }
  }
  assert.ok(compared >= 700, `${compared} rows compared`);
  assert.equal(members.count(), 0, 'every member freed');
});
