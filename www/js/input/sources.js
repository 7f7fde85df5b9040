// sources.js — turn what the user dropped, picked or pasted into a flat list
// of verification tasks, one per message.
//
// A task is a small, structured-cloneable description that a worker can turn
// into message bytes itself (see readTask), so big archives stay on disk:
//   {source, blob, start, end}            a byte range of a Blob (file, pasted text, mbox part)
//   {source, blob, entry}                 a member of a zip Blob (see zip.js)
//   {source, error}                       something that could not be read at all (error: a message {id, args})

import { readRange } from './blob-reader.js';
import { listZip, readZipMember, looksLikeZip } from './zip.js';
import { splitMbox, looksLikeMbox } from './mbox.js';
import { phraseOf } from '../common/phrase-error.js';

const MAX_NESTING = 8;

function extension(name) {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

async function sniff(blob) {
  return readRange(blob, 0, Math.min(blob.size, 8));
}

let blobCounter = 0;
const blobIds = new WeakMap();
/** A number naming a Blob's data, carried by tasks so workers can cache reads across batches. */
function blobId(blob) {
  if (!blobIds.has(blob)) blobIds.set(blob, ++blobCounter);
  return blobIds.get(blob);
}

/** Expand one Blob named `source` into tasks, appending to `out`. */
async function expandBlob(blob, source, out, depth, onStatus) {
  const ext = extension(source);
  const head = await sniff(blob);
  if (ext === 'zip' || looksLikeZip(head)) {
    if (depth >= MAX_NESTING) { out.push({ source, error: { id: 'input-zip-too-deep', args: {} } }); return; }
    onStatus?.('status-reading-file', { name: source });
    let entries;
    try { entries = await listZip(blob); } catch (e) { out.push({ source, error: phraseOf(e) }); return; }
    for (const entry of entries) {
      const name = `${source}!${entry.name}`;
      const memberExt = extension(entry.name);
      if (memberExt === 'zip' || memberExt === 'mbox') {
        // Nested archives are read into memory (they are usually small).
        try {
          const bytes = await readZipMember(blob, entry);
          await expandBlob(new Blob([bytes]), name, out, depth + 1, onStatus);
        } catch (e) { out.push({ source: name, error: phraseOf(e) }); }
      } else {
        out.push({ source: name, blob, blobId: blobId(blob), entry });
      }
    }
    return;
  }
  if (ext === 'mbox' || looksLikeMbox(head)) {
    onStatus?.('status-splitting-file', { name: source });
    const ranges = await splitMbox(blob);
    const id = blobId(blob);
    ranges.forEach((r, i) => out.push({ source: `${source}#${i + 1}`, blob, blobId: id, start: r.start, end: r.end }));
    if (!ranges.length) out.push({ source, error: { id: 'input-mbox-empty', args: {} } });
    return;
  }
  out.push({ source, blob, start: 0, end: blob.size });
}

/**
 * Expand a list of Files (or {name, blob} pairs) into verification tasks.
 * @param {Array<File|{name:string, blob:Blob}>} files
 * @param {(id:string, args:object)=>void} [onStatus] progress messages (catalog ids) while reading archives
 */
export async function expandFiles(files, onStatus) {
  const out = [];
  for (const f of files) {
    const blob = f instanceof Blob ? f : f.blob;
    await expandBlob(blob, f.name || 'message.eml', out, 0, onStatus);
  }
  return out;
}

/** A task for pasted raw message text. */
export function pastedTask(text) {
  const blob = new Blob([text]);
  return { source: 'pasted message', blob, start: 0, end: blob.size };
}

/**
 * Read a task's message bytes (runs inside the worker). `read(blob, offset,
 * length, key)` as windowedReader in blob-reader.js; it is given the task's blobId as key.
 */
export async function readTask(task, read = readRange) {
  const keyed = (blob, offset, length) => read(blob, offset, length, task.blobId ?? blob);
  if (task.entry) return readZipMember(task.blob, task.entry, keyed);
  return keyed(task.blob, task.start, task.end - task.start);
}
