//! Collecting a message's ARC header fields into ARC sets (RFC 8617 §4.2, §5.2 steps 1 and
//! 3.1–3.2): each field's instance number, then exactly one ARC-Authentication-Results,
//! ARC-Message-Signature and ARC-Seal per instance, for every instance from 1 to N.

use crate::l10n::Phrase;
use crate::message::{HeaderField, Message};
use crate::text::tag_list::trim_fws;

/// At most this many ARC sets (RFC 8617 §5.2 step 1); instance numbers are 1..=50.
pub const MAX_SETS: u32 = 50;

/// The three ARC header fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArcFieldKind {
    /// `ARC-Authentication-Results`
    AuthenticationResults,
    /// `ARC-Message-Signature`
    MessageSignature,
    /// `ARC-Seal`
    Seal,
}

impl ArcFieldKind {
    /// The field name.
    pub fn name(self) -> &'static str {
        match self {
            ArcFieldKind::AuthenticationResults => "ARC-Authentication-Results",
            ArcFieldKind::MessageSignature => "ARC-Message-Signature",
            ArcFieldKind::Seal => "ARC-Seal",
        }
    }

    fn of(field: &HeaderField<'_>) -> Option<Self> {
        [ArcFieldKind::AuthenticationResults, ArcFieldKind::MessageSignature, ArcFieldKind::Seal]
            .into_iter()
            .find(|k| field.is(k.name()))
    }
}

/// One complete ARC set: the indexes of its three fields in the message's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArcSet {
    /// The instance number.
    pub instance: u32,
    /// Index of the ARC-Authentication-Results field.
    pub authentication_results: usize,
    /// Index of the ARC-Message-Signature field.
    pub message_signature: usize,
    /// Index of the ARC-Seal field.
    pub seal: usize,
}

/// A chain whose structure is broken (RFC 8617 §5.2 steps 1, 3.1, 3.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenStructure {
    /// N: the highest valid instance number found (0 if none).
    pub instances: u32,
    /// The lowest defective instance, or `None` when an instance number itself is unreadable.
    pub failed_instance: Option<u32>,
    /// Reason code: `unreadable_instance`, `incomplete_set`, `too_many_sets`.
    pub reason: &'static str,
    /// What is wrong, precisely.
    pub detail: Phrase,
    /// For each instance 1..=N, the fields found (for the per-set report).
    pub partial: Vec<PartialSet>,
}

/// The fields found for one instance of a broken chain (the first of each kind).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PartialSet {
    /// Index of the first ARC-Authentication-Results field of the instance.
    pub authentication_results: Option<usize>,
    /// Index of the first ARC-Message-Signature field.
    pub message_signature: Option<usize>,
    /// Index of the first ARC-Seal field.
    pub seal: Option<usize>,
}

/// The ARC structure of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Structure {
    /// No ARC header field at all.
    None,
    /// A chain of N complete sets, instance 1 first.
    Sets(Vec<ArcSet>),
    /// A chain that fails on its structure.
    Broken(BrokenStructure),
}

/// Collects the ARC sets of `message`.
pub fn collect(message: &Message<'_>) -> Structure {
    let fields: Vec<(usize, ArcFieldKind, Option<u32>)> = message
        .headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| ArcFieldKind::of(h).map(|k| (i, k, instance(h, k))))
        .collect();
    if fields.is_empty() {
        return Structure::None;
    }
    let n = fields.iter().filter_map(|f| f.2).max().unwrap_or(0);
    let partial: Vec<PartialSet> = (1..=n)
        .map(|i| {
            let first = |kind| fields.iter().find(|f| f.1 == kind && f.2 == Some(i)).map(|f| f.0);
            PartialSet {
                authentication_results: first(ArcFieldKind::AuthenticationResults),
                message_signature: first(ArcFieldKind::MessageSignature),
                seal: first(ArcFieldKind::Seal),
            }
        })
        .collect();
    let broken = |failed_instance, reason, detail| {
        Structure::Broken(BrokenStructure { instances: n, failed_instance, reason, detail, partial: partial.clone() })
    };
    if let Some((_, kind, _)) = fields.iter().find(|f| f.2.is_none()) {
        let detail =
            Phrase::new("arc-detail-unreadable-instance").arg("field", kind.name()).arg("max", MAX_SETS.to_string());
        return broken(None, "unreadable_instance", detail);
    }
    let mut sets = Vec::with_capacity(n as usize);
    for i in 1..=n {
        let mut found = [None; 3];
        for (slot, kind) in [ArcFieldKind::AuthenticationResults, ArcFieldKind::MessageSignature, ArcFieldKind::Seal]
            .into_iter()
            .enumerate()
        {
            let of_kind: Vec<usize> = fields.iter().filter(|f| f.1 == kind && f.2 == Some(i)).map(|f| f.0).collect();
            if of_kind.len() != 1 {
                let id = if of_kind.is_empty() { "arc-detail-set-missing-field" } else { "arc-detail-set-extra-field" };
                let detail = Phrase::new(id).arg("i", i.to_string()).arg("field", kind.name());
                return broken(Some(i), "incomplete_set", detail);
            }
            found[slot] = Some(of_kind[0]);
        }
        if let [Some(aar), Some(ams), Some(seal)] = found {
            sets.push(ArcSet { instance: i, authentication_results: aar, message_signature: ams, seal });
        }
    }
    Structure::Sets(sets)
}

