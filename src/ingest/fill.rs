//! Merged areas filled down as the rows of a sheet arrive, chunk after chunk.
//!
//! A merged area that spans several rows shows its value on each of them (a commune or a date merged down a
//! block of rows belongs to every row of the block). Areas spanning only columns are left as they are:
//! their value stays in the first cell, as the reader sees it.

use super::Cell;
use calamine::Dimensions;

/// One area to fill: its first row and column, its last row (0-based, absolute), and its value once seen.
struct Area {
    top: u32,
    bottom: u32,
    col: usize,
    /// `None` until the area's first row is seen; then the value (or nothing, when that row is too short).
    value: Option<Option<Cell>>,
}

/// The areas of one sheet whose rows are still to come.
pub(super) struct FillDown {
    areas: Vec<Area>,
}

impl FillDown {
    /// The areas of a table whose first cell is at `origin` (row, column, 0-based); areas above or left of
    /// it, and areas of one row, fill nothing.
    pub fn new(origin: (u32, u32), regions: &[Dimensions]) -> FillDown {
        let areas = regions
            .iter()
            .filter(|r| r.end.0 > r.start.0 && r.start.0 >= origin.0 && r.start.1 >= origin.1)
            .map(|r| Area { top: r.start.0, bottom: r.end.0, col: (r.start.1 - origin.1) as usize, value: None })
            .collect();
        FillDown { areas }
    }

    /// Fills `rows`, the sheet's rows from `first` (0-based, absolute) on, in the order of the areas.
    pub fn apply(&mut self, first: u32, rows: &mut [Vec<Cell>]) {
        let end = first as u64 + rows.len() as u64;
        for area in &mut self.areas {
            if (area.bottom as u64) < first as u64 || area.top as u64 >= end && area.value.is_none() {
                continue;
            }
            if area.value.is_none() && area.top >= first {
                area.value = Some(rows[(area.top - first) as usize].get(area.col).cloned());
            }
            let Some(Some(value)) = &area.value else { continue };
            let from = (area.top as u64 + 1).max(first as u64);
            let to = (area.bottom as u64 + 1).min(end);
            for row in (from..to).map(|r| (r - first as u64) as usize) {
                if let Some(cell) = rows[row].get_mut(area.col) {
                    if cell.is_blank() {
                        *cell = value.clone();
                    }
                }
            }
        }
        self.areas.retain(|a| a.bottom as u64 >= end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn an_area_split_across_chunks_fills_every_row() {
        let mut fill = FillDown::new((1, 0), &[Dimensions::new((2, 1), (5, 1)), Dimensions::new((1, 0), (1, 2))]);
        let mut head = vec![vec![text("h"), text("h")], vec![text("a"), text("Grigny")], vec![text("b"), Cell::Empty]];
        fill.apply(1, &mut head);
        assert_eq!(head[2][1], text("Grigny"));
        let mut rest = vec![vec![text("c"), text(" ")], vec![text("d"), text("Viry")], vec![text("e"), Cell::Empty]];
        fill.apply(4, &mut rest);
        assert_eq!(rest[0][1], text("Grigny"));
        assert_eq!(rest[1][1], text("Viry"), "a filled cell is never overwritten");
        assert_eq!(rest[2][1], Cell::Empty, "row 7 is below the area");
        assert!(fill.areas.is_empty());
    }
}
