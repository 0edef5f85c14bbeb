//! A piece of a worksheet's cells as both readers give it ([`super::scan::scan`] and
//! [`super::cells::parse`]), and the one rule that places a cell: a row or a cell without its `r` follows
//! the one before it, which may lie in the previous piece. Such a position is kept relative to where the
//! piece starts and settled when the pieces are put back in order.

use crate::ingest::Cell;

/// A row index: known, or counted from the row where the piece starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowAt {
    Known(u32),
    FromStart(u32),
}

impl RowAt {
    fn next(self) -> RowAt {
        match self {
            RowAt::Known(r) => RowAt::Known(r.saturating_add(1)),
            RowAt::FromStart(r) => RowAt::FromStart(r.saturating_add(1)),
        }
    }

    /// The absolute row, the piece starting at row `start`.
    pub fn settle(self, start: u32) -> u32 {
        match self {
            RowAt::Known(r) => r,
            RowAt::FromStart(r) => start.saturating_add(r),
        }
    }
}

/// Where the next cell of a piece goes: a row or a cell without its `r` follows the one before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor {
    pub row: RowAt,
    col: u32,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor { row: RowAt::FromStart(0), col: 0 }
    }
}

impl Cursor {
    /// A `<row>` starts, at the row its `r` gives if it has one.
    pub fn start_row(&mut self, r: Option<u32>) {
        if let Some(r) = r {
            self.row = RowAt::Known(r);
        }
    }

    /// A row ends: the next one starts below it, at the first column.
    pub fn end_row(&mut self) {
        (self.row, self.col) = (self.row.next(), 0);
    }

    /// The place of a `<c>` (the one its `r` gives if it has one); the next cell goes to its right.
    pub fn place(&mut self, at: Option<(u32, u32)>) -> (RowAt, u32) {
        let place = match at {
            Some((r, c)) => (RowAt::Known(r), c),
            None => (self.row, self.col),
        };
        self.col = place.1.saturating_add(1);
        place
    }
}

/// A piece's non-empty cells, in the order of the XML, where its row count stands at its end, and whether
/// `</sheetData>` closed in it (nothing after it is a cell).
#[derive(Debug, Default)]
pub(super) struct Piece {
    pub cells: Vec<(RowAt, u32, Cell)>,
    pub end: Option<RowAt>,
    pub closed: bool,
}

impl Piece {
    /// Keeps a cell's value, unless it is empty.
    pub fn push(&mut self, (row, col): (RowAt, u32), value: Cell) {
        if !matches!(value, Cell::Empty) {
            self.cells.push((row, col, value));
        }
    }
}
