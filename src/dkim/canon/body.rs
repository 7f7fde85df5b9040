//! Body canonicalization (RFC 6376 §3.4.3, §3.4.4) and the body hashes computed over it, without
//! copying the body.

use crate::crypto::{HashAlgorithm, Hasher};
use crate::dkim::algorithm::Canonicalization;

/// `body` without its trailing empty lines (every final CRLF), as the simple body
/// canonicalizations of DKIM (§3.4.3) and DomainKeys (RFC 4870 §3.4.2.1) drop them.
pub fn without_trailing_empty_lines(body: &[u8]) -> &[u8] {
    let mut end = body.len();
    while body[..end].ends_with(b"\r\n") {
        end -= 2;
    }
    &body[..end]
}

/// The canonical body's hash and length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyHash {
    /// Digest of the canonical body, truncated to the `l=` limit if one was given.
    pub digest: Vec<u8>,
    /// Length of the whole canonical body, in bytes (not truncated).
    pub canonical_len: u64,
}

/// Hashes `body` canonicalized with `canon`, at most `limit` canonical bytes.
pub fn body_hash(body: &[u8], canon: Canonicalization, algorithm: HashAlgorithm, limit: Option<u64>) -> BodyHash {
    let mut hashes = body_hashes(body, canon, &[(algorithm, limit)]);
    hashes.pop().unwrap_or(BodyHash { digest: Vec::new(), canonical_len: 0 })
}

/// Hashes `body` canonicalized with `canon` once for several `(hash, limit)` pairs, in one
/// pass: one running hash per hash function, whose state is copied and finished where each
/// limit falls. Returns one [`BodyHash`] per pair, in order. However many `l=` values a
/// message's signatures carry, each byte is canonicalized once and hashed once per function.
pub fn body_hashes(body: &[u8], canon: Canonicalization, jobs: &[(HashAlgorithm, Option<u64>)]) -> Vec<BodyHash> {
    let mut algorithms: Vec<HashAlgorithm> = Vec::new();
    for &(a, _) in jobs {
        if !algorithms.contains(&a) {
            algorithms.push(a);
        }
    }
    // Jobs with a limit, by limit: each is finished when the canonical length reaches it.
    let mut cuts: Vec<(u64, usize)> =
        jobs.iter().enumerate().filter_map(|(i, &(_, limit))| limit.map(|l| (l, i))).collect();
    cuts.sort_unstable();
    let mut sink = MultiSink {
        hashers: algorithms.iter().map(|&a| (a, Hasher::new(a))).collect(),
        cuts,
        next_cut: 0,
        len: 0,
        digests: vec![None; jobs.len()],
        whole: jobs.iter().any(|(_, limit)| limit.is_none()),
        jobs,
    };
    sink.finish_cuts(); // l=0
    match canon {
        Canonicalization::Simple => simple_body(body, &mut sink),
        Canonicalization::Relaxed => relaxed_body(body, &mut sink),
    }
    let MultiSink { hashers, digests, len, .. } = sink;
    jobs.iter()
        .zip(digests)
        .map(|(&(a, _), digest)| BodyHash {
            // A limit beyond the end (or none): the hash of everything.
            digest: digest.unwrap_or_else(|| {
                hashers.iter().find(|(h, _)| *h == a).map_or_else(Vec::new, |(_, h)| h.clone().finish())
            }),
            canonical_len: len,
        })
        .collect()
}

/// The canonical body, as bytes (for tests and for showing an unsigned `l=` tail).
pub fn body_canonical(body: &[u8], canon: Canonicalization) -> Vec<u8> {
    struct Collect(Vec<u8>);
    impl Sink for Collect {
        fn write(&mut self, data: &[u8]) {
            self.0.extend_from_slice(data);
        }
    }
    let mut c = Collect(Vec::new());
    match canon {
        Canonicalization::Simple => simple_body(body, &mut c),
        Canonicalization::Relaxed => relaxed_body(body, &mut c),
    }
    c.0
}

/// Where a prefix of a body ends (see [`prefix_digests`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrefixMatch {
    /// Canonical bytes of the prefix.
    pub canonical_len: u64,
    /// Lines of the prefix (each ends with CRLF in the canonical form; the body's lines in the
    /// same order).
    pub lines: u64,
}

