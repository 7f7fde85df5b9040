//! Civil (proleptic Gregorian, UTC) dates, for the few places that show or read a date: no
//! clock is read here.

/// Days since 1970-01-01 of a proleptic Gregorian date; `None` for an impossible date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> Option<i64> {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] || !(0..=9999).contains(&y) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Formats unix seconds as `YYYY-MM-DD HH:MM:SS UTC`.
pub fn unix_to_date_time(secs: i64) -> String {
    let s = secs.rem_euclid(86_400);
    format!("{} {:02}:{:02}:{:02} UTC", unix_to_date(secs), s / 3600, s % 3600 / 60, s % 60)
}

/// The civil date (year, month 1-12, day 1-31; UTC) of unix seconds.
pub fn civil_from_unix(secs: i64) -> (i64, i64, i64) {
    let days = secs.div_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Formats unix seconds as `YYYY-MM-DD` (UTC).
pub fn unix_to_date(secs: i64) -> String {
    let (y, m, d) = civil_from_unix(secs);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(days_from_civil(2016, 3, 1), Some(16_861));
        assert_eq!(days_from_civil(2016, 2, 30), None);
        assert_eq!(days_from_civil(2015, 2, 29), None);
        assert_eq!(unix_to_date(0), "1970-01-01");
        assert_eq!(unix_to_date(1_456_826_400), "2016-03-01");
        assert_eq!(civil_from_unix(1_456_826_400), (2016, 3, 1));
    }
}
