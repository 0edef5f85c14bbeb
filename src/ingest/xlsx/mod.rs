//! Large xlsx workbooks read on every core. calamine's cell reader parses a sheet's XML on one thread,
//! and on a sheet of a million rows that thread is the run's critical path. Here one thread inflates the
//! sheet and cuts it after whole rows ([`cells::last_row_end`]); the pieces are parsed on as many threads
//! as there are cores (by [`scan::scan`] when a piece has the common shape, else by [`cells::parse`]; both
//! read values exactly as calamine does), and put back in order into the sheet's [`RowStream`]. Memory
//! stays bounded: at most [`PIECES_IN_FLIGHT`] pieces of [`PIECE_BYTES`] are out at once.
//!
//! Anything this reader does not know (a chart sheet, a cell calamine would refuse, a comment cut in two)
//! makes it step aside: the sheet, and the ones after it, are read by calamine, which says what is wrong.

mod book;
mod cells;
mod piece;
mod scan;
mod text;
#[cfg(test)]
mod tests;

use super::limits::{Deadline, Exceeded, Limit, Limits};
use super::merges::merges_searched;
use super::rows::{RowStream, SheetError};
use super::stream::{Out, Piece as Sent};
use super::InputFile;
use crate::issues::Issue;
use book::{entry_name, open_archive, Book};
pub(super) use book::{elements, sheet_part, Archive};
pub(super) use cells::reference;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};

/// Workbooks from this size on are read here; below it, starting threads costs more than it saves.
const FAST_FROM_BYTES: u64 = 1 << 20;
/// Bytes of sheet XML inflated at a time (a piece ends at the last whole row among them).
pub(super) const PIECE_BYTES: usize = 1 << 20;
/// The most XML held while looking for the end of a row.
const MAX_ROW_BYTES: usize = 64 << 20;
/// Pieces inflated and not yet handed on in order.
const PIECES_IN_FLIGHT: usize = 8;

/// What reading a workbook here came to.
pub(super) enum Outcome {
    /// Every sheet was read (or stopped by a cap, with its issue).
    Read(Vec<Issue>),
    /// The sheets from this index on are for calamine to read; the issues of the sheets before it.
    From(usize, Vec<Issue>),
}

/// Whether a workbook is read here: an xlsx or xlsm large enough for threads to pay.
pub(super) fn applies(path: &Path) -> bool {
    let ext = super::extension(path);
    (ext == "xlsx" || ext == "xlsm") && std::fs::metadata(path).is_ok_and(|m| m.len() >= FAST_FROM_BYTES)
}

/// Reads every sheet of the workbook at `input` into `out`, as far as this reader can.
///
/// `piece_bytes` is [`PIECE_BYTES`] but in tests, which cut small workbooks into many pieces.
pub(super) fn read(input: &InputFile, limits: &Limits, deadline: &Deadline, out: &Out, piece_bytes: usize, issue: impl Fn(&str, SheetError) -> Issue) -> Outcome {
    let Ok(book) = open_archive(&input.path).and_then(|mut archive| Book::open(&mut archive, limits.inflated_bytes())) else {
        return Outcome::From(0, Vec::new());
    };
    let book = Arc::new(book);
    let mut issues = Vec::new();
    for (index, (name, part)) in book.sheets.iter().enumerate() {
        if deadline.passed() {
            issues.push(issue(name, SheetError::Limit(Exceeded::time())));
            return Outcome::Read(issues);
        }
        let Some(merges) = merges_searched(&input.path, name, deadline) else { return Outcome::From(index, issues) };
        let mut rows = RowStream::new(out, &input.display, name, limits.max_cells, merges);
        let read = Pipeline::start(&book, &input.path, part, limits, deadline, piece_bytes).and_then(|p| p.drain(&mut rows, deadline));
        let begun = rows.begun();
        let result = read.and_then(|()| rows.finish());
        match result {
            Ok(()) => {}
            Err(SheetError::Gone) => return Outcome::Read(issues),
            Err(error) => {
                if begun && out.send(Sent::Abandon).is_err() {
                    return Outcome::Read(issues);
                }
                match error {
                    SheetError::Restart => return Outcome::From(index, issues),
                    error => issues.push(issue(name, error)),
                }
            }
        }
    }
    Outcome::Read(issues)
}

type Parsed = (usize, Result<piece::Piece, text::Unreadable>);

/// The threads reading one sheet: an inflater, and parsers fed by it.
struct Pipeline {
    parsed: Receiver<Parsed>,
    tokens: SyncSender<()>,
    inflated: Receiver<Result<usize, SheetError>>,
}

fn spawn(name: &str, job: impl FnOnce() + Send + 'static) -> Result<(), SheetError> {
    std::thread::Builder::new().name(name.into()).spawn(job).map(|_| ()).map_err(|_| SheetError::Restart)
}