/// The digest of every prefix of `body` that ends at the end of a non-empty line at canonical
/// offset `from` or later, canonicalized with `canon`, in one pass: the body is canonicalized
/// and hashed once, and the running hash is finished at each such line end (one extra
/// finalization per line there). A signature whose `bh=` is one of them signed that prefix.
pub fn prefix_digests(
    body: &[u8],
    canon: Canonicalization,
    algorithm: HashAlgorithm,
    from: u64,
) -> Vec<(Vec<u8>, PrefixMatch)> {
    let mut sink = PrefixSink {
        hasher: Hasher::new(algorithm),
        len: 0,
        lines: 0,
        line_start: 0,
        prev_cr: false,
        from,
        found: Vec::new(),
    };
    match canon {
        Canonicalization::Simple => simple_body(body, &mut sink),
        Canonicalization::Relaxed => relaxed_body(body, &mut sink),
    }
    sink.found
}

/// Hashes the canonical body and records the digest at each line end.
struct PrefixSink {
    hasher: Hasher,
    /// Canonical bytes written so far.
    len: u64,
    /// Line ends seen so far.
    lines: u64,
    /// Canonical offset where the current line starts.
    line_start: u64,
    /// The last byte written was a CR.
    prev_cr: bool,
    from: u64,
    found: Vec<(Vec<u8>, PrefixMatch)>,
}

impl Sink for PrefixSink {
    fn write(&mut self, mut data: &[u8]) {
        while let Some(lf) = memchr::memchr(b'\n', data) {
            let crlf = if lf == 0 { self.prev_cr } else { data[lf - 1] == b'\r' };
            self.hasher.update(&data[..=lf]);
            self.len += lf as u64 + 1;
            data = &data[lf + 1..];
            self.prev_cr = false;
            if !crlf {
                continue;
            }
            self.lines += 1;
            let non_empty = self.len - self.line_start > 2;
            self.line_start = self.len;
            if non_empty && self.len >= self.from {
                let at = PrefixMatch { canonical_len: self.len, lines: self.lines };
                self.found.push((self.hasher.clone().finish(), at));
            }
        }
        self.hasher.update(data);
        self.len += data.len() as u64;
        if let Some(&last) = data.last() {
            self.prev_cr = last == b'\r';
        }
    }
}

trait Sink {
    fn write(&mut self, data: &[u8]);
}

/// Feeds every running hash, counts everything written, and finishes a copy of the right hash
/// at each limit.
struct MultiSink<'j> {
    hashers: Vec<(HashAlgorithm, Hasher)>,
    /// `(limit, job)`, sorted by limit.
    cuts: Vec<(u64, usize)>,
    /// The first cut not yet reached.
    next_cut: usize,
    /// Canonical bytes written so far.
    len: u64,
    digests: Vec<Option<Vec<u8>>>,
    /// Some job hashes the whole body (no limit).
    whole: bool,
    jobs: &'j [(HashAlgorithm, Option<u64>)],
}

impl MultiSink<'_> {
    /// Finishes the jobs whose limit is the length written so far.
    fn finish_cuts(&mut self) {
        while let Some(&(limit, job)) = self.cuts.get(self.next_cut) {
            if limit > self.len {
                break;
            }
            let algorithm = self.jobs[job].0;
            self.digests[job] = self.hashers.iter().find(|(a, _)| *a == algorithm).map(|(_, h)| h.clone().finish());
            self.next_cut += 1;
        }
    }
}

impl Sink for MultiSink<'_> {
    fn write(&mut self, mut data: &[u8]) {
        if !self.whole && self.next_cut == self.cuts.len() {
            // Every hash is finished: only the length is still needed.
            self.len += data.len() as u64;
            return;
        }
        while !data.is_empty() {
            // Up to the next limit, or everything.
            let take = match self.cuts.get(self.next_cut) {
                Some(&(limit, _)) => usize::try_from(limit - self.len).map_or(data.len(), |r| r.min(data.len())),
                None => data.len(),
            };
            for (_, h) in &mut self.hashers {
                h.update(&data[..take]);
            }
            self.len += take as u64;
            data = &data[take..];
            self.finish_cuts();
            if !self.whole && self.next_cut == self.cuts.len() {
                // Every hash is finished: only the length of the rest is still needed.
                self.len += data.len() as u64;
                return;
            }
        }
    }
}

