//! `Authentication-Results` values (RFC 8601 §2.2), as receiving servers write them and as ARC
//! copies them into `ARC-Authentication-Results`: the authentication service's name, then one
//! `method=result` per check with its `reason=` and `ptype.property=value` pairs. Read leniently
//! (comments dropped, unknown words skipped): these are claims to show, never inputs to a
//! verdict.

use serde::Serialize;

/// At most this many results are read from one field.
const MAX_RESULTS: usize = 32;

/// One field's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AuthResults {
    /// The authentication service (`authserv-id`), usually the receiving server's host name.
    pub authserv_id: String,
    /// The results, in order.
    pub results: Vec<AuthResult>,
}

/// One `method=result` statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AuthResult {
    /// The method (`dkim`, `spf`, `dmarc`, `arc`, `domainkeys`, ...), lower-case.
    pub method: String,
    /// The result (`pass`, `fail`, `none`, ...), lower-case.
    pub result: String,
    /// `reason=`, if given.
    pub reason: Option<String>,
    /// `ptype.property=value` pairs, such as `header.d=gmail.com` (names lower-case).
    pub properties: Vec<(String, String)>,
}

impl AuthResult {
    /// The value of property `name` (`header.d`, ...), if present.
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The domain a `dkim` (or `domainkeys`) result is about: `header.d`, else the domain of
    /// `header.i`, lower-case.
    pub fn signing_domain(&self) -> Option<String> {
        let d = self.property("header.d").map(str::to_string);
        let from_i = || self.property("header.i").and_then(|i| i.rsplit_once('@')).map(|(_, d)| d.to_string());
        d.or_else(from_i).map(|d| d.trim_matches(|c| c == '"' || c == '<' || c == '>').to_lowercase())
    }
}

/// Parses an `Authentication-Results` value (or what follows `i=N;` in an ARC one).
pub fn parse(value: &[u8]) -> AuthResults {
    let text = without_comments(&String::from_utf8_lossy(value));
    let mut parts = split_outside_quotes(&text, ';').into_iter();
    let authserv_id = parts
        .next()
        .and_then(|p| p.split_whitespace().next().map(|s| s.trim_matches('"').to_string()))
        .unwrap_or_default();
    let results = parts.filter_map(|p| parse_resinfo(&p)).take(MAX_RESULTS).collect();
    AuthResults { authserv_id, results }
}

/// One resinfo: `method[/version]=result [reason=...] [ptype.property=value ...]`.
fn parse_resinfo(part: &str) -> Option<AuthResult> {
    let pairs = pairs(part);
    let ((method, result), rest) = pairs.split_first()?;
    let method = method.split('/').next().unwrap_or("").trim().to_ascii_lowercase();
    // A method is a keyword; `ptype.property=value` in its place is not a result.
    if method.is_empty() || method.contains(|c: char| c.is_whitespace() || c == '.') {
        return None;
    }
    let mut out = AuthResult { method, result: result.to_ascii_lowercase(), ..AuthResult::default() };
    for (name, value) in rest {
        let name = name.to_ascii_lowercase();
        if name == "reason" {
            out.reason = Some(value.clone());
        } else if name.contains('.') {
            out.properties.push((name, value.clone()));
        }
    }
    Some(out)
}

/// `name = value` pairs of a resinfo: a value is a quoted string or runs to the next space.
fn pairs(part: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = part.trim();
    while let Some(eq) = rest.find('=') {
        // The name is the last word before `=` (words before it are not pairs).
        let name = rest[..eq].split_whitespace().last().unwrap_or("").to_string();
        rest = rest[eq + 1..].trim_start();
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            let v = quoted[..end].to_string();
            rest = quoted.get(end + 1..).unwrap_or("");
            v
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let v = rest[..end].to_string();
            rest = &rest[end..];
            v
        };
        if !name.is_empty() {
            out.push((name, value));
        }
        rest = rest.trim_start();
    }
    out
}

/// The text with RFC 5322 comments (nested parentheses, outside quoted strings) replaced by a space.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    for c in text.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                if depth == 0 {
                    out.push(c);
                }
            }
            '"' if depth == 0 => {
                quoted = !quoted;
                out.push(c);
            }
            '(' if !quoted => {
                depth += 1;
                if depth == 1 {
                    out.push(' ');
                }
            }
            ')' if !quoted && depth > 0 => depth -= 1,
            '\r' | '\n' if depth == 0 => out.push(' '),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Splits on `sep` outside quoted strings.
fn split_outside_quotes(text: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == sep && !quoted {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rfc_8617_example() {
        let ar = parse(
            b" clochette.example.org; spf=fail\r\n    smtp.from=jqd@d1.example; dkim=fail (512-bit key)\r\n    \
header.i=@d1.example; dmarc=fail; arc=pass (as.2.gmail.example=pass,\r\n    ams.2.gmail.example=pass)",
        );
        assert_eq!(ar.authserv_id, "clochette.example.org");
        let methods: Vec<(&str, &str)> = ar.results.iter().map(|r| (r.method.as_str(), r.result.as_str())).collect();
        assert_eq!(methods, vec![("spf", "fail"), ("dkim", "fail"), ("dmarc", "fail"), ("arc", "pass")]);
        assert_eq!(ar.results[1].signing_domain().as_deref(), Some("d1.example"));
        assert_eq!(ar.results[0].property("smtp.from"), Some("jqd@d1.example"));
    }

    #[test]
    fn gmail_style_and_odd_input() {
        let ar = parse(b" mx.google.com;\r\n       dkim=pass header.i=@github.com header.s=pf2014 header.b=\"Xy=z\";\r\n       spf=pass (google.com: domain of x) smtp.mailfrom=x@github.com; dmarc = pass (p=NONE) header.from=github.com");
        assert_eq!(ar.authserv_id, "mx.google.com");
        assert_eq!(ar.results[0].signing_domain().as_deref(), Some("github.com"));
        assert_eq!(ar.results[0].property("header.b"), Some("Xy=z"));
        assert_eq!(ar.results[2].method, "dmarc");
        for odd in [&b""[..], b";;;", b"x; =; a=", b"(((", b"\"unterminated; dkim=pass", b"a; dkim/1=pass reason=\"x"] {
            let _ = parse(odd);
        }
        assert!(parse(b"example.org; none").results.is_empty());
        let ar =
            parse(b" webhostingserver.nl; smtp.remote-ip=178.250.146.69;\r\n\tiprev=pass (x) smtp.remote-ip=1.2.3.4");
        assert_eq!(ar.results.len(), 1);
        assert_eq!(ar.results[0].method, "iprev");
    }
}
