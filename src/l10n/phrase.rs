//! [`Phrase`]: a catalog id and its arguments, serialized as `{"id", "args", "text"}`.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// A sentence for a person, in no language yet: the id of a message of the catalogs and its
/// arguments, plus its text once rendered (see the `catalog` module). In JSON:
/// `{"id": "headline-verified", "args": {"domain": "gmail.com"}, "text": "Signed by gmail.com. …"}`
/// (`text` only when rendered).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Phrase {
    /// The catalog id (`headline-verified`, `warning-sha1`, ...).
    pub id: &'static str,
    /// What the sentence says about this case, by name.
    pub args: Args,
    /// The rendered text, once rendered (empty before).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The named arguments of a message, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Args(pub Vec<(&'static str, Arg)>);

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text shown as is: a domain, a header field name, a technical value (`l=1234`).
    Text(String),
    /// A count or a size, shown in the language's number format; it also chooses plural forms.
    Number(u64),
    /// A day (unix seconds, UTC), shown as a date in the language (`March 1, 2016`,
    /// `1er mars 2016`). In JSON: `{"date": 1456790400}`.
    Date(u64),
    /// Another message, rendered in the same language and inserted.
    Phrase(Box<Phrase>),
}

impl Phrase {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Self {
        Phrase { id, args: Args::default(), text: String::new() }
    }

    /// Adds a text argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.0.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a number argument (a count or a size).
    pub fn number(mut self, name: &'static str, value: impl TryInto<u64>) -> Self {
        self.args.0.push((name, Arg::Number(value.try_into().unwrap_or(u64::MAX))));
        self
    }

    /// Adds a date argument (unix seconds).
    pub fn date(mut self, name: &'static str, secs: u64) -> Self {
        self.args.0.push((name, Arg::Date(secs)));
        self
    }

    /// Adds another message as an argument.
    pub fn phrase(mut self, name: &'static str, value: Phrase) -> Self {
        self.args.0.push((name, Arg::Phrase(Box::new(value))));
        self
    }

    /// Items as one list (`a, b, c` in the reader's language); `None` when there are none.
    pub fn list(items: impl IntoIterator<Item = Phrase>) -> Option<Phrase> {
        items.into_iter().reduce(|list, item| Phrase::new("list-more").phrase("list", list).phrase("item", item))
    }

    /// The argument named `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.0.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

impl Args {
    /// No arguments.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => serializer.serialize_str(t),
            Arg::Number(n) => serializer.serialize_u64(*n),
            Arg::Date(secs) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("date", secs)?;
                map.end()
            }
            Arg::Phrase(m) => m.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_ids_and_typed_arguments() {
        let m = Phrase::new("warning-expired-since")
            .date("expires", 1_456_790_400)
            .number("count", 3u32)
            .arg("name", "x")
            .phrase("window", Phrase::new("window-unknown"));
        assert_eq!(
            serde_json::to_string(&m).unwrap(), // ok: test
            r#"{"id":"warning-expired-since","args":{"expires":{"date":1456790400},"count":3,"name":"x","window":{"id":"window-unknown","args":{}}}}"#
        );
    }
}
