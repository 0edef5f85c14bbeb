//! Article 6 at the header: a column whose header names a sensitive category is dropped from the mapping
//! before any row is read, so its cells are never read (`forbidden-column`).

use super::charter::forbidden_header;
use crate::detect::{ColumnReport, Detected, Outcome, ValueProfile};
use crate::ingest::{Cell, RawTable};
use crate::issues::{Issue, Location, Severity};

/// Drops the forbidden columns of a detected table and says which, by header and category.
///
/// ```
/// use veille::detect::detect;
/// use veille::ingest::{Cell, RawTable};
/// use veille::privacy::drop_forbidden_columns;
/// let text = |s: &str| Cell::Text(s.to_string());
/// let table = RawTable { file: "r.xlsx".into(), sheet: "S".into(), first_row: 1, first_col: 0, rows: vec![
///     vec![text("Élève"), text("Date de signalement"), text("Commentaire santé")],
///     vec![text("Tom Garnier"), text("04/05/2020"), text("asthme")],
/// ]};
/// let mut found = detect(&table, None).unwrap();
/// let issues = drop_forbidden_columns(&table, &mut found);
/// assert_eq!(issues[0].code, "forbidden-column");
/// assert_eq!(found.column_of("commentaire"), None);
/// ```
pub fn drop_forbidden_columns(table: &RawTable, detected: &mut Detected) -> Vec<Issue> {
    if detected.form.is_some() {
        return Vec::new();
    }
    let Some(header) = table.rows.get(detected.header_index) else { return Vec::new() };
    let mut issues = Vec::new();
    for (col, cell) in header.iter().enumerate() {
        let Cell::Text(text) = cell else { continue };
        let Some(category) = forbidden_header(text) else { continue };
        detected.columns.retain(|(c, _)| *c != col);
        detected.option_columns.retain(|(c, _, _)| *c != col);
        let forbidden = Outcome::Forbidden { category: category.label.to_string() };
        match detected.report.iter_mut().find(|r| r.col == col) {
            // Nothing of what its cells hold is kept, not even their kinds.
            Some(report) => {
                report.outcome = forbidden;
                report.values = ValueProfile::default();
            }
            None => detected.report.push(ColumnReport { col, header: text.trim().to_string(), values: ValueProfile::default(), outcome: forbidden }),
        }
        let at = Location::sheet(&table.file, &table.sheet).at_cell(table.row_number(detected.header_index), table.first_col + col);
        let header = text.trim();
        issues.push(Issue::new(
            at,
            Severity::Warning,
            "forbidden-column",
            format!("colonne « {header} » jamais lue : elle relève d'une catégorie sensible ({}), interdite par la charte (article 6)", category.label),
            format!("column \"{header}\" never read: it falls under a sensitive category ({}), forbidden by the charter (article 6)", category.code),
        ));
    }
    issues
}
