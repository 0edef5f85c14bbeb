//! Domain values: territory and school codes, vocabularies, weeks, pseudonyms and table kinds.
//!
//! Each is a type, so a commune code can never be confused with a postal code or a name.

mod short;
mod territory;
mod vocab;
mod week;

pub use territory::{InseeCode, Uai};
pub use vocab::{Device, Lender, PartnerStatus, RegisterStatus};
pub use week::IsoWeek;

use serde::Serialize;
use std::fmt;

/// The four input kinds of DESIGN.md.
///
/// ```
/// use veille::domain::TableKind;
/// assert_eq!(TableKind::parse("loans"), Some(TableKind::Loans));
/// assert_eq!(TableKind::Loans.as_str(), "loans");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableKind {
    Questionnaire,
    Partners,
    Loans,
    Register,
}

impl TableKind {
    pub const ALL: [TableKind; 4] =
        [TableKind::Questionnaire, TableKind::Partners, TableKind::Loans, TableKind::Register];

    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Questionnaire => "questionnaire",
            TableKind::Partners => "partners",
            TableKind::Loans => "loans",
            TableKind::Register => "register",
        }
    }

    /// The kind as a reader names it: "prêts", "registre"...
    ///
    /// ```
    /// use veille::domain::TableKind;
    /// use veille::i18n::Lang;
    /// assert_eq!(TableKind::Loans.label(Lang::Fr), "prêts de matériel");
    /// ```
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            TableKind::Questionnaire => lang.pick("questionnaire", "questionnaire"),
            TableKind::Partners => lang.pick("disponibilités des partenaires", "partner availability"),
            TableKind::Loans => lang.pick("prêts de matériel", "device loans"),
            TableKind::Register => lang.pick("registre des perdus de vue", "lost-contact register"),
        }
    }

    pub fn parse(name: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.as_str() == name.trim().to_ascii_lowercase())
    }
}

impl fmt::Display for TableKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person's pseudonym: `E-` followed by 10 hex characters. Only `privacy` makes them.
///
/// ```
/// use veille::domain::Pseudonym;
/// let p = Pseudonym::from_digest_hex("0123456789abcdef");
/// assert_eq!(p.as_str(), "E-0123456789");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Pseudonym(short::Short<12>);

impl Pseudonym {
    /// Builds the pseudonym from the hex digest of the keyed hash.
    pub fn from_digest_hex(hex: &str) -> Self {
        Pseudonym(short::Short::new(&format!("E-{}", &hex[..hex.len().min(10)])))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}
