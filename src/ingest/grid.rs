//! A sheet built cell by cell from a streaming reader, never larger than `max_cells`.
//!
//! calamine's `worksheet_range` allocates the whole rectangle from the first to the last cell at once: a
//! 1 KB workbook with one cell in A1 and one in XFD1048576 asks for 17 billion cells and aborts the
//! process. Here the rectangle is checked before it grows, so such a sheet stops with [`Exceeded`].

use super::limits::Exceeded;
use super::Cell;

/// The cells read so far, as a dense rectangle anchored at (`row0`, `col0`), both 0-based.
#[derive(Debug, Default)]
pub(super) struct Grid {
    rows: Vec<Vec<Cell>>,
    row0: u32,
    col0: u32,
    /// One past the last column of the rectangle, absolute.
    col_end: u32,
    max_cells: u64,
}

impl Grid {
    pub fn new(max_cells: u64) -> Grid {
        Grid { max_cells, ..Grid::default() }
    }

    fn area(rows: u64, cols: u64) -> u64 {
        rows.saturating_mul(cols)
    }

    /// Places a non-empty cell at (`row`, `col`), growing the rectangle when the cap allows it.
    pub fn push(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), Exceeded> {
        if self.rows.is_empty() {
            (self.row0, self.col0, self.col_end) = (row, col, col.saturating_add(1));
            self.rows.push(Vec::new());
        }
        let top = self.row0.min(row);
        let bottom = (self.row0 as u64 + self.rows.len() as u64).max(row as u64 + 1);
        let left = self.col0.min(col);
        let right = self.col_end.max(col.saturating_add(1));
        let area = Self::area(bottom - top as u64, (right - left) as u64);
        if area > self.max_cells {
            return Err(Exceeded::cells(area));
        }
        self.grow(top, bottom, left, right);
        let r = (row - self.row0) as usize;
        let c = (col - self.col0) as usize;
        let width = (self.col_end - self.col0) as usize;
        let line = &mut self.rows[r];
        if line.is_empty() {
            // A new row is as wide as the rectangle so far: grown once, not by doubling.
            line.reserve_exact(width);
        }
        if line.len() <= c {
            line.resize(c + 1, Cell::Empty);
        }
        line[c] = cell;
        Ok(())
    }

    /// Out-of-order cells (above or left of what was read) shift what is held; rows below are added.
    fn grow(&mut self, top: u32, bottom: u64, left: u32, right: u32) {
        if top < self.row0 {
            let missing = (self.row0 - top) as usize;
            self.rows.splice(0..0, std::iter::repeat_with(Vec::new).take(missing));
            self.row0 = top;
        }
        if left < self.col0 {
            let missing = (self.col0 - left) as usize;
            for line in self.rows.iter_mut().filter(|l| !l.is_empty()) {
                line.splice(0..0, std::iter::repeat_n(Cell::Empty, missing));
            }
            self.col0 = left;
        }
        self.col_end = right;
        while (self.row0 as u64 + self.rows.len() as u64) < bottom {
            self.rows.push(Vec::new());
        }
    }

    /// The first row held (0-based), once a cell was placed.
    pub fn top(&self) -> Option<u32> {
        (!self.rows.is_empty()).then_some(self.row0)
    }

    /// The rectangle, every row as wide as the widest: (first row, first column, rows), 0-based.
    pub fn finish(mut self) -> (u32, u32, Vec<Vec<Cell>>) {
        let width = (self.col_end - self.col0) as usize;
        for line in &mut self.rows {
            line.resize(width, Cell::Empty);
        }
        (self.row0, self.col0, self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::limits::Limit;

    #[test]
    fn builds_the_rectangle_of_out_of_order_cells() {
        let mut grid = Grid::new(100);
        grid.push(3, 2, Cell::Number(1.0)).unwrap();
        grid.push(1, 4, Cell::Number(2.0)).unwrap();
        grid.push(2, 1, Cell::Number(3.0)).unwrap();
        let (row0, col0, rows) = grid.finish();
        assert_eq!((row0, col0, rows.len()), (1, 1, 3));
        assert!(rows.iter().all(|r| r.len() == 4));
        assert_eq!(rows[2][1], Cell::Number(1.0));
        assert_eq!(rows[0][3], Cell::Number(2.0));
        assert_eq!(rows[1][0], Cell::Number(3.0));
    }

    #[test]
    fn a_far_cell_is_refused_before_any_allocation() {
        let mut grid = Grid::new(1_000);
        grid.push(0, 0, Cell::Number(1.0)).unwrap();
        let refused = grid.push(1_048_575, 16_383, Cell::Number(2.0)).unwrap_err();
        assert_eq!(refused.limit, Limit::Cells);
        assert_eq!(grid.finish().2.len(), 1);
    }
}
