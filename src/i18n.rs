//! The language of everything a user reads: French by default, English with `--lang en`.

use std::str::FromStr;

/// The language of messages, report labels and CLI output.
///
/// ```
/// use veille::i18n::Lang;
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// assert_eq!(Lang::default(), Lang::Fr);
/// assert_eq!(Lang::Fr.pick("semaine", "week"), "semaine");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Chooses between a French and an English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "francais" | "français" => Ok(Lang::Fr),
            "en" | "english" | "anglais" => Ok(Lang::En),
            other => Err(format!("langue inconnue « {other} » (fr ou en) / unknown language (fr or en)")),
        }
    }
}
