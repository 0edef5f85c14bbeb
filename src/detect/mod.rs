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

mod header;
mod schema;

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
    for (col, cell) in row.iter().enumerate() {
        let Some(text) = header_text(cell) else { continue };
        match match_header(schema, &text) {
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
    Candidate { kind, header_index, score, columns, duplicates, extras }
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
                && best.as_ref().is_none_or(|b| candidate.score > b.score + 1e-9)
            {
                best = Some(candidate);
            }
        }
    }
    let best = best?;
    let title_lines = table.rows[..best.header_index]
        .iter()
        .map(|row| row.iter().map(Cell::to_text).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    Some(Detected {
        kind: best.kind,
        header_index: best.header_index,
        columns: best.columns,
        duplicate_columns: best.duplicates,
        extra_columns: best.extras,
        title_lines,
    })
}
