//! A table of the report, written both as a tidy CSV (contract column names) and as a workbook sheet
//! (French or English labels).

use crate::i18n::Lang;
use std::path::Path;

/// One cell of a report table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Float(f64),
    Empty,
    /// A count hidden by statistical secrecy: written `s`.
    Hidden,
}

impl Value {
    /// The CSV form. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with
    /// a quote, as OWASP recommends against CSV injection.
    pub fn to_csv(&self) -> String {
        match self {
            Value::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{t}"),
            Value::Text(t) => t.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format!("{f}"),
            Value::Empty => String::new(),
            Value::Hidden => "s".to_string(),
        }
    }
}

impl Value {
    /// The value as a reader sees it in the PDF: decimal comma in French, `s` when hidden.
    ///
    /// ```
    /// use veille::i18n::Lang;
    /// use veille::document::Value;
    /// assert_eq!(Value::Float(12.5).display(Lang::Fr), "12,5");
    /// assert_eq!(Value::Hidden.display(Lang::En), "s");
    /// ```
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) if lang == Lang::Fr => f.to_string().replace('.', ","),
            Value::Float(f) => f.to_string(),
            Value::Empty => String::new(),
            Value::Hidden => "s".into(),
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Float(_) | Value::Hidden | Value::Empty)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map(Into::into).unwrap_or(Value::Empty)
    }
}

/// A column: its CSV name and its labels.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
}

/// Shorthand for a column definition.
pub const fn column(name: &'static str, fr: &'static str, en: &'static str) -> Column {
    Column { name, fr, en }
}

/// A table with its columns and rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(columns: &[Column]) -> Self {
        Table { columns: columns.to_vec(), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        self.rows.push(row);
    }

    /// Hides the cell of `row` in the column named `name` (statistical secrecy).
    pub fn hide(&mut self, row: usize, name: &str) {
        let col = self.columns.iter().position(|c| c.name == name);
        if let (Some(col), Some(row)) = (col, self.rows.get_mut(row)) {
            if let Some(value) = row.get_mut(col) {
                *value = Value::Hidden;
            }
        }
    }

    /// Whether every value of column `c` is a number (or hidden, or empty): it is right-aligned.
    pub fn is_numeric_column(&self, c: usize) -> bool {
        self.rows.iter().all(|r| r.get(c).is_none_or(Value::is_numeric))
    }

    pub fn labels(&self, lang: Lang) -> Vec<&'static str> {
        self.columns.iter().map(|c| lang.pick(c.fr, c.en)).collect()
    }

    /// Writes the table as UTF-8 CSV with the contract's column names.
    ///
    /// ```
    /// use veille::document::{column, Table, Value};
    /// let dir = tempfile::tempdir().unwrap();
    /// let mut t = Table::new(&[column("a", "A", "A"), column("b", "B", "B")]);
    /// t.push(vec![Value::Int(1), Value::from("=SOMME(A1)")]);
    /// t.write_csv(&dir.path().join("t.csv")).unwrap();
    /// let text = std::fs::read_to_string(dir.path().join("t.csv")).unwrap();
    /// assert_eq!(text, "a,b\n1,'=SOMME(A1)\n");
    /// ```
    pub fn write_csv(&self, path: &Path) -> std::io::Result<()> {
        let mut writer = csv::Writer::from_path(path)?;
        writer.write_record(self.columns.iter().map(|c| c.name))?;
        for row in &self.rows {
            writer.write_record(row.iter().map(Value::to_csv))?;
        }
        writer.flush()
    }
}
