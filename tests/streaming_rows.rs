//! A sheet longer than its head is normalised chunk by chunk while it is read: the accounting, the row
//! numbers, a merged area across the end of the head, a blank row and a total row far below it come out as
//! they would from the whole sheet.

use rust_xlsxwriter::{Format, Workbook};
use veille::commands::pipeline::read_inputs;
use veille::ingest::HEAD_ROWS;
use veille::privacy::Pseudonymizer;

const DATA_ROWS: u32 = 25_000;
/// 0-based rows of the merged commune cells, across the end of the head (rows 0 to HEAD_ROWS - 1).
const MERGED: (u32, u32) = (9_990, 10_020);
const BLANK: u32 = 15_000;

fn write_loans(path: &std::path::Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Prêts").unwrap();
    sheet.write_string(0, 0, "Prêts de matériel – Essonne").unwrap();
    for (c, h) in ["Date du prêt", "Prêteur", "Matériel", "Quantité", "Commune"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    for row in (3..3 + DATA_ROWS).filter(|r| *r != BLANK) {
        sheet.write_string(row, 0, format!("{:02}/05/2020", 1 + row % 28)).unwrap();
        sheet.write_string(row, 1, "CD91").unwrap();
        sheet.write_string(row, 2, if row % 2 == 0 { "tablette" } else { "PC" }).unwrap();
        sheet.write_number(row, 3, 1.0).unwrap();
        if !(MERGED.0..=MERGED.1).contains(&row) {
            sheet.write_string(row, 4, "Viry-Châtillon").unwrap();
        }
    }
    sheet.merge_range(MERGED.0, 4, MERGED.1, 4, "Grigny", &Format::new()).unwrap();
    sheet.write_string(3 + DATA_ROWS, 0, "TOTAL").unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn a_long_sheet_is_read_in_chunks_as_it_would_be_whole() {
    assert!(MERGED.0 < HEAD_ROWS as u32 && MERGED.1 > HEAD_ROWS as u32 && DATA_ROWS as usize > 2 * HEAD_ROWS);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prets.xlsx");
    write_loans(&path);
    let intake = read_inputs(&[path], None, &Pseudonymizer::new(b"cle"), None);
    let data = &intake.data;
    let table = &data.intake[0];
    assert_eq!(data.intake.len(), 1);
    // Rows 4 to 25,004 as the user sees them: the data, the blank row and the total row.
    assert_eq!((table.rows_read, table.rows_accepted, table.rows_rejected, table.rows_ignored), (DATA_ROWS as usize + 1, DATA_ROWS as usize - 1, 0, 2));
    assert_eq!(data.loans.len(), DATA_ROWS as usize - 1);
    let rows: Vec<u32> = data.loans.iter().map(|l| l.source.row).collect();
    assert_eq!((rows[0], rows[rows.len() - 1]), (4, 3 + DATA_ROWS));
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "rows in order, each once");
    assert!(!rows.contains(&(BLANK + 1)));
    let merged: Vec<&str> = data.loans.iter().filter(|l| (MERGED.0 + 1..=MERGED.1 + 1).contains(&l.source.row)).map(|l| l.commune.as_str()).collect();
    assert_eq!(merged.len(), (MERGED.1 - MERGED.0 + 1) as usize);
    assert!(merged.iter().all(|c| *c == "91286"), "Grigny down the whole merged area");
    assert!(data.loans.iter().filter(|l| !(MERGED.0 + 1..=MERGED.1 + 1).contains(&l.source.row)).all(|l| l.commune.as_str() == "91687"));
    let at = |code: &str| data.issues.iter().filter(|i| i.code == code).map(|i| i.location.row).collect::<Vec<_>>();
    assert_eq!(at("blank-row"), vec![Some(BLANK + 1)]);
    assert_eq!(at("total-row"), vec![Some(DATA_ROWS + 4)]);
}
