//! The languages the catalogs are written in, and how a language tag or a POSIX locale name
//! (`fr_FR.UTF-8`) is matched to one of them.

use std::fmt;

/// A language of the message catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 tag (`en`, `fr`), as in `--lang`, `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language of a BCP 47 tag (`fr`, `fr-CA`) or a POSIX locale name (`fr_FR.UTF-8`,
    /// `fr_BE@euro`); `None` for another language or a locale without one (`C`, `POSIX`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_', '.', '@']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The first of `tags` (in order of preference) that names a catalog language.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::from_tag)
    }

    /// The language of the POSIX locale variables as a program sees them: the first set and
    /// non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` decides (`get` reads one variable); English
    /// when it names no catalog language (`C`, `de_DE`) or none is set.
    pub fn from_locale_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locale_names() {
        assert_eq!(Lang::from_tag("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag("de_DE"), None);
        assert_eq!(Lang::negotiate(["de", "fr-FR", "en"]), Some(Lang::Fr));
    }

    #[test]
    fn locale_variables_in_posix_order() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_locale_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_locale_env(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")])), Lang::En);
        assert_eq!(Lang::from_locale_env(env(&[("LANG", "en_US"), ("LC_MESSAGES", "fr_CA")])), Lang::Fr);
        assert_eq!(Lang::from_locale_env(env(&[("LC_ALL", ""), ("LANG", "fr")])), Lang::Fr);
        assert_eq!(Lang::from_locale_env(env(&[])), Lang::En);
    }
}
