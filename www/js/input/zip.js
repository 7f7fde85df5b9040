// zip.js — a small, streaming-friendly ZIP reader.
//
// Reads the central directory of a Blob/File with Blob.slice and each member
// separately, so a multi-gigabyte archive never has to be in memory at once.
// Supports stored (0) and deflate (8) members (inflated in wasm where the
// inflater is set, as in the workers; otherwise with DecompressionStream) and
// ZIP64 archives. Directory entries, macOS resource forks (__MACOSX/, ._*)
// and .DS_Store files are skipped.
//
// Zips are hostile input: the member count is checked before the directory is
// read, a directory outside the file and members whose data overlap (a zip
// bomb's trick) are refused, and a member never inflates past the size its
// header gives (one byte more and it is refused). The budgets across nested
// zips are kept by sources.js.
//
// A member whose bytes do not match the CRC-32 its archive records is damaged: an error
// ('input-zip-member-damaged', as in the CLI), never a message that failed (damage to the
// archive must not look like a message whose content changed). The workers check it (isDamaged,
// with the core's CRC-32 set by setInflater) when a member's message does not verify: a pass
// shows the signed bytes intact, and the CRC-32 of every member would cost about 20% of
// inflating it.

import { readRange } from './blob-reader.js';
import { BudgetError, MAX_ZIP_MEMBERS, exceeded } from '../common/budgets.js';
import { PhraseError } from '../common/phrase-error.js';

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder('utf-8');

/** Does this byte array start like a ZIP archive (local header or empty archive)? */
export function looksLikeZip(head) {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b &&
    ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

function u64(view, pos) {
  return view.getUint32(pos, true) + view.getUint32(pos + 4, true) * 0x100000000;
}

/** Locate the central directory: returns {count, size, offset}. */
async function findCentralDirectory(blob) {
  const tailLen = Math.min(blob.size, 22 + MAX_COMMENT + 20);
  const tailStart = blob.size - tailLen;
  const tail = await readRange(blob, tailStart, tailLen);
  const view = new DataView(tail.buffer);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new PhraseError('input-zip-no-end');
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  const needs64 = count === 0xffff || size === 0xffffffff || offset === 0xffffffff;
  if (needs64 && eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) {
    const recOffset = u64(view, eocd - 20 + 8);
    const rec = await readRange(blob, recOffset, 56);
    const rv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
    // A record past the end of the file (or cut short) is as broken as a wrong signature.
    if (rec.length < 56 || rv.getUint32(0, true) !== SIG_EOCD64) throw new PhraseError('input-zip64-broken');
    count = u64(rv, 32);
    size = u64(rv, 40);
    offset = u64(rv, 48);
  }
  if (offset + size > blob.size) throw new PhraseError('input-zip-directory-outside');
  return { count, size, offset };
}

/** Should this archive path be ignored (directories, macOS metadata)? */
export function isJunkPath(name) {
  if (name.endsWith('/')) return true;
  if (name.startsWith('__MACOSX/') || name.includes('/__MACOSX/')) return true;
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base === '.DS_Store' || base.startsWith('._') || base === 'Thumbs.db';
}

/**
 * List the members of a zip Blob.
 * Each entry: {name, method, crc, compressedSize, size, localOffset, encrypted}.
 * Junk entries are left out. `budget` ({membersLeft, inflatedLeft, inflatedMax},
 * each optional) is checked in this order, as the CLI does: the member count
 * (before the directory is read), the sizes the members declare all together,
 * then overlapping members; a hit is a BudgetError.
 */
export async function listZip(blob, budget = {}) {
  const { membersLeft = MAX_ZIP_MEMBERS, inflatedLeft = Infinity, inflatedMax = Infinity } = budget;
  const cd = await findCentralDirectory(blob);
  if (cd.count > membersLeft) throw new BudgetError('input-not-read', { why: exceeded('zip_members', MAX_ZIP_MEMBERS, cd.count) });
  const buf = await readRange(blob, cd.offset, cd.size);
  const view = new DataView(buf.buffer);
  const all = [];
  let p = 0;
  for (let i = 0; i < cd.count && p + 46 <= buf.length; i++) {
    if (view.getUint32(p, true) !== SIG_CENTRAL) throw new PhraseError('input-zip-directory-broken');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extended information extra field (id 0x0001).
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= Math.min(extraEnd, buf.length)) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        // Each value the entry defers to this field must be in it, and in the directory.
        const next = () => {
          if (q + 8 > Math.min(e + 4 + len, buf.length)) throw new PhraseError('input-zip-directory-broken');
          q += 8;
          return u64(view, q - 8);
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + len;
    }
    p = extraEnd + commentLen;
    all.push({ name, method, crc, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
  }
  const entries = all.filter((e) => !isJunkPath(e.name));
  // What the members say they inflate to, all together, before any is inflated.
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > inflatedLeft) {
    const total = inflatedMax - inflatedLeft + declared;
    throw new BudgetError('input-zip-bomb', { why: exceeded('zip_inflated_bytes', inflatedMax, total) });
  }
  refuseOverlaps(all);
  return entries;
}

/**
 * Members whose data overlap are how zip bombs multiply one compressed stream:
 * refuse the zip. Each member takes at least its 30-byte local header and its
 * compressed data from its offset on.
 */
function refuseOverlaps(entries) {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.localOffset + 30 + prev.compressedSize > byOffset[i].localOffset) {
      throw new BudgetError('input-zip-overlap', { member: byOffset[i].name });
    }
  }
}

