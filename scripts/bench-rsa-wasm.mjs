#!/usr/bin/env node
// bench-rsa-wasm.mjs — microseconds per RSA public operation (e = 65537) in wasm, in node:
// src/crypto/montgomery.rs alone, built as benches/rsa-wasm with the page's flags.
//
//   node scripts/bench-rsa-wasm.mjs [WASM...]
//
// Without arguments, builds benches/rsa-wasm (cargo, release, wasm32) and times its wasm; with
// arguments, times each given wasm (e.g. copies built from two branches), alternately, so that
// an A/B comparison sees the same machine load. Prints the median of 7 rounds per size.

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let files = process.argv.slice(2);
if (files.length === 0) {
  const dir = join(root, 'benches/rsa-wasm');
  execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown'], { cwd: dir, stdio: 'inherit' });
  files = [join(dir, 'target/wasm32-unknown-unknown/release/rsa_wasm_bench.wasm')];
}
const modules = files.map((f) => new WebAssembly.Instance(new WebAssembly.Module(readFileSync(f)), {}).exports);

const sizes = [[128, 'RSA-1024', 2000], [256, 'RSA-2048', 600], [512, 'RSA-4096', 100]];
for (const m of modules) for (const [bytes] of sizes) m.pow(bytes, 50); // warm up (tier-up)
const rounds = 7;
const times = modules.map(() => sizes.map(() => []));
for (let r = 0; r < rounds; r++) {
  modules.forEach((m, i) => {
    sizes.forEach(([bytes, , iters], j) => {
      const t0 = performance.now();
      m.pow(bytes, iters);
      times[i][j].push(((performance.now() - t0) * 1000) / iters);
    });
  });
}
const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
files.forEach((f, i) => {
  const cells = sizes.map(([, name], j) => `${name} ${median(times[i][j]).toFixed(1)} us`);
  console.log(`${f}: ${cells.join(', ')}`);
});
