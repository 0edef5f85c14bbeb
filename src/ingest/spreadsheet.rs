//! Workbooks (xlsx, xlsm, xls, xlsb, ods) through calamine: every sheet, hidden ones included.
//!
//! Every workbook is looked into before calamine reads it ([`zip_guard`](super::zip_guard),
//! [`xls_guard`](super::xls_guard), the ods pass of [`ods_extras`]); xlsx and xlsb sheets are streamed
//! cell by cell ([`RowStream`]: the head in a bounded [`Grid`], then chunks of rows) rather than through
//! `worksheet_range`, which allocates the whole declared rectangle at once.

use super::grid::Grid;
use super::limits::{Deadline, Exceeded, Limits};
use super::merges::xlsx_merges;
use super::ods_extras::{ods_extras, OdsExtras};
use super::rows::{RowStream, SheetError};
use super::stream::{Merges, Out, Piece};
use super::{xls_guard, zip_guard, Cell, InputFile, RawTable};
use crate::issues::{Issue, Location, Severity};
use calamine::{open_workbook_auto, Data, DataRef, Dimensions, Reader, Sheets};
use std::io::{Read, Seek};

fn to_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::from_text(s),
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

/// A streamed cell, converted without the intermediate [`Data`] (one copy of its text, not two).
fn ref_to_cell(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::from_text(s),
        DataRef::SharedString(s) => Cell::from_text(s),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() => d.as_datetime().map(Cell::DateTime).unwrap_or(Cell::Number(d.as_f64())),
        DataRef::DateTime(d) => Cell::Number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// The merged areas of an xls or ods sheet (calamine's, or our own reading of ods content.xml); xlsx
/// sheets have theirs searched for while their cells are read ([`xlsx_merges`]); calamine does not report
/// them for xlsb.
fn merged_regions<RS: Read + Seek>(workbook: &mut Sheets<RS>, sheet: &str, ods: &OdsExtras) -> Vec<Dimensions> {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Ods(_) => ods.merges.get(sheet).cloned().unwrap_or_default(),
        Sheets::Xlsb(_) => Vec::new(),
    }
}

/// Formula errors calamine read as text (ods) become error cells again.
fn mark_errors(rows: &mut [Vec<Cell>], origin: (u32, u32), errors: &[((u32, u32), String)]) {
    for ((row, col), shown) in errors {
        let (Some(r), Some(c)) = (row.checked_sub(origin.0), col.checked_sub(origin.1)) else { continue };
        if let Some(cell) = rows.get_mut(r as usize).and_then(|row| row.get_mut(c as usize)) {
            *cell = Cell::Error(shown.clone());
        }
    }
}

fn open_error(input: &InputFile, detail: String) -> Issue {
    let at = Location::file(&input.display);
    // calamine names a password in different error variants per format; its message is the common part.
    if detail.to_lowercase().contains("password") {
        return Issue::new(
            at,
            Severity::Error,
            "source-error",
            "le classeur est protégé par un mot de passe : l'enregistrer sans mot de passe puis relancer",
            "the workbook is password-protected: save it without a password and run again",
        );
    }
    Issue::new(
        at,
        Severity::Error,
        "source-error",
        format!("le classeur n'a pas pu être ouvert ({detail}) : vérifier qu'il n'est pas endommagé, l'ouvrir et l'enregistrer à nouveau"),
        format!("the workbook could not be opened ({detail}): check that it is not damaged, open it and save it again"),
    )
}

/// Walks a sheet's non-empty cells with `place`, within the time cap. `next` is the format's cell reader.
fn each_cell<'a, E: std::fmt::Display>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
    deadline: &Deadline,
    mut place: impl FnMut(u32, u32, Cell) -> Result<(), SheetError>,
) -> Result<(), SheetError> {
    let mut seen = 0u64;
    while let Some(cell) = next().map_err(|e| SheetError::Read(e.to_string()))? {
        seen += 1;
        if seen % 65_536 == 0 && deadline.passed() {
            return Err(SheetError::Limit(Exceeded::time()));
        }
        let (row, col) = cell.get_position();
        let value = cell.get_value();
        if !matches!(value, DataRef::Empty) {
            place(row, col, ref_to_cell(value))?;
        }
    }
    Ok(())
}

