//! Stage 2: which kind of table is this sheet, where is its header row, which column is which field.
//!
//! ```
//! use veille::detect::detect;
//! use veille::ingest::{Cell, RawTable};
//! let text = |s: &str| Cell::Text(s.to_string());
//! let table = RawTable {
//!     file: "prets.xlsx".into(), sheet: "S20".into(), first_row: 1, first_col: 0,
//!     rows: vec![
//!         vec![text("Prêts de matériel – Viry-Châtillon")],
//!         vec![text("Date du prêt"), text("Prêteur"), text("Matériel"), text("Quantité")],
//!         vec![text("12/05/2020"), text("CD91"), text("tablette"), text("2")],
//!     ],
//! };
//! let found = detect(&table, None).unwrap();
//! assert_eq!(found.kind.as_str(), "loans");
//! assert_eq!(found.header_index, 1);
//! assert_eq!(found.column_of("materiel"), Some(2));
//! assert_eq!(found.title_lines, vec!["Prêts de matériel – Viry-Châtillon".to_string()]);
//! ```

mod columns;
mod form;
mod schema;

pub use columns::{
    assign_columns, kind_named, looks_like_person, match_header, pairing_text, setting_line, values_text, ColumnReport, ColumnSetting,
    ColumnSettings, HeaderReading, HeaderWhy, Keywords, KnownHeader, Outcome, Pairing, QuestionNumber, ValueKind, ValueProfile, IGNORE,
};
pub use form::{detect_form, FormAnswer};
pub use schema::{schema, schema_json, Bilingual, Constraints, Field, TableSchema};

use crate::domain::TableKind;
use crate::ingest::{Cell, RawTable};
use columns::{header_bound, place_columns, Placement};

/// How many rows from the top may hold the header (title rows come first).
const HEADER_SEARCH_ROWS: usize = 30;
/// How much header evidence a row needs to be taken for a header (two known headers, or three
/// understood by their key words).
const MIN_HEADER_SCORE: f64 = 1.6;

/// What detection found in a table.
#[derive(Debug, Clone)]
pub struct Detected {
    pub kind: TableKind,
    /// Index in `RawTable::rows` of the header row.
    pub header_index: usize,
    /// For each recognised column: its index in the row and the schema field it holds.
    pub columns: Vec<(usize, &'static str)>,
    /// Every column of the header, with what became of it and why (empty for a form).
    pub report: Vec<ColumnReport>,
    /// The text of the rows above the header ("Cellule de veille – Grigny", "Mise à jour du 19/05/2020").
    pub title_lines: Vec<String>,
    /// LimeSurvey's multiple-choice columns, one per choice ("3 - Par qui ? [Mairie]"): the column, the
    /// field, and the choice; the cell says whether that choice was ticked.
    pub option_columns: Vec<(usize, &'static str, String)>,
    /// For a questionnaire in form layout (question, answer), where each answer is; `None` for a table
    /// with one record per row.
    pub form: Option<Vec<FormAnswer>>,
}

impl Detected {
    /// The column holding a field, if the table has it.
    pub fn column_of(&self, field: &str) -> Option<usize> {
        self.columns.iter().find(|(_, f)| *f == field).map(|(c, _)| *c)
    }

    /// Whether the table holds the field (a column, or a form's answer).
    pub fn has_field(&self, field: &str) -> bool {
        match &self.form {
            Some(answers) => answers.iter().any(|a| a.field == field),
            None => self.column_of(field).is_some() || self.option_columns.iter().any(|(_, f, _)| *f == field),
        }
    }

    /// The schema's required fields that no column holds.
    pub fn missing_required(&self) -> Vec<&'static Field> {
        schema(self.kind).fields.iter().filter(|f| f.constraints.required && !self.has_field(&f.name)).collect()
    }

    /// The optional fields that feed a figure (`x-missing`) and that no column holds.
    pub fn missing_for_figures(&self) -> Vec<&'static Field> {
        schema(self.kind).fields.iter().filter(|f| f.missing.is_some() && !self.has_field(&f.name)).collect()
    }
}

/// A header that holds none of a kind's required fields is not that kind's table (two loose matches such
/// as "Date" and "Téléphone" are not enough to call a sheet an availability sheet); a questionnaire needs
/// at least one of its questions.
fn names_a_required_field(kind: TableKind, placement: &Placement) -> bool {
    let s = schema(kind);
    let placed = |f: &Field| placement.columns.iter().any(|(_, p)| *p == f.name) || placement.options.iter().any(|(_, p, _)| *p == f.name);
    let required: Vec<&Field> = s.fields.iter().filter(|f| f.constraints.required).collect();
    if required.is_empty() {
        return s.fields.iter().filter(|f| f.question.is_some()).any(placed);
    }
    required.into_iter().any(placed)
}

/// Finds the header row and kind that best match the schemas; `forced` restricts to one kind.
/// Returns `None` when no row looks like a header of any kind.
pub fn detect(table: &RawTable, forced: Option<TableKind>) -> Option<Detected> {
    detect_with(table, forced, &ColumnSettings::default())
}

/// [`detect`], with the user's column settings (`[colonnes]`, `--colonne`), which win over detection.
pub fn detect_with(table: &RawTable, forced: Option<TableKind>, settings: &ColumnSettings) -> Option<Detected> {
    let kinds: Vec<TableKind> = forced.map(|k| vec![k]).unwrap_or_else(|| TableKind::ALL.to_vec());
    let mut best: Option<(TableKind, usize, f64)> = None;
    for (index, row) in table.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        if row.iter().filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty())).count() < 2 {
            continue;
        }
        for &kind in &kinds {
            let bound = header_bound(kind, table, index, settings);
            if bound < MIN_HEADER_SCORE || best.is_some_and(|(_, _, b)| bound <= b + 1e-9) {
                continue;
            }
            let placement = place_columns(kind, table, index, settings, false);
            let score = placement.header_score + 0.01 * placement.options.len() as f64;
            if placement.columns.len() + placement.options.len() >= 2
                && score >= MIN_HEADER_SCORE
                && names_a_required_field(kind, &placement)
                && best.is_none_or(|(_, _, b)| score > b + 1e-9)
            {
                best = Some((kind, index, score));
            }
        }
    }
    if forced.is_none_or(|k| k == TableKind::Questionnaire) {
        if let Some(answers) = detect_form(table) {
            let header_columns = best.map_or(0, |(kind, index, _)| place_columns(kind, table, index, settings, false).columns.len());
            if header_columns < answers.len() {
                return Some(form_detected(table, answers));
            }
        }
    }
    let (kind, header_index, _) = best?;
    let placement = place_columns(kind, table, header_index, settings, true);
    Some(Detected {
        kind,
        header_index,
        columns: placement.columns,
        report: placement.report,
        option_columns: placement.options,
        title_lines: title_lines(table, header_index),
        form: None,
    })
}

/// The text of each non-blank row above `end`.
fn title_lines(table: &RawTable, end: usize) -> Vec<String> {
    table.rows[..end]
        .iter()
        .map(|row| row.iter().map(Cell::to_text).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect()
}

fn form_detected(table: &RawTable, answers: Vec<FormAnswer>) -> Detected {
    let first = answers.iter().map(|a| a.row).min().unwrap_or(0);
    Detected {
        kind: TableKind::Questionnaire,
        header_index: first,
        columns: answers.iter().map(|a| (a.col, a.field)).collect(),
        report: Vec::new(),
        option_columns: Vec::new(),
        title_lines: title_lines(table, first),
        form: Some(answers),
    }
}
