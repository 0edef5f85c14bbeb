//! A document on paper: its title and lines, then every section that goes on paper, in order, each block as
//! the document says (tables that break across pages, charts as vectors).

use super::layout::{Layout, TableSpec, BLUE, CONTENT_WIDTH, GREY, INK, MARGIN};
use super::render::render;
use crate::document::{Block, Document, FigureList, Table, TextStyle};
use crate::i18n::Lang;
use crate::report::fonts::text_width;
use crate::report::RenderedChart;

/// Column widths from the content: each column gets room for its longest line (capped), scaled to fit.
fn spec<'a>(table: &Table, lang: Lang, widths: &'a mut Vec<f32>, numeric: &'a mut Vec<bool>) -> TableSpec<'a> {
    let headers: Vec<String> = table.labels(lang).iter().map(|s| s.to_string()).collect();
    let rows: Vec<Vec<String>> = table.rows.iter().map(|r| r.iter().map(|v| v.display(lang)).collect()).collect();
    *widths = headers
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let longest = rows.iter().map(|r| text_width(r.get(c).map(String::as_str).unwrap_or(""), 8.0, false)).fold(0.0, f32::max);
            let header = h.split_whitespace().map(|w| text_width(w, 8.0, true)).fold(0.0, f32::max);
            longest.min(170.0).max(header).max(24.0) + 8.0
        })
        .collect();
    // A table much wider than the page is set smaller, down to 6 points.
    let natural: f32 = widths.iter().sum();
    let size = (8.0 * CONTENT_WIDTH / natural).clamp(6.0, 8.0);
    for w in widths.iter_mut() {
        *w *= size / 8.0;
    }
    // Narrow columns (codes, numbers, phones) keep their natural width; the wide ones share the rest.
    let narrow = |w: f32| w <= 80.0;
    let fixed: f32 = widths.iter().copied().filter(|w| narrow(*w)).sum();
    let flexible: f32 = widths.iter().copied().filter(|w| !narrow(*w)).sum();
    let total = fixed + flexible;
    let scale_flexible = if total <= CONTENT_WIDTH || flexible == 0.0 { 1.0 } else { ((CONTENT_WIDTH - fixed).max(CONTENT_WIDTH * 0.3)) / flexible };
    for w in widths.iter_mut() {
        if !narrow(*w) {
            *w *= scale_flexible;
        }
    }
    let total: f32 = widths.iter().sum();
    for w in widths.iter_mut() {
        *w /= total.max(CONTENT_WIDTH * 0.5);
    }
    *numeric = (0..headers.len()).map(|c| table.is_numeric_column(c)).collect();
    TableSpec { headers, rows, widths, numeric, size }
}

fn table(doc: &mut Layout, t: &Table, lang: Lang) {
    if t.rows.is_empty() {
        doc.paragraph(lang.pick("(aucune ligne)", "(no row)"), 9.0, GREY);
        return;
    }
    let (mut widths, mut numeric) = (Vec::new(), Vec::new());
    let s = spec(t, lang, &mut widths, &mut numeric);
    doc.table(&s);
}

/// "84   (+12 depuis la semaine 20)": each figure with its change, on one line.
fn figures(doc: &mut Layout, list: &FigureList) {
    let rows: Vec<(String, String)> = list
        .lines
        .iter()
        .map(|line| {
            let change = match (line.change, &list.change) {
                (Some(delta), Some((_, words))) => format!("   ({delta:+} {words})"),
                _ => String::new(),
            };
            (line.label.clone(), format!("{}{change}", line.value.display(Lang::Fr)))
        })
        .collect();
    doc.key_values(&rows);
}

fn block(doc: &mut Layout, block: &Block, charts: &[RenderedChart], lang: Lang) {
    match block {
        Block::Figures(list) => figures(doc, list),
        Block::Pairs(rows) => doc.key_values(rows),
        Block::Table { title, table: t, medium } if medium.on_paper() => {
            if let Some(title) = title {
                doc.subheading(title);
            }
            table(doc, t, lang);
        }
        Block::Chart(chart) => {
            if let Some(c) = charts.iter().find(|c| c.name == chart.name) {
                doc.chart(&c.svg, c.size);
            }
        }
        Block::Map { name, map } => match charts.iter().find(|c| &c.name == name) {
            Some(c) => doc.chart(&c.svg, c.size),
            None => doc.paragraph(crate::map::no_outline_message(map.lang), 9.0, GREY),
        },
        Block::Text { text, style, medium } if medium.on_paper() => match style {
            TextStyle::Note => doc.paragraph(text, 9.0, GREY),
            TextStyle::Quote => doc.paragraph(text, 9.0, INK),
            TextStyle::Heading => doc.subheading(text),
        },
        _ => {}
    }
}

/// The document as a PDF; `charts` holds the SVG of every chart, drawn where the document places it.
pub fn document_pdf(document: &Document, charts: &[RenderedChart], lang: Lang) -> Result<Vec<u8>, String> {
    let mut doc = Layout::default();
    doc.text(MARGIN, 20.0, true, BLUE, &document.title);
    doc.paragraph("", 8.0, INK);
    for (i, line) in document.lines.iter().enumerate() {
        if i == 0 { doc.paragraph(line, 12.0, INK) } else { doc.paragraph(line, 9.0, GREY) }
    }
    for section in document.sections.iter().filter(|s| s.on_paper) {
        if section.subsection { doc.subheading(&section.title) } else { doc.heading(&section.title) }
        for b in &section.blocks {
            block(&mut doc, b, charts, lang);
        }
    }
    let (left, right) = &document.running_head;
    render(&doc.pages, (left, right), &document.running_foot)
}