/// Streams a sheet's cells to the sink; `begun` says whether any of it was handed over.
fn stream<'a, E: std::fmt::Display>(
    next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
    mut rows: RowStream<'_>,
    deadline: &Deadline,
    begun: &mut bool,
) -> Result<(), SheetError> {
    let walked = each_cell(next, deadline, |row, col, cell| rows.push(row, col, cell));
    *begun = rows.begun();
    walked?;
    rows.finish()
}

/// A sheet read through the cell reader: xlsx (its merged areas searched for meanwhile) and xlsb.
fn stream_sheet<RS: Read + Seek>(workbook: &mut Sheets<RS>, input: &InputFile, sheet: &str, limits: &Limits, deadline: &Deadline, out: &Out, begun: &mut bool) -> Result<(), SheetError> {
    let rows = |merges| RowStream::new(out, &input.display, sheet, limits.max_cells, merges);
    match workbook {
        Sheets::Xlsx(x) => {
            let merges = match xlsx_merges(&input.path, sheet, deadline) {
                Some(coming) => coming,
                None => Merges::Known(x.merge_cells_by_sheet_name(sheet).unwrap_or_default()),
            };
            match x.worksheet_cells_reader(sheet) {
                Ok(mut reader) => stream(|| reader.next_cell(), rows(merges), deadline, begun),
                // A chart sheet holds no cells, as calamine's own range reader says.
                Err(calamine::XlsxError::NotAWorksheet(_)) => Ok(out.table(RawTable::empty(&input.display, sheet), Vec::new())?),
                Err(e) => Err(SheetError::Read(e.to_string())),
            }
        }
        Sheets::Xlsb(x) => match x.worksheet_cells_reader(sheet) {
            Ok(mut reader) => stream(|| reader.next_cell(), rows(Merges::Known(Vec::new())), deadline, begun),
            Err(e) => Err(SheetError::Read(e.to_string())),
        },
        _ => Err(SheetError::Restart),
    }
}

/// Reads one sheet, within the caps, and hands it to the sink. A streamed sheet whose cells come out of
/// order is read again whole (what was handed over of it is abandoned first).
fn read_sheet<RS: Read + Seek>(workbook: &mut Sheets<RS>, input: &InputFile, sheet: &str, ods: &OdsExtras, limits: &Limits, deadline: &Deadline, out: &Out) -> Result<(), SheetError> {
    let streamed = matches!(workbook, Sheets::Xlsx(_) | Sheets::Xlsb(_));
    if streamed {
        let mut begun = false;
        match stream_sheet(workbook, input, sheet, limits, deadline, out, &mut begun) {
            Err(SheetError::Restart) => out.send(Piece::Abandon)?,
            Err(error) if begun => {
                out.send(Piece::Abandon)?;
                return Err(error);
            }
            done => return done,
        }
    }
    let (row0, col0, mut rows) = whole_sheet(workbook, sheet, limits, deadline)?;
    let regions = merged_regions(workbook, sheet, ods);
    mark_errors(&mut rows, (row0, col0), ods.errors.get(sheet).map(Vec::as_slice).unwrap_or_default());
    let table = RawTable { file: input.display.clone(), sheet: sheet.to_string(), first_row: row0 + 1, first_col: col0 as usize, rows };
    Ok(out.table(table, regions)?)
}

/// A streamed sheet's cells into a bounded grid, whole: the way back for a sheet whose cells come out of
/// order. `next` is the format's cell reader.
fn grid_of<'a, E: std::fmt::Display>(
    next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<(u32, u32, Vec<Vec<Cell>>), SheetError> {
    let mut grid = Grid::new(limits.max_cells);
    each_cell(next, deadline, |row, col, cell| grid.push(row, col, cell).map_err(SheetError::Limit))?;
    Ok(grid.finish())
}

/// A whole sheet as (first row, first column, rectangular rows), 0-based: xls and ods sheets (measured by
/// their guards before the workbook was opened), and streamed sheets read again.
fn whole_sheet<RS: Read + Seek>(workbook: &mut Sheets<RS>, sheet: &str, limits: &Limits, deadline: &Deadline) -> Result<(u32, u32, Vec<Vec<Cell>>), SheetError> {
    match workbook {
        Sheets::Xlsx(x) => match x.worksheet_cells_reader(sheet) {
            Ok(mut reader) => grid_of(|| reader.next_cell(), limits, deadline),
            Err(calamine::XlsxError::NotAWorksheet(_)) => Ok((0, 0, Vec::new())),
            Err(e) => Err(SheetError::Read(e.to_string())),
        },
        Sheets::Xlsb(x) => match x.worksheet_cells_reader(sheet) {
            Ok(mut reader) => grid_of(|| reader.next_cell(), limits, deadline),
            Err(e) => Err(SheetError::Read(e.to_string())),
        },
        _ => {
            let range = workbook.worksheet_range(sheet).map_err(|e| SheetError::Read(e.to_string()))?;
            let (row0, col0) = range.start().unwrap_or((0, 0));
            Ok((row0, col0, range.rows().map(|r| r.iter().map(to_cell).collect()).collect()))
        }
    }
}

