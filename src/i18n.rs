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

/// A count with its noun agreed: French puts 0 and 1 in the singular, English only 1.
///
/// ```
/// use veille::i18n::{counted, Lang};
/// assert_eq!(counted(Lang::Fr, 0, "ligne rejetée", "lignes rejetées"), "0 ligne rejetée");
/// assert_eq!(counted(Lang::En, 0, "row", "rows"), "0 rows");
/// assert_eq!(counted(Lang::Fr, 3, "erreur", "erreurs"), "3 erreurs");
/// ```
pub fn counted(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
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
