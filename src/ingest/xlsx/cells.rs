//! The cells of a piece of a worksheet's XML (whole `<row>` elements), parsed with quick-xml on any thread,
//! and placed by [`Cursor`]. Values are read exactly as calamine reads them; a cell calamine would refuse makes the whole piece
//! [`Unreadable`], and calamine then reads the sheet and says what is wrong.

use super::book::{Book, NumberKind};
use super::piece::{Cursor, Piece};
use super::text::{excel_unescape, push_entity, reader, string_item, Unreadable};
use crate::ingest::Cell;
use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

/// A shared-string or style index as calamine reads it: ASCII digits only, anything else is 0.
fn index(text: &str) -> usize {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) { text.parse().unwrap_or(0) } else { 0 }
}

/// "B3" → (row 2, column 1), or a row alone ("3" → 2), as calamine reads references.
pub(in crate::ingest) fn reference(text: &str) -> Result<(u32, Option<u32>), Unreadable> {
    let (mut col, mut row, mut digits) = (0u32, 0u32, false);
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' if !digits => col = col.checked_mul(26).and_then(|c| c.checked_add(u32::from(b - b'A') + 1)).ok_or(Unreadable)?,
            b'a'..=b'z' if !digits => col = col.checked_mul(26).and_then(|c| c.checked_add(u32::from(b - b'a') + 1)).ok_or(Unreadable)?,
            b'0'..=b'9' => {
                digits = true;
                row = row.checked_mul(10).and_then(|r| r.checked_add(u32::from(b - b'0'))).ok_or(Unreadable)?;
            }
            _ => return Err(Unreadable),
        }
    }
    if !digits || row == 0 {
        return Err(Unreadable);
    }
    Ok((row - 1, col.checked_sub(1)))
}

/// What `<c>` says of its cell: its place, its style and its type.
pub(super) struct CellAttrs<'a> {
    pub at: Option<(u32, u32)>,
    pub style: Option<std::borrow::Cow<'a, str>>,
    pub kind: Option<std::borrow::Cow<'a, str>>,
}

fn cell_attrs<'a>(e: &'a BytesStart<'_>) -> Result<CellAttrs<'a>, Unreadable> {
    let mut attrs = CellAttrs { at: None, style: None, kind: None };
    for attr in e.attributes().with_checks(false) {
        let attr = attr?;
        match attr.key.as_ref() {
            "r" => {
                let (row, col) = reference(&attr.value)?;
                attrs.at = Some((row, col.ok_or(Unreadable)?));
            }
            "s" => attrs.style = Some(attr.value),
            "t" => attrs.kind = Some(attr.value),
            _ => {}
        }
    }
    Ok(attrs)
}

/// Reads on to the end of the element `start` opened.
fn skip(reader: &mut Reader<&[u8]>, start: &BytesStart<'_>) -> Result<(), Unreadable> {
    reader.read_to_end(start.name())?;
    Ok(())
}

fn number(value: f64, kind: Option<NumberKind>, is_1904: bool) -> Cell {
    let kind = match kind {
        Some(NumberKind::DateTime) => ExcelDateTimeType::DateTime,
        Some(NumberKind::Duration) => ExcelDateTimeType::TimeDelta,
        _ => return Cell::Number(value),
    };
    let date = ExcelDateTime::new(value, kind, is_1904);
    if date.is_datetime() {
        date.as_datetime().map(Cell::DateTime).unwrap_or(Cell::Number(date.as_f64()))
    } else {
        Cell::Number(date.as_f64())
    }
}

/// The value of a `<v>`, by the cell's type and style.
fn value_of(v: &str, attrs: &CellAttrs<'_>, book: &Book) -> Result<Cell, Unreadable> {
    let kind = match &attrs.style {
        Some(s) => book.kinds.get(index(s)).copied(),
        None => Some(NumberKind::Plain),
    };
    Ok(match attrs.kind.as_deref() {
        Some("s") if v.is_empty() => Cell::Empty,
        Some("s") => {
            Cell::from_text(book.strings.get(index(v)).ok_or(Unreadable)?)
        }
        Some("b") => match v.trim() {
            "" => Cell::Empty,
            t if t == "0" || t.eq_ignore_ascii_case("false") => Cell::Bool(false),
            t if t == "1" || t.eq_ignore_ascii_case("true") => Cell::Bool(true),
            _ => return Err(Unreadable),
        },
        Some("d") => Cell::Text(v.to_string()),
        Some("e") => Cell::Error(v.parse::<CellErrorType>().map_err(|_| Unreadable)?.to_string()),
        Some("str") => Cell::from_string(excel_unescape(v).into_owned()),
        Some("n") | None if v.is_empty() => Cell::Empty,
        Some("n") | None => match v.parse::<f64>() {
            Ok(n) => number(n, kind, book.is_1904),
            Err(_) if attrs.kind.is_none() => Cell::from_text(v),
            Err(_) => return Err(Unreadable),
        },
        Some(_) => return Err(Unreadable),
    })
}

/// The value of a `<v>` whose text is `text` (empty for `<v/>`), by the cell's type: none for an inline
/// string's `<v>` or an empty one of a plain type, else [`value_of`].
pub(super) fn v_value(text: &str, attrs: &CellAttrs<'_>, book: &Book) -> Result<Cell, Unreadable> {
    match attrs.kind.as_deref() {
        Some("inlineStr") | Some("is") => Ok(Cell::Empty),
        Some("n") | Some("s") | Some("b") | Some("e") | None if text.is_empty() => Ok(Cell::Empty),
        _ => value_of(text, attrs, book),
    }
}

