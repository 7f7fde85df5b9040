//! The period a key was seen in public sources, in words: "from January 2012 to March 2016",
//! "on May 1, 2019", "until October 2016". The one place this is worded: reports carry the
//! phrase (`seen`), the evidence report and the page render it through the catalogs.

use crate::l10n::Phrase;
use crate::text::civil_date::days_from_civil;

/// The period between the dates of the key archive `first` and `last` (`YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`; either may be unknown), in the language's words; `None` when neither is known.
/// Each date has its kind (`day`, `month`, `year`, `other`) as an argument, for languages whose
/// words around a date depend on it ("le 1er mars", "en 2016").
pub fn seen_period(first: Option<&str>, last: Option<&str>) -> Option<Phrase> {
    Some(match (first, last) {
        (Some(a), Some(b)) if a == b => with_date(Phrase::new("window-on"), "date", a),
        (Some(a), Some(b)) => with_date(with_date(Phrase::new("window-from-to"), "first", a), "last", b),
        (Some(a), None) => with_date(Phrase::new("window-from"), "first", a),
        (None, Some(b)) => with_date(Phrase::new("window-until"), "last", b),
        (None, None) => return None,
    })
}

/// `phrase` with a date of the key archive as `name`, in words, and its kind as `name_kind`.
/// A date in another form is shown as written.
fn with_date(phrase: Phrase, name: &'static str, date: &str) -> Phrase {
    let kind: &'static str = match name {
        "first" => "first_kind",
        "last" => "last_kind",
        _ => "date_kind",
    };
    let (words, k) = archive_date(date);
    phrase.phrase(name, words).arg(kind, k)
}

/// A date of the key archive in words, and its kind.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::l10n::Lang;

    /// The period in English and in French.
    fn period(first: Option<&str>, last: Option<&str>) -> Option<(String, String)> {
        let p = seen_period(first, last)?;
        Some((catalog::render(Lang::En, &p), catalog::render(Lang::Fr, &p)))
    }

    fn both(en: &str, fr: &str) -> Option<(String, String)> {
        Some((en.to_string(), fr.to_string()))
    }

    #[test]
    fn both_dates() {
        assert_eq!(
            period(Some("2012-01"), Some("2016-10")),
            both("from January 2012 to October 2016", "entre janvier 2012 et octobre 2016")
        );
        assert_eq!(
            period(Some("2008-06-02"), Some("2012-02-21")),
            both("from June 2, 2008 to February 21, 2012", "entre le 2 juin 2008 et le 21 février 2012")
        );
        assert_eq!(
            period(Some("2007"), Some("2009-10-06")),
            both("from 2007 to October 6, 2009", "entre 2007 et le 6 octobre 2009")
        );
        // Two days of one month: each said in full.
        assert_eq!(
            period(Some("2016-03-01"), Some("2016-03-03")),
            both("from March 1, 2016 to March 3, 2016", "entre le 1er mars 2016 et le 3 mars 2016")
        );
    }

    #[test]
    fn only_the_first_date() {
        assert_eq!(period(Some("2018-09"), None), both("from September 2018", "depuis septembre 2018"));
        assert_eq!(period(Some("2018-09-01"), None), both("from September 1, 2018", "depuis le 1er septembre 2018"));
        assert_eq!(period(Some("2018"), None), both("from 2018", "depuis 2018"));
    }

    #[test]
    fn only_the_last_date() {
        assert_eq!(period(None, Some("2016-10")), both("until October 2016", "jusqu’en octobre 2016"));
        assert_eq!(period(None, Some("2016-10-04")), both("until October 4, 2016", "jusqu’au 4 octobre 2016"));
    }

    #[test]
    fn the_same_month_or_day_twice() {
        assert_eq!(period(Some("2016-03"), Some("2016-03")), both("in March 2016", "en mars 2016"));
        assert_eq!(period(Some("2023-08-17"), Some("2023-08-17")), both("on August 17, 2023", "le 17 août 2023"));
        assert_eq!(period(Some("2015"), Some("2015")), both("in 2015", "en 2015"));
    }

    #[test]
    fn no_date() {
        assert_eq!(period(None, None), None);
    }

    #[test]
    fn a_date_in_another_form_is_shown_as_written() {
        assert_eq!(period(Some("2012-13"), Some("soon")), both("from 2012-13 to soon", "entre 2012-13 et soon"));
        assert_eq!(period(Some("2012-02-30"), None), both("from 2012-02-30", "depuis 2012-02-30"));
    }
}
