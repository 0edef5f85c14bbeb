//! What calamine does not tell of an OpenDocument spreadsheet: its merged areas (`table:number-rows-spanned`)
//! and its formula errors (LibreOffice writes `#DIV/0!` as an empty string value, with the error only in
//! `calcext:value-type` and the displayed text). Both are read here from `content.xml`, streaming, so an
//! ods file is read like an xlsx or xls one.

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
        .and_then(|a| a.value.parse().ok())
        .unwrap_or(1)
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

/// Where the reader stands in the sheet being read.
#[derive(Default)]
struct Cursor {
    sheet: Option<String>,
    row: u32,
    col: u32,
    row_repeat: u32,
    /// A formula error cell whose displayed text comes next.
    pending_error: Option<(u32, u32)>,
}

impl Cursor {
    fn cell(&mut self, e: &BytesStart<'_>, extras: &mut OdsExtras) {
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

    fn event(&mut self, e: &BytesStart<'_>, extras: &mut OdsExtras) {
        match e.name().as_ref() {
            "table:table" => {
                self.sheet = text(e, "table:name");
                self.row = 0;
            }
            "table:table-row" => {
                self.col = 0;
                self.row_repeat = number(e, "table:number-rows-repeated");
            }
            "table:table-cell" | "table:covered-table-cell" => self.cell(e, extras),
            _ => {}
        }
    }
}

/// The merged areas and formula errors of an ods file. A file that cannot be read gives none: its values
/// are still read by calamine.
pub(super) fn ods_extras(path: &Path) -> OdsExtras {
    let mut extras = OdsExtras::default();
    let Ok(file) = std::fs::File::open(path) else { return extras };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else { return extras };
    let Ok(content) = archive.by_name("content.xml") else { return extras };
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut cursor = Cursor::default();
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e)) => cursor.event(&e, &mut extras),
            Ok(Event::Empty(e)) => {
                cursor.event(&e, &mut extras);
                if e.name().as_ref() == "table:table-row" {
                    cursor.row = cursor.row.saturating_add(cursor.row_repeat);
                }
            }
            Ok(Event::Text(t)) if cursor.pending_error.is_some() => {
                let shown = t.xml10_content().into_owned();
                cursor.error_text(&shown, &mut extras);
            }
            Ok(Event::End(e)) if e.name().as_ref() == "table:table-row" => {
                cursor.row = cursor.row.saturating_add(cursor.row_repeat);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    extras
}
