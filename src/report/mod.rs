//! Stage 7: the writers. A document ([`crate::document::Document`]) with its CSV tables and its summary is
//! written as the output contract says (DESIGN.md, "Outputs"), atomically: everything goes into a
//! temporary folder beside the target, renamed into place at the end. Writers render what they are given;
//! what a reader may see was decided before, in the publication step.

mod charts;
mod fonts;
mod pdf;
mod staging;
mod xlsx;
mod xlsx_chart;

pub use charts::{axis, PALETTE};
pub use fonts::text_width;
pub use staging::Staging;

use crate::document::{Document, Table};
use crate::i18n::Lang;
use crate::state::crash_point;
use std::path::Path;

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error("{0}")]
    Chart(String),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

/// One chart or map as drawn: its file name, SVG text and size in pixels.
pub struct RenderedChart {
    pub name: String,
    pub svg: String,
    pub size: (u32, u32),
}

/// Everything one output folder holds.
pub struct Outputs<'a> {
    /// `<stem>.xlsx` and `<stem>.pdf`.
    pub stem: &'a str,
    pub document: &'a Document,
    /// `data/<name>.csv`.
    pub data: &'a [(&'static str, Table)],
    pub summary: &'a serde_json::Value,
    /// Other files, by path within the folder (the exports).
    pub attachments: &'a [(String, Vec<u8>)],
    pub lang: Lang,
}

/// Draws every chart of the document into `dir` (SVG and PNG) and keeps the SVG for the PDF, in the
/// document's order. The charts are drawn on every core: the map alone is a good part of a weekly run.
fn render_charts(document: &Document, dir: &Path) -> Result<Vec<RenderedChart>, ReportError> {
    use rayon::prelude::*;
    let blocks: Vec<&crate::document::Block> = document.sections.iter().flat_map(|s| &s.blocks).collect();
    let rendered: Vec<Option<RenderedChart>> = blocks.par_iter().map(|block| render_chart(block, dir)).collect::<Result<_, _>>()?;
    Ok(rendered.into_iter().flatten().collect())
}

fn render_chart(block: &crate::document::Block, dir: &Path) -> Result<Option<RenderedChart>, ReportError> {
    let rendered = match block {
        crate::document::Block::Chart(chart) => {
            let svg = chart.bars.render(&dir.join(chart.name)).map_err(ReportError::Chart)?;
            Some(RenderedChart { name: chart.name.to_string(), svg, size: chart.bars.size() })
        }
        crate::document::Block::Map { name, map } => match (map.render(&dir.join(name)).map_err(ReportError::Chart)?, map.size()) {
            (crate::map::MapOutcome::Drawn(svg), Some(size)) => Some(RenderedChart { name: name.clone(), svg, size }),
            _ => None,
        },
        _ => return Ok(None),
    };
    crash_point();
    Ok(rendered)
}

/// Writes every output into `out` (replacing what was there).
pub fn write(out: &Path, outputs: &Outputs<'_>) -> Result<(), ReportError> {
    prepare(out, outputs)?.commit()?;
    Ok(())
}

/// The CSV tables and `summary.json`.
fn write_tables(dir: &Path, outputs: &Outputs<'_>) -> Result<(), ReportError> {
    for (name, table) in outputs.data {
        table.write_csv(&dir.join(format!("data/{name}.csv")))?;
        crash_point();
    }
    std::fs::write(dir.join("summary.json"), serde_json::to_string_pretty(outputs.summary)? + "\n")?;
    crash_point();
    Ok(())
}

/// Writes every output into a staging folder that becomes `out` when committed: a caller can record
/// the history in between, so that a failure leaves both as they were.
pub fn prepare(out: &Path, outputs: &Outputs<'_>) -> Result<Staging, ReportError> {
    let staging = Staging::new(out)?;
    let dir = staging.path().to_path_buf();
    std::fs::create_dir_all(dir.join("data"))?;
    std::fs::create_dir_all(dir.join("charts"))?;
    crash_point();
    // The tables and the charts are independent: written side by side.
    let (tables, charts) = rayon::join(|| write_tables(&dir, outputs), || render_charts(outputs.document, &dir.join("charts")));
    tables?;
    let charts = charts?;
    crash_point();
    // The workbook and the PDF are written side by side: each needs only the charts.
    let (workbook, pdf) = rayon::join(
        || xlsx::write_workbook(&dir.join(format!("{}.xlsx", outputs.stem)), outputs.document, &dir.join("charts"), outputs.lang),
        || pdf::document_pdf(outputs.document, &charts, outputs.lang).map_err(ReportError::Chart),
    );
    workbook?;
    crash_point();
    std::fs::write(dir.join(format!("{}.pdf", outputs.stem)), pdf?)?;
    crash_point();
    staging.add_files(outputs.attachments)?;
    Ok(staging)
}
