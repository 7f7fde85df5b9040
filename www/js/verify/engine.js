// engine.js — the verifier wasm on the main thread, for quick calls that are
// not verification: the bundled key archive, parsing pasted keys, and (in the
// widget) verifying a single message.

import init, * as dk from '../../pkg/dkimcheck.js';
import { wasmModule } from './platform.js';

let ready = null;

/** Initialise the wasm once; resolves to the wasm-bindgen module namespace. */
export function engine() {
  if (!ready) ready = wasmModule().then((module) => init({ module_or_path: module })).then(() => dk);
  return ready;
}
