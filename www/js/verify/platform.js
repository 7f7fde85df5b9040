// platform.js — where the wasm and the worker code come from.
//
// Served build: the wasm is a base64 string in js/verify/wasm-data.js (so the
// page needs no fetch() and can keep connect-src 'none'), workers are module
// workers loaded from js/verify/worker.js.
// Single-file build and widget: the build defines globalThis.__DKIMCHECK_EMBED__
// = {wasmBase64(), workerSource()} and workers are made from blob: URLs.
// The wasm is compiled once on the main thread; the compiled WebAssembly.Module
// is posted to every worker.

let modulePromise = null;
let workerUrl = null;

function embedded() {
  return globalThis.__DKIMCHECK_EMBED__ || null;
}

/** Decode base64 to bytes. */
export function fromBase64(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64.trim());
  const bin = atob(b64.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let hashPromise = null;

/** The verifier wasm's bytes (base64-decoded from the page or the single file). */
async function wasmBytes() {
  const emb = embedded();
  const b64 = emb ? emb.wasmBase64() : (await import('./wasm-data.js')).default;
  return fromBase64(b64);
}

/** The compiled verifier wasm, compiled once per page. */
export function wasmModule() {
  if (!modulePromise) modulePromise = wasmBytes().then((bytes) => WebAssembly.compile(bytes));
  return modulePromise;
}

/** SHA-256 (hex) of the verifier wasm this page runs, for evidence reports; null without WebCrypto. */
export function wasmSha256() {
  if (!hashPromise) {
    hashPromise = (async () => {
      if (!globalThis.crypto?.subtle) return null;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await wasmBytes()));
      return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    })();
  }
  return hashPromise;
}

/** Create one verification worker. */
export function createWorker() {
  const emb = embedded();
  if (emb) {
    if (!workerUrl) {
      workerUrl = URL.createObjectURL(new Blob([emb.workerSource()], { type: 'text/javascript' }));
    }
    return new Worker(workerUrl, { name: 'dkimcheck' });
  }
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'dkimcheck' });
}

/** Number of workers to use for a batch. */
export function poolSize() {
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 16));
}
