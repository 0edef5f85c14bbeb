//! A streamed sheet's cells gathered into rows on the reader's side: the head in a bounded [`Grid`] (cells
//! may come in any order there), then rows a chunk at a time, each sent once the reader has moved below it.
//!
//! Past the head, rows must come in order, as every spreadsheet application writes them: a cell above a
//! row already sent, or left of the table, ends the stream with [`SheetError::Restart`], and the sheet is
//! read again whole.

use super::grid::Grid;
use super::limits::Exceeded;
use super::stream::{Gone, Merges, Out, Piece, CHUNK_ROWS, HEAD_ROWS};
use super::{Cell, RawTable};

/// Why one sheet was not read (or not streamed) to its end.
pub(super) enum SheetError {
    Limit(Exceeded),
    Read(String),
    /// A cell came out of order after the head: the sheet is to be read again, whole.
    Restart,
    /// The sink went away.
    Gone,
}

impl From<Gone> for SheetError {
    fn from(_: Gone) -> Self {
        SheetError::Gone
    }
}

/// Where the rows after the head stand.
struct Body {
    row0: u32,
    col0: u32,
    width: usize,
    /// One past the last column seen, absolute.
    col_end: u32,
    /// The absolute row of `pending[0]`.
    next_row: u32,
    pending: Vec<Vec<Cell>>,
}

/// One sheet's cells on their way to the sink.
pub(super) struct RowStream<'o> {
    out: &'o Out,
    file: String,
    sheet: String,
    max_cells: u64,
    head: Grid,
    merges: Option<Merges>,
    body: Option<Body>,
}

impl<'o> RowStream<'o> {
    pub fn new(out: &'o Out, file: &str, sheet: &str, max_cells: u64, merges: Merges) -> RowStream<'o> {
        RowStream { out, file: file.into(), sheet: sheet.into(), max_cells, head: Grid::new(max_cells), merges: Some(merges), body: None }
    }

    fn table(&self, first_row: u32, first_col: u32, rows: Vec<Vec<Cell>>) -> RawTable {
        RawTable { file: self.file.clone(), sheet: self.sheet.clone(), first_row: first_row + 1, first_col: first_col as usize, rows }
    }

    /// Places a non-empty cell.
    pub fn push(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), SheetError> {
        if self.body.is_none() {
            let past_head = self.head.top().is_some_and(|top| row as u64 >= top as u64 + HEAD_ROWS as u64);
            if !past_head {
                return self.head.push(row, col, cell).map_err(SheetError::Limit);
            }
            self.send_head()?;
        }
        self.place(row, col, cell)
    }

    fn send_head(&mut self) -> Result<(), SheetError> {
        let (row0, col0, rows) = std::mem::take(&mut self.head).finish();
        let width = rows.first().map_or(0, Vec::len);
        let next_row = row0 + rows.len() as u32;
        let merges = self.merges.take().unwrap_or(Merges::Known(Vec::new()));
        self.out.send(Piece::Begin(self.table(row0, col0, rows), merges))?;
        self.body = Some(Body { row0, col0, width, col_end: col0 + width as u32, next_row, pending: Vec::new() });
        Ok(())
    }

    fn place(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), SheetError> {
        let Some(body) = &mut self.body else { return Err(SheetError::Restart) };
        if row < body.next_row || col < body.col0 {
            return Err(SheetError::Restart);
        }
        body.col_end = body.col_end.max(col.saturating_add(1));
        let area = (row as u64 + 1 - body.row0 as u64).saturating_mul((body.col_end - body.col0) as u64);
        if area > self.max_cells {
            return Err(SheetError::Limit(Exceeded::cells(area)));
        }
        // Rows above this one are complete: whole chunks of them go (gaps of empty rows included).
        while (row - body.next_row) as usize >= CHUNK_ROWS {
            body.pending.resize_with(CHUNK_ROWS, Vec::new);
            Self::flush(self.out, &self.file, &self.sheet, body)?;
        }
        let r = (row - body.next_row) as usize;
        if body.pending.len() <= r {
            body.pending.resize_with(r + 1, Vec::new);
        }
        let (c, line) = ((col - body.col0) as usize, &mut body.pending[r]);
        if line.len() <= c {
            line.reserve_exact(body.width.max(c + 1) - line.len());
            line.resize(c + 1, Cell::Empty);
        }
        line[c] = cell;
        Ok(())
    }

    fn flush(out: &Out, file: &str, sheet: &str, body: &mut Body) -> Result<(), Gone> {
        let mut rows = std::mem::take(&mut body.pending);
        for line in &mut rows {
            if line.len() < body.width {
                line.resize(body.width, Cell::Empty);
            }
        }
        let first_row = body.next_row + 1;
        body.next_row += rows.len() as u32;
        let chunk = RawTable { file: file.into(), sheet: sheet.into(), first_row, first_col: body.col0 as usize, rows };
        out.send(Piece::Rows(chunk))
    }

    /// The sheet was read to its end: what is left goes, then the end.
    pub fn finish(mut self) -> Result<(), SheetError> {
        if self.body.is_none() {
            self.send_head()?;
        }
        if let Some(body) = &mut self.body {
            if !body.pending.is_empty() {
                Self::flush(self.out, &self.file, &self.sheet, body)?;
            }
        }
        Ok(self.out.send(Piece::End)?)
    }

    /// Whether anything of the sheet was handed over (the sink must then be told to forget it).
    pub fn begun(&self) -> bool {
        self.body.is_some()
    }
}
