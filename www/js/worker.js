// worker.js — verifies messages off the main thread.
//
// Protocol (main → worker):
//   {type:'init', module: WebAssembly.Module, keys: string}  → {type:'ready', version} | {type:'fatal', message}
//   {type:'verify', batch: [{id, task}], body: bool}          → {type:'results', items: [{id, report}]}
// A task is described in sources.js; the worker reads its bytes itself
// (Blob.slice / zip member), so the main thread never holds message data.
// Tasks come in batches of neighbours in their file and are read through a
// windowed, read-ahead reader (zip.js), which saves a Blob round trip per message.

import init, { Verifier, version } from '../pkg/dkimcheck.js';
import { readTask } from './sources.js';
import { windowedReader } from './zip.js';
import { errorReport } from './reports.js';

let keys = '';
let verifiers = {};
let queue = Promise.resolve();

// The input's SHA-256 (shown in reports) is computed with WebCrypto where available: it uses the
// CPU's SHA instructions, which wasm cannot, and runs beside the verification.
const subtle = self.crypto && self.crypto.subtle;

function verifier(body) {
  const k = body ? 'body' : 'slim';
  if (!verifiers[k]) verifiers[k] = new Verifier({ keys, body, hashInput: !subtle });
  return verifiers[k];
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Cumulative milliseconds spent reading bytes and verifying, reported with results. */
const timing = { read: 0, verify: 0 };

async function verifyTask(task, body) {
  if (task.error) return errorReport(task.source, task.error);
  try {
    let t = performance.now();
    const bytes = await readTask(task, read);
    timing.read += performance.now() - t; t = performance.now();
    const digest = subtle ? subtle.digest('SHA-256', bytes) : null;
    const r = verifier(body).verify(bytes, task.source);
    if (digest) r.sha256 = hex(await digest);
    timing.verify += performance.now() - t;
    return r;
  } catch (e) {
    return errorReport(task.source, e && e.message ? e.message : String(e));
  }
}

// One reader for the worker's life: batches of the same file continue its window.
const read = windowedReader();

async function verifyBatch(batch, body) {
  const items = [];
  for (const { id, task } of batch) items.push({ id, report: await verifyTask(task, body) });
  self.postMessage({ type: 'results', items, timing });
}

self.onmessage = ({ data }) => {
  if (data.type === 'init') {
    queue = queue.then(async () => {
      try {
        await init({ module_or_path: data.module });
        keys = data.keys || '';
        verifiers = {};
        verifier(true); // surface key errors now
        self.postMessage({ type: 'ready', version: version() });
      } catch (e) {
        self.postMessage({ type: 'fatal', message: e && e.message ? e.message : String(e) });
      }
    });
  } else if (data.type === 'verify') {
    queue = queue.then(() => verifyBatch(data.batch, data.body !== false));
  }
};
