#!/usr/bin/env node
// wasm-smoke.mjs — does a (possibly wasm-opt'ed) wasm still work with its
// wasm-bindgen glue? Loads it in node, verifies the RFC 8463 example message.
//   node scripts/wasm-smoke.mjs PKG_DIR WASM_FILE     exit status 0 = works

import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [pkg, wasm] = process.argv.slice(2);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const dk = await import(pathToFileURL(join(resolve(pkg), 'dkimcheck.js')).href);
  dk.initSync({ module: readFileSync(wasm) });
  const msg = readFileSync(join(root, 'tests/vectors/mimekit/messages/rfc8463-example.msg'));
  const report = new dk.Verifier({}).verify(msg, 'smoke');
  if (!dk.version() || typeof report.verdict !== 'string') throw new Error('unexpected report');
  console.log(`wasm smoke test: ok (version ${dk.version()}, verdict ${report.verdict})`);
} catch (e) {
  console.error(`wasm smoke test failed: ${e.message}`);
  process.exit(1);
}
