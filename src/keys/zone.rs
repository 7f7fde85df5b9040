//! Key records written as DNS zone lines or `dig` answers:
//!
//! ```text
//! brisbane._domainkey.football.example.com. IN TXT "v=DKIM1; k=ed25519; " "p=11qY...="
//! 20120113._domainkey.gmail.com. 300 IN TXT ( "k=rsa; p=MIIB..."
//!                                             "...IDAQAB" )
//! ```
//!
//! The TXT data is the concatenation of the quoted character-strings (RFC 1035 §5.1 escapes:
//! `\"`, `\\`, `\DDD`). `;` starts a comment outside quotes; parentheses continue a record over
//! lines; a TTL and the class are optional. CNAME lines are followed, so `dig` output for a
//! delegated selector works. Other record types are ignored.

use crate::budget::MAX_KEYS_PER_NAME;
use crate::l10n::Phrase;
use std::collections::HashMap;
use std::fmt;

/// One TXT record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxtRecord {
    /// Owner name, lower-cased, without the trailing dot.
    pub name: String,
    /// The joined TXT data.
    pub data: Vec<u8>,
    /// 1-based line number where the record starts.
    pub line: usize,
}

/// A line that could not be read (or a key that could not be added).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ZoneError {
    /// 1-based line number; 0 when the problem is not tied to a line (an archive entry).
    pub line: usize,
    /// What is wrong.
    pub message: Phrase,
}

impl ZoneError {
    /// The line and what is wrong with it, in words.
    pub fn phrase(&self) -> Phrase {
        if self.line == 0 {
            return self.message.clone();
        }
        Phrase::new("zone-error-line").arg("line", self.line.to_string()).phrase("error", self.message.clone())
    }
}

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

/// Parses zone text into TXT records, with an error for each line that could not be read.
pub fn parse(text: &str) -> (Vec<TxtRecord>, Vec<ZoneError>) {
    let mut records = Vec::new();
    let mut cnames: Vec<(String, String)> = Vec::new();
    let mut errors = Vec::new();
    let text: String = text.lines().map(quote_bare_txt).collect::<Vec<_>>().join("\n");
    for (line, tokens) in logical_lines(&text, &mut errors) {
        if tokens.is_empty() {
            continue;
        }
        match interpret(&tokens) {
            Ok(Some(Entry::Txt(name, data))) => records.push(TxtRecord { name, data, line }),
            Ok(Some(Entry::Cname(alias, target))) => cnames.push((alias, target)),
            Ok(None) => {}
            Err(message) => errors.push(ZoneError { line, message }),
        }
    }
    // Each alias gets the records of its target (looked up by name, at most the keys one name
    // may hold: a CNAME cannot multiply the records beyond the budget).
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let same = by_name.entry(r.name.as_str()).or_default();
        if same.len() < MAX_KEYS_PER_NAME {
            same.push(i);
        }
    }
    let aliased: Vec<TxtRecord> = cnames
        .iter()
        .flat_map(|(alias, target)| {
            let found = by_name.get(target.as_str()).map_or(&[][..], Vec::as_slice);
            found.iter().map(|&i| TxtRecord {
                name: alias.clone(),
                data: records[i].data.clone(),
                line: records[i].line,
            })
        })
        .collect();
    records.extend(aliased);
    errors.sort_by_key(|e| e.line);
    (records, errors)
}

/// A record pasted without quotes (`name IN TXT v=DKIM1; k=rsa; p=...`) would lose everything
/// after the first `;`, which starts a comment in zone syntax: quote the rest of such a line.
fn quote_bare_txt(line: &str) -> std::borrow::Cow<'_, str> {
    let mut rest = line.trim_start();
    let mut fields = 0;
    while let Some(end) = rest.find([' ', '\t']) {
        let word = &rest[..end];
        rest = rest[end..].trim_start();
        fields += 1;
        if word.eq_ignore_ascii_case("TXT") && fields >= 2 {
            if rest.is_empty() || rest.starts_with(['"', '(', ';']) {
                break;
            }
            let start = line.len() - rest.len();
            let escaped = rest.trim_end().replace('\\', "\\\\").replace('"', "\\\"");
            return format!("{}\"{escaped}\"", &line[..start]).into();
        }
        if fields > 4 {
            break;
        }
    }
    line.into()
}

/// Normalizes a DNS name for lookups: lower case, no trailing dot.
pub fn normalize_name(name: &str) -> String {
    name.trim().trim_end_matches('.').to_lowercase()
}

/// Record types that may appear in `dig` output beside TXT; they are skipped.
const OTHER_TYPES: &[&str] = &[
    "A", "AAAA", "MX", "NS", "SOA", "SPF", "SRV", "PTR", "CAA", "HINFO", "DS", "DNSKEY", "RRSIG", "NSEC", "NSEC3",
    "OPT", "TLSA", "HTTPS", "SVCB", "DNAME",
];

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(Vec<u8>),
    Quoted(Vec<u8>),
}

enum Entry {
    Txt(String, Vec<u8>),
    Cname(String, String),
}

