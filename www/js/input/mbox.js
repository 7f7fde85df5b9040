// mbox.js — find the messages inside an mbox file without loading it whole.
//
// Same rule as the Rust core (src/mbox.rs): a message starts after a line
// beginning with "From " that is at the start of the file or follows an empty
// line; the separator line, and the empty line before the next one (or before
// the end of the file), are not part of the message; ">From " quoting is
// left as stored. The file is scanned in chunks read with Blob.slice; only
// [start, end) offsets are kept.

import { readRange } from './blob-reader.js';

const CHUNK = 4 * 1024 * 1024;
const FROM_ = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

/** Does this byte array start like an mbox file? */
export function looksLikeMbox(head) {
  return head.length >= 6 && FROM_.every((b, i) => head[i] === b) && head[5] !== 0x3a; // not "From :"
}

/**
 * Split an mbox Blob into message ranges.
 * @returns {Promise<Array<{start:number,end:number}>>} byte ranges, From_ lines excluded.
 */
export async function splitMbox(blob) {
  const lineStarts = []; // offsets of each "From " separator line
  let prevBlank = true; // the start of the file counts as after a blank line
  let lineLen = 0; // bytes of the current line so far
  let lastByte = 0;
  for (let base = 0; base < blob.size; base += CHUNK) {
    // Read 4 extra bytes so a "From " spanning the chunk edge is still seen.
    const chunk = await readRange(blob, base, CHUNK + 4);
    const limit = Math.min(CHUNK, chunk.length);
    for (let i = 0; i < limit; i++) {
      const b = chunk[i];
      if (lineLen === 0 && prevBlank && b === 0x46 && i + 5 <= chunk.length &&
          chunk[i + 1] === 0x72 && chunk[i + 2] === 0x6f && chunk[i + 3] === 0x6d && chunk[i + 4] === 0x20) {
        lineStarts.push(base + i);
      }
      if (b === 0x0a) {
        prevBlank = lineLen === 0 || (lineLen === 1 && lastByte === 0x0d);
        lineLen = 0;
      } else {
        lineLen++;
      }
      lastByte = b;
    }
  }
  const ranges = [];
  for (let k = 0; k < lineStarts.length; k++) {
    const lineStart = lineStarts[k];
    let end = k + 1 < lineStarts.length ? lineStarts[k + 1] : blob.size;
    if (end >= lineStart + 2) {
      // The empty line before the next separator (or the end of the file) belongs to the mbox,
      // not to the message. Before a separator it is one by the splitting rule; at the end, it
      // is one when the line before it ends too.
      const tail = await readRange(blob, end - 3, 3);
      const blankLen = tail[2] !== 0x0a ? 0 : tail[1] === 0x0d ? 2 : 1;
      const before = tail[2 - blankLen];
      if (blankLen && (k + 1 < lineStarts.length || before === 0x0a)) end -= blankLen;
    }
    // Skip the separator line itself.
    const head = await readRange(blob, lineStart, Math.min(1024, end - lineStart));
    const nl = head.indexOf(0x0a);
    const start = nl < 0 ? end : lineStart + nl + 1;
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}
