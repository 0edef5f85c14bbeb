//! What an xlsx workbook says of itself before its sheets are read: the sheets (name and part, in
//! order), the shared strings, which cell styles show numbers as dates, and the 1904 date system. Read
//! exactly as calamine reads them; anything unusual (a chart sheet, a workbook outside `xl/`) makes the
//! fast reader step aside for calamine.

use super::text::{reader, shared_strings, Unreadable};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Read};
use std::path::Path;

pub(in crate::ingest) type Archive = zip::ZipArchive<BufReader<std::fs::File>>;

/// How a cell style shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberKind {
    Plain,
    DateTime,
    Duration,
}

/// A workbook's parts that every sheet needs.
#[derive(Debug, Default)]
pub(super) struct Book {
    /// Every sheet, hidden ones included, as (name, zip part).
    pub sheets: Vec<(String, String)>,
    pub strings: Vec<String>,
    /// By cell style (`s`), from `cellXfs`.
    pub kinds: Vec<NumberKind>,
    pub is_1904: bool,
}

pub(in crate::ingest) fn open_archive(path: &Path) -> Result<Archive, Unreadable> {
    let file = std::fs::File::open(path).map_err(|_| Unreadable)?;
    zip::ZipArchive::new(BufReader::new(file)).map_err(|_| Unreadable)
}

/// The zip entry named `name`, matched as calamine does (case and slash direction aside).
pub(super) fn entry_name(archive: &Archive, name: &str) -> Option<String> {
    let wanted = name.to_ascii_lowercase();
    archive.file_names().flatten().find(|n| n.replace('\\', "/").to_ascii_lowercase() == wanted).map(|n| n.into_owned())
}

fn part(archive: &mut Archive, name: &str, cap: u64) -> Result<Option<Vec<u8>>, Unreadable> {
    let Some(real) = entry_name(archive, name) else { return Ok(None) };
    let mut bytes = Vec::new();
    let entry = archive.by_name(&real).map_err(|_| Unreadable)?;
    entry.take(cap).read_to_end(&mut bytes).map_err(|_| Unreadable)?;
    Ok(Some(bytes))
}

fn attribute(e: &BytesStart<'_>, local: &str) -> Result<Option<String>, Unreadable> {
    for attr in e.attributes() {
        let attr = attr?;
        let key: &str = attr.key.as_ref();
        if key == local || key.rsplit(':').next() == Some(local) {
            return Ok(Some(quick_xml::escape::unescape(&attr.value).map_err(|_| Unreadable)?.into_owned()));
        }
    }
    Ok(None)
}

/// Each element named `name` of a part, with the attributes asked for, and whether the part was read to
/// its end (a piece of a part, such as a sheet's tail, ends on an unmatched closing tag).
pub(in crate::ingest) fn elements(xml: &[u8], name: &str, wanted: &[&str]) -> (Vec<Vec<Option<String>>>, bool) {
    let mut reader = reader(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == name => match wanted.iter().map(|w| attribute(&e, w)).collect() {
                Ok(attributes) => found.push(attributes),
                Err(Unreadable) => return (found, false),
            },
            Ok(Event::Eof) => return (found, true),
            Err(_) => return (found, false),
            _ => {}
        }
    }
}

/// [`elements`] of a whole part: one that does not read to its end is unreadable.
fn whole_elements(xml: &[u8], name: &str, wanted: &[&str]) -> Result<Vec<Vec<Option<String>>>, Unreadable> {
    match elements(xml, name, wanted) {
        (found, true) => Ok(found),
        (_, false) => Err(Unreadable),
    }
}

/// The zip part of the worksheet named `sheet`.
pub(in crate::ingest) fn sheet_part(archive: &mut Archive, sheet: &str, cap: u64) -> Option<String> {
    sheets(archive, cap).ok()?.0.into_iter().find(|(name, _)| name == sheet).map(|(_, part)| part)
}

fn sheets(archive: &mut Archive, cap: u64) -> Result<(Vec<(String, String)>, bool), Unreadable> {
    let workbook = part(archive, "xl/workbook.xml", cap)?.ok_or(Unreadable)?;
    let rels = part(archive, "xl/_rels/workbook.xml.rels", cap)?.ok_or(Unreadable)?;
    let mut targets = HashMap::new();
    for rel in whole_elements(&rels, "Relationship", &["Id", "Type", "Target"])? {
        if let [Some(id), kind, target] = &rel[..] {
            targets.insert(id.clone(), (kind.clone().unwrap_or_default(), target.clone().unwrap_or_default()));
        }
    }
    let mut sheets = Vec::new();
    for sheet in whole_elements(&workbook, "sheet", &["name", "id"])? {
        let (name, id) = (sheet[0].clone().unwrap_or_default(), sheet[1].clone().ok_or(Unreadable)?);
        let (kind, target) = targets.get(&id).ok_or(Unreadable)?;
        // Chart and dialog sheets hold no cells: calamine knows what to say of them.
        if kind.rsplit('/').next() != Some("worksheet") {
            return Err(Unreadable);
        }
        let path = target.strip_prefix('/').map_or_else(|| format!("xl/{target}"), str::to_string);
        sheets.push((name, path));
    }
    let date1904 = whole_elements(&workbook, "workbookPr", &["date1904"])?;
    let is_1904 = date1904.iter().filter_map(|a| a[0].as_deref()).next_back().is_some_and(|v| v == "1" || v == "true");
    Ok((sheets, is_1904))
}

