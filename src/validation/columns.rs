//! "What was understood": each column of each table, the field it was read as and why. The same lines
//! as `veille validate` prints, for the quality section and `data/columns.csv`.

use crate::document::{column, Table};
use crate::i18n::Lang;
use crate::normalize::TableColumns;

/// One row per column of every table read; with `only_noteworthy`, only the columns understood otherwise
/// than by a known header, or not read (what a reader of the printed diagnostic needs to check).
///
/// ```
/// use veille::i18n::Lang;
/// let t = veille::validation::columns_table(&[], Lang::Fr, false);
/// assert_eq!(t.columns.len(), 6);
/// assert!(t.rows.is_empty());
/// ```
pub fn columns_table(tables: &[TableColumns], lang: Lang, only_noteworthy: bool) -> Table {
    let mut t = Table::new(&[
        column("file", "Fichier", "File"),
        column("sheet", "Feuille", "Sheet"),
        column("column", "Colonne", "Column"),
        column("header", "En-tête", "Header"),
        column("field", "Lue comme", "Read as"),
        column("why", "Pourquoi", "Why"),
    ]);
    for table in tables {
        for (report, [letter, header, field, why]) in table.columns.iter().zip(table.lines(lang)) {
            if only_noteworthy && report.read_as_known_header() {
                continue;
            }
            t.push(vec![table.file.as_str().into(), table.sheet.as_str().into(), letter.as_str().into(), header.as_str().into(), field.as_str().into(), why.as_str().into()]);
        }
    }
    t
}
