//! The tag=value list of RFC 6376 §3.2, shared by signatures and key records.
//!
//! Parsing borrows from the input and remembers where each raw value sits, so that the `b=`
//! value can be blanked out of the exact header bytes when the signature is checked.

use crate::budget::{Exceeded, Limit, MAX_TAGS, Work, count};
use crate::l10n::Phrase;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

/// Tags checked for duplicates by comparing with each before; past them, with a set.
const SCAN_TAGS: usize = 16;

/// One `name=value` pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    /// The tag name (case-sensitive).
    pub name: &'a str,
    /// The value with leading and trailing whitespace removed (inner folding kept).
    pub value: &'a [u8],
    /// Where the raw value (everything between `=` and the next `;`) lies in the input.
    pub raw_value: Range<usize>,
}

/// Why a tag-list could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TagListError {
    /// A tag-spec has no `=`.
    MissingEquals(String),
    /// A tag name is empty or has characters other than letters, digits and `_`.
    BadName(String),
    /// A value contains a character that is not allowed (such as a control character).
    BadValue(String),
    /// The same tag appears twice.
    Duplicate(String),
    /// More tags than [`MAX_TAGS`].
    TooManyTags(Exceeded),
    /// An empty tag-spec: `;;`, or a leading `;` (only one trailing `;` is allowed).
    EmptyTag,
}

impl TagListError {
    /// What is wrong, in words.
    pub fn phrase(&self) -> Phrase {
        match self {
            TagListError::MissingEquals(spec) => Phrase::new("tag-error-missing-equals").arg("spec", spec.as_str()),
            TagListError::BadName(name) => Phrase::new("tag-error-bad-name").arg("name", name.as_str()),
            TagListError::BadValue(tag) => Phrase::new("tag-error-bad-value").arg("tag", tag.as_str()),
            TagListError::Duplicate(tag) => Phrase::new("tag-error-duplicate").arg("tag", tag.as_str()),
            TagListError::TooManyTags(exceeded) => exceeded.phrase(),
            TagListError::EmptyTag => Phrase::new("tag-error-empty"),
        }
    }
}

impl fmt::Display for TagListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

/// A parsed tag-list.
#[derive(Debug, Clone, Default)]
pub struct TagList<'a> {
    /// Tags in the order they appear.
    pub tags: Vec<Tag<'a>>,
}

impl<'a> TagList<'a> {
    /// Parses a tag-list. RFC 6376 §3.2: `tag-list = tag-spec *( ";" tag-spec ) [ ";" ]`, so a
    /// trailing `;` is allowed but an empty tag-spec (`;;`, a leading `;`) is a syntax error.
    /// At most [`MAX_TAGS`] tags; duplicates are found by comparing with the tags before while
    /// there are at most [`SCAN_TAGS`] (a signature has a dozen), then with a set, in linear
    /// time.
    pub fn parse(input: &'a [u8]) -> Result<Self, TagListError> {
        // Sized for every spec at once (one per ';', at most MAX_TAGS + 1 are read).
        let specs = (memchr::memchr_iter(b';', input).count() + 1).min(MAX_TAGS + 1);
        let mut tags: Vec<Tag<'a>> = Vec::with_capacity(specs);
        // Built only past SCAN_TAGS tags, sized for every spec (no rehashing as it fills). The
        // names come from the input: the set's hasher keeps a per-process random seed
        // (foldhash's RandomState, faster than SipHash on short names).
        let mut names: Option<HashSet<&'a str, foldhash::fast::RandomState>> = None;
        let mut pos = 0;
        while pos <= input.len() {
            let end = memchr::memchr(b';', &input[pos..]).map_or(input.len(), |p| pos + p);
            let spec = &input[pos..end];
            let empty = spec.iter().all(|&b| is_fws(b));
            // Only the last spec may be empty: after a trailing ';', or a list that is all whitespace.
            if empty && end < input.len() {
                return Err(TagListError::EmptyTag);
            }
            if !empty {
                let eq =
                    memchr::memchr(b'=', spec).ok_or_else(|| TagListError::MissingEquals(lossy(trim_fws(spec))))?;
                let name_bytes = trim_fws(&spec[..eq]);
                let name = std::str::from_utf8(name_bytes)
                    .ok()
                    .filter(|n| is_tag_name(n))
                    .ok_or_else(|| TagListError::BadName(lossy(name_bytes)))?;
                let value = trim_fws(&spec[eq + 1..]);
                if !value_chars_ok(value) {
                    return Err(TagListError::BadValue(name.to_string()));
                }
                count(Work::TagLookups, 1);
                let duplicate = match &mut names {
                    Some(names) => !names.insert(name),
                    None if tags.len() < SCAN_TAGS => tags.iter().any(|t| t.name == name),
                    None => {
                        let mut set = HashSet::with_capacity_and_hasher(specs, Default::default());
                        set.extend(tags.iter().map(|t| t.name));
                        let duplicate = !set.insert(name);
                        names = Some(set);
                        duplicate
                    }
                };
                if duplicate {
                    return Err(TagListError::Duplicate(name.to_string()));
                }
                if tags.len() == MAX_TAGS {
                    return Err(TagListError::TooManyTags(Exceeded::new(Limit::Tags, None)));
                }
                tags.push(Tag { name, value, raw_value: pos + eq + 1..end });
            }
            pos = end + 1;
        }
        Ok(TagList { tags })
    }

