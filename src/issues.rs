//! Problems found in the inputs, reported instead of stopping the run.
//!
//! Every stage pushes [`Issue`]s into an [`IssueLog`]; the report writes them to `data/issues.csv`.
//! Each issue carries its message in French and English, so the language is chosen when it is written.
//! A message never quotes a cell that may hold a person's name.

use crate::i18n::Lang;
use serde::Serialize;

/// How serious an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The name written in `issues.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where an issue was found: the file as given by the user, the sheet, the 1-based row as the user sees it,
/// and the column letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: String,
    pub sheet: String,
    pub row: Option<u32>,
    pub column: Option<String>,
}

impl Location {
    /// A location that names a whole file.
    pub fn file(file: &str) -> Self {
        Location { file: file.to_string(), ..Location::default() }
    }

    /// A location that names a whole sheet.
    pub fn sheet(file: &str, sheet: &str) -> Self {
        Location { file: file.to_string(), sheet: sheet.to_string(), ..Location::default() }
    }

    /// The same place, narrowed to a row.
    pub fn at_row(&self, row: u32) -> Self {
        Location { row: Some(row), column: None, ..self.clone() }
    }

    /// The same place, narrowed to a cell (0-based column index, written as a letter).
    pub fn at_cell(&self, row: u32, column: usize) -> Self {
        Location { row: Some(row), column: Some(column_letter(column)), ..self.clone() }
    }
}

/// The spreadsheet letter of a 0-based column index.
///
/// ```
/// use veille::issues::column_letter;
/// assert_eq!(column_letter(0), "A");
/// assert_eq!(column_letter(27), "AB");
/// ```
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// One problem in the inputs.
///
/// ```
/// use veille::issues::{Issue, Location, Severity};
/// use veille::i18n::Lang;
/// let issue = Issue::new(Location::file("a.xlsx"), Severity::Error, "source-error",
///     "fichier illisible", "unreadable file");
/// assert_eq!(issue.message(Lang::En), "unreadable file");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub location: Location,
    pub severity: Severity,
    pub code: &'static str,
    message_fr: String,
    message_en: String,
}

impl Issue {
    pub fn new(
        location: Location,
        severity: Severity,
        code: &'static str,
        fr: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Issue { location, severity, code, message_fr: fr.into(), message_en: en.into() }
    }

    /// The message in the chosen language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_fr, &self.message_en)
    }
}

/// The issues of a run, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct IssueLog {
    issues: Vec<Issue>,
}

impl IssueLog {
    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    pub fn extend(&mut self, other: IssueLog) {
        self.issues.extend(other.issues);
    }

    pub fn error(&mut self, at: Location, code: &'static str, fr: impl Into<String>, en: impl Into<String>) {
        self.push(Issue::new(at, Severity::Error, code, fr, en));
    }

    pub fn warning(&mut self, at: Location, code: &'static str, fr: impl Into<String>, en: impl Into<String>) {
        self.push(Issue::new(at, Severity::Warning, code, fr, en));
    }

    pub fn info(&mut self, at: Location, code: &'static str, fr: impl Into<String>, en: impl Into<String>) {
        self.push(Issue::new(at, Severity::Info, code, fr, en));
    }

    pub fn iter(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter()
    }

    pub fn len(&self) -> usize {
        self.issues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// Whether any issue is an error (what `--strict` and `validate` exit on).
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// Issues sorted by file, sheet, row, column, so the output is stable whatever the read order.
    pub fn sorted(&self) -> Vec<&Issue> {
        let mut all: Vec<&Issue> = self.issues.iter().collect();
        all.sort_by(|a, b| a.location.cmp(&b.location).then(a.code.cmp(b.code)));
        all
    }
}
