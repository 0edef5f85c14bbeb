//! What calamine does not tell of an OpenDocument spreadsheet: its merged areas (`table:number-rows-spanned`)
//! and its formula errors (LibreOffice writes `#DIV/0!` as an empty string value, with the error only in
//! `calcext:value-type` and the displayed text). Both are read here from `content.xml`, streaming, so an
//! ods file is read like an xlsx or xls one.
//!
//! The same pass measures each sheet as calamine will expand it (`number-rows-repeated`,
//! `number-columns-repeated`) *before* calamine reads it: a few bytes of XML can declare a million rows
//! of sixteen thousand columns, and calamine would allocate them all.

use super::limits::{Deadline, Exceeded, Limits};
use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;
use std::io::BufReader;
use std::path::Path;

fn number(e: &BytesStart<'_>, name: &str) -> u32 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        // calamine reads repeats as usize: a count past u32 is as large as it can be, never 1.
        .map_or(1, |n| u32::try_from(n).unwrap_or(u32::MAX))
}

fn text(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let attr = e.try_get_attribute(name).ok().flatten()?;
    attr.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
}

/// The merged areas and formula errors of each sheet, by sheet name (0-based, absolute positions).
#[derive(Debug, Default)]
pub(super) struct OdsExtras {
    pub merges: HashMap<String, Vec<Dimensions>>,
    pub errors: HashMap<String, Vec<((u32, u32), String)>>,
}

/// calamine's own bounds on an ods sheet.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// How much of the current sheet calamine will hold: cells stored row by row, and the rectangle.
#[derive(Default)]
struct Extent {
    first_row: Option<u32>,
    last_row: u32,
    width: u32,
    stored: u64,
}

impl Extent {
    fn check(&self, max_cells: u64) -> Result<(), Exceeded> {
        let Some(first) = self.first_row else { return Ok(()) };
        let rows = u64::from(self.last_row.min(MAX_ROWS).saturating_sub(first) + 1);
        let area = rows.saturating_mul(u64::from(self.width.min(MAX_COLUMNS)));
        match area.max(self.stored) {
            n if n > max_cells => Err(Exceeded::cells(n)),
            _ => Ok(()),
        }
    }
}

/// Where the reader stands in the sheet being read.
#[derive(Default)]
struct Cursor {
    sheet: Option<String>,
    row: u32,
    col: u32,
    row_repeat: u32,
    /// One past the last column of the current row that holds something.
    filled_to: u32,
    extent: Extent,
    /// A formula error cell whose displayed text comes next.
    pending_error: Option<(u32, u32)>,
}

impl Cursor {
    /// The end of a row element: it counts `row_repeat` rows.
    fn end_row(&mut self, max_cells: u64) -> Result<(), Exceeded> {
        let repeat = self.row_repeat.max(1);
        if self.filled_to > 0 {
            let extent = &mut self.extent;
            extent.first_row.get_or_insert(self.row);
            extent.last_row = self.row.saturating_add(repeat - 1);
            extent.width = extent.width.max(self.filled_to);
            extent.stored = extent.stored.saturating_add(u64::from(self.filled_to.min(MAX_COLUMNS)));
        }
        self.row = self.row.saturating_add(repeat);
        self.filled_to = 0;
        self.extent.check(max_cells)
    }

    fn cell(&mut self, e: &BytesStart<'_>, has_content: bool, extras: &mut OdsExtras) {
        let rows = number(e, "table:number-rows-spanned");
        let cols = number(e, "table:number-columns-spanned");
        if let Some(sheet) = &self.sheet {
            if rows > 1 {
                let region = Dimensions { start: (self.row, self.col), end: (self.row + rows - 1, self.col + cols.max(1) - 1) };
                extras.merges.entry(sheet.clone()).or_default().push(region);
            }
            if text(e, "calcext:value-type").as_deref() == Some("error") {
                self.pending_error = Some((self.row, self.col));
                extras.errors.entry(sheet.clone()).or_default().push(((self.row, self.col), "#ERREUR".to_string()));
            }
        }
        self.col = self.col.saturating_add(number(e, "table:number-columns-repeated"));
        if has_content || e.try_get_attribute("office:value-type").ok().flatten().is_some() {
            self.filled_to = self.col;
        }
    }

    /// The displayed text of a formula error cell (`#DIV/0!`) replaces the placeholder.
    fn error_text(&mut self, shown: &str, extras: &mut OdsExtras) {
        let (Some(position), Some(sheet)) = (self.pending_error.take(), &self.sheet) else { return };
        if let Some(last) = extras.errors.get_mut(sheet).and_then(|e| e.last_mut()) {
            if last.0 == position && !shown.trim().is_empty() {
                last.1 = shown.trim().to_string();
            }
        }
    }

    fn event(&mut self, e: &BytesStart<'_>, has_content: bool, extras: &mut OdsExtras) {
        match e.name().as_ref() {
            "table:table" => {
                self.sheet = text(e, "table:name");
                self.row = 0;
                self.extent = Extent::default();
            }
            "table:table-row" => {
                self.col = 0;
                self.filled_to = 0;
                self.row_repeat = number(e, "table:number-rows-repeated");
            }
            "table:table-cell" | "table:covered-table-cell" => self.cell(e, has_content, extras),
            _ => {}
        }
    }
}

/// The merged areas and formula errors of an ods file, or the sheet that is past `max_cells` (or the
/// time cap). A file that cannot be read gives none: calamine reports it.
pub(super) fn ods_extras(path: &Path, limits: &Limits, deadline: &Deadline) -> Result<OdsExtras, (Option<String>, Exceeded)> {
    let mut extras = OdsExtras::default();
    let Ok(file) = std::fs::File::open(path) else { return Ok(extras) };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else { return Ok(extras) };
    let Ok(content) = archive.by_name("content.xml") else { return Ok(extras) };
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut cursor = Cursor::default();
    let mut buffer = Vec::new();
    let mut events = 0u64;
    loop {
        buffer.clear();
        events += 1;
        if events % 65_536 == 0 && deadline.passed() {
            return Err((cursor.sheet.clone(), Exceeded::time()));
        }
        let ended = match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e)) => {
                cursor.event(&e, true, &mut extras);
                Ok(())
            }
            Ok(Event::Empty(e)) => {
                cursor.event(&e, false, &mut extras);
                if e.name().as_ref() == "table:table-row" { cursor.end_row(limits.max_cells) } else { Ok(()) }
            }
            Ok(Event::Text(t)) if cursor.pending_error.is_some() => {
                let shown = t.xml10_content().into_owned();
                cursor.error_text(&shown, &mut extras);
                Ok(())
            }
            Ok(Event::End(e)) if e.name().as_ref() == "table:table-row" => cursor.end_row(limits.max_cells),
            Ok(Event::Eof) | Err(_) => break,
            _ => Ok(()),
        };
        ended.map_err(|exceeded| (cursor.sheet.clone(), exceeded))?;
    }
    Ok(extras)
}