/// A `<v>` whose start was just read.
fn v_element(reader: &mut Reader<&[u8]>, start: &BytesStart<'_>, attrs: &CellAttrs<'_>, book: &Book) -> Result<Cell, Unreadable> {
    let text = match attrs.kind.as_deref() {
        Some("inlineStr") | Some("is") => {
            skip(reader, start)?;
            Cow::Borrowed("")
        }
        // Plain ASCII types: the first text event is the value.
        Some("n") | Some("s") | Some("b") | Some("e") | None => match reader.read_event()? {
            Event::Text(t) => {
                let text = t.into_inner();
                skip(reader, start)?;
                text
            }
            Event::End(end) if end.name() == start.name() => Cow::Borrowed(""),
            Event::Eof => return Err(Unreadable),
            _ => {
                skip(reader, start)?;
                Cow::Borrowed("")
            }
        },
        _ => {
            let mut text = String::new();
            loop {
                match reader.read_event()? {
                    Event::Text(t) => text.push_str(&t.xml10_content()),
                    Event::GeneralRef(e) => push_entity(&e, &mut text)?,
                    Event::End(end) if end.name() == start.name() => break,
                    Event::Eof => return Err(Unreadable),
                    _ => {}
                }
            }
            Cow::Owned(text)
        }
    };
    v_value(&text, attrs, book)
}

/// A `<c>` whose start was just read: its value (the last of its `<v>`, `<is>` and `<f>` children).
fn cell_value(reader: &mut Reader<&[u8]>, attrs: &CellAttrs<'_>, book: &Book) -> Result<Cell, Unreadable> {
    let mut value = Cell::Empty;
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                value = match e.local_name().as_ref() {
                    "is" => Cell::from_string(string_item(reader, e.name())?),
                    "v" => v_element(reader, &e, attrs, book)?,
                    "f" => {
                        skip(reader, &e)?;
                        Cell::Empty
                    }
                    _ => return Err(Unreadable),
                };
            }
            Event::End(e) if e.local_name().as_ref() == "c" => return Ok(value),
            Event::Eof => return Err(Unreadable),
            _ => {}
        }
    }
}

/// Parses a piece of a worksheet: whole rows, the first piece also holding what comes before
/// `<sheetData>` (`first`), the last what follows it.
pub(super) fn parse(bytes: &[u8], first: bool, book: &Book) -> Result<Piece, Unreadable> {
    let mut reader = reader(bytes);
    let (mut in_data, mut cursor) = (!first, Cursor::default());
    let mut piece = Piece::default();
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            // A piece after the first starts inside `<sheetData>`: its closing tag is unmatched there.
            Err(quick_xml::Error::IllFormed(quick_xml::errors::IllFormedError::UnmatchedEndTag(name))) if in_data && name.rsplit(':').next() == Some("sheetData") => {
                piece.closed = true;
                break;
            }
            Err(_) => return Err(Unreadable),
        };
        match event {
            Event::Start(e) if !in_data => in_data = e.local_name().as_ref() == "sheetData",
            Event::Start(e) if e.local_name().as_ref() == "row" => {
                let r = match e.try_get_attribute("r")? {
                    Some(r) => Some(reference(&r.value)?.0),
                    None => None,
                };
                cursor.start_row(r);
            }
            Event::End(e) if in_data && e.local_name().as_ref() == "row" => cursor.end_row(),
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                let attrs = cell_attrs(&e)?;
                let at = cursor.place(attrs.at);
                piece.push(at, cell_value(&mut reader, &attrs, book)?);
            }
            Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                piece.closed = true;
                break;
            }
            Event::Eof if in_data => break,
            Event::Eof => return Err(Unreadable),
            _ => {}
        }
    }
    piece.end = Some(cursor.row);
    Ok(piece)
}

/// Where the last whole row of `bytes` ends (just after its `</row>` or `</x:row>`), if any row ends there.
/// Text cannot hold a `<`, so such bytes are a closing tag (a comment or CDATA cut in two makes the piece
/// unreadable, and calamine reads the sheet).
pub(super) fn last_row_end(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::rfind_iter(bytes, b"row>").find(|&at| closes_row(&bytes[..at])).map(|at| at + 4)
}

fn closes_row(before: &[u8]) -> bool {
    if before.ends_with(b"</") {
        return true;
    }
    let Some(rest) = before.strip_suffix(b":") else { return false };
    let prefix = rest.iter().rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))).map_or(0, |p| p + 1);
    prefix < rest.len() && rest[..prefix].ends_with(b"</")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_are_digits_only_as_calamine_reads_them() {
        assert_eq!((index("12"), index("+5"), index(" 3"), index("")), (12, 0, 0, 0));
    }

    #[test]
    fn positions_without_r_follow_the_ones_before_and_the_end_of_the_cells_is_marked() {
        let book = Book { strings: vec!["Grigny".into()], ..Book::default() };
        let xml = br#"<row><c t="s"><v>0</v></c><c><v>2</v></c></row><row r="7"><c r="C7"><v>1</v></c><c><v>4</v></c></row></sheetData><row><c><v>9</v></c></row>"#;
        let piece = parse(xml, false, &book).unwrap_or_default();
        let cells: Vec<_> = piece.cells.iter().map(|(r, c, v)| (r.settle(10), *c, v.clone())).collect();
        assert_eq!(cells, vec![(10, 0, Cell::Text("Grigny".into())), (10, 1, Cell::Number(2.0)), (6, 2, Cell::Number(1.0)), (6, 3, Cell::Number(4.0))]);
        assert!(piece.closed);
        assert_eq!(piece.end.map(|e| e.settle(10)), Some(7));
    }
}
