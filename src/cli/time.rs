//! Times on the command line: unix seconds or RFC 3339.

/// Now, in unix seconds.
pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Parses unix seconds, `YYYY-MM-DD`, or RFC 3339 (`YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`).
pub fn parse(text: &str) -> Option<u64> {
    let t = text.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    let num =
        |s: &str| -> Option<i64> { (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())? };
    let (date, rest) = t.split_at(t.find(['T', 't', ' ']).unwrap_or(t.len()));
    let mut d = date.split('-');
    let (y, m, day) = (num(d.next()?)?, num(d.next()?)?, num(d.next()?)?);
    if d.next().is_some() {
        return None;
    }
    let mut secs = dkimcheck::text::civil_date::days_from_civil(y, m, day)? * 86_400;
    if !rest.is_empty() {
        let rest = &rest[1..];
        let (clock, offset) = match rest.find(['Z', 'z', '+', '-']) {
            Some(p) => rest.split_at(p),
            None => (rest, ""),
        };
        let clock = clock.split('.').next()?;
        let mut c = clock.split(':');
        let (h, mi, s) = (num(c.next()?)?, num(c.next()?)?, num(c.next().unwrap_or("0"))?);
        if h > 23 || mi > 59 || s > 60 {
            return None;
        }
        secs += h * 3600 + mi * 60 + s;
        if let Some(sign) = offset.chars().next().filter(|c| *c == '+' || *c == '-') {
            let mut o = offset[1..].split(':');
            let off = num(o.next()?)? * 3600 + num(o.next().unwrap_or("0"))? * 60;
            secs += if sign == '+' { -off } else { off };
        }
    }
    u64::try_from(secs).ok()
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn parses_unix_dates_and_rfc3339() {
        assert_eq!(parse("1528637909"), Some(1_528_637_909));
        assert_eq!(parse("2016-03-01"), Some(1_456_790_400));
        assert_eq!(parse("2016-03-01T10:00:00Z"), Some(1_456_826_400));
        assert_eq!(parse("2016-03-01T12:00:00+02:00"), Some(1_456_826_400));
        assert_eq!(parse("yesterday"), None);
        assert_eq!(parse("2016-02-31"), None);
        assert_eq!(parse("9999999999999-01-01"), None);
    }
}
