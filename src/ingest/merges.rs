//! The merged areas of an xlsx sheet, found without parsing its cells a second time.
//!
//! calamine's `merge_cells_by_sheet_name` walks every XML event of the sheet to reach `<mergeCells>`, which
//! comes after `<sheetData>`: on a sheet of a million rows that is a second full parse, a fifth of a
//! report's CPU. Here the inflated sheet is only searched for the end of `sheetData` (memchr's memmem), and
//! the few kilobytes after it are parsed. The search runs on its own thread while calamine reads the cells.

use super::limits::Deadline;
use super::stream::Merges;
use calamine::Dimensions;
use super::xlsx::{elements, reference, sheet_part, Archive};
use std::io::{BufReader, Read};
use std::path::Path;

/// What follows `</sheetData>` is small (merges, print setup, drawings); more is not a worksheet's tail.
const MAX_TAIL: usize = 64 << 20;
const CHUNK: usize = 1 << 20;
/// Workbooks smaller than this have their merged areas read by calamine.
const SEARCH_FROM_BYTES: u64 = 256 << 10;


/// The zip path of the worksheet named `sheet`.
fn sheet_path(archive: &mut Archive, sheet: &str) -> Option<String> {
    sheet_part(archive, sheet, MAX_TAIL as u64)
}

/// Where `</sheetData>` (or an empty `<sheetData/>`) ends in `bytes`, if it does.
fn end_of_sheet_data(bytes: &[u8]) -> Option<usize> {
    for at in memchr::memmem::find_iter(bytes, b"sheetData") {
        let before = &bytes[..at];
        let after = &bytes[at + 9..];
        let opened = before.iter().rposition(|&b| b == b'<');
        let closing = opened.is_some_and(|o| before.get(o + 1) == Some(&b'/') && !before[o..].contains(&b'>'));
        let empty = after.iter().position(|&b| b == b'>').is_some_and(|g| g > 0 && after[g - 1] == b'/' && after[..g - 1].iter().all(u8::is_ascii_whitespace));
        if closing || (empty && opened.is_some_and(|o| !before[o..].contains(&b'>'))) {
            return after.iter().position(|&b| b == b'>').map(|g| at + 9 + g + 1);
        }
    }
    None
}

/// "B3" → (row 2, column 1).
fn cell_ref(text: &str) -> Option<(u32, u32)> {
    let (row, col) = reference(text).ok()?;
    Some((row, col?))
}

fn dimension(text: &str) -> Option<Dimensions> {
    let (start, end) = text.split_once(':').unwrap_or((text, text));
    Some(Dimensions { start: cell_ref(start.replace('$', "").as_str())?, end: cell_ref(end.replace('$', "").as_str())? })
}

/// The merged areas of the sheet named `sheet` in the xlsx at `path`, searched for on a thread of their
/// own; `None` for a small workbook, or when the sheet's part cannot be found this way (calamine's own
/// reading is then the way).
pub(super) fn xlsx_merges(path: &Path, sheet: &str, deadline: &Deadline) -> Option<Merges> {
    // A small workbook (a questionnaire of a few kilobytes) costs calamine next to nothing to parse twice;
    // opening it again and starting a thread would cost more.
    if std::fs::metadata(path).map_or(true, |m| m.len() < SEARCH_FROM_BYTES) {
        return None;
    }
    merges_searched(path, sheet, deadline)
}

/// [`xlsx_merges`] whatever the workbook's size.
pub(super) fn merges_searched(path: &Path, sheet: &str, deadline: &Deadline) -> Option<Merges> {
    let mut archive = zip::ZipArchive::new(BufReader::new(std::fs::File::open(path).ok()?)).ok()?;
    let name = sheet_path(&mut archive, sheet)?;
    archive.by_name(&name).ok()?;
    let (sender, receiver) = std::sync::mpsc::channel();
    let deadline = *deadline;
    std::thread::Builder::new()
        .name("veille-merges".into())
        .spawn(move || {
            let _ = sender.send(search(&mut archive, &name, &deadline).unwrap_or_default());
        })
        .ok()?;
    Some(Merges::Coming(receiver))
}

/// The merged areas of the part `name`, found after its `</sheetData>`.
fn search(archive: &mut Archive, name: &str, deadline: &Deadline) -> Option<Vec<Dimensions>> {
    let mut content = archive.by_name(name).ok()?;
    let (mut window, mut tail): (Vec<u8>, Option<Vec<u8>>) = (Vec::with_capacity(2 * CHUNK), None);
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let n = content.read(&mut chunk).ok()?;
        if n == 0 || deadline.passed() {
            break;
        }
        match &mut tail {
            Some(t) if t.len() < MAX_TAIL => t.extend_from_slice(&chunk[..n]),
            Some(_) => break,
            None => {
                window.extend_from_slice(&chunk[..n]);
                if let Some(end) = end_of_sheet_data(&window) {
                    tail = Some(window.split_off(end));
                } else {
                    // Keeps the bytes that could start a "</x:sheetData>" cut in two.
                    let keep = window.len().min(64);
                    window.drain(..window.len() - keep);
                }
            }
        }
    }
    let tail = tail?;
    Some(elements(&tail, "mergeCell", &["ref"]).0.into_iter().filter_map(|a| a[0].as_deref().and_then(dimension)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_end_of_the_cells_whatever_the_prefix() {
        let xml = b"<sheetData><row><c><is><t>sheetData</t></is></c></row></sheetData><mergeCells>";
        assert_eq!(end_of_sheet_data(xml), Some(66));
        let prefixed = b"<x:sheetData></x:sheetData ><x:mergeCells>";
        assert_eq!(&prefixed[end_of_sheet_data(prefixed).unwrap_or(0)..], b"<x:mergeCells>");
        assert_eq!(&b"<sheetData/><m/>"[end_of_sheet_data(b"<sheetData/><m/>").unwrap_or(0)..], b"<m/>");
        assert_eq!(end_of_sheet_data(b"<sheetData><row>"), None);
    }

    #[test]
    fn reads_areas_as_calamine_does() {
        assert_eq!(dimension("B3:C10").map(|d| (d.start, d.end)), Some(((2, 1), (9, 2))));
        assert_eq!(dimension("$AA$1").map(|d| (d.start, d.end)), Some(((0, 26), (0, 26))));
        assert!(dimension("3B").is_none());
        let tail = br#"<mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells>"#;
        assert_eq!(elements(tail, "mergeCell", &["ref"]).0, vec![vec![Some("A2:A4".to_string())]]);
    }
}
