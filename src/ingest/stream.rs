//! A file's sheets handed over while they are read: the reader thread sends each sheet's head (its first
//! [`HEAD_ROWS`] rows, where detection looks), then its rows a chunk at a time, to the thread that asked
//! for the file, which fills merged areas down and gives them to a [`TableSink`]. The channel between the
//! two is bounded: a million-row sheet is never held whole, and parsing the cells (the reader) and
//! normalising them (the sink) run on two cores at once.

use super::fill::FillDown;
use super::limits::Exceeded;
use super::{Cell, InputFile, RawTable};
use crate::issues::{Issue, Location};
use calamine::Dimensions;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender};
use std::time::Instant;

/// The first rows of a sheet, read before anything of it is handed over: detection finds the header and
/// profiles the columns there. A sheet no longer than this is handed over whole, in one piece.
pub const HEAD_ROWS: usize = 10_000;
/// Rows handed over at a time after the head.
pub(super) const CHUNK_ROWS: usize = 4_096;
/// Chunks on their way between the reader and the sink: how far ahead of the sink the reader may get.
/// The sink waits for the merged areas before the first rows; the reader then waits too, which costs
/// less than holding more rows (8 chunks of a 9-column sheet are about 30 MB).
const CHUNKS_IN_FLIGHT: usize = 8;

/// Receives a file's sheets as they are read, each sheet's rows in order.
///
/// ```
/// use veille::ingest::{read_file_into, InputFile, Limits, RawTable, TableSink};
/// #[derive(Default)]
/// struct Count { rows: usize, sheets: usize }
/// impl TableSink for Count {
///     fn begin(&mut self, head: RawTable) { self.rows += head.rows.len(); }
///     fn rows(&mut self, chunk: RawTable) { self.rows += chunk.rows.len(); }
///     fn end(&mut self) { self.sheets += 1; }
///     fn abandon(&mut self) {}
/// }
/// let input = InputFile { path: "sample_data/prets/prets_grigny.csv".into(), display: "prets_grigny.csv".into() };
/// let mut count = Count::default();
/// let (sheets, _issues) = read_file_into(&input, &Limits::default(), &mut count).unwrap();
/// assert_eq!((sheets, count.sheets), (1, 1));
/// assert!(count.rows > 3);
/// ```
pub trait TableSink {
    /// A sheet begins with its head: all of its rows when it has no more than [`HEAD_ROWS`].
    fn begin(&mut self, head: RawTable);
    /// The next rows of the current sheet (`first_row` numbers on from the rows before).
    fn rows(&mut self, chunk: RawTable);
    /// The current sheet was read to its end.
    fn end(&mut self);
    /// The current sheet could not be read to its end (a cap, a damaged part): forget what was given of it.
    fn abandon(&mut self);
}

/// The merged areas of a sheet: known, or still being searched for on another thread.
pub(super) enum Merges {
    Known(Vec<Dimensions>),
    Coming(Receiver<Vec<Dimensions>>),
}

impl Merges {
    fn wait(self, until: Instant) -> Vec<Dimensions> {
        match self {
            Merges::Known(regions) => regions,
            // Past the deadline the file fails anyway, on the next piece.
            Merges::Coming(receiver) => receiver.recv_timeout(until.saturating_duration_since(Instant::now())).unwrap_or_default(),
        }
    }
}

pub(super) enum Piece {
    Begin(RawTable, Merges),
    Rows(RawTable),
    End,
    Abandon,
    Done(Result<Vec<Issue>, Issue>),
}

/// The sink went away (its file timed out): the reader stops.
#[derive(Debug)]
pub(super) struct Gone;

/// The reader's end of the channel.
pub(super) enum Out {
    Bounded(SyncSender<Piece>),
    /// When no reader thread could be started, the file is read first, then handed over.
    Unbounded(Sender<Piece>),
}

impl Out {
    pub fn send(&self, piece: Piece) -> Result<(), Gone> {
        match self {
            Out::Bounded(s) => s.send(piece).map_err(|_| Gone),
            Out::Unbounded(s) => s.send(piece).map_err(|_| Gone),
        }
    }

    /// A whole table, with its merged areas, in one piece.
    pub fn table(&self, table: RawTable, merges: Vec<Dimensions>) -> Result<(), Gone> {
        self.send(Piece::Begin(table, Merges::Known(merges)))?;
        self.send(Piece::End)
    }

    pub fn bounded() -> (Out, Receiver<Piece>) {
        let (sender, receiver) = std::sync::mpsc::sync_channel(CHUNKS_IN_FLIGHT);
        (Out::Bounded(sender), receiver)
    }

    pub fn unbounded() -> (Out, Receiver<Piece>) {
        let (sender, receiver) = std::sync::mpsc::channel();
        (Out::Unbounded(sender), receiver)
    }
}

pub(super) fn damaged(input: &InputFile) -> Issue {
    Issue::new(
        Location::file(&input.display),
        crate::issues::Severity::Error,
        "source-error",
        "le fichier est endommagé et n'a pas pu être lu : le rouvrir et l'enregistrer à nouveau",
        "the file is damaged and could not be read: open it and save it again",
    )
}

/// Hands what the reader sends to `sink` until the reader is done or `until` passes. Returns the sheets
/// read to their end and the issues of the file's readable parts.
pub(super) fn receive(receiver: &Receiver<Piece>, until: Instant, sink: &mut dyn TableSink, input: &InputFile, limits: &super::Limits) -> Result<(usize, Vec<Issue>), Issue> {
    let (mut fill, mut sheets) = (None::<FillDown>, 0);
    loop {
        match receiver.recv_timeout(until.saturating_duration_since(Instant::now())) {
            Ok(Piece::Begin(mut head, merges)) => {
                let origin = (head.first_row.saturating_sub(1), head.first_col as u32);
                let mut areas = FillDown::new(origin, &merges.wait(until));
                areas.apply(origin.0, &mut head.rows);
                fill = Some(areas);
                sink.begin(head);
            }
            Ok(Piece::Rows(mut chunk)) => {
                if let Some(areas) = &mut fill {
                    areas.apply(chunk.first_row.saturating_sub(1), &mut chunk.rows);
                }
                sink.rows(chunk);
            }
            Ok(Piece::End) => {
                sheets += 1;
                sink.end();
            }
            Ok(Piece::Abandon) => sink.abandon(),
            Ok(Piece::Done(result)) => return result.map(|issues| (sheets, issues)),
            Err(RecvTimeoutError::Timeout) => return Err(Exceeded::time().issue(limits, Location::file(&input.display))),
            Err(RecvTimeoutError::Disconnected) => return Err(damaged(input)),
        }
    }
}

/// A sink that keeps every sheet whole, each row as wide as the widest: [`super::read_file`].
#[derive(Default)]
pub(super) struct Collect {
    pub tables: Vec<RawTable>,
    open: Option<RawTable>,
}

impl TableSink for Collect {
    fn begin(&mut self, head: RawTable) {
        self.open = Some(head);
    }

    fn rows(&mut self, chunk: RawTable) {
        if let Some(table) = &mut self.open {
            table.rows.extend(chunk.rows);
        }
    }

    fn end(&mut self) {
        let Some(mut table) = self.open.take() else { return };
        let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut table.rows {
            row.resize(width, Cell::Empty);
        }
        self.tables.push(table);
    }

    fn abandon(&mut self) {
        self.open = None;
    }
}
