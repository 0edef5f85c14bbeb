//! Stage 1: read every input file and sheet into raw tables of cells, with provenance.
//!
//! Nothing here interprets the cells; a file that cannot be read becomes an [`Issue`] and the run goes on.
//!
//! ```no_run
//! use veille::ingest::{collect_inputs, read_all};
//! let (inputs, _skipped) = collect_inputs(&["sample_data".into()]);
//! let ingested = read_all(&inputs);
//! println!("{} tables", ingested.tables.len());
//! ```

mod cell;
mod delimited;
mod ods_extras;
mod spreadsheet;

pub use cell::Cell;
pub use delimited::{decode_text, sniff_separator};

use crate::issues::{Issue, Location, Severity};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

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
fn is_noise(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with('.') || name.starts_with("~$")
}

/// Expands folders recursively (sorted, so runs are reproducible). Paths that do not exist come back
/// as failures.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<(String, Issue)>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        let display = path.display().to_string();
        if path.is_dir() {
            walk(path, &mut files);
        } else if path.is_file() {
            files.push(InputFile { path: path.clone(), display });
        } else {
            let issue = Issue::new(
                Location::file(&display),
                Severity::Error,
                "source-error",
                "fichier ou dossier introuvable : vérifier le chemin",
                "file or folder not found: check the path",
            );
            failures.push((display, issue));
        }
    }
    (files, failures)
}

fn walk(dir: &Path, files: &mut Vec<InputFile>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if is_noise(&path) {
            continue;
        }
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(InputFile { display: path.display().to_string(), path });
        }
    }
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

/// Reads one file into its tables, or says why it cannot be read.
pub fn read_file(input: &InputFile) -> Result<FileTables, Issue> {
    let ext = extension(&input.path);
    let at = Location::file(&input.display);
    if let Some(issue) = sniff_problem(input) {
        return Err(issue);
    }
    if SPREADSHEET_EXTENSIONS.contains(&ext.as_str()) {
        // A malformed workbook must not take the run down with it.
        std::panic::catch_unwind(|| spreadsheet::read(input)).unwrap_or_else(|_| {
            Err(Issue::new(
                at,
                Severity::Error,
                "source-error",
                "le classeur est endommagé et n'a pas pu être lu : le rouvrir et l'enregistrer à nouveau",
                "the workbook is damaged and could not be read: open it and save it again",
            ))
        })
    } else if DELIMITED_EXTENSIONS.contains(&ext.as_str()) {
        delimited::read(input)
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

/// Reads every file, in parallel; tables come back in input order.
pub fn read_all(inputs: &[InputFile]) -> Ingested {
    let results: Vec<(String, Result<FileTables, Issue>)> =
        inputs.par_iter().map(|input| (input.display.clone(), read_file(input))).collect();
    let mut ingested = Ingested::default();
    for (display, result) in results {
        match result {
            Ok((tables, issues)) => {
                ingested.tables.extend(tables);
                ingested.issues.extend(issues);
            }
            Err(issue) => ingested.failures.push((display, issue)),
        }
    }
    ingested
}
