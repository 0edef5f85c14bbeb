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
    pub memo: super::memo::Memo,
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

fn is_total_row(row: &[Cell]) -> bool {
    row.iter().filter(|c| !c.is_blank()).take(2).any(|c| match c {
        Cell::Text(t) => {
            let f = fold(t);
            f == "total" || f.starts_with("total ") || f.starts_with("sous total") || f == "totaux"
        }
        _ => false,
    })
}

/// Whether any recognised column of the row holds a value (LimeSurvey keeps incomplete responses as rows
/// with only its own metadata filled, and "N/A" elsewhere).
fn has_field_value(ctx: &TableContext<'_>, row: &[Cell]) -> bool {
    let missing = &crate::detect::schema(ctx.detected.kind).missing_values;
    let columns = ctx.detected.columns.iter().map(|(c, _)| *c).chain(ctx.detected.option_columns.iter().map(|(c, _, _)| *c));
    columns.filter_map(|c| row.get(c)).any(|cell| !cell.is_blank() && !is_missing_value(cell, missing))
}

/// Whether a row repeats the header, whose cells were folded once (`header`): compared cell by cell,
/// stopping at the first that differs (most rows differ at their first cell).
fn is_repeated_header(row: &[Cell], header: &[String]) -> bool {
    row.len() == header.len() && !row.iter().all(Cell::is_blank) && row.iter().zip(header).all(|(c, h)| fold(&c.to_text()) == *h)
}

/// Reads every data row with `parse`: `Some` accepts the row, `None` rejects it (`parse` has reported why).
pub(crate) fn read_rows<T>(
    ctx: &TableContext<'_>,
    issues: &mut IssueLog,
    mut parse: impl FnMut(&mut RowCtx<'_, '_>) -> Option<T>,
) -> (Vec<T>, TableIntake) {
    if ctx.detected.form.is_some() {
        return read_form(ctx, issues, parse);
    }
    let table = ctx.table;
    let header_index = ctx.detected.header_index;
    let last = table.rows.iter().rposition(|r| !r.iter().all(Cell::is_blank)).unwrap_or(header_index);
    let mut intake = TableIntake::new(table, Some(ctx.detected.kind));
    let mut records = Vec::new();
    let header: Vec<String> = table.rows[header_index].iter().map(|c| fold(&c.to_text())).collect();
    for index in header_index + 1..=last {
        intake.rows_read += 1;
        let row = &table.rows[index];
        let at = table.location().at_row(table.row_number(index));
        if row.iter().all(Cell::is_blank) {
            intake.rows_ignored += 1;
            issues.info(at, "blank-row", "ligne vide ignorée", "blank row skipped");
        } else if !has_field_value(ctx, row) {
            intake.rows_ignored += 1;
            issues.info(
                at,
                "blank-row",
                "ligne sans aucune valeur dans les colonnes reconnues (réponse incomplète ?) : ignorée",
                "row with no value in any recognised column (incomplete response?): skipped",
            );
        } else if is_repeated_header(row, &header) {
            intake.rows_ignored += 1;
            issues.info(at, "repeated-header", "ligne d'en-tête répétée ignorée", "repeated header row skipped");
        } else if is_total_row(row) {
            intake.rows_ignored += 1;
            issues.info(at, "total-row", "ligne de total ignorée (veille recalcule les totaux)", "total row skipped (veille computes its own totals)");
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
    (records, intake)
}

/// A form-layout sheet holds one record: one row read, accepted or rejected.
fn read_form<T>(
    ctx: &TableContext<'_>,
    issues: &mut IssueLog,
    mut parse: impl FnMut(&mut RowCtx<'_, '_>) -> Option<T>,
) -> (Vec<T>, TableIntake) {
    let mut intake = TableIntake::new(ctx.table, Some(ctx.detected.kind));
    intake.rows_read = 1;
    let mut row_ctx = RowCtx { table: ctx, index: ctx.detected.header_index, issues };
    match parse(&mut row_ctx) {
        Some(record) => {
            intake.rows_accepted = 1;
            (vec![record], intake)
        }
        None => {
            intake.rows_rejected = 1;
            (Vec::new(), intake)
        }
    }
}
