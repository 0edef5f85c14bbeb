//! CSV files as they really arrive: UTF-8 with or without BOM, Windows-1252 from French Excel, UTF-16 from
//! Excel's "Texte Unicode" export; `;`, `,` or tab separators; quoted fields with line breaks.

use super::limits::{Deadline, Exceeded, Limits};
use super::{Cell, FileTables, InputFile, RawTable};
use crate::issues::{Issue, Location, Severity};

/// Decodes bytes: UTF-16 when a BOM says so (Excel's "Texte Unicode"), UTF-8 (BOM stripped) when valid,
/// else Windows-1252, the default of French Excel. The label says which; `lossy` when some bytes could
/// not be decoded and were replaced.
///
/// ```
/// use veille::ingest::decode_text;
/// assert_eq!(decode_text(b"\xEF\xBB\xBFcommune").0, "commune");
/// assert_eq!(decode_text(b"Ch\xE2tillon").0, "Châtillon");
/// assert_eq!(decode_text(b"\xFF\xFEC\x00h\x00\xE2\x00").0, "Châ");
/// ```
pub fn decode_text(bytes: &[u8]) -> (String, &'static str, bool) {
    decode_owned(bytes.to_vec())
}

/// [`decode_text`] taking the bytes, so that valid UTF-8 (the common case) is not copied.
fn decode_owned(bytes: Vec<u8>) -> (String, &'static str, bool) {
    for (bom, encoding) in [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, lossy) = encoding.decode_without_bom_handling(rest);
            return (text.into_owned(), encoding.name(), lossy);
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(rest);
        let lossy = matches!(text, std::borrow::Cow::Owned(_));
        return (text.into_owned(), "utf-8", lossy);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, "utf-8", false),
        Err(error) => {
            let (text, _, lossy) = encoding_rs::WINDOWS_1252.decode(error.as_bytes());
            (text.into_owned(), "windows-1252", lossy)
        }
    }
}

/// The separator used by the first lines: the most frequent of `;`, `,` and tab outside quotes.
///
/// ```
/// use veille::ingest::sniff_separator;
/// assert_eq!(sniff_separator("a;b;\"c,d\"\n1;2;3"), b';');
/// assert_eq!(sniff_separator("a,b\n1,2"), b',');
/// ```
pub fn sniff_separator(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes().take(8192) {
        match c {
            b'"' => quoted = !quoted,
            _ if quoted => {}
            _ => {
                for (sep, n) in counts.iter_mut() {
                    if *sep == c {
                        *n += 1;
                    }
                }
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s).unwrap_or(b',')
}

pub(super) fn read(input: &InputFile, limits: &Limits, deadline: &Deadline) -> Result<FileTables, Issue> {
    let at = Location::file(&input.display);
    let bytes = std::fs::read(&input.path).map_err(|e| {
        Issue::new(
            at.clone(),
            Severity::Error,
            "source-error",
            format!("le fichier n'a pas pu être lu ({e})"),
            format!("the file could not be read ({e})"),
        )
    })?;
    let (text, encoding, lossy) = decode_owned(bytes);
    if text.contains('\0') {
        return Err(Issue::new(
            at,
            Severity::Error,
            "encoding-error",
            "le fichier n'est pas du texte (octets nuls) : l'enregistrer au format CSV depuis le tableur",
            "the file is not text (null bytes): save it as CSV from the spreadsheet program",
        ));
    }
    let mut issues = Vec::new();
    if lossy {
        issues.push(Issue::new(
            at.clone(),
            Severity::Warning,
            "encoding-error",
            format!("certains caractères ne sont pas du {encoding} valide : ils sont remplacés par « \u{fffd} »"),
            format!("some characters are not valid {encoding}: they are replaced by \"\u{fffd}\""),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_separator(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut width = 0u64;
    for record in reader.records() {
        if rows.len() % 4096 == 4095 && deadline.passed() {
            return Err(Exceeded::time().issue(limits, at.clone()));
        }
        let record = record.map_err(|e| {
            Issue::new(
                at.clone(),
                Severity::Error,
                "format-error",
                format!("le fichier CSV est mal formé ({e})"),
                format!("the CSV file is malformed ({e})"),
            )
        })?;
        // A row is as wide as the widest one once detected: count the rectangle, as for workbooks.
        width = width.max(record.len() as u64);
        let cells = (rows.len() as u64 + 1).saturating_mul(width);
        if cells > limits.max_cells {
            return Err(Exceeded::cells(cells).issue(limits, at.clone()));
        }
        rows.push(
            record.iter().map(|f| if f.trim().is_empty() { Cell::Empty } else { Cell::from_text(f) }).collect(),
        );
    }
    Ok((vec![RawTable { file: input.display.clone(), sheet: String::new(), first_row: 1, first_col: 0, rows }], issues))
}
