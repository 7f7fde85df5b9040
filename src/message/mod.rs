//! A message as DKIM sees it: raw header fields and the raw body, borrowed from the input.
//!
//! Canonicalization works on exact bytes, so nothing here decodes or copies. A header field runs
//! from its name to the CRLF that is not followed by whitespace; the header block ends at the
//! first empty line. Lines without a colon, or whose name is not printable ASCII, are kept as
//! malformed fields (they can never be selected by a signature) and reported.
//!
//! Around it: [`input`] turns raw files into message bytes (mbox `From ` line, LF → CRLF),
//! [`mbox`] splits mbox files, [`inflate`] inflates a zip member for the page, [`zip_member`]
//! checks a member's sizes and CRC-32 (for the page and the CLI), and [`summary`] decodes
//! From/To/Date/Subject/body for display.

pub mod inflate;
pub mod input;
pub mod mbox;
pub mod summary;
pub mod zip_member;

use crate::budget::{Exceeded, Limit, MAX_HEADER_FIELDS, Work, count};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

/// One header field, exactly as in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderField<'a> {
    /// The field name, as written (without trailing whitespace).
    pub name: &'a [u8],
    /// The whole field including name, colon, folded value and the final CRLF (if present).
    pub raw: &'a [u8],
    /// The value: everything after the colon, without the final CRLF.
    pub value: &'a [u8],
    /// False for a line with no colon (not a header field under RFC 5322).
    pub well_formed: bool,
}

impl HeaderField<'_> {
    /// True when the field name equals `name`, ignoring ASCII case.
    pub fn is(&self, name: &str) -> bool {
        self.well_formed && self.name.eq_ignore_ascii_case(name.as_bytes())
    }

    /// The name as text (lossy).
    pub fn name_str(&self) -> String {
        String::from_utf8_lossy(self.name).into_owned()
    }

    /// The value unfolded (CRLFs removed) and trimmed, as text (lossy), for display.
    pub fn value_unfolded(&self) -> String {
        let mut out = Vec::with_capacity(self.value.len());
        for &b in self.value {
            if b != b'\r' && b != b'\n' {
                out.push(b);
            }
        }
        String::from_utf8_lossy(out.trim_ascii()).into_owned()
    }
}

/// A message split into header fields and body.
#[derive(Debug, Clone)]
pub struct Message<'a> {
    /// Header fields, top to bottom.
    pub headers: Vec<HeaderField<'a>>,
    /// The body: everything after the empty line that ends the header block. `None` when the
    /// message has no empty line (no body at all).
    pub body: Option<&'a [u8]>,
    /// Well-formed fields by lower-case name, built on the first lookup by name
    /// ([`Message::instances`]).
    by_name: OnceLock<NameIndex<'a>>,
}

/// Well-formed fields by name, ignoring ASCII case, in three flat arrays (a vector per name
/// was most of the cost of building it): each distinct name has a slot; the fields of slot `s`
/// are `fields[runs[s]..runs[s + 1]]`, top to bottom.
#[derive(Debug, Clone, Default)]
struct NameIndex<'a> {
    /// The slot of each name. The names come from the input, so the hasher is seeded at random
    /// (foldhash's `RandomState`: an attacker who cannot see the hashes cannot choose names
    /// that collide), and faster than the standard SipHash on short keys.
    slots: HashMap<NoCase<'a>, usize, foldhash::fast::RandomState>,
    /// Where each slot's fields start in `fields`, and their end (one more than the slots).
    runs: Vec<usize>,
    /// The indexes of the well-formed fields, grouped by name.
    fields: Vec<usize>,
}

impl<'a> NameIndex<'a> {
    /// The index of the well-formed fields of `headers`.
    fn new(headers: &[HeaderField<'a>]) -> Self {
        // Sized for every field at once: no rehashing as it fills (rehashing was a third of
        // building the index).
        let mut slots = HashMap::with_capacity_and_hasher(headers.len(), Default::default());
        // Each well-formed field and its slot.
        let mut slot_of = Vec::with_capacity(headers.len());
        for (i, h) in headers.iter().enumerate().filter(|(_, h)| h.well_formed) {
            count(Work::HeaderLookups, 1);
            let next = slots.len();
            slot_of.push((i, *slots.entry(NoCase(h.name)).or_insert(next)));
        }
        // Counts per slot, summed up to where each slot's run ends, then walked down to where
        // it starts while the fields are placed, from the bottom.
        let mut runs = vec![0; slots.len() + 1];
        for &(_, s) in &slot_of {
            runs[s] += 1;
        }
        for s in 1..runs.len() {
            runs[s] += runs[s - 1];
        }
        let mut fields = vec![0; slot_of.len()];
        for &(i, s) in slot_of.iter().rev() {
            runs[s] -= 1;
            fields[runs[s]] = i;
        }
        NameIndex { slots, runs, fields }
    }

    /// The indexes of the fields named `name`, top to bottom.
    fn get(&self, name: &[u8]) -> &[usize] {
        match self.slots.get(&NoCase(name) as &dyn FieldName) {
            Some(&s) => self.fields.get(self.runs[s]..self.runs[s + 1]).unwrap_or_default(),
            None => &[],
        }
    }
}

/// A header field name as a key of the index: compared and hashed ignoring ASCII case, without
/// a lower-case copy.
#[derive(Debug, Clone, Copy)]
struct NoCase<'a>(&'a [u8]);

