//! One spreadsheet cell, independent of the file format it came from.

use chrono::NaiveDateTime;

/// A cell's value as read, before any interpretation.
///
/// ```
/// use veille::ingest::Cell;
/// assert!(Cell::Text("  ".into()).is_blank());
/// assert_eq!(Cell::Number(12.0).to_text(), "12");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    DateTime(NaiveDateTime),
    /// A formula error such as `#DIV/0!` or `#N/A`.
    Error(String),
}

/// What Excel and LibreOffice show for a formula error, in English and French versions; a CSV export or
/// an ods file carries them as plain text.
const ERROR_LITERALS: &[&str] = &[
    "#DIV/0!", "#N/A", "#NA", "#VALUE!", "#VALEUR!", "#REF!", "#NAME?", "#NOM?", "#NUM!", "#NOMBRE!", "#NULL!", "#NUL!",
    "#SPILL!", "#CALC!",
];

impl Cell {
    /// A cell from text as read: a formula error shown as text (`#DIV/0!`, `#N/A`, LibreOffice's
    /// `Err:502`) becomes an error cell, so it is never read as a number.
    ///
    /// ```
    /// use veille::ingest::Cell;
    /// assert_eq!(Cell::from_text("#DIV/0!"), Cell::Error("#DIV/0!".into()));
    /// assert_eq!(Cell::from_text("Err:502"), Cell::Error("Err:502".into()));
    /// assert_eq!(Cell::from_text("12 tablettes"), Cell::Text("12 tablettes".into()));
    /// ```
    pub fn from_text(text: &str) -> Cell {
        Cell::from_text_error(text).unwrap_or_else(|| Cell::Text(text.to_string()))
    }

    /// [`Cell::from_text`] for text already owned (no copy is made of it).
    ///
    /// ```
    /// use veille::ingest::Cell;
    /// assert_eq!(Cell::from_string("#N/A".to_string()), Cell::Error("#N/A".into()));
    /// assert_eq!(Cell::from_string("Grigny".to_string()), Cell::Text("Grigny".into()));
    /// ```
    pub fn from_string(text: String) -> Cell {
        match Cell::from_text_error(&text) {
            Some(error) => error,
            None => Cell::Text(text),
        }
    }

    fn from_text_error(text: &str) -> Option<Cell> {
        let t = text.trim();
        if !t.starts_with(['#', 'E']) {
            return None;
        }
        let libreoffice = t.strip_prefix("Err:").is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        (libreoffice || ERROR_LITERALS.iter().any(|e| e.eq_ignore_ascii_case(t))).then(|| Cell::Error(t.to_string()))
    }

    /// Empty, or text made only of white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user would read it.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => if *b { "VRAI" } else { "FAUX" }.to_string(),
            Cell::DateTime(d) => d.format("%d/%m/%Y %H:%M").to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}
