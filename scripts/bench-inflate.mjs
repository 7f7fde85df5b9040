#!/usr/bin/env node
// bench-inflate.mjs — the workers' zip inflater (wasm `inflate_raw`) alone, in node.
//
//   node scripts/bench-inflate.mjs [PKG_DIR=pkg] [ZIP=target/bench-leak/leak-21075.zip] [ROUNDS=6]
//
// Inflates every deflated member of ZIP (as scripts/bench-leak.mjs writes it: local headers
// with their sizes, no data descriptors) with PKG_DIR's wasm, ROUNDS times, and prints the
// time per member (best and median round, the first left out: it also hashes) and a SHA-256
// of all the inflated bytes, to compare two builds (e.g. main's pkg/ kept aside). Not a test:
// it asserts nothing.

import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [pkgDir = join(root, 'pkg'), zipPath = join(root, 'target/bench-leak/leak-21075.zip'), roundsArg = '6'] =
  process.argv.slice(2);
const mod = await import(pathToFileURL(join(resolve(pkgDir), 'dkimcheck.js')).href);
await mod.default({ module_or_path: readFileSync(join(resolve(pkgDir), 'dkimcheck_bg.wasm')) });

const zip = readFileSync(zipPath);
const members = [];
for (let p = 0; p + 30 <= zip.length && zip.readUInt32LE(p) === 0x04034b50;) {
  const method = zip.readUInt16LE(p + 8);
  const csize = zip.readUInt32LE(p + 18);
  const size = zip.readUInt32LE(p + 22);
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  if (method === 8) members.push({ data: zip.subarray(start, start + csize), size });
  p = start + csize;
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