/// Whether an Excel number format shows a date, a duration or a plain number (calamine's rule: the first
/// section only; quoted, escaped and bracketed parts are not tokens; `[h]`, `[mm]`, `[ss]` are durations).
pub(super) fn format_kind(format: &str) -> NumberKind {
    let (mut escaped, mut quoted, mut brackets, mut prev, mut hms, mut ampm) = (false, false, 0u8, ' ', false, false);
    for c in format.chars() {
        match (c, escaped, quoted, ampm, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => quoted = false,
            (_, _, true, _, _) => {}
            ('"', ..) => quoted = true,
            (';', ..) => return NumberKind::Plain,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return NumberKind::Duration,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ampm = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return NumberKind::DateTime,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => return NumberKind::DateTime,
            _ => {
                if !(hms && c.eq_ignore_ascii_case(&prev)) {
                    hms = prev == '[' && matches!(c, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = c;
    }
    NumberKind::Plain
}

/// The built-in formats (ECMA-376 18.8.30) that show dates and durations.
fn builtin_kind(id: &str) -> NumberKind {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" => NumberKind::DateTime,
        "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" => {
            NumberKind::DateTime
        }
        "46" => NumberKind::Duration,
        _ => NumberKind::Plain,
    }
}

/// The number kind of every cell style (`cellXfs`), in order.
fn style_kinds(xml: &[u8]) -> Result<Vec<NumberKind>, Unreadable> {
    let mut custom = HashMap::new();
    let (mut reader, mut kinds, mut in_cell_xfs) = (reader(xml), Vec::new(), false);
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "numFmt" => {
                if let (Some(id), Some(code)) = (attribute(&e, "numFmtId")?, attribute(&e, "formatCode")?) {
                    custom.insert(id, code);
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = true,
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Event::Start(e) if in_cell_xfs && e.local_name().as_ref() == "xf" => {
                let kind = attribute(&e, "numFmtId")?.map_or(NumberKind::Plain, |id| custom.get(&id).map_or_else(|| builtin_kind(&id), |code| format_kind(code)));
                kinds.push(kind);
            }
            Event::Eof => return Ok(kinds),
            _ => {}
        }
    }
}

impl Book {
    /// Reads the workbook's parts; `cap` bounds what any one of them may inflate to.
    pub fn open(archive: &mut Archive, cap: u64) -> Result<Book, Unreadable> {
        let (sheets, is_1904) = sheets(archive, cap)?;
        let strings = match part(archive, "xl/sharedStrings.xml", cap)? {
            Some(xml) => shared_strings(&xml)?,
            None => Vec::new(),
        };
        let kinds = match part(archive, "xl/styles.xml", cap)? {
            Some(xml) => style_kinds(&xml)?,
            None => Vec::new(),
        };
        Ok(Book { sheets, strings, kinds, is_1904 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_are_told_apart_as_calamine_tells_them() {
        assert_eq!(format_kind("DD/MM/YY"), NumberKind::DateTime);
        assert_eq!(format_kind("H:MM:SS;@"), NumberKind::DateTime);
        assert_eq!(format_kind("#,##0\\ [$\\u20bd-46D]"), NumberKind::Plain);
        assert_eq!(format_kind("[h]:mm:ss"), NumberKind::Duration);
        assert_eq!(format_kind("0.00\" jours\""), NumberKind::Plain);
        assert_eq!(format_kind("General"), NumberKind::Plain);
        assert_eq!(builtin_kind("14"), NumberKind::DateTime);
        assert_eq!(builtin_kind("46"), NumberKind::Duration);
    }

    #[test]
    fn styles_give_one_kind_per_cell_style() {
        let xml = br#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="46"/><xf/></cellXfs></styleSheet>"#;
        assert_eq!(style_kinds(xml).unwrap_or_default(), vec![NumberKind::Plain, NumberKind::DateTime, NumberKind::Duration, NumberKind::Plain]);
    }
}