/// What the index is looked up with: a name of any lifetime (a key borrowed as
/// `dyn FieldName` is compared with a name given for one lookup, whatever their lifetimes).
trait FieldName {
    /// The name as given.
    fn name(&self) -> &[u8];
}

impl FieldName for NoCase<'_> {
    fn name(&self) -> &[u8] {
        self.0
    }
}

impl<'a: 'b, 'b> std::borrow::Borrow<dyn FieldName + 'b> for NoCase<'a> {
    fn borrow(&self) -> &(dyn FieldName + 'b) {
        self
    }
}

impl PartialEq for dyn FieldName + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.name().eq_ignore_ascii_case(other.name())
    }
}

impl Eq for dyn FieldName + '_ {}

impl Hash for dyn FieldName + '_ {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Lower-cased eight bytes at a time, in a word (a copy lower-cased a byte at a time
        // was most of a lookup); the length ends it, as for a slice.
        let name = self.name();
        let mut words = name.chunks_exact(8);
        for word in &mut words {
            state.write_u64(ascii_lowercase(u64::from_le_bytes(word.try_into().unwrap_or_default())));
        }
        let mut last = [0u8; 8];
        last[..words.remainder().len()].copy_from_slice(words.remainder());
        state.write_u64(ascii_lowercase(u64::from_le_bytes(last)));
        state.write_usize(name.len());
    }
}

/// The eight bytes of `word` with `A`-`Z` made lower case, the others unchanged (exactly
/// [`u8::to_ascii_lowercase`] on each byte, so that distinct names keep distinct hashes).
fn ascii_lowercase(word: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // The seven low bits of each byte, plus an offset: the high bit of each byte then says
    // whether it is at least `A`, or beyond `Z` (no carry crosses into the next byte).
    let low = word & !HIGH;
    let at_least_a = low + ONES * (0x80 - u64::from(b'A'));
    let beyond_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
    // Upper case: at least A, not beyond Z, and ASCII (its own high bit clear).
    let upper = at_least_a & !beyond_z & !word & HIGH;
    word | (upper >> 2)
}

// The key hashes and compares as what it is borrowed as (as `Borrow` requires).
impl PartialEq for NoCase<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self as &dyn FieldName) == (other as &dyn FieldName)
    }
}

impl Eq for NoCase<'_> {}

impl Hash for NoCase<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self as &dyn FieldName).hash(state);
    }
}

impl<'a> Message<'a> {
    /// Splits raw CRLF message bytes into header fields and body. Never fails: any byte
    /// sequence is some (possibly odd) message. Stops after [`MAX_HEADER_FIELDS`] + 1 fields
    /// (the body is then unknown, `None`): see [`Message::over_budget`].
    pub fn parse(bytes: &'a [u8]) -> Self {
        // Most messages have a few dozen fields: room for them without regrowing.
        let mut headers = Vec::with_capacity(32);
        let mut pos = 0;
        let len = bytes.len();
        while pos < len && headers.len() <= MAX_HEADER_FIELDS {
            // End of header block: an empty line.
            if bytes[pos..].starts_with(b"\r\n") {
                return Message { headers, body: Some(&bytes[pos + 2..]), by_name: OnceLock::new() };
            }
            let (field, end) = field_at(bytes, pos);
            headers.push(field);
            pos = end;
        }
        Message { headers, body: None, by_name: OnceLock::new() }
    }

    /// The first header field of `bytes`, as [`Message::parse`] would read it, without the
    /// rest (`None` when `bytes` are empty or start with the empty line that ends a header).
    pub fn first_field(bytes: &'a [u8]) -> Option<HeaderField<'a>> {
        (!bytes.is_empty() && !bytes.starts_with(b"\r\n")).then(|| field_at(bytes, 0).0)
    }

    /// Header fields with the given name, top to bottom. One pass over the header block: for
    /// repeated lookups by name, use [`Message::instances`].
    pub fn fields<'s>(&'s self, name: &'s str) -> impl Iterator<Item = (usize, &'s HeaderField<'a>)> + 's {
        self.headers.iter().enumerate().filter(move |(_, h)| h.is(name))
    }

    /// Indexes (top to bottom) of the well-formed fields named `name`, ignoring ASCII case. The
    /// first call builds an index of every name in one pass; each lookup then costs one hash,
    /// so looking up every name of a long `h=` list is linear, not quadratic.
    pub fn instances(&self, name: impl AsRef<[u8]>) -> &[usize] {
        count(Work::HeaderLookups, 1);
        self.index().get(name.as_ref())
    }

    /// The index of each well-formed name's first field, in order of first appearance
    /// (ignoring ASCII case: `To` and `TO` are one name), from the index of names.
    pub fn first_instances(&self) -> impl Iterator<Item = usize> + '_ {
        let index = self.index();
        index.runs.iter().take(index.slots.len()).filter_map(|&start| index.fields.get(start).copied())
    }