/** The inflater set by setInflater (the wasm's, in workers), or null. */
let inflater = null;
/** The CRC-32 function set by setInflater, or null (isDamaged checks nothing). */
let checksum = null;

/**
 * Inflate with `inflate(data, limit)` from now on (this thread): the wasm module's inflate_raw,
 * which returns the bytes or throws "inflates-more" / "broken". One DecompressionStream per
 * member costs far more than the inflating itself when a leak holds many small messages.
 * `crc32(bytes)`: the wasm's, for isDamaged.
 */
export function setInflater(inflate, crc32 = null) {
  inflater = inflate;
  checksum = crc32;
}

/**
 * Whether a member's bytes (as readZipMember gave them) do not match the CRC-32 its archive
 * records: the archive is damaged. False when no CRC-32 function is set (setInflater).
 */
export function isDamaged(entry, bytes) {
  return checksum !== null && crcDiffers(entry, checksum(bytes));
}

/** Whether `crc` (a member's bytes' CRC-32) is not the one its archive records for `entry`. */
export function crcDiffers(entry, crc) {
  return entry.crc !== undefined && crc >>> 0 !== entry.crc;
}

/** Raw-deflate input is fed to a DecompressionStream in pieces of this many bytes (see decompressStream). */
const PIECE = 16 * 1024;

/**
 * Decompress raw-deflate bytes, at most `limit` bytes: a member that inflates past the size its
 * header gives is refused (as soon as it does). With the inflater set by setInflater, in one
 * call; otherwise with the platform's DecompressionStream (writing and reading the stream
 * directly is ~15× faster for small members than going through Blob.stream() and Response).
 */
export async function inflateRaw(data, limit = Infinity) {
  if (inflater && Number.isSafeInteger(limit)) {
    try {
      return inflater(data, limit);
    } catch (e) {
      throw inflateError(e, limit);
    }
  }
  return decompressStream(data, limit);
}

/**
 * The error to throw for what the wasm inflater (inflate_raw, Members.inflate) threw: its codes
 * "inflates-more" and "broken" in words; anything else (a trap) as it is.
 */
export function inflateError(e, limit) {
  if (e === 'inflates-more') return new PhraseError('input-zip-member-inflates-more', { size: limit });
  if (e === 'broken') return new PhraseError('input-zip-member-corrupt');
  return e;
}

