//! CSV files as they really arrive: UTF-8 with or without BOM, or Windows-1252 from French Excel;
//! `;`, `,` or tab separators; quoted fields with line breaks.

use super::{Cell, InputFile, RawTable};
use crate::issues::{Issue, Location, Severity};

/// Decodes bytes: UTF-8 (BOM stripped) when valid, else Windows-1252, the default of French Excel.
///
/// ```
/// use veille::ingest::decode_text;
/// assert_eq!(decode_text(b"\xEF\xBB\xBFcommune").0, "commune");
/// assert_eq!(decode_text(b"Ch\xE2tillon").0, "Châtillon");
/// ```
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "utf-8");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "utf-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "windows-1252")
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

pub(super) fn read(input: &InputFile) -> Result<RawTable, Issue> {
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
    let (text, _encoding) = decode_text(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_separator(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            Issue::new(
                at.clone(),
                Severity::Error,
                "format-error",
                format!("le fichier CSV est mal formé ({e})"),
                format!("the CSV file is malformed ({e})"),
            )
        })?;
        rows.push(
            record.iter().map(|f| if f.trim().is_empty() { Cell::Empty } else { Cell::from_text(f) }).collect(),
        );
    }
    Ok(RawTable { file: input.display.clone(), sheet: String::new(), first_row: 1, first_col: 0, rows })
}
