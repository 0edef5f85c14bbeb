//! The weekly diagnostic as a document: built once from the publication (what this audience may see of
//! the week), in the order the trio reads it, then rendered as it is to the workbook, the PDF, the CSV
//! files and summary.json.

mod charts;
mod confidentiality;
mod layout;
mod sections;
mod summary;
mod tables;

pub use confidentiality::{confidentiality_json, confidentiality_lines, PRIVACY_CODES};
pub use tables::{intake_table, issues_table};

use crate::document::{week_label, Document, Table};
use crate::i18n::Lang;
use crate::privacy::Publication;

/// The diagnostic: the document, the contract's CSV files and summary.json.
pub struct Diagnostic {
    pub document: Document,
    /// `data/<name>.csv`, in the order they are written.
    pub data: Vec<(&'static str, Table)>,
    pub summary: serde_json::Value,
}

/// The communes covered, for page headers: one name, or "3 communes".
fn place_label(p: &Publication<'_>) -> String {
    match p.week.aggregates.communes.as_slice() {
        [one] => one.name.clone(),
        many => format!("{} communes", many.len()),
    }
}

/// Builds the diagnostic of a publication; `files` counts the inputs given, readable or not.
///
/// ```
/// use veille::aggregate::week;
/// use veille::history::Archive;
/// use veille::i18n::Lang;
/// use veille::privacy::{Audience, Publication};
/// let mut data = veille::normalize::Normalized::default();
/// let w = week(&mut data, "2020-W21".parse().unwrap()).unwrap();
/// let p = Publication::new(&w, Audience::Trio, &veille::privacy::SecrecyRule::new(5), None, &Archive::default(), Lang::Fr);
/// let d = veille::diagnostic::diagnostic(&p, 0, Lang::Fr);
/// assert_eq!(d.document.sections[0].title, "Synthèse");
/// assert_eq!(d.summary["week"], "2020-W21");
/// assert!(d.data.iter().any(|(name, _)| *name == "lost_contact_by_commune"));
/// ```
pub fn diagnostic(p: &Publication<'_>, files: usize, lang: Lang) -> Diagnostic {
    let week = p.week.aggregates.week;
    let place = place_label(p);
    let document = Document {
        title: lang.pick("Diagnostic de la cellule de veille", "Diagnostic of the watch cell").into(),
        lines: vec![format!("{place} — {}", week_label(week, lang)), format!("{} : {}", lang.pick("Public", "Audience"), p.audience_label(lang))],
        dateline: format!("{} ({week})", week_label(week, lang)),
        running_head: (lang.pick("Cellule de veille pour la continuité éducative", "Educational continuity watch cell").into(), format!("{place} — {week}")),
        running_foot: lang.pick("veille — diagnostic hebdomadaire", "veille — weekly diagnostic").into(),
        sections: layout::sections(p, lang),
    };
    let data = vec![
        ("intake", intake_table(&p.week.data.intake)),
        ("columns", crate::validation::columns_table(&p.week.data.columns, lang, false)),
        ("issues", issues_table(&p.week.data.issues, lang)),
        ("answers", tables::answers_table(&p.week.end.responses, p.shows(crate::privacy::Part::Verbatims))),
        ("lost_contact_by_commune", tables::lost_contact_table(p)),
        ("loans_by_commune", tables::loans_table(p)),
        ("partners_by_commune", tables::partners_table(&p.week.aggregates)),
    ];
    let summary = summary::summary_json(p, files, confidentiality_json(p));
    Diagnostic { document, data, summary }
}
