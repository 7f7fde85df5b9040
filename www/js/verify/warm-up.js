// warm-up.js — the verifier's code made fast while the page waits for a file.
//
// The browser compiles wasm in two tiers: first quickly into slow code, then, for each function
// that runs often, into optimized code on a background thread. Left to the first batch, that
// second compilation (~0.5 s of CPU on a 2-core machine for a leak-like zip) competes with the
// verification for the cores, and the first messages run on the slow code. All workers share the
// compiled module, so one worker verifying a sample while the page is idle has the hot functions
// optimized for every worker before the person picks a file.
//
// The samples are two generated messages (warm-sample.js: rsa-sha256 2048-bit, rsa-sha1 1024-bit
// and ed25519-sha256 signatures, test keys for example domains) checked with their own test keys
// in a verifier of its own: nothing of them reaches the page's keys or results. They go through
// the paths a batch takes: inflated as deflated zip members and verified in place for a row, and
// verified for a row from plain bytes.

import { SAMPLES, SAMPLE_KEYS } from './warm-sample.js';

/** Longest the warm-up runs, in ms (it stops earlier once its rounds stop getting faster). */
const BUDGET_MS = 1500;
/** Rounds without a faster one after which the code is taken as optimized. */
const STEADY_ROUNDS = 40;
/** Times each sample is verified per round (between rounds the worker answers its messages). */
const PER_ROUND = 2;

/** A sample's bytes, raw-deflated (as in a zip member). */
function deflated(sample) {
  const bin = atob(sample.deflated);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The samples, each as {name, size, data (deflated), bytes (plain)}, inflated with `members`. */
export function samples(members) {
  return SAMPLES.map((sample) => {
    const data = deflated(sample);
    return { name: sample.name, size: sample.size, data, bytes: members.take(members.inflate(data, sample.size)) };
  });
}

/**
 * Verifies a sample (from samples()) once through each path: inflated into `members` and verified
 * there, and from its plain bytes; returns the two rows, parsed. The member is freed here.
 */
export function verifySample(verifier, members, { name, size, data, bytes }) {
  const handle = members.inflate(data, size);
  let fromMember;
  try {
    fromMember = verifier.verifyMemberRowJson(members, handle, name);
  } finally {
    members.freeMember(handle);
  }
  return [JSON.parse(fromMember), JSON.parse(verifier.verifyRowJson(bytes, name))];
}

/** A verifier with the samples' keys only. */
export function sampleVerifier(Verifier) {
  return new Verifier({ keys: SAMPLE_KEYS, body: false, hashInput: false, text: false });
}

/**
 * Runs the samples until its rounds stop getting faster, `BUDGET_MS` at most, or until
 * `interrupted()` (real work arrived: it goes first, and what is not yet optimized will be as
 * the work runs). `Verifier` and `members` are the worker's wasm bindings and member store.
 * Resolves to the rounds run; never rejects (a warm-up that fails only leaves the code as it was).
 */
export async function warmUp(Verifier, members, interrupted) {
  let verifier = null;
  let rounds = 0;
  try {
    verifier = sampleVerifier(Verifier);
    const all = samples(members);
    // A sample that does not pass would not reach the signature arithmetic: nothing to warm.
    if (!all.every((s) => verifySample(verifier, members, s).every((row) => row.verdict === 'pass'))) return 0;
    const start = performance.now();
    let best = Infinity;
    let steady = 0;
    while (!interrupted() && steady < STEADY_ROUNDS && performance.now() - start < BUDGET_MS) {
      const t = performance.now();
      for (let i = 0; i < PER_ROUND; i++) for (const s of all) verifySample(verifier, members, s);
      const took = performance.now() - t;
      if (took < best * 0.97) {
        best = took;
        steady = 0;
      } else steady++;
      rounds++;
      // Lets the worker take its messages: a batch sets interrupted() before its turn.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch {
    // Nothing to do: the page's own work shows any real fault.
  } finally {
    verifier?.free();
  }
  return rounds;
}