/**
 * inflateRaw with the platform's DecompressionStream. The input goes in in pieces, each only once
 * the output of the one before has been read (a stream inflates a piece written whole, however
 * much it gives: the data written at once used to inflate whole), and reading stops at `limit`
 * exactly: the chunk that crosses it is dropped, no more input is written and the stream is
 * cancelled, so a bomb inflates at most one piece's output past its budget, never kept.
 */
async function decompressStream(data, limit) {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  let stopped = false;
  (async () => {
    for (let at = 0; at < data.length && !stopped; at += PIECE) {
      await writer.ready;
      if (!stopped) await writer.write(data.subarray(at, Math.min(at + PIECE, data.length)));
    }
    if (!stopped) await writer.close();
  })().catch(() => {}); // errors surface on the reading side
  const reader = ds.readable.getReader();
  const parts = [];
  let total = 0;
  try {
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch {
        // The platform's words for it ("invalid distance too far back") are in no catalog: the
        // same error as the wasm inflater's.
        throw new PhraseError('input-zip-member-corrupt');
      }
      const { done, value } = chunk;
      if (done) break;
      if (value.length > limit - total) {
        // Past the budget: refused, nothing more inflated or kept.
        stopped = true;
        reader.cancel().catch(() => {});
        throw new PhraseError('input-zip-member-inflates-more', { size: limit });
      }
      total += value.length;
      parts.push(value);
    }
  } finally {
    stopped = true;
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) { out.set(part, offset); offset += part.length; }
  return out;
}

/**
 * Where a member's data lies in the zip: {start, end}, from its local header.
 * `read(blob, offset, length)` as for readZipMember.
 */
export async function memberDataRange(blob, entry, read = readRange) {
  const local = await read(blob, entry.localOffset, 30);
  const lv = new DataView(local.buffer, local.byteOffset, local.byteLength);
  if (local.length < 30 || lv.getUint32(0, true) !== SIG_LOCAL) throw new PhraseError('input-zip-member-broken');
  const start = entry.localOffset + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
  if (start + entry.compressedSize > blob.size) throw new PhraseError('input-zip-member-past-end');
  return { start, end: start + entry.compressedSize };
}

/**
 * Read and decompress one member listed by listZip. Returns a Uint8Array of at
 * most entry.size bytes (a member inflating past that is an error).
 * `read(blob, offset, length)` defaults to readRange; a worker passes a
 * caching reader so neighbouring members come from one Blob read.
 */
export async function readZipMember(blob, entry, read = readRange) {
  const data = await readMemberData(blob, entry, read);
  if (entry.method === 0) return data.slice();
  return inflateRaw(data, entry.size);
}

/**
 * A member's data as stored in the zip (compressed for method 8), after the checks every
 * member passes (encryption, method, sizes): what readZipMember inflates, and what a worker
 * inflates into wasm memory itself (worker.js). A view into the reader's window: copy it to keep it.
 */
export async function readMemberData(blob, entry, read = readRange) {
  if (entry.encrypted) throw new PhraseError('input-zip-encrypted');
  if (entry.method !== 0 && entry.method !== 8) {
    throw new PhraseError('input-zip-method', { method: String(entry.method) });
  }
  checkSizes(entry);
  const { start } = await memberDataRange(blob, entry, read);
  return read(blob, start, entry.compressedSize);
}

/**
 * Refuses a member whose sizes cannot be true, before reading it: the core's rule
 * (src/message/zip_member.rs `check_sizes`, which the CLI applies; tests/e2e/zip.test.mjs keeps
 * the two equal). Deflate never makes data much bigger: compressed data far beyond the size is
 * a lie; stored data is its size.
 */
export function checkSizes(entry) {
  if (entry.method === 8 && entry.compressedSize > entry.size + Math.floor(entry.size / 64) + 65536) {
    throw new PhraseError('input-zip-member-size-mismatch');
  }
  if (entry.method === 0 && entry.compressedSize > entry.size) {
    throw new PhraseError('input-zip-member-larger', { size: entry.size });
  }
}