    /// The value of tag `name`, if present.
    pub fn get(&self, name: &str) -> Option<&'a [u8]> {
        self.tags.iter().find(|t| t.name == name).map(|t| t.value)
    }

    /// The tag `name`, if present.
    pub fn tag(&self, name: &str) -> Option<&Tag<'a>> {
        self.tags.iter().find(|t| t.name == name)
    }
}

/// Folding whitespace bytes: SP, HTAB, CR, LF.
pub fn is_fws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// Trims folding whitespace from both ends.
pub fn trim_fws(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if !is_fws(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_fws(*last) {
            break;
        }
        s = rest;
    }
    s
}

/// Removes every folding-whitespace byte (for base64 values such as `b=`, `bh=`, `p=`).
pub fn strip_fws(s: &[u8]) -> Vec<u8> {
    s.iter().copied().filter(|b| !is_fws(*b)).collect()
}

fn is_tag_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// VALCHAR (%x21-3A / %x3C-7E), folding whitespace, and UTF-8 bytes (RFC 8616).
fn value_chars_ok(value: &[u8]) -> bool {
    // Every byte is looked at (no early exit), so that the loop is vectorized.
    value.iter().fold(true, |ok, &b| ok & (is_fws(b) || (0x21..=0x7e).contains(&b) || b >= 0x80))
}

fn lossy(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    if s.chars().count() > 40 { format!("{}…", s.chars().take(40).collect::<String>()) } else { s.into_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_with_folding_and_positions() {
        let input = b" v=1; a=rsa-sha256;\r\n\tb=abc\r\n def ; bh = xyz;";
        let list = TagList::parse(input).unwrap(); // ok: test
        assert_eq!(list.get("v"), Some(&b"1"[..]));
        assert_eq!(list.get("b"), Some(&b"abc\r\n def"[..]));
        assert_eq!(list.get("bh"), Some(&b"xyz"[..]));
        let b = list.tag("b").unwrap(); // ok: test
        assert_eq!(&input[b.raw_value.clone()], b"abc\r\n def ");
    }

    #[test]
    fn rejects_duplicates_missing_equals_and_bad_names() {
        assert_eq!(TagList::parse(b"a=1; a=2").unwrap_err(), TagListError::Duplicate("a".into()));
        assert!(matches!(TagList::parse(b"synerr"), Err(TagListError::MissingEquals(_))));
        assert!(matches!(TagList::parse(b"1a=x"), Err(TagListError::BadName(_))));
        assert!(matches!(TagList::parse(b"a=x\x01y"), Err(TagListError::BadValue(_))));
    }

    #[test]
    fn duplicates_are_found_in_long_lists_too() {
        // Below, at and past the number of tags compared one by one (then a set takes over).
        for n in [2, SCAN_TAGS - 1, SCAN_TAGS, SCAN_TAGS + 1, 40] {
            for dup in [0, n / 2, n - 1] {
                let mut specs: Vec<String> = (0..n).map(|i| format!("t{i}=x")).collect();
                assert!(TagList::parse(specs.join(";").as_bytes()).is_ok(), "{n}");
                specs.push(format!("t{dup}=y"));
                specs.push("z=1".into());
                let err = TagList::parse(specs.join(";").as_bytes()).unwrap_err(); // ok: test
                assert_eq!(err, TagListError::Duplicate(format!("t{dup}")), "{n} {dup}");
            }
        }
    }

    #[test]
    fn more_tags_than_the_budget_are_refused_naming_the_limit() {
        let list = |n: usize| (0..n).map(|i| format!("t{i}=x")).collect::<Vec<_>>().join(";");
        assert_eq!(TagList::parse(list(MAX_TAGS).as_bytes()).map(|l| l.tags.len()), Ok(MAX_TAGS));
        let err = TagList::parse(list(MAX_TAGS + 1).as_bytes()).unwrap_err(); // ok: test
        assert!(err.to_string().contains("limit tags_per_tag_list"), "{err}");
    }

    /// RFC 6376 §3.2: `tag-list = tag-spec *( ";" tag-spec ) [ ";" ]`.
    #[test]
    fn an_empty_tag_is_an_error_but_one_trailing_semicolon_is_not() {
        assert_eq!(TagList::parse(b"a=1;;b=2").unwrap_err(), TagListError::EmptyTag);
        assert_eq!(TagList::parse(b"a=1; ;b=2").unwrap_err(), TagListError::EmptyTag);
        assert_eq!(TagList::parse(b";a=1").unwrap_err(), TagListError::EmptyTag);
        assert_eq!(TagList::parse(b" \r\n ; a=1").unwrap_err(), TagListError::EmptyTag);
        assert_eq!(TagList::parse(b"a=1;;").unwrap_err(), TagListError::EmptyTag);
        assert_eq!(TagList::parse(b"a=1; ").map(|l| l.tags.len()), Ok(1));
        assert_eq!(TagList::parse(b"a=1;\r\n\t").map(|l| l.tags.len()), Ok(1));
        assert_eq!(TagList::parse(b"").map(|l| l.tags.len()), Ok(0));
    }
}
