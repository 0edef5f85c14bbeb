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

impl Cell {
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
