// sources.js — turn what the user dropped, picked or pasted into a flat list
// of verification tasks, one per message.
//
// A task is a small, structured-cloneable description that a worker can turn
// into message bytes itself (see readTask), so big archives stay on disk
// (`listed`: found in a zip or among many files, so skipped if it is not a message):
//   {source, blob, start, end}            a byte range of a Blob (file, pasted text, mbox part)
//   {source, blob, entry}                 a member of a zip Blob (see zip.js)
//   {source, error}                       something that could not be read at all (error: a message {id, args})
//
// Every dropped file is read within budgets (common/budgets.js, the core's
// values): messages over the largest message size become error tasks; a zip's
// members are counted before its directory is read and its members' sizes
// summed before any is inflated (at most 100 times the dropped file's size plus
// 64 MiB for it and every zip inside it); zips nest at most 8 deep; compressed
// zips inside zips are held in memory within the message size, and their bytes checked
// against the CRC-32 their archive records (with `crc32`, as the CLI's zip reader does: a
// damaged copy is said to be damaged, not split into messages that fail). A budget hit
// that concerns the whole file ends it with one error task; the others go on.

import { readRange } from './blob-reader.js';
import { listZip, readZipMember, looksLikeZip, memberDataRange, crcDiffers } from './zip.js';
import { splitMbox, looksLikeMbox } from './mbox.js';
import {
  BudgetError, MAX_ZIP_MEMBERS, MAX_ZIP_NESTING, exceeded, maxMessageBytes, maxZipInflatedBytes, tooLarge,
} from '../common/budgets.js';
import { PhraseError, phraseOf } from '../common/phrase-error.js';
import { extension, isArchive } from '../common/names.js';

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

/** What one dropped file may still use: {maxMessage, inflatedMax, inflatedLeft, membersLeft, heldLeft}. */
function budgetsFor(blob) {
  const maxMessage = maxMessageBytes();
  const inflated = maxZipInflatedBytes(blob.size);
  return { maxMessage, inflatedMax: inflated, inflatedLeft: inflated, membersLeft: MAX_ZIP_MEMBERS, heldLeft: maxMessage };
}

/**
 * Expand one Blob named `source` into tasks, appending to `out` (an array, with `streams`: mboxes
 * to split while verifying, and `skipped`: files that are not messages, by name). `opts`:
 * {streamMbox, skipName(name) → bool, listed}.
 */
async function expandBlob(blob, source, out, depth, onStatus, budgets, opts = {}) {
  const ext = extension(source);
  const head = await sniff(blob);
  if (ext === 'zip' || looksLikeZip(head)) {
    if (depth > MAX_ZIP_NESTING) { out.push({ source, error: { id: 'input-not-read', args: { why: exceeded('zip_nesting', MAX_ZIP_NESTING) } } }); return; }
    onStatus?.('status-reading-file', { name: source });
    let entries;
    try { entries = await listZip(blob, budgets); } catch (e) {
      if (e instanceof BudgetError) throw Object.assign(e, { source });
      out.push({ source, error: phraseOf(e) });
      return;
    }
    budgets.membersLeft -= entries.length;
    budgets.inflatedLeft -= entries.reduce((sum, e) => sum + e.size, 0);
    for (const entry of entries) {
      const name = `${source}!${entry.name}`;
      const memberExt = extension(entry.name);
      // A file that is not a message by its name (keys.zone, notes.pdf) is listed as skipped,
      // unread: never counted, never used as keys.
      if (opts.skipName?.(name)) { out.skipped?.push(name); continue; }
      if (memberExt === 'zip' && entry.method === 0 && !entry.encrypted) {
        // A stored zip inside a zip is read in place: a slice of this Blob, never copied.
        try {
          const { start, end } = await memberDataRange(blob, entry);
          await expandBlob(blob.slice(start, end), name, out, depth + 1, onStatus, budgets, { ...opts, listed: true });
        } catch (e) {
          if (e instanceof BudgetError) throw e;
          out.push({ source: name, error: phraseOf(e) });
        }
      } else if (isArchive(entry.name)) {
        // Other nested archives are read into memory (they are usually small), within a budget:
        // they stay held while their messages are checked.
        const limit = Math.min(budgets.heldLeft, budgets.maxMessage);
        if (entry.size > limit) {
          out.push({ source: name, error: memberExt === 'zip'
            ? { id: 'input-zip-nested-too-large', args: { size: entry.size, max: limit } }
            : tooLarge(entry.size, budgets.maxMessage) });
          continue;
        }
        try {
          const bytes = await readZipMember(blob, entry);
          if (opts.crc32 && crcDiffers(entry, opts.crc32(bytes))) throw new PhraseError('input-zip-member-damaged');
          budgets.heldLeft -= bytes.length;
          await expandBlob(new Blob([bytes]), name, out, depth + 1, onStatus, budgets, { ...opts, listed: true });
        } catch (e) {
          if (e instanceof BudgetError) throw e;
          out.push({ source: name, error: phraseOf(e) });
        }
      } else if (entry.size > budgets.maxMessage) {
        out.push({ source: name, error: tooLarge(entry.size, budgets.maxMessage) });
      } else {
        out.push({ source: name, blob, blobId: blobId(blob), entry, listed: true });
      }
    }
    return;
  }
  if (ext === 'mbox' || looksLikeMbox(head)) {
    if (opts.streamMbox && out.streams) {
      // Split in a worker while the messages found are verified (see WorkerPool.split).
      out.streams.push({ source, blob, blobId: blobId(blob), maxMessage: budgets.maxMessage });
      return;
    }
    onStatus?.('status-splitting-file', { name: source });
    const ranges = await splitMbox(blob);
    const id = blobId(blob);
    ranges.forEach((r, i) => out.push(r.end - r.start > budgets.maxMessage
      ? { source: `${source}#${i + 1}`, error: tooLarge(r.end - r.start, budgets.maxMessage) }
      : { source: `${source}#${i + 1}`, blob, blobId: id, start: r.start, end: r.end }));
    if (!ranges.length) out.push({ source, error: { id: 'input-mbox-empty', args: {} } });
    return;
  }
  if (opts.listed && opts.skipName?.(source)) { out.skipped?.push(source); return; }
  if (blob.size > budgets.maxMessage) { out.push({ source, error: tooLarge(blob.size, budgets.maxMessage) }); return; }
  out.push({ source, blob, start: 0, end: blob.size, ...(opts.listed ? { listed: true } : {}) });
}