/// The instance number of an ARC field: for a message signature or a seal, its only `i=` tag;
/// for authentication results, the `i=N;` it must start with. 1 to [`MAX_SETS`].
fn instance(field: &HeaderField<'_>, kind: ArcFieldKind) -> Option<u32> {
    let value = match kind {
        ArcFieldKind::AuthenticationResults => {
            let rest = trim_fws(field.value).strip_prefix(b"i")?;
            let rest = trim_fws(rest).strip_prefix(b"=")?;
            let end = rest.iter().position(|&b| b == b';')?;
            trim_fws(&rest[..end])
        }
        _ => match tag_values(field.value, "i").as_slice() {
            [one] => one,
            _ => return None,
        },
    };
    if value.is_empty() || value.len() > 2 || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = value.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    (1..=MAX_SETS).contains(&n).then_some(n)
}

/// Every value of tag `name` in a tag-list, read leniently (the list need not be valid): for
/// the instance number and `cv=`, which are checked before the field's own syntax.
pub fn tag_values<'v>(value: &'v [u8], name: &str) -> Vec<&'v [u8]> {
    value
        .split(|&b| b == b';')
        .filter_map(|spec| {
            let eq = spec.iter().position(|&b| b == b'=')?;
            (trim_fws(&spec[..eq]) == name.as_bytes()).then(|| trim_fws(&spec[eq + 1..]))
        })
        .collect()
}

/// The part of an ARC-Authentication-Results value after its `i=N;`.
pub fn authentication_results_payload(value: &[u8]) -> &[u8] {
    value.iter().position(|&b| b == b';').map_or(&[], |p| &value[p + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn structure(raw: &str) -> Structure {
        collect(&Message::parse(raw.replace('\n', "\r\n").as_bytes()))
    }

    #[test]
    fn complete_sets_gaps_and_unreadable_instances() {
        let set = |i: u32| {
            format!(
                "ARC-Seal: i={i}; cv=none\nARC-Message-Signature: a=x; i={i}\nARC-Authentication-Results: i={i}; mx; dkim=pass\n"
            )
        };
        match structure(&format!("{}{}From: a\n\n", set(2), set(1))) {
            Structure::Sets(s) => assert_eq!(s.iter().map(|s| s.instance).collect::<Vec<_>>(), vec![1, 2]),
            other => panic!("{other:?}"),
        }
        assert_eq!(structure("From: a\n\n"), Structure::None);
        let Structure::Broken(b) = structure(&format!("{}{}From: a\n\n", set(3), set(1))) else { panic!() };
        assert_eq!((b.instances, b.failed_instance, b.reason), (3, Some(2), "incomplete_set"));
        let Structure::Broken(b) = structure(&format!("{}ARC-Seal: i=51; cv=none\n\n", set(1))) else { panic!() };
        assert_eq!((b.instances, b.failed_instance, b.reason), (1, None, "unreadable_instance"));
        let Structure::Broken(b) = structure(&format!("{}ARC-Authentication-Results: mx; i=1\n\n", set(1))) else {
            panic!()
        };
        assert_eq!(b.failed_instance, None);
        let Structure::Broken(b) = structure(&format!("{}ARC-Seal: i=1; i=1; cv=none\n\n", set(1))) else { panic!() };
        assert_eq!(b.reason, "unreadable_instance");
    }
}
