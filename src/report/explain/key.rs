//! The key a signature was checked with, in words: its kind, where it came from, the period it was seen in public sources.

use crate::keys::provenance::{ADDED_BY_YOU, BUNDLED_ORIGIN, KEYS_FILE_ORIGIN, RECOVERED_HERE_ORIGIN};
use crate::l10n::Phrase;
use crate::report::KeyUsed;
use crate::text::civil_date::days_from_civil;

/// The period a key was seen in public sources, in the language's words: "from January 2012 to
/// March 2016", "on May 1, 2019"... Each date has its kind (`day`, `month`, `year`, `other`) as
/// an argument, for languages whose words around a date depend on it ("le 1 mars", "en 2016").
pub fn window(key: &KeyUsed) -> Phrase {
    let (first, last) = (&key.provenance.first_seen, &key.provenance.last_seen);
    match (first, last) {
        (Some(a), Some(b)) if a == b => with_date(Phrase::new("window-on"), "date", a),
        (Some(a), Some(b)) => with_date(with_date(Phrase::new("window-from-to"), "first", a), "last", b),
        (Some(a), None) => with_date(Phrase::new("window-from"), "first", a),
        (None, Some(b)) => with_date(Phrase::new("window-until"), "last", b),
        (None, None) => Phrase::new("window-unknown"),
    }
}

/// `phrase` with a date of the key archive (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as `name`, in
/// words, and its kind as `name_kind`. A date in another form is shown as written.
fn with_date(phrase: Phrase, name: &'static str, date: &str) -> Phrase {
    let kind: &'static str = match name {
        "first" => "first_kind",
        "last" => "last_kind",
        _ => "date_kind",
    };
    let (words, k) = archive_date(date);
    phrase.phrase(name, words).arg(kind, k)
}

/// A date of the key archive in words (the page says the same in www/js/views/report/words.js).
fn archive_date(date: &str) -> (Phrase, &'static str) {
    let as_written = || (Phrase::new("detail-as-given").arg("text", date), "other");
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i64>().ok()).flatten()
    };
    match parts.as_slice() {
        [y] if num(y, 4).is_some() => (Phrase::new("detail-as-given").arg("text", *y), "year"),
        [y, m] => match (num(y, 4), num(m, 2)) {
            (Some(_), Some(m @ 1..=12)) => {
                (Phrase::new("date-month").phrase("month", month(m)).arg("year", *y), "month")
            }
            _ => as_written(),
        },
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) => match days_from_civil(y, m, d).and_then(|days| u64::try_from(days).ok()) {
                Some(days) => (Phrase::new("detail-as-given").date("text", days * 86_400), "day"),
                None => as_written(),
            },
            _ => as_written(),
        },
        _ => as_written(),
    }
}

/// The name of month `m` (1-12).
fn month(m: i64) -> Phrase {
    const MONTH_IDS: [&str; 12] = [
        "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9", "month-10",
        "month-11", "month-12",
    ];
    Phrase::new(MONTH_IDS[usize::try_from(m - 1).unwrap_or(0).min(11)])
}

/// Where a key came from, for a person: the bundled archive, "added by you", a keys file, or
/// the origin label as given.
pub fn origin(label: &str) -> Phrase {
    if label == BUNDLED_ORIGIN {
        Phrase::new("key-origin-bundled")
    } else if label == ADDED_BY_YOU {
        Phrase::new("key-origin-added")
    } else if label == RECOVERED_HERE_ORIGIN {
        Phrase::new("key-origin-recovered-here")
    } else if let Some(file) = label.strip_prefix(KEYS_FILE_ORIGIN) {
        Phrase::new("key-origin-file").arg("file", file)
    } else {
        Phrase::new("key-origin-other").arg("origin", label)
    }
}

/// The key a signature was checked with, in words: its kind, where it came from, when it was
/// seen and whether the message's Date falls in that period.
pub(super) fn key_phrase(k: &KeyUsed) -> Phrase {
    let kind = if k.key_type == "ed25519" {
        Phrase::new("key-kind-ed25519")
    } else {
        Phrase::new("key-kind-rsa").arg("bits", k.bits.to_string())
    };
    let from = if k.provenance.is_bundled() {
        Phrase::new("key-from-bundled")
    } else if k.provenance.origin == ADDED_BY_YOU {
        Phrase::new("key-from-added")
    } else {
        Phrase::new("key-from-origin").phrase("origin", origin(&k.provenance.origin))
    };
    let seen = k.provenance.first_seen.is_some() || k.provenance.last_seen.is_some();
    let id = match (seen, k.date_in_window) {
        (_, Some(true)) => "key-phrase-seen-inside",
        (_, Some(false)) => "key-phrase-seen-outside",
        (true, None) => "key-phrase-seen",
        (false, None) => "key-phrase",
    };
    Phrase::new(id).phrase("kind", kind).phrase("from", from).phrase("window", window(k))
}

/// "Checked with the 2048-bit RSA key from …": the key a signature was checked with, as a
/// sentence (a DomainKeys signature's explanation; the CLI's `-v` line for a DKIM signature
/// whose explanation does not name its key).
pub fn checked_with(k: &KeyUsed) -> Phrase {
    Phrase::new("key-checked-with").phrase("key", key_phrase(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::l10n::Lang;

    fn period(first: &str, last: &str, lang: Lang) -> String {
        catalog::render(lang, &with_date(with_date(Phrase::new("window-from-to"), "first", first), "last", last))
    }

    #[test]
    fn key_periods_are_in_the_language_asked_for() {
        assert_eq!(period("2012-01", "2016-10", Lang::En), "from January 2012 to October 2016");
        assert_eq!(period("2012-01", "2016-10", Lang::Fr), "entre janvier 2012 et octobre 2016");
        assert_eq!(period("2008-06-02", "2012-02-21", Lang::En), "from June 2, 2008 to February 21, 2012");
        assert_eq!(period("2008-06-02", "2012-02-21", Lang::Fr), "entre le 2 juin 2008 et le 21 février 2012");
        assert_eq!(period("2007", "2009-10-06", Lang::Fr), "entre 2007 et le 6 octobre 2009");
        // A date in another form is shown as written.
        assert_eq!(period("2012-13", "soon", Lang::En), "from 2012-13 to soon");
        let until = with_date(Phrase::new("window-until"), "last", "2016-10");
        assert_eq!(catalog::render(Lang::Fr, &until), "jusqu’en octobre 2016");
        let on = with_date(Phrase::new("window-on"), "date", "2023-08-17");
        assert_eq!(catalog::render(Lang::Fr, &on), "le 17 août 2023");
        assert_eq!(catalog::render(Lang::En, &on), "on August 17, 2023");
    }
}
