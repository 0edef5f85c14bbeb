//! A document as a workbook: one sheet per section that has one (title, dateline, then its blocks), tables
//! with autofilter and frozen headers, a native Excel chart for every chart, A4 print setup.

use super::xlsx_chart::native_chart;
use crate::document::{Block, Document, FigureList, Section, Table, Value};
use crate::i18n::Lang;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use rayon::prelude::*;
use std::path::Path;

/// The row of a sheet's first header: title on row 0, dateline on row 1.
pub(super) const HEADER_ROW: u32 = 3;

pub(super) struct Styles {
    pub title: Format,
    pub header: Format,
    pub bold: Format,
}

fn styles() -> Styles {
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        header: Format::new().set_bold().set_background_color("1F4E79").set_font_color("FFFFFF").set_text_wrap().set_align(FormatAlign::Top),
        bold: Format::new().set_bold(),
    }
}

pub(super) fn write_value(ws: &mut Worksheet, row: u32, col: u16, value: &Value) -> Result<(), XlsxError> {
    match value {
        // write_string never turns "=..." into a formula: free text stays text.
        Value::Text(t) => ws.write_string(row, col, t).map(|_| ()),
        Value::Int(i) => ws.write_number(row, col, *i as f64).map(|_| ()),
        Value::Float(f) => ws.write_number(row, col, *f).map(|_| ()),
        Value::Empty => Ok(()),
        Value::Hidden => ws.write_string_with_format(row, col, "s", &Format::new().set_align(FormatAlign::Right)).map(|_| ()),
    }
}

/// Writes a table's header at `top` and its rows below; returns its last row.
fn write_rows(ws: &mut Worksheet, top: u32, table: &Table, lang: Lang, header: &Format) -> Result<u32, XlsxError> {
    for (c, label) in table.labels(lang).iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *label, header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            write_value(ws, top + 1 + r as u32, c as u16, value)?;
        }
    }
    Ok(top + table.rows.len() as u32)
}

/// Column widths from the content of every table of a sheet.
fn set_widths(ws: &mut Worksheet, tables: &[&Table], lang: Lang) -> Result<(), XlsxError> {
    let columns = tables.iter().map(|t| t.columns.len()).max().unwrap_or(0);
    for c in 0..columns {
        let width = tables
            .iter()
            .filter(|t| c < t.columns.len())
            .map(|t| {
                let longest = t.rows.iter().map(|r| r.get(c).map(|v| v.to_csv().chars().count()).unwrap_or(0)).max().unwrap_or(0);
                longest.max(t.labels(lang)[c].chars().count().min(18)).clamp(8, 60)
            })
            .max()
            .unwrap_or(8);
        ws.set_column_width(c as u16, width as f64 + 2.0)?;
    }
    Ok(())
}

fn figures(ws: &mut Worksheet, list: &FigureList, s: &Styles) -> Result<u32, XlsxError> {
    ws.write_string_with_format(HEADER_ROW, 0, &list.headers.0, &s.header)?;
    ws.write_string_with_format(HEADER_ROW, 1, &list.headers.1, &s.header)?;
    if let Some((header, _)) = &list.change {
        ws.write_string_with_format(HEADER_ROW, 2, header, &s.header)?;
    }
    let signed = Format::new().set_num_format("+0;-0;0");
    for (i, line) in list.lines.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        ws.write_string(row, 0, &line.label)?;
        match &line.value {
            Value::Int(v) => ws.write_number_with_format(row, 1, *v as f64, &s.bold).map(|_| ())?,
            other => ws.write_string_with_format(row, 1, other.to_csv(), &s.bold.clone().set_align(FormatAlign::Right)).map(|_| ())?,
        }
        if let (Some(delta), Some(_)) = (line.change, &list.change) {
            ws.write_number_with_format(row, 2, delta as f64, &signed)?;
        }
    }
    ws.set_column_width(0, 42)?.set_column_width(1, 12)?.set_column_width(2, 30)?;
    Ok(HEADER_ROW + list.lines.len() as u32)
}

fn pairs(ws: &mut Worksheet, lines: &[(String, String)], s: &Styles) -> Result<u32, XlsxError> {
    for (i, (label, value)) in lines.iter().enumerate() {
        ws.write_string(HEADER_ROW + i as u32, 0, label)?;
        ws.write_string_with_format(HEADER_ROW + i as u32, 1, value, &s.bold)?;
    }
    ws.set_column_width(0, 70)?.set_column_width(1, 48)?;
    Ok(HEADER_ROW + lines.len() as u32)
}

