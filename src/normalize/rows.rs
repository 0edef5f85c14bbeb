//! Walking a detected table's rows: which are data, which are blank, total or repeated-header rows,
//! and the bookkeeping that guarantees `rows_read = accepted + rejected + ignored`.

use super::TableIntake;
use crate::detect::Detected;
use crate::domain::{InseeCode, Pseudonym};
use crate::ingest::{Cell, RawTable};
use crate::issues::{IssueLog, Location};
use crate::text::fold;
use chrono::NaiveDate;

/// What the rows of one table share: where they come from and the fallbacks found above the header.
pub(crate) struct TableContext<'a> {
    pub table: &'a RawTable,
    /// The table's file and sheet, shared by the sources of its records.
    pub origin: &'a (std::sync::Arc<str>, std::sync::Arc<str>),
    pub detected: &'a Detected,
    /// The commune named in the title rows or the sheet name ("Cellule de veille – Grigny").
    pub title_commune: Option<InseeCode>,
    /// The date in the title rows ("Mise à jour du 19/05/2020").
    pub title_date: Option<NaiveDate>,
    /// The lender the title rows name ("Prêts du CD91").
    pub title_lender: Option<crate::domain::Lender>,
    /// The workspace's default commune.
    pub default_commune: Option<InseeCode>,
    /// The cellule's territory: names resolve within it first.
    pub territory: &'a crate::reference::Territory,
    /// Turns a person's name into a pseudonym, as soon as it is read.
    pub pseudonymize: &'a dyn Fn(&str) -> Pseudonym,
    /// The normalisers of this table, remembered per distinct raw value.
    pub memo: &'a super::memo::Memo,
}

/// One data row being read, with the means to report problems at its cells.
pub(crate) struct RowCtx<'a, 'b> {
    pub table: &'b TableContext<'a>,
    pub index: usize,
    pub issues: &'b mut IssueLog,
}

impl RowCtx<'_, '_> {
    pub fn number(&self) -> u32 {
        self.table.table.row_number(self.index)
    }

    /// Where the field's value is: (row index, column index) in the raw table.
    fn position(&self, field: &str) -> Option<(usize, usize)> {
        match &self.table.detected.form {
            Some(answers) => answers.iter().find(|a| a.field == field).map(|a| (a.row, a.col)),
            None => self.table.detected.column_of(field).map(|col| (self.index, col)),
        }
    }

    /// The field's cell, when the table has the column and the cell is not blank.
    pub fn cell(&self, field: &str) -> Option<&Cell> {
        let cell = match &self.table.detected.form {
            Some(answers) => answers.iter().find(|a| a.field == field).map(|a| &a.value),
            None => {
                let col = self.table.detected.column_of(field)?;
                self.table.table.rows[self.index].get(col)
            }
        };
        let missing = &crate::detect::schema(self.table.detected.kind).missing_values;
        cell.filter(|c| !c.is_blank() && !is_missing_value(c, missing))
    }

    /// The choices ticked in the field's multiple-choice columns (LimeSurvey's "Par qui ? [Mairie]").
    pub fn ticked_choices(&self, field: &str) -> Vec<String> {
        let row = &self.table.table.rows[self.index];
        self.table
            .detected
            .option_columns
            .iter()
            .filter(|(col, f, _)| *f == field && row.get(*col).and_then(super::parse_bool) == Some(true))
            .map(|(_, _, choice)| choice.clone())
            .collect()
    }

    /// The field's cell as trimmed text, when not blank.
    pub fn text(&self, field: &str) -> Option<String> {
        self.cell(field).map(Cell::to_text).filter(|t| !t.is_empty())
    }

    /// The location of the field's cell (or of the row, when the table has no such column).
    pub fn at(&self, field: &str) -> Location {
        let base = self.table.table.location();
        match self.position(field) {
            Some((row, col)) => base.at_cell(self.table.table.row_number(row), self.table.table.first_col + col),
            None => base.at_row(self.number()),
        }
    }