/**
 * `skipName` asked once per extension: it decides by a name's extension alone (the core's
 * not_a_message_by_name), and a leak's 100,000 names have a few.
 */
function byExtension(skipName) {
  const known = new Map();
  return (name) => {
    const ext = extension(name);
    let skip = known.get(ext);
    if (skip === undefined) {
      skip = Boolean(skipName(name));
      known.set(ext, skip);
    }
    return skip;
  };
}

/**
 * Expand a list of Files (or {name, blob} pairs) into verification tasks.
 * @param {Array<File|{name:string, blob:Blob}>} files
 * @param {(id:string, args:object)=>void} [onStatus] progress messages while reading archives (catalog id and arguments)
 */
export async function expandFiles(files, onStatus) {
  return (await expandInput(files, onStatus)).tasks;
}

/**
 * Expand what the user gave into {tasks, streams, skipped}: tasks as expandFiles; streams:
 * mboxes to split while verifying ({source, blob, blobId, maxMessage}, with streamMbox);
 * skipped: names of files that are not messages (by name: skipName, which decides by the
 * extension alone: asked once per extension), found in a zip or among several files. A file
 * found there that is not a message by its content is skipped by the worker.
 * @param {Array<File|{name:string, blob:Blob}>} files
 * @param {(text:string)=>void} [onStatus]
 * crc32: the CRC-32 of bytes (the core's), to check the nested archives read into memory.
 * @param {{streamMbox?: boolean, skipName?: (name:string)=>boolean, crc32?: (bytes:Uint8Array)=>number}} [opts]
 */
export async function expandInput(files, onStatus, opts = {}) {
  if (opts.skipName) opts = { ...opts, skipName: byExtension(opts.skipName) };
  const out = [];
  out.streams = [];
  out.skipped = [];
  const listed = files.length > 1;
  for (const f of files) {
    const blob = f instanceof Blob ? f : f.blob;
    try {
      await expandBlob(blob, f.name || 'message.eml', out, 0, onStatus, budgetsFor(blob),
        { ...opts, listed: listed || !!f.webkitRelativePath });
    } catch (e) {
      // A budget of the whole file was hit: it ends here, with its reason; the next file goes on.
      if (!(e instanceof BudgetError)) throw e;
      out.push({ source: e.source || f.name, error: phraseOf(e) });
    }
  }
  const { streams, skipped } = out;
  delete out.streams;
  delete out.skipped;
  return { tasks: out, streams, skipped };
}

/**
 * The tasks of an mbox's messages found by the splitter: `ranges` as [start, end, ...];
 * `counter` numbers them across pieces ({n}); empty ranges are left out.
 */
export function mboxTasks(stream, ranges, counter) {
  const tasks = [];
  for (let k = 0; k + 1 < ranges.length; k += 2) {
    const start = ranges[k];
    const end = ranges[k + 1];
    if (end <= start) continue;
    const source = `${stream.source}#${++counter.n}`;
    tasks.push(end - start > stream.maxMessage
      ? { source, error: tooLarge(end - start, stream.maxMessage) }
      : { source, blob: stream.blob, blobId: stream.blobId, start, end });
  }
  return tasks;
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
  const keyed = taskReader(task, read);
  if (task.entry) return readZipMember(task.blob, task.entry, keyed);
  return keyed(task.blob, task.start, task.end - task.start);
}

/** `read(blob, offset, length)` for a task's Blob, keyed by its blobId (a windowed reader's key). */
export function taskReader(task, read = readRange) {
  return (blob, offset, length) => read(blob, offset, length, task.blobId ?? blob);
}