fn magic(input: &InputFile) -> [u8; 4] {
    let mut head = [0u8; 4];
    if let Ok(mut file) = std::fs::File::open(&input.path) {
        let _ = file.read_exact(&mut head);
    }
    head
}

/// The guards that look into a workbook before calamine opens it, chosen by content, not by name.
fn guard(input: &InputFile, limits: &Limits, deadline: &Deadline) -> Result<(), Issue> {
    let at = Location::file(&input.display);
    let checked = match magic(input) {
        [b'P', b'K', 3, 4] => zip_guard::check(&input.path, limits),
        [0xD0, 0xCF, 0x11, 0xE0] => xls_guard::check(&input.path, limits, deadline),
        _ => Ok(()),
    };
    checked.map_err(|exceeded| exceeded.issue(limits, at))
}

fn sheet_issue(input: &InputFile, sheet: &str, error: SheetError, limits: &Limits) -> Issue {
    let at = Location::sheet(&input.display, sheet);
    match error {
        SheetError::Limit(exceeded) => exceeded.issue(limits, at),
        detail => {
            let detail = match detail {
                SheetError::Read(detail) => detail,
                _ => "lecture interrompue / reading interrupted".to_string(),
            };
            Issue::new(
                at,
                Severity::Error,
                "source-error",
                format!("la feuille n'a pas pu être lue ({detail}) : elle est ignorée"),
                format!("the sheet could not be read ({detail}): it is skipped"),
            )
        }
    }
}

/// Reads every sheet of a workbook and hands each to `out`; returns the problems met with parts of it.
pub(super) fn read(input: &InputFile, limits: &Limits, deadline: &Deadline, out: &Out) -> Result<Vec<Issue>, Issue> {
    let fast = super::xlsx::applies(&input.path).then_some(super::xlsx::PIECE_BYTES);
    read_workbook(input, limits, deadline, out, fast)
}

/// [`read`], large xlsx read on every core when `fast` gives the bytes of sheet XML to parse at a time.
pub(super) fn read_workbook(input: &InputFile, limits: &Limits, deadline: &Deadline, out: &Out, fast: Option<usize>) -> Result<Vec<Issue>, Issue> {
    guard(input, limits, deadline)?;
    let is_ods = magic(input) == [b'P', b'K', 3, 4] && super::extension(&input.path) == "ods";
    let ods = if is_ods {
        ods_extras(&input.path, limits, deadline).map_err(|(sheet, exceeded)| {
            exceeded.issue(limits, Location::sheet(&input.display, sheet.as_deref().unwrap_or_default()))
        })?
    } else {
        OdsExtras::default()
    };
    let (mut skip, mut issues) = (0, Vec::new());
    if let Some(piece_bytes) = fast.filter(|_| !is_ods) {
        match super::xlsx::read(input, limits, deadline, out, piece_bytes, |sheet, error| sheet_issue(input, sheet, error, limits)) {
            super::xlsx::Outcome::Read(found) => return Ok(found),
            super::xlsx::Outcome::From(index, found) => (skip, issues) = (index, found),
        }
    }
    let mut workbook = open_workbook_auto(&input.path).map_err(|e| open_error(input, e.to_string()))?;
    for sheet in workbook.sheet_names().into_iter().skip(skip) {
        if deadline.passed() {
            issues.push(Exceeded::time().issue(limits, Location::sheet(&input.display, &sheet)));
            break;
        }
        match read_sheet(&mut workbook, input, &sheet, &ods, limits, deadline, out) {
            Ok(()) => {}
            // The sink gave up on the file (its time cap): nothing more is wanted.
            Err(SheetError::Gone) => break,
            Err(error) => issues.push(sheet_issue(input, &sheet, error, limits)),
        }
    }
    Ok(issues)
}
