//! The document model: a report is an ordered list of sections (title, text, figures, tables, charts),
//! built once by the document that owns it (the weekly diagnostic, the September review) and rendered
//! as it is by every writer: the workbook (one sheet per section that has one, a native Excel chart for
//! every chart), the PDF (every section that goes on paper), and the CSV files.

mod chart;
mod labels;
mod table;

pub use chart::{BarChart, Series, TOP};
pub use labels::week_label;
pub use table::{column, Column, Table, Value};

/// A whole document.
#[derive(Debug, Clone)]
pub struct Document {
    pub title: String,
    /// The lines under the title: the first as a subtitle, the next ones as small print.
    pub lines: Vec<String>,
    /// The second line of every workbook sheet (the week or the period).
    pub dateline: String,
    /// Left and right of the running head of every page.
    pub running_head: (String, String),
    /// Left of the running foot of every page (the page number goes on the right).
    pub running_foot: String,
    pub sections: Vec<Section>,
}

/// One section: a heading of the PDF and, when it has a sheet name, a sheet of the workbook.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    /// The workbook sheet's name; `None`: the section is only on paper.
    pub sheet: Option<String>,
    /// Whether the PDF shows it.
    pub on_paper: bool,
    /// On paper, a subheading under the section before it rather than a heading of its own.
    pub subsection: bool,
    pub blocks: Vec<Block>,
}

impl Section {
    /// A section both in the workbook (sheet `sheet`) and on paper.
    pub fn new(title: impl Into<String>, sheet: impl Into<String>) -> Section {
        Section { title: title.into(), sheet: Some(sheet.into()), on_paper: true, subsection: false, blocks: Vec::new() }
    }

    /// The same section on paper only.
    pub fn paper_only(mut self) -> Section {
        self.sheet = None;
        self
    }

    /// The same section in the workbook only.
    pub fn workbook_only(mut self) -> Section {
        self.on_paper = false;
        self
    }

    /// The same section as a subheading of the one before it, on paper.
    pub fn under_previous(mut self) -> Section {
        self.subsection = true;
        self
    }

    pub fn push(&mut self, block: Block) -> &mut Section {
        self.blocks.push(block);
        self
    }
}

/// Where a block appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    Everywhere,
    WorkbookOnly,
    PaperOnly,
}

impl Medium {
    pub fn in_workbook(self) -> bool {
        self != Medium::PaperOnly
    }

    pub fn on_paper(self) -> bool {
        self != Medium::WorkbookOnly
    }
}

/// How a text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    /// Small grey print: what a table shows, why a part is missing.
    Note,
    /// A quoted answer.
    Quote,
    /// A subheading within a section.
    Heading,
}

/// One piece of a section.
#[derive(Debug, Clone)]
pub enum Block {
    /// Key figures, each with its change.
    Figures(FigureList),
    /// Label and value lines.
    Pairs(Vec<(String, String)>),
    Table { title: Option<String>, table: Table, medium: Medium },
    Chart(Chart),
    /// A choropleth of the communes (`charts/<name>.svg`, `.png`), or, for a territory without outlines,
    /// the sentence that says so.
    Map { name: String, map: crate::map::Choropleth },
    Text { text: String, style: TextStyle, medium: Medium },
}

impl Block {
    /// A table with no title of its own, everywhere.
    pub fn table(table: Table) -> Block {
        Block::Table { title: None, table, medium: Medium::Everywhere }
    }

    /// A table under its own title, everywhere.
    pub fn titled(title: impl Into<String>, table: Table) -> Block {
        Block::Table { title: Some(title.into()), table, medium: Medium::Everywhere }
    }

    pub fn note(text: impl Into<String>) -> Block {
        Block::Text { text: text.into(), style: TextStyle::Note, medium: Medium::Everywhere }
    }

    /// The same block in one medium only (tables and texts; other blocks go everywhere).
    pub fn only(self, only: Medium) -> Block {
        match self {
            Block::Table { title, table, .. } => Block::Table { title, table, medium: only },
            Block::Text { text, style, .. } => Block::Text { text, style, medium: only },
            other => other,
        }
    }
}

/// Key figures with their change: the workbook writes three columns, the PDF one line per figure.
#[derive(Debug, Clone)]
pub struct FigureList {
    /// Headers of the label and value columns.
    pub headers: (String, String),
    /// Header of the change column, and the words after a change on paper ("depuis la semaine 20");
    /// `None`: no change to show.
    pub change: Option<(String, String)>,
    pub lines: Vec<FigureLine>,
}

#[derive(Debug, Clone)]
pub struct FigureLine {
    pub label: String,
    /// `Value::Hidden` when secrecy hides it.
    pub value: Value,
    pub change: Option<i64>,
}

/// A chart and the name of its files (`charts/<name>.svg`, `.png`).
#[derive(Debug, Clone)]
pub struct Chart {
    pub name: &'static str,
    pub bars: BarChart,
}
