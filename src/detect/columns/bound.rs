//! How much a row could score as a header, worked out cheaply before placing its columns.

use super::memo::KnownHeader;
use super::{assign, choice_column, header_text, ColumnSettings};
use crate::domain::TableKind;
use crate::ingest::{Cell, RawTable};

/// The most row `header_index` could score as a header of `kind` (the placement's `header_score`, plus
/// 0.01 a choice column): each column counted at its strongest header evidence, as if no two wanted the
/// same field, and at full strength where the settings or a question number speak of it. Choosing the
/// header row skips the placement of rows that cannot win: this is never below what placing gives.
pub fn header_bound(kind: TableKind, table: &RawTable, header_index: usize, settings: &ColumnSettings) -> f64 {
    let header: &[Cell] = table.rows.get(header_index).map_or(&[], Vec::as_slice);
    let (mut sum, mut options) = (0.0, 0usize);
    for text in header.iter().filter_map(header_text) {
        options += usize::from(choice_column(kind, text).is_some());
        let known = KnownHeader::of(text);
        sum += if known.reading.question.is_some() || settings.field_for(kind, text).is_some() {
            1.0
        } else {
            let strongest = known.evidence(kind).iter().flatten().map(|(w, _)| *w).filter(|w| *w >= assign::MIN_HEADER).fold(0.0, f64::max);
            strongest.min(1.0)
        };
    }
    sum + 0.01 * options as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::columns::place_columns;
    use crate::ingest::{read_file, InputFile, Limits};

    /// Every row of every table in the project's real and exported workbooks: the bound is never below the
    /// placement's score, so skipping a row on it never changes which header wins.
    #[test]
    fn the_bound_is_never_below_the_placement() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut rows, mut skipped) = (0, 0);
        for folder in ["tests/fixtures", "sample_data"] {
            for path in walkdir::WalkDir::new(root.join(folder)).into_iter().flatten().map(|e| e.into_path()).filter(|p| p.is_file()) {
                let input = InputFile { display: path.display().to_string(), path };
                let Ok((tables, _)) = read_file(&input, &Limits::default()) else { continue };
                for table in &tables {
                    for index in 0..table.rows.len().min(30) {
                        for kind in TableKind::ALL {
                            let bound = header_bound(kind, table, index, &ColumnSettings::default());
                            let placement = place_columns(kind, table, index, &ColumnSettings::default(), false);
                            let score = placement.header_score + 0.01 * placement.options.len() as f64;
                            assert!(score <= bound + 1e-9, "{} row {index} as {kind:?}: placed {score}, bound {bound}", input.display);
                            rows += 1;
                            skipped += usize::from(bound < 1.6);
                        }
                    }
                }
            }
        }
        println!("{rows} (row, kind) pairs, {skipped} skipped on the bound");
        assert!(rows > 1_000, "the corpus was read: {rows} rows");
        assert!(skipped > rows / 2, "most rows are skipped without placing: {skipped} of {rows}");
    }
}