fn print_setup(ws: &mut Worksheet, doc: &Document, landscape: bool) {
    ws.set_paper_size(9).set_print_fit_to_pages(1, 0);
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    let (left, right) = &doc.running_head;
    ws.set_header(format!("&L{}&R{}", left.replace('&', "&&"), right.replace('&', "&&")));
    ws.set_footer(format!("&L{}&RPage &P / &N", doc.running_foot.replace('&', "&&")));
}

/// Writes one section's sheet: its blocks in order (the first table's header on row 4), then its charts,
/// each with the cells it plots.
fn section_sheet(doc: &Document, index: usize, section: &Section, sheet: &str, charts: &Path, lang: Lang, s: &Styles) -> Result<Worksheet, XlsxError> {
    let mut sheet_of_section = Worksheet::new();
    let ws = &mut sheet_of_section;
    ws.set_name(sheet)?;
    ws.write_string_with_format(0, 0, if index == 0 { &doc.title } else { &section.title }, &s.title)?;
    ws.write_string(1, 0, &doc.dateline)?;
    let mut last: Option<u32> = None;
    let mut tables: Vec<&Table> = Vec::new();
    for block in &section.blocks {
        let next = last.map_or(HEADER_ROW, |l| l + 3);
        match block {
            Block::Figures(list) => last = Some(figures(ws, list, s)?),
            Block::Pairs(lines) => last = Some(pairs(ws, lines, s)?),
            Block::Table { title, table, medium } if medium.in_workbook() => {
                if let (Some(title), Some(_)) = (title, last) {
                    ws.write_string_with_format(next - 1, 0, title, &s.bold)?;
                }
                let end = write_rows(ws, next, table, lang, &s.header)?;
                if last.is_none() && !table.columns.is_empty() {
                    ws.autofilter(next, 0, end.max(next + 1), table.columns.len() as u16 - 1)?;
                    ws.set_freeze_panes(next + 1, 0)?;
                    ws.set_repeat_rows(next, next)?;
                }
                tables.push(table);
                last = Some(end);
            }
            _ => {}
        }
    }
    set_widths(ws, &tables, lang)?;
    let landscape = tables.iter().any(|t| t.columns.len() > 6);
    print_setup(ws, doc, landscape);
    let mut row = last.map_or(HEADER_ROW, |l| l + 3);
    for block in &section.blocks {
        match block {
            Block::Chart(chart) => row = native_chart(ws, row, chart, s)?,
            Block::Map { name, map } => row = map_image(ws, row, &charts.join(format!("{name}.png")), map)?,
            _ => {}
        }
    }
    Ok(sheet_of_section)
}

/// A map as a picture on the sheet (its PNG), or the sentence that says why there is none.
fn map_image(ws: &mut Worksheet, row: u32, png: &Path, map: &crate::map::Choropleth) -> Result<u32, XlsxError> {
    ws.write_string(row, 0, &map.title)?;
    if !png.exists() {
        ws.write_string(row + 1, 0, crate::map::no_outline_message(map.lang))?;
        return Ok(row + 3);
    }
    let image = rust_xlsxwriter::Image::new(png)?.set_scale_width(0.6).set_scale_height(0.6);
    ws.insert_image(row + 1, 0, &image)?;
    let height = map.size().map_or(600, |(_, h)| h);
    Ok(row + 2 + (f64::from(height) * 0.6 / 20.0).ceil() as u32)
}

/// Writes the document as a workbook: one sheet per section that has a sheet name; maps are the PNGs
/// already drawn into `charts`.
pub fn write_workbook(path: &Path, doc: &Document, charts: &Path, lang: Lang) -> Result<(), XlsxError> {
    let s = styles();
    let mut wb = Workbook::new();
    // A faster deflate than the default 6: at 194 communes deflating was most of the time spent writing
    // the workbook; level 3 writes it in about half that time for a file 8 % larger (level 1: 54 %).
    wb.set_zip_compression_level(3);
    // Each section's sheet is built on its own core (a préfecture's columns and answers sheets run to tens
    // of thousands of rows), then they go into the workbook in the document's order.
    let sheets: Vec<Result<Worksheet, XlsxError>> = doc
        .sections
        .par_iter()
        .enumerate()
        .filter_map(|(index, section)| section.sheet.as_ref().map(|sheet| section_sheet(doc, index, section, sheet, charts, lang, &s)))
        .collect();
    for sheet in sheets {
        wb.push_worksheet(sheet?);
    }
    wb.save(path)
}
