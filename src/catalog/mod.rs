//! The message catalogs and rendering: every sentence a person reads, in every language, is a
//! message of `locales/<lang>.ftl` ([Project Fluent](https://projectfluent.org) syntax), built
//! into the library (`include_str!`) so that the CLI and the wasm build render the same text.
//! The page reads the same files (inlined by `scripts/bundle-web.mjs`) with `@fluent/bundle`.
//!
//! Numbers are shown with the language's digit grouping (`8,000`, `8 000`) and dates as the
//! language writes them (`March 1, 2016`, `1er mars 2016`), as the page does (with `Intl`, its
//! day through the catalog's `date-day`).
//! Placeables are not wrapped in Unicode isolation marks.

use crate::l10n::{Arg, Lang, Phrase};
use crate::text::civil_date::civil_from_unix;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The catalog source of each language (`locales/<lang>.ftl`).
pub const SOURCES: [(Lang, &str); 2] =
    [(Lang::En, include_str!("../../locales/en.ftl")), (Lang::Fr, include_str!("../../locales/fr.ftl"))];

/// A value given to [`render_id`]: what JavaScript or a caller outside the report passes.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// Text shown as is.
    Text(Cow<'a, str>),
    /// A number in the language's format.
    Number(f64),
    /// A day, unix seconds.
    Date(u64),
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| SOURCES.map(|(lang, source)| bundle(lang, source)))
}

/// The bundle of one language. A syntax error in a catalog drops only the entry it is in
/// (the tests fail on any).
fn bundle(lang: Lang, source: &str) -> Bundle {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _errors)| partial);
    let tag = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => |v, _| format_number(v, ","),
        Lang::Fr => |v, _| format_number(v, "\u{202f}"),
    }));
    // Duplicate ids are reported by the tests; the first definition is kept.
    let _ = bundle.add_resource(resource);
    bundle
}

fn for_lang(lang: Lang) -> &'static Bundle {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &bundles()[i]
}

/// Integers with digit groups of three (what `Intl.NumberFormat` does for these languages).
fn format_number(value: &FluentValue<'_>, separator: &str) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    if n.value.fract() != 0.0 || n.value.abs() >= 1e15 || n.options.minimum_fraction_digits.is_some() {
        return None;
    }
    let digits = format!("{}", n.value.abs() as u64);
    let mut out = String::with_capacity(digits.len() + 8);
    if n.value < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    Some(out)
}

/// Whether the catalog of `lang` has a message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    for_lang(lang).get_message(id).is_some()
}

/// Phrases kept rendered, per thread and language, at most (the cache is emptied when full).
const RENDERED_MAX: usize = 1024;

thread_local! {
    /// The texts of the phrases rendered lately on this thread, per language ([`Lang::ALL`]'s
    /// order): a batch words the same sentences for many messages (a domain's headline, a
    /// key's explanation), and Fluent's formatting costs more than a lookup. The phrases come
    /// from the input (domains), so the hasher is seeded at random.
    static RENDERED: RefCell<Vec<HashMap<Phrase, String, foldhash::fast::RandomState>>> =
        RefCell::new(Lang::ALL.iter().map(|_| HashMap::default()).collect());
}

/// The text of `message` in `lang`. An id missing from the catalog renders as the id itself
/// (the tests check that every id used exists). Rendered once per thread while it stays in
/// the cache (the same phrase always gives the same text).
pub fn render(lang: Lang, message: &Phrase) -> String {
    let slot = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    if let Some(text) = RENDERED.with_borrow(|cache| cache.get(slot).and_then(|c| c.get(message)).cloned()) {
        return text;
    }
    let text = render_uncached(lang, message);
    RENDERED.with_borrow_mut(|cache| {
        if let Some(c) = cache.get_mut(slot) {
            if c.len() >= RENDERED_MAX {
                c.clear();
            }
            c.insert(message.clone(), text.clone());
        }
    });
    text
}

/// [`render`] without the cache.
fn render_uncached(lang: Lang, message: &Phrase) -> String {
    let args: Vec<(&str, Value<'_>)> = message
        .args
        .0
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(t) => Value::Text(Cow::Borrowed(t.as_str())),
                Arg::Number(n) => Value::Number(*n as f64),
                Arg::Date(secs) => Value::Date(*secs),
                Arg::Phrase(m) => Value::Text(Cow::Owned(render(lang, m))),
            };
            (*name, value)
        })
        .collect();
    render_id(lang, message.id, &args)
}

/// The text of message `id` in `lang` with `args`.
pub fn render_id(lang: Lang, id: &str, args: &[(&str, Value<'_>)]) -> String {
    let bundle = for_lang(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let v: FluentValue<'_> = match value {
            Value::Text(t) => FluentValue::String(Cow::Borrowed(t.as_ref())),
            Value::Number(n) => FluentValue::from(*n),
            Value::Date(secs) => FluentValue::String(Cow::Owned(date(lang, *secs))),
        };
        fluent_args.set(*name, v);
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// The text of a message without arguments.
pub fn text(lang: Lang, id: &str) -> String {
    render_id(lang, id, &[])
}

/// Renders `message` into its own `text`.
pub fn fill(lang: Lang, message: &mut Phrase) {
    message.text = render(lang, message);
}

/// A day (unix seconds, UTC) as the language writes it: `March 1, 2016`, `1er mars 2016`.
pub fn date(lang: Lang, secs: u64) -> String {
    let (year, month, day) = civil_from_unix(i64::try_from(secs).unwrap_or(i64::MAX));
    let month = match month {
        1 => "month-1",
        2 => "month-2",
        3 => "month-3",
        4 => "month-4",
        5 => "month-5",
        6 => "month-6",
        7 => "month-7",
        8 => "month-8",
        9 => "month-9",
        10 => "month-10",
        11 => "month-11",
        _ => "month-12",
    };
    // The day as a number, for the catalog's `date-day` (French writes the first "1er"); the
    // year as text, never grouped.
    let year = year.to_string();
    let month = text(lang, month);
    render_id(
        lang,
        "date-long",
        &[("day", Value::Number(day as f64)), ("month", Value::Text(month.into())), ("year", Value::Text(year.into()))],
    )
}

/// A count in the language's number format (`8,000`, `8 000`).
pub fn number(lang: Lang, n: u64) -> String {
    let separator = if lang == Lang::Fr { "\u{202f}" } else { "," };
    format_number(&FluentValue::from(n as f64), separator).unwrap_or_else(|| n.to_string())
}

/// English text, for logs and `Display` of errors (people read [`render`] in their language).
impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(Lang::En, self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_as_intl_writes_them() {
        assert_eq!(number(Lang::En, 8000), "8,000");
        assert_eq!(number(Lang::Fr, 12_345_678), "12\u{202f}345\u{202f}678");
        assert_eq!(number(Lang::Fr, 999), "999");
        assert_eq!(date(Lang::En, 1_456_790_400), "March 1, 2016");
        assert_eq!(date(Lang::Fr, 1_370_770_622), "9 juin 2013");
        // French writes the first of the month "1er".
        assert_eq!(date(Lang::Fr, 1_456_790_400), "1er mars 2016");
        assert_eq!(date(Lang::Fr, 1_456_790_400 + 10 * 86_400), "11 mars 2016");
        assert_eq!(date(Lang::En, 1_456_790_400 + 10 * 86_400), "March 11, 2016");
    }

    #[test]
    fn a_missing_id_renders_as_itself() {
        assert_eq!(text(Lang::Fr, "no-such-message"), "no-such-message");
    }
}
