//! Stage 1: read every input file and sheet into raw tables of cells, with provenance.
//!
//! Nothing here interprets the cells; a file that cannot be read becomes an [`Issue`] and the run goes on.
//!
//! Every file is read within the caps of [`Limits`], on a thread of its own: a reader that panics, or
//! that outlives `max_seconds`, becomes an issue and the run goes on.
//!
//! ```no_run
//! use veille::ingest::{collect_inputs, read_all};
//! let collected = collect_inputs(&["sample_data".into()]);
//! let ingested = read_all(&collected.files);
//! println!("{} tables", ingested.tables.len());
//! ```

mod cell;
mod delimited;
mod fill;
mod grid;
mod limits;
mod merges;
mod ods_extras;
mod rows;
mod spreadsheet;
mod stream;
mod walk;
mod xls_guard;
mod xlsx;
mod zip_guard;

pub use cell::Cell;
pub use delimited::{decode_text, sniff_separator};
pub use limits::{Deadline, Exceeded, Limit, Limits};
pub use stream::{TableSink, HEAD_ROWS};
pub use walk::{collect_inputs, drop_identical, Collected};

use crate::issues::{Issue, Location, Severity};
use stream::{Out, Piece};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One sheet of a workbook, or one CSV file, as a grid of cells.
#[derive(Debug, Clone)]
pub struct RawTable {
    /// The path as given on the command line (or joined to the folder given).
    pub file: String,
    /// The sheet name; empty for CSV files.
    pub sheet: String,
    /// The 1-based row number, as the user sees it, of `rows[0]`.
    pub first_row: u32,
    /// The 0-based column index of each row's first cell.
    pub first_col: usize,
    pub rows: Vec<Vec<Cell>>,
}

impl RawTable {
    /// A sheet with no cells.
    pub fn empty(file: &str, sheet: &str) -> RawTable {
        RawTable { file: file.to_string(), sheet: sheet.to_string(), first_row: 1, first_col: 0, rows: Vec::new() }
    }

    /// The user-visible row number of `rows[index]`.
    pub fn row_number(&self, index: usize) -> u32 {
        self.first_row + index as u32
    }

    pub fn location(&self) -> Location {
        Location::sheet(&self.file, &self.sheet)
    }
}

/// A file to read, with the name the user knows it by.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: PathBuf,
    pub display: String,
}

/// What reading the inputs produced.
#[derive(Debug, Default)]
pub struct Ingested {
    pub tables: Vec<RawTable>,
    /// Files that could not be read at all, each with the issue that says why.
    pub failures: Vec<(String, Issue)>,
    /// Problems with parts of files that were otherwise read (one unreadable sheet...).
    pub issues: Vec<Issue>,
}

/// The tables of one file, and the problems met while reading the rest of it.
pub type FileTables = (Vec<RawTable>, Vec<Issue>);

const SPREADSHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods", "xla", "xlam"];
const DELIMITED_EXTENSIONS: &[&str] = &["csv", "tsv", "txt"];

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// Office lock files and hidden files are never inputs.
pub(crate) fn is_noise(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with('.') || name.starts_with("~$")
}

/// What the first bytes of a file say before any reader tries it: an empty file, or a web page saved
/// with a spreadsheet's extension (what many web applications call an "export Excel").
fn sniff_problem(input: &InputFile) -> Option<Issue> {
    use std::io::Read;
    let at = Location::file(&input.display);
    let mut head = Vec::with_capacity(512);
    let file = std::fs::File::open(&input.path).ok()?;
    file.take(512).read_to_end(&mut head).ok()?;
    if head.is_empty() {
        return Some(Issue::new(at, Severity::Error, "source-error", "le fichier est vide (0 octet) : demander un nouvel envoi", "the file is empty (0 bytes): ask for it to be sent again"));
    }
    let start = String::from_utf8_lossy(&head).trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
    let is_html = ["<html", "<!doctype html", "<table", "<?xml version=\"1.0\"?><html"].iter().any(|p| start.starts_with(p));
    if is_html && extension(&input.path) != "csv" {
        return Some(Issue::new(
            at,
            Severity::Error,
            "format-error",
            "le fichier est une page web (HTML) enregistrée avec une extension de tableur : l'ouvrir dans Excel ou LibreOffice et l'enregistrer au format xlsx",
            "the file is a web page (HTML) saved with a spreadsheet extension: open it in Excel or LibreOffice and save it as xlsx",
        ));
    }
    None
}

