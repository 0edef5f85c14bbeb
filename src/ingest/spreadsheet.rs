//! Workbooks (xlsx, xlsm, xls, xlsb, ods) through calamine: every sheet, hidden ones included.

use super::{Cell, FileTables, InputFile, RawTable};
use crate::issues::{Issue, Location, Severity};
use calamine::{open_workbook_auto, Data, Reader};

fn to_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => {
            d.as_datetime().map(Cell::DateTime).unwrap_or(Cell::Number(d.as_f64()))
        }
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

pub(super) fn read(input: &InputFile) -> Result<FileTables, Issue> {
    let mut workbook = open_workbook_auto(&input.path).map_err(|e| {
        let detail = e.to_string();
        Issue::new(
            Location::file(&input.display),
            Severity::Error,
            "source-error",
            format!("le classeur n'a pas pu être ouvert ({detail}) : vérifier qu'il n'est pas endommagé ou protégé par un mot de passe"),
            format!("the workbook could not be opened ({detail}): check that it is not damaged or password-protected"),
        )
    })?;
    let mut tables = Vec::new();
    let mut issues = Vec::new();
    for sheet in workbook.sheet_names() {
        match workbook.worksheet_range(&sheet) {
            Ok(range) => {
                let (row0, col0) = range.start().unwrap_or((0, 0));
                let rows = range.rows().map(|r| r.iter().map(to_cell).collect()).collect();
                tables.push(RawTable {
                    file: input.display.clone(),
                    sheet: sheet.clone(),
                    first_row: row0 + 1,
                    first_col: col0 as usize,
                    rows,
                });
            }
            Err(e) => {
                let detail = e.to_string();
                issues.push(Issue::new(
                    Location::sheet(&input.display, &sheet),
                    Severity::Error,
                    "source-error",
                    format!("la feuille n'a pas pu être lue ({detail}) : elle est ignorée"),
                    format!("the sheet could not be read ({detail}): it is skipped"),
                ));
            }
        }
    }
    Ok((tables, issues))
}
