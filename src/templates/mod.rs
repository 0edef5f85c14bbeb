//! Blank input workbooks for the four kinds (`veille template`), so that what comes back reads with zero
//! issues: French headers that match the schemas, a "Mode d'emploi", input messages, drop-down lists,
//! date and whole-number validation, a protected header row, A4 print setup. The questionnaire comes in
//! both layouts: one row per respondent, and the one-page form a professional fills alone.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let written = veille::templates::write_templates(dir.path(), None).unwrap();
//! assert_eq!(written.len(), 5);
//! assert!(written.iter().all(|p| p.exists()));
//! ```

mod sheets;
mod validation;

pub use sheets::{form_label, GUIDE_SHEET, HEADER_ROW, LEGACY_LISTS_TITLE, LISTS_TITLE, TABLE_ROWS};
pub use validation::{choices, LISTS_SHEET};

use crate::domain::{InseeCode, TableKind};
use crate::reference::{departement_of, Reference, Territory};
use rust_xlsxwriter::{Workbook, XlsxError};
use std::path::{Path, PathBuf};

/// One template file: its name, the kind it collects, its sheet name, title and instruction line.
struct Template {
    file: &'static str,
    kind: TableKind,
    sheet: &'static str,
    title: &'static str,
    note: &'static str,
    purpose: &'static str,
}

const TEMPLATES: [Template; 4] = [
    Template {
        file: "questionnaire.xlsx", kind: TableKind::Questionnaire, sheet: "Questionnaires", title: "Questionnaire de la préfecture",
        note: "Une ligne par questionnaire reçu. Ne jamais écrire le nom d'un élève.",
        purpose: "Saisir les questionnaires de la préfecture (neuf questions) reçus des professionnels : une ligne par questionnaire.",
    },
    Template {
        file: "disponibilites_partenaires.xlsx", kind: TableKind::Partners, sheet: "Partenaires", title: "Disponibilités des partenaires",
        note: "Une ligne par action ; mettre à jour la date à chaque changement.",
        purpose: "Recenser les actions des partenaires (MJC, CCAS, associations, collèges…) : une ligne par action, avec son statut et sa date de mise à jour.",
    },
    Template {
        file: "prets_materiel.xlsx", kind: TableKind::Loans, sheet: "Prêts", title: "Prêts de matériel informatique",
        note: "Une ligne par prêt. Les noms restent dans ce fichier : veille les remplace par un pseudonyme.",
        purpose: "Suivre les prêts de matériel (tablettes, ordinateurs, connexions) aux familles : une ligne par prêt, la date de retour quand le matériel revient.",
    },
    Template {
        file: "registre_perdus_de_vue.xlsx", kind: TableKind::Register, sheet: "Registre", title: "Registre des élèves perdus de vue",
        note: "Une ligne par signalement ou changement de situation. Commentaires neutres et factuels.",
        purpose: "Tenir le tableau de bord des élèves perdus de vue signalés par l'Éducation nationale : une ligne par signalement ou changement de statut.",
    },
];

/// Whether a sheet is one of the aids veille puts in its templates ("Mode d'emploi", the hidden lists):
/// they come back with every filled template and are not data. Both the sheet name and its first cell
/// must match, so a user's own sheet named "Listes" is still read.
///
/// ```
/// use veille::ingest::{Cell, RawTable};
/// let sheet = |name: &str, a1: &str| RawTable { file: "f.xlsx".into(), sheet: name.into(), first_row: 1, first_col: 0, rows: vec![vec![Cell::Text(a1.into())]] };
/// assert!(veille::templates::is_template_aid(&sheet("Mode d'emploi", "Mode d'emploi")));
/// assert!(!veille::templates::is_template_aid(&sheet("Listes", "Mes prêts")));
/// ```
pub fn is_template_aid(table: &crate::ingest::RawTable) -> bool {
    let first = table.rows.first().and_then(|r| r.first()).map(|c| c.to_text()).unwrap_or_default();
    (table.sheet == GUIDE_SHEET && first == GUIDE_SHEET) || (table.sheet == LISTS_SHEET && (first == LISTS_TITLE || first == LEGACY_LISTS_TITLE) && table.first_row == 1)
}

/// The file name of the one-page questionnaire form.
pub const FORM_FILE: &str = "questionnaire_formulaire.xlsx";

fn titled(title: &str, place: Option<&str>) -> String {
    match place {
        Some(name) => format!("{title} – Cellule de veille de {name}"),
        None => format!("{title} – Cellule de veille"),
    }
}

/// Writes the five blank workbooks into `dir` and returns their paths. With a commune, titles name it (so
/// files that come back without a commune column are placed) and the form carries its "Commune :" line.
pub fn write_templates(dir: &Path, commune: Option<&InseeCode>) -> Result<Vec<PathBuf>, XlsxError> {
    let territory = match commune {
        Some(c) => Territory::new(vec![departement_of(c.as_str()).to_string()], Vec::new()),
        None => Territory::default(),
    };
    write_templates_in(dir, commune, &territory)
}

/// The templates of a cellule: the drop-down list of communes holds the territory's.
pub fn write_templates_in(dir: &Path, commune: Option<&InseeCode>, territory: &Territory) -> Result<Vec<PathBuf>, XlsxError> {
    std::fs::create_dir_all(dir)?;
    let communes = territory.communes();
    let place = commune.and_then(|c| Reference::get().commune(c)).map(|c| c.name.clone());
    let place = place.as_deref();
    let mut written = Vec::new();
    for t in &TEMPLATES {
        let mut workbook = Workbook::new();
        let title = titled(t.title, place);
        sheets::table_sheet(&mut workbook, t.kind, t.sheet, &title, place.unwrap_or(""), t.note, communes.len())?;
        sheets::guide_sheet(&mut workbook, t.kind, t.purpose, false)?;
        sheets::lists_sheet(&mut workbook, &communes)?;
        let path = dir.join(t.file);
        workbook.save(&path)?;
        written.push(path);
    }
    let mut workbook = Workbook::new();
    sheets::form_sheet(&mut workbook, &titled("Questionnaire de la préfecture", place), place, communes.len())?;
    let purpose = "Répondre seul au questionnaire de la préfecture (neuf questions) : une réponse par ligne, en colonne B.";
    sheets::guide_sheet(&mut workbook, TableKind::Questionnaire, purpose, true)?;
    sheets::lists_sheet(&mut workbook, &communes)?;
    let path = dir.join(FORM_FILE);
    workbook.save(&path)?;
    written.push(path);
    Ok(written)
}