impl Pipeline {
    fn start(book: &Arc<Book>, path: &Path, part: &str, limits: &Limits, deadline: &Deadline, piece_bytes: usize) -> Result<Pipeline, SheetError> {
        let (work_out, work_in) = sync_channel::<(usize, Vec<u8>)>(PIECES_IN_FLIGHT);
        let (tokens, token_in) = sync_channel::<()>(PIECES_IN_FLIGHT);
        for _ in 0..PIECES_IN_FLIGHT {
            tokens.send(()).map_err(|_| SheetError::Restart)?;
        }
        let (parsed_out, parsed) = channel::<Parsed>();
        let (inflated_out, inflated) = channel();
        let (path, part, cap, deadline) = (path.to_path_buf(), part.to_string(), limits.inflated_bytes(), *deadline);
        spawn("veille-inflate", move || {
            let _ = inflated_out.send(inflate(&path, &part, (cap, piece_bytes), &deadline, &token_in, &work_out));
        })?;
        let work_in = Arc::new(Mutex::new(work_in));
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
        for _ in 0..workers {
            let (work_in, parsed_out, book) = (Arc::clone(&work_in), parsed_out.clone(), Arc::clone(book));
            spawn("veille-parse", move || parse_pieces(&work_in, &parsed_out, &book))?;
        }
        Ok(Pipeline { parsed, tokens, inflated })
    }

    /// Hands the parsed pieces on in order, each cell at its place.
    fn drain(self, rows: &mut RowStream<'_>, deadline: &Deadline) -> Result<(), SheetError> {
        let (mut waiting, mut next, mut start_row, mut closed) = (BTreeMap::new(), 0usize, 0u32, false);
        for (index, piece) in self.parsed.iter() {
            waiting.insert(index, piece);
            while let Some(piece) = waiting.remove(&next) {
                let piece = piece.map_err(|_| SheetError::Restart)?;
                // calamine stops at the first `</sheetData>`: whatever follows it is not a cell.
                let cells = if closed { Vec::new() } else { piece.cells };
                closed |= piece.closed;
                for (row, col, cell) in cells {
                    rows.push(row.settle(start_row), col, cell)?;
                }
                if let Some(end) = piece.end {
                    start_row = end.settle(start_row);
                }
                next += 1;
                let _ = self.tokens.send(());
                if deadline.passed() {
                    return Err(SheetError::Limit(Exceeded::time()));
                }
            }
        }
        let pieces = self.inflated.recv().map_err(|_| SheetError::Restart)??;
        // A parser that died took its piece with it, and a sheet whose cells never close is damaged:
        // calamine reads the sheet (and says so).
        if next != pieces || !waiting.is_empty() || !closed {
            return Err(SheetError::Restart);
        }
        Ok(())
    }
}

fn parse_pieces(work: &Mutex<Receiver<(usize, Vec<u8>)>>, parsed: &Sender<Parsed>, book: &Book) {
    loop {
        let job = match work.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((index, bytes)) = job else { return };
        // A value no date can hold makes chrono panic (as it does under calamine, where the file's reader
        // catches it): the piece is then unreadable, never lost, so the sheet cannot hang.
        let read = || scan::scan(&bytes, index == 0, book).map_or_else(|| cells::parse(&bytes, index == 0, book), Ok);
        let piece = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or(Err(text::Unreadable));
        if parsed.send((index, piece)).is_err() {
            return;
        }
    }
}

fn inflated_past(cap: u64) -> SheetError {
    let mb = cap >> 20;
    SheetError::Limit(Exceeded {
        limit: Limit::Inflated,
        found: (format!("sa feuille se décompresse en plus de {mb} Mo"), format!("its sheet inflates to more than {mb} MB")),
    })
}

/// Inflates the part `part` and sends it cut after whole rows, `piece_bytes` read at a time; returns how
/// many pieces were sent.
fn inflate(path: &PathBuf, part: &str, (cap, piece_bytes): (u64, usize), deadline: &Deadline, tokens: &Receiver<()>, work: &SyncSender<(usize, Vec<u8>)>) -> Result<usize, SheetError> {
    let mut archive = open_archive(path).map_err(|_| SheetError::Restart)?;
    let name = entry_name(&archive, part).ok_or(SheetError::Restart)?;
    let mut entry = archive.by_name(&name).map_err(|_| SheetError::Restart)?;
    let (mut carry, mut sent, mut total) = (Vec::new(), 0usize, 0u64);
    loop {
        let mut buffer = std::mem::take(&mut carry);
        let start = buffer.len();
        buffer.resize(start + piece_bytes, 0);
        let mut filled = start;
        while filled < buffer.len() {
            match entry.read(&mut buffer[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return Err(SheetError::Restart),
            }
        }
        buffer.truncate(filled);
        total += (filled - start) as u64;
        if total > cap {
            return Err(inflated_past(cap));
        }
        if deadline.passed() {
            return Err(SheetError::Limit(Exceeded::time()));
        }
        let at_end = filled == start;
        // The carried bytes hold no row end: only the new ones (and a closing tag cut in two) are searched.
        let from = start.saturating_sub(64);
        let cut = if at_end { buffer.len() } else { cells::last_row_end(&buffer[from..]).map_or(0, |end| from + end) };
        if cut == 0 && !at_end {
            // A row longer than this is no loans list: calamine reads the sheet, within its own caps.
            if buffer.len() > MAX_ROW_BYTES {
                return Err(SheetError::Restart);
            }
            carry = buffer;
            continue;
        }
        carry = buffer.split_off(cut);
        if !buffer.is_empty() || sent == 0 {
            tokens.recv().map_err(|_| SheetError::Gone)?;
            work.send((sent, buffer)).map_err(|_| SheetError::Gone)?;
            sent += 1;
        }
        if at_end {
            return Ok(sent);
        }
    }
}