/// Simple body: trailing empty lines removed, a final CRLF ensured; an empty body is one CRLF.
fn simple_body(body: &[u8], sink: &mut impl Sink) {
    sink.write(without_trailing_empty_lines(body));
    sink.write(b"\r\n");
}

/// Relaxed body (§3.4.4): per line, trailing whitespace removed and runs of whitespace made one
/// space; trailing empty lines removed; an empty body stays empty.
///
/// The trailing empty lines are found first, from the end. Before them only three things change
/// bytes: a tab, two spaces in a row, and whitespace before a line's CRLF; [`Changes`] finds
/// them, and everything between is hashed straight from the input, in long slices.
fn relaxed_body(body: &[u8], sink: &mut impl Sink) {
    let body = &body[..content_end(body)];
    if body.is_empty() {
        return;
    }
    let mut changes = Changes::new(body);
    let mut verbatim_from = 0; // start of input not yet written
    let mut pos = 0; // everything before is done
    while let Some(hit) = changes.next(pos) {
        // The run of SP / HTAB around the match (none of it before `pos`).
        let start = pos + body[pos..hit].iter().rposition(|&b| !is_wsp(b)).map_or(0, |i| i + 1);
        let end = hit + body[hit..].iter().position(|&b| !is_wsp(b)).unwrap_or(body.len() - hit);
        if body[end..].starts_with(b"\r\n") {
            sink.write(&body[verbatim_from..start]);
            verbatim_from = end;
        } else if end - start > 1 || body[start] == b'\t' {
            sink.write(&body[verbatim_from..start]);
            sink.write(b" ");
            verbatim_from = end;
        }
        // (A single space before a bare CR is content.)
        pos = end;
    }
    sink.write(&body[verbatim_from..]);
    sink.write(b"\r\n");
}

fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The end of the last line with content (a byte other than SP and HTAB), not counting its
/// trailing whitespace and line break: what follows is trailing empty lines.
fn content_end(body: &[u8]) -> usize {
    let mut end = body.len();
    loop {
        while end > 0 && is_wsp(body[end - 1]) {
            end -= 1;
        }
        if end >= 2 && &body[end - 2..end] == b"\r\n" {
            end -= 2;
        } else {
            return end;
        }
    }
}

/// Finds, in order, the places where relaxed canonicalization may change a body: a tab, or a
/// space followed by SP, HTAB or CR.
///
/// Natively, memchr's searches are vectorized: three of them (a tab, two spaces, a space before
/// CR) each run far ahead over the body and are repeated only once passed, so a body is scanned
/// in long strides. A body is also split into blocks of [`BLOCK`] bytes, each looked at once
/// (by the first search that reaches it) for any space or tab: the three searches skip the
/// blocks that have none, so an attachment's base64 lines are scanned once, not three times
/// (on the leak-like corpus with attachments, 1 core, perf: the pair searches fell from ~4% of
/// the CLI's CPU time to ~0.5%, the one pass over the blocks added ~2.3%). The wasm build keeps
/// one pass over spaces and tabs, each checked (the `wasm32` code below), chosen when memchr had
/// only word-at-a-time loops there; the build now enables simd128, which memchr can use, and the
/// three searches have not been measured against that pass since.
struct Changes<'b> {
    body: &'b [u8],
    #[cfg(not(target_arch = "wasm32"))]
    finders: (memchr::memmem::Finder<'static>, memchr::memmem::Finder<'static>),
    /// The next tab, double space and space before CR found (`body.len()`: none left).
    #[cfg(not(target_arch = "wasm32"))]
    next: [usize; 3],
    /// Per block of [`BLOCK`] bytes: [`UNSEEN`], [`QUIET`] (no space or tab) or [`SPACEY`];
    /// empty for a body of four blocks or fewer.
    #[cfg(not(target_arch = "wasm32"))]
    blocks: Vec<u8>,
}

/// Bytes per block of a body looked at for spaces and tabs (see [`Changes`]).
#[cfg(not(target_arch = "wasm32"))]
const BLOCK: usize = 4096;
/// Blocks searched in one call at most (a run of blocks with spaces is searched in strides
/// this long).
#[cfg(not(target_arch = "wasm32"))]
const RUN_BLOCKS: usize = 16;
#[cfg(not(target_arch = "wasm32"))]
const UNSEEN: u8 = 0;
#[cfg(not(target_arch = "wasm32"))]
const QUIET: u8 = 1;
#[cfg(not(target_arch = "wasm32"))]
const SPACEY: u8 = 2;

