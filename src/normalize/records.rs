//! The typed records of the four input kinds, as the later stages see them. Person names are already
//! pseudonyms here.

use super::Quantities;
use crate::domain::{Device, InseeCode, Lender, PartnerStatus, Pseudonym, RegisterStatus, Uai};
use super::{Count, Phone};
use chrono::{NaiveDate, NaiveDateTime};

/// Where a record was read: file, sheet and the row as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// Shared by every row of the table (a million loans hold one copy of their file's name).
    pub file: std::sync::Arc<str>,
    pub sheet: std::sync::Arc<str>,
    pub row: u32,
}

/// One returned questionnaire (the prefecture's nine questions).
#[derive(Debug, Clone, Default)]
pub struct Response {
    /// `R001`, `R002`... in order of return; assigned once every file is read.
    pub id: String,
    pub source: Option<Source>,
    pub returned_at: Option<NaiveDateTime>,
    pub commune: Option<InseeCode>,
    /// The arrondissement municipal the commune cell named (Paris, Lyon, Marseille), counted in `commune`.
    pub arrondissement: Option<InseeCode>,
    pub structure: Option<String>,
    /// The school the structure names, when it is one ("Collège Les Sablons").
    pub school: Option<Uai>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub q1_joint_work: Option<bool>,
    pub q1_which: Option<String>,
    pub q2_support: Option<String>,
    pub q3_devices_lent: Option<bool>,
    pub q3_lenders: Vec<Lender>,
    pub q4_quantities: Option<Quantities>,
    pub q4_text: Option<String>,
    pub q5_no_answer: Option<Count>,
    pub q5_which: Option<String>,
    pub q6_to_amplify: Option<String>,
    pub q7_school_support: Option<String>,
    pub q8_digital_divide: Option<String>,
    pub q9_summer: Option<String>,
    /// The themes each free-text answer cites, classified once the charter has cleaned the texts
    /// ([`crate::normalize::classify_themes`]).
    pub themes: AnswerThemes,
}

/// The theme codes of each free-text answer of a questionnaire, in order of first mention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerThemes {
    pub q1: Vec<&'static str>,
    pub q2: Vec<&'static str>,
    pub q5: Vec<&'static str>,
    pub q6: Vec<&'static str>,
    pub q7: Vec<&'static str>,
    pub q8: Vec<&'static str>,
    pub q9: Vec<&'static str>,
}

impl AnswerThemes {
    /// The themes of the answers that describe offers and needs (Q1, Q2, Q6 to Q9), for the themes chart.
    pub fn of_offers(&self) -> impl Iterator<Item = &'static str> + '_ {
        [&self.q1, &self.q2, &self.q6, &self.q7, &self.q8, &self.q9].into_iter().flatten().copied()
    }
}

/// One partner action of an availability sheet.
#[derive(Debug, Clone)]
pub struct PartnerAction {
    pub source: Source,
    pub structure: String,
    pub action: String,
    pub themes: Vec<&'static str>,
    pub public: Option<String>,
    pub quartier: Option<String>,
    pub commune: InseeCode,
    /// The arrondissement municipal the commune cell named (Paris, Lyon, Marseille), counted in `commune`.
    pub arrondissement: Option<InseeCode>,
    pub contact: Option<String>,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub status: PartnerStatus,
    pub terms: Option<String>,
    /// The row's date, else the sheet's "Mise à jour du" date.
    pub updated_on: Option<NaiveDate>,
}

impl PartnerAction {
    /// Where the action takes place, as the répertoire and the coverage name it: its quartier, else the
    /// arrondissement its commune cell named, else its commune.
    ///
    /// ```
    /// use veille::domain::{InseeCode, PartnerStatus};
    /// use veille::normalize::{PartnerAction, Source};
    /// let paris = InseeCode::parse("75056").unwrap();
    /// let mut a = PartnerAction {
    ///     source: Source { file: "a.xlsx".into(), sheet: "S".into(), row: 2 }, structure: "MJC".into(), action: "Devoirs".into(),
    ///     themes: vec![], public: None, quartier: None, commune: paris, arrondissement: InseeCode::parse("75115"),
    ///     contact: None, phone: None, email: None, status: PartnerStatus::Presentiel, terms: None, updated_on: None,
    /// };
    /// assert_eq!(a.place(), "Paris 15e Arrondissement");
    /// a.arrondissement = None;
    /// assert_eq!(a.place(), "Paris");
    /// ```
    pub fn place(&self) -> String {
        let reference = crate::reference::Reference::get();
        let arrondissement = self.arrondissement.as_ref().and_then(|code| reference.aliases_by_code(code.as_str()).into_iter().find(|a| !a.name.is_empty()));
        match (&self.quartier, arrondissement) {
            (Some(q), _) => q.clone(),
            (None, Some(a)) => a.name.clone(),
            (None, None) => crate::reference::commune_name(self.commune.as_str()),
        }
    }
}

/// One device loan.
#[derive(Debug, Clone)]
pub struct Loan {
    pub source: Source,
    pub lent_on: NaiveDate,
    pub returned_on: Option<NaiveDate>,
    pub lender: Lender,
    pub device: Device,
    pub quantity: u32,
    pub beneficiary: Option<Pseudonym>,
    pub school: Option<Uai>,
    pub level: Option<String>,
    pub commune: InseeCode,
}

/// One row of the lost-contact register.
#[derive(Debug, Clone)]
pub struct RegisterEntry {
    pub source: Source,
    pub pupil: Pseudonym,
    pub school: Option<Uai>,
    pub level: Option<String>,
    pub commune: InseeCode,
    /// The arrondissement municipal the commune cell named (Paris, Lyon, Marseille), counted in `commune`.
    pub arrondissement: Option<InseeCode>,
    pub reported_on: NaiveDate,
    pub family_consent: Option<bool>,
    pub status: RegisterStatus,
    pub closed_on: Option<NaiveDate>,
    pub comment: Option<String>,
}
