//! Who a report is for (DESIGN.md, "Audiences"): the trio sees everything, pseudonymised; the partners and
//! the préfecture see aggregates only, without verbatims or register rows, with small counts hidden.

use crate::i18n::Lang;
use std::fmt;
use std::str::FromStr;

/// The audience of a report.
///
/// ```
/// use veille::privacy::Audience;
/// assert_eq!("prefecture".parse::<Audience>(), Ok(Audience::Prefecture));
/// assert!(Audience::Partenaires.is_restricted() && !Audience::Trio.is_restricted());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    #[default]
    Trio,
    Partenaires,
    Prefecture,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Trio => "trio",
            Audience::Partenaires => "partenaires",
            Audience::Prefecture => "prefecture",
        }
    }

    /// Aggregates only: no verbatim, no register row, statistical secrecy.
    pub fn is_restricted(self) -> bool {
        self != Audience::Trio
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Audience::Trio => lang.pick("trio de coordination", "coordination trio"),
            Audience::Partenaires => lang.pick("partenaires", "partners"),
            Audience::Prefecture => lang.pick("préfecture", "prefecture"),
        }
    }
}

impl FromStr for Audience {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match crate::text::fold(s).as_str() {
            "trio" => Ok(Audience::Trio),
            "partenaires" | "partners" => Ok(Audience::Partenaires),
            "prefecture" => Ok(Audience::Prefecture),
            other => Err(format!("public inconnu « {other} » (trio, partenaires ou prefecture)")),
        }
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
