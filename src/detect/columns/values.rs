//! What a column's values hold, as evidence for its field: a sample of its cells is tried against every
//! kind of value veille knows (dates, oui/non, UAI, communes, the vocabularies, phones, e-mails, counts,
//! people's names). The normalisers of the next stage are the judges, so detection and reading agree.

use crate::ingest::{Cell, RawTable};
use crate::normalize::{
    parse_bool, parse_count, parse_datetime, parse_device, parse_email, parse_lender, parse_partner_status, parse_phone,
    names_a_commune, parse_quantities, parse_register_status,
};
use crate::text::fold;
use chrono::Datelike;

/// How many non-blank cells of a column are looked at.
const SAMPLE: usize = 60;

/// A kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    Date,
    Bool,
    School,
    Commune,
    Lender,
    Device,
    PartnerStatus,
    RegisterStatus,
    Phone,
    Email,
    Count,
    Quantities,
    Person,
    Level,
    /// Free text: anything fits, so values say nothing.
    Text,
}

impl ValueKind {
    /// Every kind the values are tried against (all but free text).
    pub const TRIED: [ValueKind; 14] = [
        ValueKind::Date, ValueKind::Bool, ValueKind::School, ValueKind::Commune, ValueKind::Lender, ValueKind::Device,
        ValueKind::PartnerStatus, ValueKind::RegisterStatus, ValueKind::Phone, ValueKind::Email, ValueKind::Count,
        ValueKind::Quantities, ValueKind::Person, ValueKind::Level,
    ];

    /// The kind of value a schema field holds, from its `x-normalize` (and `type`).
    pub fn of_field(field: &crate::detect::Field) -> ValueKind {
        match field.normalize.as_deref() {
            Some("date") => ValueKind::Date,
            Some("boolean") => ValueKind::Bool,
            Some("school") => ValueKind::School,
            Some("commune") => ValueKind::Commune,
            Some("lender" | "lenders") => ValueKind::Lender,
            Some("device") => ValueKind::Device,
            Some("partner-status") => ValueKind::PartnerStatus,
            Some("register-status") => ValueKind::RegisterStatus,
            Some("phone") => ValueKind::Phone,
            Some("email") => ValueKind::Email,
            Some("count") => ValueKind::Count,
            Some("quantities") => ValueKind::Quantities,
            Some("pseudonym") => ValueKind::Person,
            Some("level") => ValueKind::Level,
            _ => ValueKind::Text,
        }
    }

    /// Values of this kind are unmistakable: a column holding them can be placed even when its header
    /// says nothing. Counts are not (row numbers, ages), nor is free text.
    pub fn distinctive(self) -> bool {
        !matches!(self, ValueKind::Count | ValueKind::Text)
    }

    /// The kind in a message, plural ("12 dates sur 12").
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use ValueKind::*;
        let (fr, en) = match self {
            Date => ("dates", "dates"),
            Bool => ("oui/non", "yes/no"),
            School => ("établissements (UAI ou nom)", "schools (UAI or name)"),
            Commune => ("communes", "communes"),
            Lender => ("prêteurs", "lenders"),
            Device => ("matériels", "devices"),
            PartnerStatus => ("statuts d'action", "action statuses"),
            RegisterStatus => ("statuts de suivi", "follow-up statuses"),
            Phone => ("téléphones", "phone numbers"),
            Email => ("adresses électroniques", "e-mail addresses"),
            Count => ("nombres", "numbers"),
            Quantities => ("quantités de matériel", "device quantities"),
            Person => ("noms de personnes", "people's names"),
            Level => ("niveaux de classe", "class levels"),
            Text => ("textes", "texts"),
        };
        lang.pick(fr, en)
    }

    fn holds(self, cell: &Cell) -> bool {
        let text = || cell.to_text();
        match self {
            ValueKind::Date => parse_datetime(cell).is_some_and(|d| (2015..=2035).contains(&d.year())),
            ValueKind::Bool => parse_bool(cell).is_some(),
            ValueKind::School => looks_like_uai(&text()) || (names_a_school(&text()) && matches!(crate::normalize::resolve_school(cell, None), crate::normalize::SchoolMatch::Found(_))),
            ValueKind::Commune => names_a_commune(cell),
            ValueKind::Lender => parse_lender(&text()).is_some(),
            ValueKind::Device => parse_device(&text()).is_some(),
            ValueKind::PartnerStatus => parse_partner_status(&text()).is_some(),
            ValueKind::RegisterStatus => parse_register_status(&text()).is_some(),
            ValueKind::Phone => parse_phone(cell).is_some(),
            ValueKind::Email => parse_email(&text()).is_some(),
            ValueKind::Count => parse_count(cell).is_some(),
            ValueKind::Quantities => matches!(cell, Cell::Text(_)) && parse_quantities(&text()).is_some(),
            ValueKind::Person => super::people::looks_like_person(cell),
            ValueKind::Level => looks_like_level(&text()),
            ValueKind::Text => true,
        }
    }
}