impl<'b> Changes<'b> {
    fn new(body: &'b [u8]) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            // A body of a few blocks is searched whole, as it is (three passes over it cost
            // less than the blocks' bookkeeping).
            let blocks = if body.len() > 4 * BLOCK { vec![UNSEEN; body.len().div_ceil(BLOCK)] } else { Vec::new() };
            let mut changes = Changes {
                body,
                finders: (memchr::memmem::Finder::new(b"  "), memchr::memmem::Finder::new(b" \r")),
                next: [0; 3],
                blocks,
            };
            for kind in 0..3 {
                changes.next[kind] = changes.search(kind, 0);
            }
            changes
        }
        #[cfg(target_arch = "wasm32")]
        Changes { body }
    }

    /// The first tab (kind 0), double space (1) or space before CR (2) at or after `from`.
    /// Each starts with a space or a tab: blocks without either are skipped, and the search
    /// runs over each run of blocks with some, plus one byte (the second of a pair).
    #[cfg(not(target_arch = "wasm32"))]
    #[inline(always)] // in `next`'s loop over the kinds, each kind's search is then its own
    fn search(&mut self, kind: usize, from: usize) -> usize {
        if self.blocks.is_empty() {
            return self.find(kind, from, self.body.len());
        }
        self.search_blocks(kind, from)
    }

    /// [`Self::search`] over blocks.
    #[cfg(not(target_arch = "wasm32"))]
    #[inline(never)]
    fn search_blocks(&mut self, kind: usize, from: usize) -> usize {
        let len = self.body.len();
        let mut pos = from;
        while pos < len {
            let first = pos / BLOCK;
            if !self.spacey(first) {
                pos = (first + 1) * BLOCK;
                continue;
            }
            // The run, up to RUN_BLOCKS blocks at a time (each search call looks at a bounded
            // number of blocks).
            let mut past = first + 1;
            while past < self.blocks.len() && past - first < RUN_BLOCKS && self.spacey(past) {
                past += 1;
            }
            let end = (past * BLOCK).min(len);
            let found = self.find(kind, pos, (end + 1).min(len));
            if found < len {
                return found;
            }
            pos = end;
        }
        len
    }

    /// The first place of `kind` in `body[from..to]` (as an offset in the body), or the body's
    /// length.
    #[cfg(not(target_arch = "wasm32"))]
    #[inline(always)]
    fn find(&self, kind: usize, from: usize, to: usize) -> usize {
        let window = &self.body[from..to];
        let found = match kind {
            0 => memchr::memchr(b'\t', window),
            1 => self.finders.0.find(window),
            _ => self.finders.1.find(window),
        };
        found.map_or(self.body.len(), |offset| from + offset)
    }

    /// Whether block `block` holds a space or a tab (looked at once, by the first search that
    /// asks).
    #[cfg(not(target_arch = "wasm32"))]
    fn spacey(&mut self, block: usize) -> bool {
        let body = self.body;
        let Some(state) = self.blocks.get_mut(block) else { return false };
        if *state == UNSEEN {
            let bytes = body.get(block * BLOCK..((block + 1) * BLOCK).min(body.len())).unwrap_or_default();
            *state = if memchr::memchr2(b' ', b'\t', bytes).is_some() { SPACEY } else { QUIET };
        }
        *state == SPACEY
    }

    /// The first place at or after `pos`; none of the places found before `pos` may be asked for
    /// again (`pos` only grows).
    #[cfg(not(target_arch = "wasm32"))]
    fn next(&mut self, pos: usize) -> Option<usize> {
        for kind in 0..3 {
            if self.next[kind] < pos {
                self.next[kind] = self.search(kind, pos);
            }
        }
        self.next.iter().copied().min().filter(|&at| at < self.body.len())
    }

    #[cfg(target_arch = "wasm32")]
    fn next(&mut self, mut pos: usize) -> Option<usize> {
        let body = self.body;
        while let Some(offset) = memchr::memchr2(b' ', b'\t', &body[pos..]) {
            let at = pos + offset;
            if body[at] == b'\t' || matches!(body.get(at + 1), Some(b' ' | b'\t' | b'\r')) {
                return Some(at);
            }
            pos = at + 1;
        }
        None
    }
}
