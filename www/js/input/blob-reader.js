// blob-reader.js — read byte ranges of a Blob/File with Blob.slice: one range
// at a time, or through a window with read-ahead for many neighbouring ranges.

/** Read `length` bytes of `blob` starting at `offset` as a Uint8Array. */
export async function readRange(blob, offset, length) {
  return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
}

/**
 * A reader for readZipMember/readTask that reads a window of `windowSize`
 * bytes at a time and serves following reads from it, and meanwhile already
 * fetches the next window. Messages handed out in order are neighbours in
 * their file, so this turns many small Blob reads (each a round trip to the
 * browser's blob store) into few, overlapped with verification.
 * Call it as read(blob, offset, length, key): `key` names the underlying
 * data (Blob objects differ after each postMessage); it defaults to the Blob.
 */
export function windowedReader(windowSize = 4 * 1024 * 1024) {
  let cachedKey = null;
  let start = 0;
  let buf = null;
  let ahead = null; // {key, start, length, promise}
  const inWindow = (key, offset, length) =>
    key === cachedKey && buf && offset >= start && offset + length <= start + buf.length;
  return async (blob, offset, length, key = blob) => {
    if (!inWindow(key, offset, length) && ahead && ahead.key === key &&
        offset >= ahead.start && offset + length <= ahead.start + ahead.length) {
      const next = ahead;
      ahead = null;
      buf = await next.promise;
      start = next.start;
      cachedKey = key;
    }
    if (!inWindow(key, offset, length)) {
      if (length >= windowSize) return readRange(blob, offset, length);
      cachedKey = key;
      start = offset;
      buf = await readRange(blob, offset, Math.min(windowSize, blob.size - offset));
    }
    const end = start + buf.length;
    if (end < blob.size && !(ahead && ahead.key === key && ahead.start === end)) {
      const len = Math.min(windowSize, blob.size - end);
      ahead = { key, start: end, length: len, promise: readRange(blob, end, len) };
      ahead.promise.catch(() => {});
    }
    return buf.subarray(offset - start, offset - start + length);
  };
}

/**
 * A reader (as windowedReader's) serving reads inside `bytes`, which hold the Blob named `key`
 * from offset `lo` (an mbox's bytes handed on by its splitter), and any other read with a Blob
 * read of its own.
 */
export function pieceReader(key, lo, bytes) {
  return (blob, offset, length, k = blob) =>
    (k === key && offset >= lo && offset + length <= lo + bytes.length
      ? bytes.subarray(offset - lo, offset - lo + length)
      : readRange(blob, offset, length));
}
