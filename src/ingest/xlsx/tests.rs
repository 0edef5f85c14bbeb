//! The fast reader against calamine: every xlsx the project carries, and generated workbooks of every
//! kind of cell, must give the same tables and issues cell for cell, whether the fast reader reads them
//! (cut into pieces of a few bytes, so that rows and cells without positions cross the cuts) or steps
//! aside for calamine.

use super::super::limits::{Deadline, Limits};
use super::super::spreadsheet::read_workbook;
use super::super::stream::{receive, Collect, Out, Piece};
use super::super::InputFile;
use super::{read, Outcome};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Tables and issues as text (a NaN is then equal to itself), read the fast way or by calamine.
fn tables(path: &Path, fast: Option<usize>) -> String {
    let input = InputFile { path: path.to_path_buf(), display: path.display().to_string() };
    let limits = Limits::default();
    let (out, receiver) = Out::unbounded();
    let result = read_workbook(&input, &limits, &Deadline::after(&limits), &out, fast);
    let _ = out.send(Piece::Done(result));
    let mut sink = Collect::default();
    let read = receive(&receiver, Instant::now() + Duration::from_secs(120), &mut sink, &input, &limits);
    let issues = read.map(|(sheets, issues)| (sheets, issues.iter().map(|i| format!("{} {} {}", i.location.sheet, i.code, i.message(crate::i18n::Lang::Fr))).collect::<Vec<_>>()));
    format!("{:?}\n{issues:?}", sink.tables.iter().map(|t| (&t.sheet, t.first_row, t.first_col, &t.rows)).collect::<Vec<_>>())
}

/// Whether the fast reader read every sheet itself (rather than stepping aside).
fn read_fast(path: &Path, piece_bytes: usize) -> bool {
    let input = InputFile { path: path.to_path_buf(), display: String::new() };
    let limits = Limits::default();
    let (out, _receiver) = Out::unbounded();
    matches!(read(&input, &limits, &Deadline::after(&limits), &out, piece_bytes, |_, _| crate::issues::Issue::new(crate::issues::Location::file(""), crate::issues::Severity::Info, "", "", "")), Outcome::Read(_))
}

fn workbooks(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for path in entries.flatten().map(|e| e.path()) {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if path.is_dir() {
            workbooks(&path, found);
        } else if ext == "xlsx" || ext == "xlsm" {
            found.push(path);
        }
    }
}

#[test]
fn every_workbook_the_project_carries_reads_as_calamine_reads_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["tests/fixtures", "sample_data", "assets"] {
        workbooks(&root.join(dir), &mut found);
    }
    assert!(found.len() > 60, "only {} workbooks found", found.len());
    let mut fast = 0;
    for path in &found {
        let expected = tables(path, None);
        for piece_bytes in [97, 4096] {
            assert_eq!(tables(path, Some(piece_bytes)), expected, "{} in pieces of {piece_bytes} bytes", path.display());
        }
        fast += usize::from(read_fast(path, 97));
    }
    // Most of them are read by the fast reader itself, not handed back to calamine.
    assert!(fast * 10 >= found.len() * 8, "the fast reader read {fast} of {} workbooks itself", found.len());
}

/// A workbook with every kind of cell, rows and cells without positions, and a merged area.
fn every_kind_of_cell(path: &Path, constant_memory: bool) {
    let mut workbook = Workbook::new();
    // An empty workbook fails the caller's assertions on what it holds.
    let sheet = if constant_memory { workbook.add_worksheet_with_constant_memory().ok() } else { Some(workbook.add_worksheet()) };
    let Some(sheet) = sheet else { return };
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let duration = Format::new().set_num_format("[h]:mm");
    for row in 0..3_000u32 {
        if row % 97 == 5 {
            continue;
        }
        let r = row + 2;
        let _ = sheet.write_string(r, 0, format!("Élève {row} & <co> _x000D_ \"{}\"", row % 7));
        let _ = sheet.write_number(r, 1, f64::from(row) * 0.5);
        if let Ok(day) = ExcelDateTime::from_ymd(2020, 5, 1 + (row % 28) as u8) {
            let _ = sheet.write_datetime_with_format(r, 2, &day, &date);
        }
        let _ = sheet.write_number_with_format(r, 3, 1.25, &duration);
        let _ = sheet.write_boolean(r, 4, row % 2 == 0);
        let _ = sheet.write_formula(r, 5, Formula::new(format!("=B{}*2", r + 1)).set_result(format!("{}", row)));
        let _ = sheet.write_string(r, 7, "   espaces   ");
    }
    let _ = sheet.write_string(0, 0, "Titre – prêts");
    let _ = sheet.merge_range(3_100, 0, 3_104, 2, "Fusion", &Format::new());
    let _ = workbook.save(path);
}

#[test]
fn generated_workbooks_read_as_calamine_reads_them() {
    let dir = tempfile::tempdir().map(|d| d.keep()).unwrap_or_else(|_| std::env::temp_dir());
    for constant_memory in [false, true] {
        let path = dir.join(format!("cells-{constant_memory}.xlsx"));
        every_kind_of_cell(&path, constant_memory);
        let expected = tables(&path, None);
        assert!(expected.contains("DateTime(2020-05-03T00:00:00)") && expected.contains("Bool(true)") && expected.contains("Fusion"));
        for piece_bytes in [64, 1000, 1 << 20] {
            assert_eq!(tables(&path, Some(piece_bytes)), expected, "constant memory {constant_memory}, pieces of {piece_bytes} bytes");
        }
        assert!(read_fast(&path, 1000), "constant memory {constant_memory}: the fast reader stepped aside");
    }
}

#[test]
fn rows_end_after_their_closing_tag_whatever_its_prefix() {
    use super::cells::last_row_end;
    assert_eq!(last_row_end(b"<row r=\"1\"><c/></row><row r=\"2\">"), Some(21));
    assert_eq!(last_row_end(b"<x:row><x:c/></x:row><x:row>"), Some(21));
    assert_eq!(last_row_end(b"<t>arrow> &lt;/row></t>"), None);
    assert_eq!(last_row_end(b"<row r=\"1\">"), None);
}

