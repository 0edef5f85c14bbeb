//! The shape nearly every worksheet's rows have, read without an XML reader: `<row>`, `<c>` with its
//! `r`, `s` and `t`, a `<v>`, an inline `<is><t>`, a `<f>`. On a million rows the XML reader's events
//! were most of the parsing time. Anything else — an entity, a carriage return, a comment, a prefixed
//! name, a rich text, a duplicated attribute, bytes that are not UTF-8 — gives `None`, and the piece is
//! then read by [`super::cells::parse`]. The first piece's prologue is read by the XML reader itself, up to
//! its `<sheetData>`. Where this scan gives a piece, it is the one `parse` gives
//! (`scan/tests.rs` compares them on generated pieces, and `tests.rs` every workbook the project
//! carries against calamine).

use super::book::Book;
use super::cells::{reference, v_value, CellAttrs};
use super::piece::{Cursor, Piece};
use super::text::t_value;
use crate::ingest::Cell;
use std::borrow::Cow;

/// The cells of `bytes` (whole rows; the first piece also holds what precedes `<sheetData>`), when every
/// byte of it has the common shape.
pub(super) fn scan(bytes: &[u8], first: bool, book: &Book) -> Option<Piece> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut s = Scanner { text, at: if first { data_start(text)? } else { 0 } };
    let mut cursor = Cursor::default();
    // Rows opened and not yet closed: a `</row>` that closes none is for the XML reader to refuse.
    let mut open_rows = 0u32;
    let mut piece = Piece { cells: Vec::with_capacity(bytes.len() / 48), ..Piece::default() };
    loop {
        s.skip_text()?;
        if s.at >= text.len() {
            break;
        }
        match s.tag()? {
            Tag::Start { name: "row", attrs, empty } => {
                cursor.start_row(row_number(attrs)?);
                if empty {
                    cursor.end_row();
                } else {
                    open_rows += 1;
                }
            }
            Tag::End("row") => {
                open_rows = open_rows.checked_sub(1)?;
                cursor.end_row();
            }
            Tag::Start { name: "c", attrs, empty } => {
                let attrs = cell_attrs(attrs)?;
                let at = cursor.place(attrs.at);
                let value = if empty { Cell::Empty } else { s.cell_value(&attrs, book)? };
                piece.push(at, value);
            }
            Tag::End("sheetData") => {
                piece.closed = true;
                break;
            }
            _ => return None,
        }
    }
    piece.end = Some(cursor.row);
    Some(piece)
}