/// Reads one file and hands its tables to `out`, or says why it cannot be read, on the calling thread.
fn read_here(input: &InputFile, limits: &Limits, out: &Out) -> Result<Vec<Issue>, Issue> {
    let ext = extension(&input.path);
    let at = Location::file(&input.display);
    let size = std::fs::metadata(&input.path).map(|m| m.len()).unwrap_or(0);
    if size > limits.file_bytes() {
        let mb = size.div_ceil(1 << 20);
        return Err(limits.exceeded(at, Limit::FileSize, (format!("il fait {mb} Mo"), format!("it is {mb} MB"))));
    }
    if let Some(issue) = sniff_problem(input) {
        return Err(issue);
    }
    let deadline = Deadline::after(limits);
    if SPREADSHEET_EXTENSIONS.contains(&ext.as_str()) {
        spreadsheet::read(input, limits, &deadline, out)
    } else if DELIMITED_EXTENSIONS.contains(&ext.as_str()) {
        let (tables, issues) = delimited::read(input, limits, &deadline)?;
        for table in tables {
            if out.table(table, Vec::new()).is_err() {
                break;
            }
        }
        Ok(issues)
    } else {
        Err(Issue::new(
            at,
            Severity::Warning,
            "format-error",
            format!("format « .{ext} » non pris en charge (xlsx, xlsm, xls, xlsb, ods ou csv) : fichier ignoré"),
            format!("unsupported format \".{ext}\" (xlsx, xlsm, xls, xlsb, ods or csv): file skipped"),
        ))
    }
}

/// Reads one file, handing its sheets to `sink` as they are read, or says why it cannot be read; returns
/// the sheets read to their end and the problems met with parts of the file. The reader runs on its own
/// thread while `sink` works on this one: a panic is caught there, and a reader still busy past
/// `max_seconds` (plus a grace for the parts of calamine that cannot be interrupted) is left behind while
/// the run goes on. On an error, what `sink` was given belongs to a file that counts as unread.
pub fn read_file_into(input: &InputFile, limits: &Limits, sink: &mut dyn TableSink) -> Result<(usize, Vec<Issue>), Issue> {
    let until = std::time::Instant::now() + limits.time() + Duration::from_secs(2);
    let guarded = |job: &InputFile, caps: &Limits, out: &Out| {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_here(job, caps, out))).unwrap_or_else(|_| Err(stream::damaged(job)));
        let _ = out.send(Piece::Done(result));
    };
    let (out, receiver) = Out::bounded();
    let (job, caps) = (input.clone(), *limits);
    let spawned = std::thread::Builder::new().name("veille-read".into()).spawn(move || guarded(&job, &caps, &out));
    if spawned.is_err() {
        let (out, receiver) = Out::unbounded();
        guarded(input, limits, &out);
        return stream::receive(&receiver, until, sink, input, limits);
    }
    stream::receive(&receiver, until, sink, input, limits)
}

/// Reads one file into its tables, or says why it cannot be read ([`read_file_into`], every sheet kept whole).
pub fn read_file(input: &InputFile, limits: &Limits) -> Result<FileTables, Issue> {
    let mut collect = stream::Collect::default();
    let (_, issues) = read_file_into(input, limits, &mut collect)?;
    Ok((collect.tables, issues))
}

/// Reads every file, in parallel, within the default caps; tables come back in input order.
pub fn read_all(inputs: &[InputFile]) -> Ingested {
    read_all_within(inputs, &Limits::default())
}

/// Reads every file, in parallel, within `limits`; tables come back in input order. A file of which
/// nothing could be read counts as a failure (one intake row), with its first issue.
pub fn read_all_within(inputs: &[InputFile], limits: &Limits) -> Ingested {
    read_all_observed(inputs, limits, &|| {})
}

/// What reading one file into its own sink gave: the sink, the sheets read to their end and the
/// problems met with parts of the file; or the issue that says why it could not be read.
pub type SinkRead<S> = (String, Result<(S, usize, Vec<Issue>), Issue>);

/// Reads every file in parallel, each into a sink of its own made by `make` and fed on the thread that
/// reads it ([`read_file_into`]), calling `done` as each file is read; results come back in input order.
pub fn read_all_into<S: TableSink + Send>(inputs: &[InputFile], limits: &Limits, done: &(dyn Fn() + Sync), make: &(dyn Fn(&InputFile) -> S + Sync)) -> Vec<SinkRead<S>> {
    inputs
        .par_iter()
        .map(|input| {
            let mut sink = make(input);
            let result = read_file_into(input, limits, &mut sink).map(|(sheets, issues)| (sink, sheets, issues));
            done();
            (input.display.clone(), result)
        })
        .collect()
}

/// [`read_all_within`], calling `done` as each file is read (from the thread that read it): a progress bar.
pub fn read_all_observed(inputs: &[InputFile], limits: &Limits, done: &(dyn Fn() + Sync)) -> Ingested {
    let results = read_all_into(inputs, limits, done, &|_| stream::Collect::default());
    let mut ingested = Ingested::default();
    for (display, result) in results {
        match result {
            Ok((collect, _, mut issues)) if collect.tables.is_empty() && !issues.is_empty() => {
                ingested.failures.push((display, issues.remove(0)));
                ingested.issues.extend(issues);
            }
            Ok((collect, _, issues)) => {
                ingested.tables.extend(collect.tables);
                ingested.issues.extend(issues);
            }
            Err(issue) => ingested.failures.push((display, issue)),
        }
    }
    ingested
}
