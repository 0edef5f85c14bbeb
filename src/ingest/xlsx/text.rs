//! The text of an xlsx string item (`<si>` of the shared strings, `<is>` of an inline string) and the
//! escapes Excel adds, read exactly as calamine reads them: a fast read must never give another value.

use quick_xml::events::{BytesRef, Event};
use quick_xml::name::QName;
use quick_xml::Reader;
use std::borrow::Cow;

/// Why a part could not be read the fast way (calamine then reads it, and says what is wrong).
#[derive(Debug)]
pub(in crate::ingest) struct Unreadable;

impl From<quick_xml::Error> for Unreadable {
    fn from(_: quick_xml::Error) -> Self {
        Unreadable
    }
}

impl From<quick_xml::events::attributes::AttrError> for Unreadable {
    fn from(_: quick_xml::events::attributes::AttrError) -> Self {
        Unreadable
    }
}

/// A reader over bytes held in memory, set up as calamine sets up its own.
pub(super) fn reader(bytes: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(bytes);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

/// `&amp;`, `&#233;`... appended to `buffer`.
pub(super) fn push_entity(entity: &BytesRef<'_>, buffer: &mut String) -> Result<(), Unreadable> {
    let name: &str = entity.as_ref();
    if let Some(text) = quick_xml::escape::resolve_xml_entity(name) {
        buffer.push_str(text);
        return Ok(());
    }
    match entity.resolve_char_ref() {
        Ok(Some(c)) => {
            buffer.push(c);
            Ok(())
        }
        _ => Err(Unreadable),
    }
}

/// Parses Excel's `_xHHHH_` escape at `index` (a UTF-16 unit).
fn escape_at(text: &str, index: usize) -> Option<u16> {
    let bytes = text.as_bytes().get(index..index + 7)?;
    if bytes[0] != b'_' || bytes[1] != b'x' || bytes[6] != b'_' || !bytes[2..6].iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u16::from_str_radix(std::str::from_utf8(&bytes[2..6]).ok()?, 16).ok()
}

fn next_escape(text: &str, mut from: usize) -> Option<(usize, u16)> {
    while let Some(offset) = memchr::memchr(b'_', &text.as_bytes()[from..]) {
        let index = from + offset;
        if let Some(unit) = escape_at(text, index) {
            return Some((index, unit));
        }
        from = index + 1;
    }
    None
}

/// Excel writes a character such as a carriage return as `_x000D_` (a UTF-16 unit; a surrogate pair is
/// two escapes, a lone surrogate becomes U+FFFD): "a_x000D_b" is "a\rb" (see the tests below).
pub(super) fn excel_unescape(text: &str) -> Cow<'_, str> {
    let Some((mut index, mut unit)) = next_escape(text, 0) else { return Cow::Borrowed(text) };
    let (mut out, mut copied) = (String::with_capacity(text.len()), 0);
    loop {
        out.push_str(&text[copied..index]);
        index += 7;
        match unit {
            0xD800..=0xDBFF => match escape_at(text, index) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    index += 7;
                }
                _ => out.push(char::REPLACEMENT_CHARACTER),
            },
            0xDC00..=0xDFFF => out.push(char::REPLACEMENT_CHARACTER),
            _ => out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
        copied = index;
        match next_escape(text, index) {
            Some(next) => (index, unit) = next,
            None => break,
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// What a `<t>` whose content is `content` says: trimmed unless `xml:space="preserve"`, Excel's escapes
/// undone.
pub(super) fn t_value(content: &str, preserve: bool) -> Cow<'_, str> {
    excel_unescape(if preserve { content } else { content.trim_matches([' ', '\t', '\r', '\n']) })
}

/// The text of one `<t>`, its start just read.
fn text_element(reader: &mut Reader<&[u8]>, start: &quick_xml::events::BytesStart<'_>) -> Result<String, Unreadable> {
    let preserve = start.attributes().flatten().any(|a| a.key.as_ref() == "xml:space" && a.value == "preserve");
    let mut value = String::new();
    loop {
        match reader.read_event()? {
            Event::Text(t) => value.push_str(&t.xml10_content()),
            Event::CData(t) => value.push_str(&t.xml10_content()),
            Event::GeneralRef(e) => push_entity(&e, &mut value)?,
            Event::End(end) if end.name() == start.name() => break,
            Event::Eof => return Err(Unreadable),
            _ => {}
        }
    }
    // Most texts need neither trimming nor unescaping: the string read is then the value, not a copy.
    Ok(match t_value(&value, preserve) {
        Cow::Borrowed(whole) if whole.len() == value.len() => value,
        Cow::Borrowed(part) => part.to_string(),
        Cow::Owned(unescaped) => unescaped,
    })
}

/// The text of a string item whose start tag (`closing` names it) was just read: its `<t>` parts
/// joined, phonetic runs (`<rPh>`) left out; an item with no `<t>` is the empty string.
pub(super) fn string_item(reader: &mut Reader<&[u8]>, closing: QName<'_>) -> Result<String, Unreadable> {
    let (mut text, mut phonetic) = (None::<String>, false);
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "r" && text.is_none() => text = Some(String::new()),
            Event::Start(e) if e.local_name().as_ref() == "rPh" => phonetic = true,
            Event::End(e) if e.name() == closing => return Ok(text.unwrap_or_default()),
            Event::End(e) if e.local_name().as_ref() == "rPh" => phonetic = false,
            Event::Start(e) if e.local_name().as_ref() == "t" && !phonetic => {
                let value = text_element(reader, &e)?;
                match &mut text {
                    Some(t) => t.push_str(&value),
                    None => text = Some(value),
                }
            }
            Event::Eof => return Err(Unreadable),
            _ => {}
        }
    }
}

/// Every shared string of `sharedStrings.xml`, in order.
pub(super) fn shared_strings(xml: &[u8]) -> Result<Vec<String>, Unreadable> {
    let mut reader = reader(xml);
    let mut strings = Vec::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                let name = e.name().as_ref().to_string();
                strings.push(string_item(&mut reader, QName(&name))?);
            }
            Event::End(e) if e.local_name().as_ref() == "sst" => return Ok(strings),
            Event::Eof => return Err(Unreadable),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_escapes_are_undone_as_excel_means_them() {
        assert_eq!(excel_unescape("a_x000D_b"), "a\rb");
        assert_eq!(excel_unescape("_x005F_x000D_"), "_x000D_");
        assert_eq!(excel_unescape("_xD83D__xDCF7_"), "📷");
        assert_eq!(excel_unescape("_xD83D_ alone"), "\u{FFFD} alone");
        assert_eq!(excel_unescape("_x12_ stays"), "_x12_ stays");
    }

    #[test]
    fn rich_text_is_joined_and_phonetic_runs_left_out() {
        let xml = br#"<sst><si><r><t>Ville </t></r><r><t xml:space="preserve"> de Grigny</t></r><rPh><t>x</t></rPh></si><si><t>  a&amp;b&#233; </t></si><si/></sst>"#;
        let strings = shared_strings(xml).unwrap_or_default();
        assert_eq!(strings, vec!["Ville de Grigny".to_string(), "a&bé".to_string(), String::new()]);
    }
}