    pub fn warn(&mut self, field: &str, code: &'static str, fr: String, en: String) {
        let at = self.at(field);
        self.issues.warning(at, code, fr, en);
    }

    pub fn info(&mut self, field: &str, code: &'static str, fr: String, en: String) {
        let at = self.at(field);
        self.issues.info(at, code, fr, en);
    }

    pub fn error(&mut self, field: &str, code: &'static str, fr: String, en: String) {
        let at = self.at(field);
        self.issues.error(at, code, fr, en);
    }

    /// A formula error in the field's cell (`#DIV/0!`, `#N/A`): reported, and the cell treated as blank.
    pub fn formula_error(&mut self, field: &str) -> bool {
        if let Some(Cell::Error(e)) = self.cell(field) {
            let e = e.clone();
            self.warn(
                field,
                "type-error",
                format!("la cellule contient une erreur de formule ({e}) : elle est laissée vide"),
                format!("the cell holds a formula error ({e}): it is left empty"),
            );
            return true;
        }
        false
    }
}

/// A cell that says "no value" in one of the schema's `missingValues` ("NC", "N/A", "-"...).
fn is_missing_value(cell: &Cell, missing: &[String]) -> bool {
    match cell {
        Cell::Text(t) => {
            let t = t.trim();
            !t.is_empty() && missing.iter().any(|m| m.eq_ignore_ascii_case(t))
        }
        _ => false,
    }
}

/// Shortens a user's value for a message. Only used for fields that never hold a person's name.
pub(crate) fn quote(text: &str) -> String {
    let t: String = text.chars().take(40).collect();
    if t.len() < text.len() { format!("{t}…") } else { t }
}

/// Whether a cell's text folds to a word that opens a total row: read only when its first letter could
/// ("t", "s"), as most rows start with something else.
fn is_total_cell(text: &str) -> bool {
    let first = text.chars().find(|c| c.is_alphanumeric());
    if first.is_some_and(|c| c.is_ascii() && !matches!(c, 't' | 'T' | 's' | 'S')) {
        return false;
    }
    let f = fold(text);
    f == "total" || f.starts_with("total ") || f.starts_with("sous total") || f == "totaux"
}

fn is_total_row(row: &[Cell]) -> bool {
    row.iter().filter(|c| !c.is_blank()).take(2).any(|c| matches!(c, Cell::Text(t) if is_total_cell(t)))
}

/// Whether any recognised column of the row holds a value (LimeSurvey keeps incomplete responses as rows
/// with only its own metadata filled, and "N/A" elsewhere).
fn has_field_value(ctx: &TableContext<'_>, row: &[Cell]) -> bool {
    let missing = &crate::detect::schema(ctx.detected.kind).missing_values;
    let columns = ctx.detected.columns.iter().map(|(c, _)| *c).chain(ctx.detected.option_columns.iter().map(|(c, _, _)| *c));
    columns.filter_map(|c| row.get(c)).any(|cell| !cell.is_blank() && !is_missing_value(cell, missing))
}

/// Whether a cell reads as the folded header text `header`. A number or a date is only written out when
/// the header could read as one (it starts with a digit or a minus), as most rows start with one.
fn folds_to(cell: &Cell, header: &str) -> bool {
    match cell {
        Cell::Text(t) => fold(t) == header,
        Cell::Empty => header.is_empty(),
        Cell::Number(_) | Cell::DateTime(_) if !header.starts_with(|c: char| c.is_ascii_digit() || c == '-') => false,
        other => fold(&other.to_text()) == header,
    }
}

/// Whether a row repeats the header, whose cells were folded once (`header`): compared cell by cell,
/// stopping at the first that differs (most rows differ at their first cell).
fn is_repeated_header(row: &[Cell], header: &[String]) -> bool {
    row.len() == header.len() && !row.iter().all(Cell::is_blank) && row.iter().zip(header).all(|(c, h)| folds_to(c, h))
}