/// Seven digits and a letter, whatever the check letter: a UAI with a typo is still a UAI column, and
/// reading it as one is what finds the typo.
fn looks_like_uai(text: &str) -> bool {
    let t = text.trim();
    t.is_ascii() && t.len() == 8 && t[..7].chars().all(|c| c.is_ascii_digit()) && t[7..].chars().all(|c| c.is_ascii_alphabetic())
}

/// A school's name says what it is ("Collège Les Sablons", "École élémentaire Jean Macé", "Clg Pasteur"):
/// only such text is looked up among the schools, which keeps the look-up off every other column.
fn names_a_school(text: &str) -> bool {
    const KINDS: &[&str] = &["college", "clg", "ecole", "lycee", "groupe scolaire", "ee ", "em ", "erea", "segpa"];
    let f = format!("{} ", fold(text));
    KINDS.iter().any(|k| f.contains(k))
}

fn looks_like_level(text: &str) -> bool {
    const LEVELS: &[&str] = &[
        "ps", "ms", "gs", "cp", "ce1", "ce2", "cm1", "cm2", "6e", "5e", "4e", "3e", "6eme", "5eme", "4eme", "3eme",
        "seconde", "2nde", "1ere", "terminale", "tle", "ulis", "segpa", "maternelle", "elementaire",
    ];
    let f = fold(text);
    let first = f.split(' ').next().unwrap_or("");
    LEVELS.contains(&first) || (first.len() <= 4 && first.starts_with(|c: char| c.is_ascii_digit()) && first.ends_with('e'))
}

/// The evidence a column's values give.
#[derive(Debug, Clone, Default)]
pub struct ValueProfile {
    /// Non-blank cells in the column.
    pub filled: usize,
    /// Cells looked at.
    pub sampled: usize,
    /// For each kind tried, how many sampled cells hold one.
    hits: Vec<(ValueKind, usize)>,
    /// Whole numbers 1, 2, 3… down the rows: a row numbering, not data.
    pub numbering: bool,
    /// Some values are words, not only numbers (a column of 1s is a count before it is a yes/no).
    pub has_words: bool,
}

impl ValueProfile {
    /// Profiles column `col` of the rows below the header. Long tables are sampled evenly from top to
    /// bottom, so a million rows cost no more than a few hundred.
    pub fn of(table: &RawTable, header_index: usize, col: usize, missing: &[String]) -> ValueProfile {
        let rows = table.rows.get(header_index + 1..).unwrap_or(&[]);
        let is_value = |c: &&Cell| !c.is_blank() && !matches!(c, Cell::Text(t) if missing.iter().any(|m| m.eq_ignore_ascii_case(t.trim())));
        let filled = rows.iter().filter_map(|r| r.get(col)).filter(is_value).count();
        let step = (filled / SAMPLE).max(1);
        let sample: Vec<&Cell> = rows.iter().filter_map(|r| r.get(col)).filter(is_value).step_by(step).take(SAMPLE).collect();
        let hits = ValueKind::TRIED.iter().map(|&k| (k, sample.iter().filter(|c| k.holds(c)).count())).collect();
        let head: Vec<&Cell> = rows.iter().filter_map(|r| r.get(col)).filter(is_value).take(200).collect();
        let numbers: Vec<f64> = head.iter().filter_map(|c| if let Cell::Number(n) = c { Some(*n) } else { None }).collect();
        let numbering = head.len() >= 3 && numbers.len() == head.len() && numbers.windows(2).all(|w| w[1] == w[0] + 1.0);
        let has_words = sample.iter().any(|c| matches!(c, Cell::Text(t) if t.chars().any(char::is_alphabetic)) || matches!(c, Cell::Bool(_)));
        ValueProfile { filled, sampled: sample.len(), hits, numbering, has_words }
    }

    /// How many sampled cells hold a value of this kind.
    pub fn hits(&self, kind: ValueKind) -> usize {
        self.hits.iter().find(|(k, _)| *k == kind).map_or(self.sampled, |(_, n)| *n)
    }

    /// The share of sampled cells that hold this kind (`None` when there are too few to say, or for text).
    pub fn fit(&self, kind: ValueKind) -> Option<f64> {
        if kind == ValueKind::Text || self.sampled < 2 {
            return None;
        }
        Some(self.hits(kind) as f64 / self.sampled as f64)
    }

    /// The kinds that at least `share` of the sample holds: distinctive ones only for value-only
    /// placement, counts too for naming the nearest field of a column left unread.
    pub fn clear_kinds(&self, share: f64, distinctive_only: bool) -> Vec<ValueKind> {
        if self.sampled < 3 || self.numbering {
            return Vec::new();
        }
        self.hits
            .iter()
            .filter(|(k, _)| *k != ValueKind::Text && (k.distinctive() || !distinctive_only))
            .filter(|(_, n)| *n as f64 >= share * self.sampled as f64)
            .filter(|(k, _)| *k != ValueKind::Bool || self.has_words)
            .map(|(k, _)| *k)
            .collect()
    }

    /// The most frequent kinds, for "what was understood" (never the values themselves: one could be a name).
    pub fn summary(&self) -> Vec<(ValueKind, usize)> {
        let mut top: Vec<(ValueKind, usize)> = self.hits.iter().filter(|(_, n)| *n > 0).copied().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1));
        top.truncate(2);
        top
    }
}