/// Where the cells of the first piece start: just after its `<sheetData>`, found by the XML reader as
/// [`super::cells::parse`] finds it (a few hundred bytes of prologue), and written as that very text.
fn data_start(text: &str) -> Option<usize> {
    use quick_xml::events::Event;
    // The XML reader drops a byte-order mark, and counts its position without it.
    let (skipped, prologue) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ('\u{feff}'.len_utf8(), rest),
        None => (0, text),
    };
    let mut reader = super::text::reader(prologue.as_bytes());
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "sheetData" => {
                let end = usize::try_from(reader.buffer_position()).ok()?;
                return prologue.get(..end)?.ends_with("<sheetData>").then_some(skipped + end);
            }
            Event::End(e) if e.local_name().as_ref() == "sheetData" => return None,
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A tag as read: a start (`empty` when it closes itself) with its attributes' text, or an end.
#[derive(Debug, PartialEq)]
enum Tag<'a> {
    Start { name: &'a str, attrs: &'a str, empty: bool },
    End(&'a str),
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    /// Where the next `<` is (or the end).
    fn next_tag(&self) -> usize {
        memchr::memchr(b'<', &self.text.as_bytes()[self.at..]).map_or(self.text.len(), |i| self.at + i)
    }

    /// Moves to the next `<`: text between tags is ignored where this scan reads it, unless it holds a `&`
    /// (an entity, which the XML reader resolves or refuses).
    fn skip_text(&mut self) -> Option<()> {
        let end = self.next_tag();
        if memchr::memchr(b'&', &self.text.as_bytes()[self.at..end]).is_some() {
            return None;
        }
        self.at = end;
        Some(())
    }

    /// The text up to the next `<`, which must open `</name>`.
    fn content(&mut self, name: &str) -> Option<&'a str> {
        let start = self.at;
        self.at = self.next_tag();
        let content = &self.text[start..self.at];
        // Entities and line ends are the XML reader's to resolve.
        if content.bytes().any(|b| b == b'&' || b == b'\r') {
            return None;
        }
        (self.tag()? == Tag::End(name)).then_some(content)
    }

    /// The tag starting at the current `<`.
    fn tag(&mut self) -> Option<Tag<'a>> {
        let rest = self.text.get(self.at..)?.strip_prefix('<')?;
        if let Some(closing) = rest.strip_prefix('/') {
            let end = closing.find('>')?;
            let name = &closing[..end];
            if name.is_empty() || !name.bytes().all(is_name_byte) {
                return None;
            }
            self.at += 2 + end + 1;
            return Some(Tag::End(name));
        }
        let name_len = rest.bytes().position(|b| !is_name_byte(b))?;
        let (name, after) = rest.split_at(name_len);
        let end = tag_end(after)?;
        let (attrs, empty) = match after[..end].strip_suffix('/') {
            Some(attrs) => (attrs, true),
            None => (&after[..end], false),
        };
        if name.is_empty() || !(attrs.is_empty() || attrs.starts_with(is_space)) {
            return None;
        }
        self.at += 1 + name_len + end + 1;
        Some(Tag::Start { name, attrs, empty })
    }

    /// A `<c>` whose start was just read: its value, the last of its `<v>`, `<is>` and `<f>`.
    fn cell_value(&mut self, attrs: &CellAttrs<'_>, book: &Book) -> Option<Cell> {
        let mut value = Cell::Empty;
        loop {
            self.skip_text()?;
            value = match self.tag()? {
                Tag::End("c") => return Some(value),
                Tag::Start { name: "v", attrs: "", empty } => v_value(if empty { "" } else { self.content("v")? }, attrs, book).ok()?,
                Tag::Start { name: "is", attrs: "", empty: false } => Cell::from_string(self.inline_text()?),
                Tag::Start { name: "f", empty, .. } => {
                    if !empty {
                        self.content("f")?;
                    }
                    Cell::Empty
                }
                _ => return None,
            };
        }
    }

    /// An `<is>` whose start was just read, holding one `<t>`.
    fn inline_text(&mut self) -> Option<String> {
        self.skip_text()?;
        let Tag::Start { name: "t", attrs, empty: false } = self.tag()? else { return None };
        let mut preserve = false;
        attributes(attrs, |key, value| preserve |= key == "xml:space" && value == "preserve")?;
        let content = self.content("t")?;
        self.skip_text()?;
        if self.tag()? != Tag::End("is") {
            return None;
        }
        Some(t_value(content, preserve).into_owned())
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Where the `>` closing a start tag is, quotes respected; `None` when a `<` comes first.
fn tag_end(after_name: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in after_name.bytes().enumerate() {
        match (quote, b) {
            (None, b'>') => return Some(i),
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'<') => return None,
            (Some(q), b) if b == q => quote = None,
            _ => {}
        }
    }
    None
}

/// Calls `each` on every `key="value"` of `attrs`; `None` when one is not that plain (an entity, a `<`,
/// no quotes) or when a key comes twice (the XML reader refuses it, or keeps one or the other).
fn attributes<'a>(attrs: &'a str, mut each: impl FnMut(&'a str, &'a str)) -> Option<()> {
    let mut rest = attrs.trim_start_matches(is_space);
    let mut seen: Vec<&str> = Vec::new();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim_end_matches(is_space);
        let after = rest[eq + 1..].trim_start_matches(is_space);
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let close = after[1..].find(quote)? + 1;
        let value = &after[1..close];
        if key.is_empty() || !key.bytes().all(|b| is_name_byte(b) || b == b':' || b == b'-' || b == b'.') || value.contains(['&', '<']) {
            return None;
        }
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        each(key, value);
        let next = &after[close + 1..];
        rest = next.trim_start_matches(is_space);
        // `a="1"b="2"`: attributes must be apart.
        if !rest.is_empty() && rest.len() == next.len() {
            return None;
        }
    }
    Some(())
}

/// The `r` of a `<row>`, as a row index.
fn row_number(attrs: &str) -> Option<Option<u32>> {
    let mut r = None;
    attributes(attrs, |key, value| if key == "r" { r = Some(value) })?;
    match r {
        Some(value) => Some(Some(reference(value).ok()?.0)),
        None => Some(None),
    }
}

fn cell_attrs(attrs: &str) -> Option<CellAttrs<'_>> {
    let (mut at, mut style, mut kind) = (None, None, None);
    attributes(attrs, |key, value| match key {
        "r" => at = Some(value),
        "s" => style = Some(Cow::Borrowed(value)),
        "t" => kind = Some(Cow::Borrowed(value)),
        _ => {}
    })?;
    let at = match at {
        Some(value) => {
            let (row, col) = reference(value).ok()?;
            Some((row, col?))
        }
        None => None,
    };
    Some(CellAttrs { at, style, kind })
}

#[cfg(test)]
mod tests;