/// Where the reading of a table's rows stands between two chunks: the accounting so far, the folded
/// header, and the blank rows met since the last row with data (they count only if data follows: the
/// table ends at its last non-blank row).
pub(crate) struct RowState {
    pub intake: TableIntake,
    header: Vec<String>,
    blank: Vec<u32>,
}

impl RowState {
    /// A state that stands for no table (while the real one is lent out).
    pub fn placeholder() -> RowState {
        RowState { intake: TableIntake::unreadable(""), header: Vec::new(), blank: Vec::new() }
    }

    pub fn new(ctx: &TableContext<'_>) -> RowState {
        let header = ctx.table.rows.get(ctx.detected.header_index).map(|r| r.iter().map(|c| fold(&c.to_text())).collect()).unwrap_or_default();
        RowState { intake: TableIntake::new(ctx.table, Some(ctx.detected.kind)), header, blank: Vec::new() }
    }
}

/// Reads the rows of `ctx.table` from `start` with `parse`: `Some` accepts the row, `None` rejects it
/// (`parse` has reported why). The table may come in chunks, each read in turn with the same `state`.
pub(crate) fn read_chunk<T>(
    ctx: &TableContext<'_>,
    start: usize,
    state: &mut RowState,
    issues: &mut IssueLog,
    records: &mut Vec<T>,
    mut parse: impl FnMut(&mut RowCtx<'_, '_>) -> Option<T>,
) {
    let table = ctx.table;
    for index in start..table.rows.len() {
        let row = &table.rows[index];
        if row.iter().all(Cell::is_blank) {
            state.blank.push(table.row_number(index));
            continue;
        }
        let intake = &mut state.intake;
        for number in state.blank.drain(..) {
            intake.rows_read += 1;
            intake.rows_ignored += 1;
            issues.info(table.location().at_row(number), "blank-row", "ligne vide ignorée", "blank row skipped");
        }
        intake.rows_read += 1;
        let ignored = |issues: &mut IssueLog, code, fr, en| issues.info(table.location().at_row(table.row_number(index)), code, fr, en);
        if !has_field_value(ctx, row) {
            intake.rows_ignored += 1;
            ignored(
                issues,
                "blank-row",
                "ligne sans aucune valeur dans les colonnes reconnues (réponse incomplète ?) : ignorée",
                "row with no value in any recognised column (incomplete response?): skipped",
            );
        } else if is_repeated_header(row, &state.header) {
            intake.rows_ignored += 1;
            ignored(issues, "repeated-header", "ligne d'en-tête répétée ignorée", "repeated header row skipped");
        } else if is_total_row(row) {
            intake.rows_ignored += 1;
            ignored(issues, "total-row", "ligne de total ignorée (veille recalcule les totaux)", "total row skipped (veille computes its own totals)");
        } else {
            let mut row_ctx = RowCtx { table: ctx, index, issues };
            match parse(&mut row_ctx) {
                Some(record) => {
                    intake.rows_accepted += 1;
                    records.push(record);
                }
                None => intake.rows_rejected += 1,
            }
        }
    }
}

/// A form-layout sheet holds one record: one row read, accepted or rejected.
pub(crate) fn read_form<T>(
    ctx: &TableContext<'_>,
    issues: &mut IssueLog,
    records: &mut Vec<T>,
    mut parse: impl FnMut(&mut RowCtx<'_, '_>) -> Option<T>,
) -> TableIntake {
    let mut intake = TableIntake::new(ctx.table, Some(ctx.detected.kind));
    intake.rows_read = 1;
    let mut row_ctx = RowCtx { table: ctx, index: ctx.detected.header_index, issues };
    match parse(&mut row_ctx) {
        Some(record) => {
            intake.rows_accepted = 1;
            records.push(record);
        }
        None => intake.rows_rejected = 1,
    }
    intake
}
