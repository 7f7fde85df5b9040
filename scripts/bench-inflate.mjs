#!/usr/bin/env node
// bench-inflate.mjs — the workers' zip inflater (wasm `inflate_raw`) alone, in node.
//
//   node scripts/bench-inflate.mjs [PKG_DIR=pkg] [ZIP=target/bench-leak/leak-21075.zip] [ROUNDS=6]
//
// Inflates every deflated member of ZIP (e.g. the one scripts/bench-leak.mjs writes) with
// PKG_DIR's wasm, ROUNDS times, and prints the time per member (best and median round, the
// first left out: it also hashes) and a SHA-256 of all the inflated bytes, to compare two
// builds (e.g. main's pkg/ kept aside). Not a test: it asserts nothing.

import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { listZip, memberDataRange } from '../www/js/input/zip.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [pkgDir = join(root, 'pkg'), zipPath = join(root, 'target/bench-leak/leak-21075.zip'), roundsArg = '6'] =
  process.argv.slice(2);
const mod = await import(pathToFileURL(join(resolve(pkgDir), 'dkimcheck.js')).href);
await mod.default({ module_or_path: readFileSync(join(resolve(pkgDir), 'dkimcheck_bg.wasm')) });

// The members are found with the page's own zip reader (www/js/input/zip.js).
const zip = readFileSync(zipPath);
const blob = new Blob([zip]);
const members = [];
for (const entry of await listZip(blob)) {
  if (entry.method !== 8) continue;
  const { start, end } = await memberDataRange(blob, entry);
  members.push({ data: zip.subarray(start, end), size: entry.size });
}
if (!members.length) throw new Error(`no deflated members read from ${zipPath}`);

const times = [];
let digest = '';
for (let round = 0; round < Math.max(2, Number(roundsArg)); round++) {
  const hash = round === 0 ? createHash('sha256') : null;
  const t = performance.now();
  for (const m of members) {
    const out = mod.inflate_raw(m.data, m.size);
    if (hash) hash.update(out);
  }
  if (hash) digest = hash.digest('hex');
  else times.push(((performance.now() - t) * 1000) / members.length);
}
times.sort((a, b) => a - b);
const inKB = members.reduce((s, m) => s + m.data.length, 0) / members.length / 1024;
const outKB = members.reduce((s, m) => s + m.size, 0) / members.length / 1024;
console.log(`${members.length} members, ${inKB.toFixed(1)} -> ${outKB.toFixed(1)} KB each: ` +
  `best ${times[0].toFixed(1)} µs a member, median ${times[times.length >> 1].toFixed(1)} µs; sha256 ${digest}`);