    /// The index of names, built by the first call that needs it.
    fn index(&self) -> &NameIndex<'a> {
        self.by_name.get_or_init(|| NameIndex::new(&self.headers))
    }

    /// The header fields budget, when the message has more than [`MAX_HEADER_FIELDS`] fields
    /// (parsing stopped there; such a message is not checked).
    pub fn over_budget(&self) -> Option<Exceeded> {
        (self.headers.len() > MAX_HEADER_FIELDS).then(|| Exceeded::new(Limit::HeaderFields, None))
    }

    /// Number of malformed lines (no colon) in the header block.
    pub fn malformed_lines(&self) -> usize {
        self.headers.iter().filter(|h| !h.well_formed).count()
    }

    /// The body bytes (empty when there is none).
    pub fn body_bytes(&self) -> &'a [u8] {
        self.body.unwrap_or(&[])
    }
}

/// The header field that starts at `start` (not an empty line), and where the next one starts.
#[inline]
fn field_at(bytes: &[u8], start: usize) -> (HeaderField<'_>, usize) {
    let len = bytes.len();
    // Find the end of this field: CRLF not followed by SP / HTAB.
    let mut end = len;
    let mut value_end = len;
    let mut i = start;
    while let Some(off) = find_crlf(&bytes[i..]) {
        let crlf = i + off;
        let next = crlf + 2;
        if next < len && (bytes[next] == b' ' || bytes[next] == b'\t') {
            i = next;
            continue;
        }
        end = next;
        value_end = crlf;
        break;
    }
    let raw = &bytes[start..end];
    let content = &bytes[start..value_end];
    let field = match content.iter().position(|&b| b == b':') {
        Some(colon) => {
            let name = content[..colon].trim_ascii_end();
            // RFC 5322 field names: printable US-ASCII except the colon.
            let well_formed = !name.is_empty() && name.iter().all(|b| (33..=126).contains(b));
            HeaderField { name, raw, value: &content[colon + 1..], well_formed }
        }
        None => HeaderField { name: content, raw, value: &[], well_formed: false },
    };
    (field, end)
}

/// Position of the first CRLF in `bytes`.
pub(crate) fn find_crlf(bytes: &[u8]) -> Option<usize> {
    let mut start = 0;
    // memchr's search is vectorized (a byte-by-byte scan was ~3% of a batch of small mail).
    while let Some(p) = memchr::memchr(b'\r', &bytes[start..]) {
        let at = start + p;
        if bytes.get(at + 1) == Some(&b'\n') {
            return Some(at);
        }
        start = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_folded_fields_and_body() {
        let raw = b"From: a@b\r\nSubject: one\r\n two\r\nX-Bad line\r\n\r\nbody\r\n";
        let m = Message::parse(raw);
        assert_eq!(m.headers.len(), 3);
        assert_eq!(m.headers[1].name, b"Subject");
        assert_eq!(m.headers[1].raw, b"Subject: one\r\n two\r\n");
        assert_eq!(m.headers[1].value, b" one\r\n two");
        assert_eq!(m.headers[1].value_unfolded(), "one two");
        assert!(!m.headers[2].well_formed);
        assert_eq!(m.malformed_lines(), 1);
        assert_eq!(m.body, Some(&b"body\r\n"[..]));
    }

    #[test]
    fn instances_by_name_ignore_case_and_skip_malformed_lines() {
        let m = Message::parse(b"To: a\r\nX-A: 1\r\nto: b\r\nTO\r\nx-a : 2\r\n\r\n");
        assert_eq!(m.instances("TO"), &[0, 2]);
        assert_eq!(m.instances("x-a"), &[1, 4]);
        assert_eq!(m.instances("from"), &[] as &[usize]);
        assert_eq!(m.first_instances().collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn words_are_lower_cased_as_bytes_are() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b, b'A', b'z', b'Z', b'@', b'[', 0xc1, b]);
            let expected = u64::from_le_bytes(word.to_le_bytes().map(|c| c.to_ascii_lowercase()));
            assert_eq!(ascii_lowercase(word), expected, "{b}");
        }
    }

    #[test]
    fn message_without_body_or_final_crlf() {
        let m = Message::parse(b"From: a@b\r\nTo: c@d");
        assert_eq!(m.headers.len(), 2);
        assert_eq!(m.headers[1].raw, b"To: c@d");
        assert_eq!(m.body, None);
        assert_eq!(m.body_bytes(), b"");
    }
}
