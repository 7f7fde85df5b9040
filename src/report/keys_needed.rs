//! The keys a batch needs: every `selector._domainkey.domain` for which no key is known, with
//! how many messages need it and the dates of the first and last of them, most-needed first.
//! The key has to be the one published when those messages were sent: the dates say when.

use super::MessageReport;
use super::row::{Row, missing_keys};
use crate::text::civil_date::unix_to_date;
use serde::Serialize;
use std::collections::HashMap;

/// One key a batch needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyNeeded {
    /// `selector._domainkey.domain`.
    pub missing_key: String,
    /// How many messages have a signature that needs it.
    pub count: usize,
    /// The Date of the earliest of them (`YYYY-MM-DD`, UTC); `None` when none has a Date.
    pub first: Option<String>,
    /// The Date of the latest of them.
    pub last: Option<String>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    count: usize,
    first: Option<i64>,
    last: Option<i64>,
}

/// Keys needed, counted message by message.
#[derive(Debug, Clone, Default)]
pub struct KeysNeeded {
    names: HashMap<String, Tally>,
}

impl KeysNeeded {
    /// An empty tally.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one message that needs the keys `names` (each once), dated `date_unix`.
    pub fn add<S: AsRef<str>>(&mut self, names: &[S], date_unix: Option<i64>) {
        for name in names {
            let t = self.names.entry(name.as_ref().to_string()).or_default();
            t.count += 1;
            if let Some(d) = date_unix {
                t.first = Some(t.first.map_or(d, |f| f.min(d)));
                t.last = Some(t.last.map_or(d, |l| l.max(d)));
            }
        }
    }

    /// Counts one message's report.
    pub fn add_report(&mut self, r: &MessageReport) {
        self.add(&missing_keys(r), r.message.date_unix);
    }

    /// Counts one message's row.
    pub fn add_row(&mut self, row: &Row) {
        self.add(&row.missing_keys, row.date_unix);
    }

    /// No key is needed.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The keys needed, most-needed first (then by name).
    pub fn list(&self) -> Vec<KeyNeeded> {
        let mut out: Vec<KeyNeeded> = self
            .names
            .iter()
            .map(|(name, t)| KeyNeeded {
                missing_key: name.clone(),
                count: t.count,
                first: t.first.map(unix_to_date),
                last: t.last.map(unix_to_date),
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.missing_key.cmp(&b.missing_key)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_messages_with_first_and_last_dates_most_needed_first() {
        let mut k = KeysNeeded::new();
        k.add(&["a._domainkey.x.org"], Some(1_300_000_000));
        k.add(&["a._domainkey.x.org", "b._domainkey.y.org"], Some(1_200_000_000));
        k.add(&["a._domainkey.x.org"], None);
        k.add(&["b._domainkey.y.org"], Some(1_400_000_000));
        k.add(&["c._domainkey.z.org"], None);
        let list = k.list();
        assert_eq!(list.len(), 3);
        assert_eq!(
            list[0],
            KeyNeeded {
                missing_key: "a._domainkey.x.org".into(),
                count: 3,
                first: Some("2008-01-10".into()),
                last: Some("2011-03-13".into())
            }
        );
        assert_eq!((list[1].missing_key.as_str(), list[1].count), ("b._domainkey.y.org", 2));
        assert_eq!(list[1].last.as_deref(), Some("2014-05-13"));
        assert_eq!((list[2].count, list[2].first.as_deref()), (1, None));
    }
}
