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

mod form;
mod header;
mod schema;

pub use form::{detect_form, FormAnswer};
pub use header::match_header;
pub use schema::{schema, schema_json, Constraints, Field, TableSchema};

use crate::domain::TableKind;
use crate::ingest::{Cell, RawTable};

/// How many rows from the top may hold the header (title rows come first).
const HEADER_SEARCH_ROWS: usize = 30;

/// What detection found in a table.
#[derive(Debug, Clone)]
pub struct Detected {
    pub kind: TableKind,
    /// Index in `RawTable::rows` of the header row.
    pub header_index: usize,
    /// For each recognised column: its index in the row and the schema field it holds.
    pub columns: Vec<(usize, &'static str)>,
    /// Columns whose header names a field already taken by a better-matching column.
    pub duplicate_columns: Vec<(usize, &'static str)>,
    /// Non-empty header cells that name no field.
    pub extra_columns: Vec<usize>,
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

    /// The schema's required fields that no column holds.
    pub fn missing_required(&self) -> Vec<&'static Field> {
        schema(self.kind)
            .fields
            .iter()
            .filter(|f| f.constraints.required && self.column_of(&f.name).is_none())
            .collect()
    }
}

struct Candidate {
    kind: TableKind,
    header_index: usize,
    score: f64,
    columns: Vec<(usize, &'static str)>,
    duplicates: Vec<(usize, &'static str)>,
    extras: Vec<usize>,
    options: Vec<(usize, &'static str, String)>,
}

/// Splits LimeSurvey's "question [choice]" header into the question and the choice.
fn split_choice(header: &str) -> (&str, Option<&str>) {
    match header.trim_end().strip_suffix(']').and_then(|h| h.rsplit_once('[')) {
        Some((question, choice)) if !question.trim().is_empty() && !choice.trim().is_empty() => (question.trim_end(), Some(choice.trim())),
        _ => (header, None),
    }
}

fn header_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        _ => None,
    }
}

/// Maps one row's cells to a kind's fields, keeping for each field the best-matching column.
fn map_row(kind: TableKind, row: &[Cell], header_index: usize) -> Candidate {
    let schema = schema(kind);
    let mut best: Vec<Option<(usize, f64)>> = vec![None; schema.fields.len()];
    let mut duplicates = Vec::new();
    let mut extras = Vec::new();
    let mut options = Vec::new();
    for (col, cell) in row.iter().enumerate() {
        let Some(text) = header_text(cell) else { continue };
        let (question, choice) = split_choice(&text);
        if let (Some(choice), Some((field, _))) = (choice, match_header(schema, question)) {
            if schema.fields[field].normalize.as_deref() == Some("lenders") {
                options.push((col, schema.fields[field].name.as_str(), choice.to_string()));
                continue;
            }
        }
        match match_header(schema, &text).or_else(|| choice.and_then(|_| match_header(schema, question))) {
            Some((field, score)) => match best[field] {
                Some((_, previous)) if previous >= score => duplicates.push((col, field)),
                Some((previous_col, _)) => {
                    duplicates.push((previous_col, field));
                    best[field] = Some((col, score));
                }
                None => best[field] = Some((col, score)),
            },
            None => extras.push(col),
        }
    }
    let name = |f: usize| -> &'static str { schema.fields[f].name.as_str() };
    let mut columns: Vec<(usize, &'static str)> =
        best.iter().enumerate().filter_map(|(f, m)| m.map(|(c, _)| (c, name(f)))).collect();
    columns.sort();
    let score = best.iter().flatten().map(|(_, s)| s).sum();
    let duplicates = duplicates.into_iter().map(|(c, f)| (c, name(f))).collect();
    Candidate { kind, header_index, score, columns, duplicates, extras, options }
}

/// A header that holds none of a kind's required fields is not that kind's table (two loose matches such
/// as "Date" and "Téléphone" are not enough to call a sheet an availability sheet).
fn names_a_required_field(candidate: &Candidate) -> bool {
    let required: Vec<&str> =
        schema(candidate.kind).fields.iter().filter(|f| f.constraints.required).map(|f| f.name.as_str()).collect();
    required.is_empty() || candidate.columns.iter().any(|(_, field)| required.contains(field))
}

/// Finds the header row and kind that best match the schemas; `forced` restricts to one kind.
/// Returns `None` when no row looks like a header of any kind.
pub fn detect(table: &RawTable, forced: Option<TableKind>) -> Option<Detected> {
    let kinds: Vec<TableKind> = forced.map(|k| vec![k]).unwrap_or_else(|| TableKind::ALL.to_vec());
    let mut best: Option<Candidate> = None;
    for (index, row) in table.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        if row.iter().filter_map(header_text).count() < 2 {
            continue;
        }
        for &kind in &kinds {
            let candidate = map_row(kind, row, index);
            if candidate.columns.len() >= 2
                && candidate.score >= 2.0
                && names_a_required_field(&candidate)
                && best.as_ref().is_none_or(|b| candidate.score > b.score + 1e-9)
            {
                best = Some(candidate);
            }
        }
    }
    if forced.is_none_or(|k| k == TableKind::Questionnaire) {
        if let Some(answers) = detect_form(table) {
            if best.as_ref().is_none_or(|b| b.columns.len() < answers.len()) {
                return Some(form_detected(table, answers));
            }
        }
    }
    let best = best?;
    Some(Detected {
        kind: best.kind,
        header_index: best.header_index,
        columns: best.columns,
        duplicate_columns: best.duplicates,
        extra_columns: best.extras,
        option_columns: best.options,
        title_lines: title_lines(table, best.header_index),
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
        duplicate_columns: Vec::new(),
        extra_columns: Vec::new(),
        option_columns: Vec::new(),
        title_lines: title_lines(table, first),
        form: Some(answers),
    }
}