fn interpret(tokens: &[Token]) -> Result<Option<Entry>, Phrase> {
    let Token::Word(name) = &tokens[0] else {
        return Err(Phrase::new("zone-error-no-name"));
    };
    let name = normalize_name(&String::from_utf8_lossy(name));
    let mut i = 1;
    // Optional TTL and class, in either order.
    while let Some(Token::Word(w)) = tokens.get(i) {
        let is_ttl = !w.is_empty() && w.iter().all(u8::is_ascii_digit);
        let is_class = [&b"IN"[..], b"CH", b"HS"].iter().any(|c| w.eq_ignore_ascii_case(c));
        if is_ttl || is_class {
            i += 1;
        } else {
            break;
        }
    }
    let Some(Token::Word(rtype)) = tokens.get(i) else {
        return Err(Phrase::new("zone-error-no-type").arg("name", name));
    };
    if rtype.contains(&b'=') {
        return Err(Phrase::new("zone-error-no-type-value").arg("name", name));
    }
    let rest = &tokens[i + 1..];
    if rtype.eq_ignore_ascii_case(b"TXT") {
        if rest.is_empty() {
            return Err(Phrase::new("zone-error-txt-no-data").arg("name", name));
        }
        let mut data = Vec::new();
        for t in rest {
            match t {
                Token::Quoted(s) | Token::Word(s) => data.extend_from_slice(s),
            }
        }
        Ok(Some(Entry::Txt(name, data)))
    } else if rtype.eq_ignore_ascii_case(b"CNAME") {
        match rest.first() {
            Some(Token::Word(target)) => Ok(Some(Entry::Cname(name, normalize_name(&String::from_utf8_lossy(target))))),
            _ => Err(Phrase::new("zone-error-cname-no-target").arg("name", name)),
        }
    } else if OTHER_TYPES.iter().any(|t| rtype.eq_ignore_ascii_case(t.as_bytes())) {
        Ok(None) // another record type, as in dig output: not a key
    } else {
        Err(Phrase::new("zone-error-bad-type").arg("type", String::from_utf8_lossy(rtype)))
    }
}

/// Splits text into logical lines (joined across parentheses) of tokens.
fn logical_lines(text: &str, errors: &mut Vec<ZoneError>) -> Vec<(usize, Vec<Token>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut start_line = 1;
    let mut line = 1;
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                i += 1;
                if depth == 0 {
                    out.push((start_line, std::mem::take(&mut tokens)));
                    start_line = line;
                }
            }
            b';' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' => {
                depth += 1;
                i += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'"' => {
                let mut s = Vec::new();
                i += 1;
                let mut closed = false;
                while i < bytes.len() {
                    match bytes[i] {
                        b'"' => {
                            closed = true;
                            i += 1;
                            break;
                        }
                        b'\\' => i = unescape(bytes, i, &mut s),
                        b'\n' => break,
                        b => {
                            s.push(b);
                            i += 1;
                        }
                    }
                }
                if !closed {
                    errors.push(ZoneError { line, message: Phrase::new("zone-error-unclosed-quote") });
                }
                tokens.push(Token::Quoted(s));
            }
            _ => {
                let mut s = Vec::new();
                while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | b';' | b'"' | b'(' | b')') {
                    if bytes[i] == b'\\' {
                        i = unescape(bytes, i, &mut s);
                    } else {
                        s.push(bytes[i]);
                        i += 1;
                    }
                }
                tokens.push(Token::Word(s));
            }
        }
    }
    if depth > 0 {
        errors.push(ZoneError { line: start_line, message: Phrase::new("zone-error-unclosed-parenthesis") });
    }
    out.push((start_line, tokens));
    out
}

/// Reads the escape at `bytes[i] == '\\'` into `out`; returns the index after it.
fn unescape(bytes: &[u8], i: usize, out: &mut Vec<u8>) -> usize {
    let digits = bytes.get(i + 1..i + 4).filter(|d| d.iter().all(u8::is_ascii_digit));
    if let Some(d) = digits {
        let value = d.iter().fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0'));
        out.push(u8::try_from(value).unwrap_or(b'?'));
        return i + 4;
    }
    match bytes.get(i + 1) {
        Some(&b) => {
            out.push(b);
            i + 2
        }
        None => i + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_strings_handles_ttl_class_escapes_and_comments() {
        let text = "; comment\nA._domainkey.Example.COM. 300 IN TXT \"v=DKIM1; \" \"p=AB\\\"C\" ; tail\n\
                    b._domainkey.example.com. TXT ( \"k=rsa;\"\n  \"p=XYZ\" )\n\
                    c._domainkey.example.com. IN CNAME b._domainkey.example.com.\n\
                    x\\(.example.com. IN TXT \"q\\059\"\n";
        let (records, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(records[0].name, "a._domainkey.example.com");
        assert_eq!(records[0].data, b"v=DKIM1; p=AB\"C");
        assert_eq!(records[1].data, b"k=rsa;p=XYZ");
        assert_eq!(records[1].line, 3);
        assert_eq!(records[2].name, "x(.example.com");
        assert_eq!(records[2].data, b"q;");
        assert_eq!(records[3].name, "c._domainkey.example.com");
        assert_eq!(records[3].data, b"k=rsa;p=XYZ");
    }

    #[test]
    fn unquoted_txt_values_keep_their_semicolons() {
        let (records, errors) = parse("s._domainkey.example.org. IN TXT v=DKIM1; k=rsa; p=AB\\C\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(records[0].data, b"v=DKIM1; k=rsa; p=AB\\C");
        let (_, errors) = parse("s._domainkey.example.org v=DKIM1; p=AB\n");
        assert!(errors[0].to_string().contains("IN TXT"), "{errors:?}");
    }

    #[test]
    fn reports_bad_lines_by_number() {
        let (records, errors) = parse("good. TXT \"a=b\"\nbad.\nworse. TXT \"open\n");
        assert_eq!(records.len(), 2);
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![2, 3]);
    }
}
