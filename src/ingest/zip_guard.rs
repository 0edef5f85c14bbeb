//! A look inside a zip workbook (xlsx, xlsm, xlsb, ods) before any reader trusts it: the uncompressed
//! sizes its parts declare, and the count of shared strings that calamine reserves room for up front.
//!
//! The zip crate refuses to inflate a part past its declared size, so the declared sizes bound what the
//! readers will ever inflate: a zip bomb is refused here, without inflating it.

use super::limits::{Exceeded, Limit, Limits};
use std::io::{BufReader, Read};
use std::path::Path;

/// Parts that calamine holds whole in memory (shared strings) may take this share of `max_inflated_mb`.
const HELD_SHARE: u64 = 8;

/// A large part that deflate squeezed more than this is a decompression bomb: spreadsheet XML, even very
/// repetitive, compresses 10 to 50 times; deflate's ceiling is about 1,030.
/// Only parts past this share of `max_inflated_mb` are looked at (64 MB by default), so raising the cap
/// lets a legitimate file through.
const BOMB_RATIO: u64 = 250;
const BOMB_SHARE: u64 = 16;

fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// The `uniqueCount` of the `<sst>` element at the start of a shared-strings part.
fn unique_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let start = text.find("<sst")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let value = tag.split("uniqueCount=").nth(1)?;
    let digits: String = value.trim_start_matches(['"', '\'']).chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    Some(digits.parse().unwrap_or(u64::MAX))
}

/// Checks the declared sizes of a zip workbook. A file that is not a readable zip passes: the reader
/// reports it as damaged.
pub(super) fn check(path: &Path, limits: &Limits) -> Result<(), Exceeded> {
    let Ok(file) = std::fs::File::open(path) else { return Ok(()) };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else { return Ok(()) };
    let mut total: u64 = 0;
    let mut strings: Option<(usize, u64)> = None;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else { continue };
        total = total.saturating_add(part.size());
        let ratio = part.size() / part.compressed_size().max(1);
        if part.size() > limits.inflated_bytes() / BOMB_SHARE && ratio > BOMB_RATIO {
            let mb = megabytes(part.size());
            return Err(Exceeded {
                limit: Limit::Inflated,
                found: (
                    format!("une de ses parties passe de {} Ko à {mb} Mo en se décompressant ({ratio} pour 1 : une bombe de décompression)", part.compressed_size().div_ceil(1024)),
                    format!("one of its parts inflates from {} KB to {mb} MB ({ratio} to 1: a decompression bomb)", part.compressed_size().div_ceil(1024)),
                ),
            });
        }
        if part.name().is_ok_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml")) {
            strings = Some((index, part.size()));
        }
    }
    if total > limits.inflated_bytes() {
        let mb = megabytes(total);
        return Err(Exceeded { limit: Limit::Inflated, found: (format!("ses parties décompressées font {mb} Mo"), format!("its parts inflate to {mb} MB")) });
    }
    let Some((index, size)) = strings else { return Ok(()) };
    if size > limits.inflated_bytes() / HELD_SHARE {
        let mb = megabytes(size);
        return Err(Exceeded {
            limit: Limit::Inflated,
            found: (
                format!("sa table de textes partagés, gardée en mémoire, fait {mb} Mo décompressés (plus du huitième de la limite)"),
                format!("its shared-strings table, held in memory, inflates to {mb} MB (more than an eighth of the limit)"),
            ),
        });
    }
    let mut head = Vec::new();
    if let Ok(part) = archive.by_index(index) {
        let _ = part.take(4096).read_to_end(&mut head);
    }
    // calamine reserves `uniqueCount` strings before reading one: a forged count aborts the process.
    match unique_count(&head) {
        Some(count) if count > limits.max_cells => Err(Exceeded {
            limit: Limit::Cells,
            found: (format!("il déclare {count} textes partagés"), format!("it declares {count} shared strings")),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::unique_count;

    #[test]
    fn reads_the_declared_count_of_shared_strings() {
        assert_eq!(unique_count(br#"<?xml?><sst xmlns="x" count="3" uniqueCount="2"><si>"#), Some(2));
        assert_eq!(unique_count(br#"<sst uniqueCount="99999999999999999999999">"#), Some(u64::MAX));
        assert_eq!(unique_count(br#"<sst count="3">"#), None);
    }
}
