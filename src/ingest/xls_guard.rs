//! A look inside an xls workbook (BIFF records in a compound file) before calamine reads it.
//!
//! calamine parses every sheet when it opens an xls file: it reserves the rectangle a sheet's DIMENSIONS
//! record declares, then allocates the rectangle from the first to the last cell. Both are checked here,
//! sheet by sheet, against `max_cells`.

use super::limits::{Deadline, Exceeded, Limits};
use std::io::Read;
use std::path::Path;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const DIMENSIONS: u16 = 0x0200;
const BOUNDSHEET: u16 = 0x0085;
const FORMULA: u16 = 0x0006;
const STRING: u16 = 0x0207;
const MULRK: u16 = 0x00BD;
/// Records that give one cell a value or a formula, each starting with its row and column (u16 each).
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 2).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The rectangle calamine reserves for a DIMENSIONS record, computed as calamine does (u32 arithmetic
/// that wraps when the last row is before the first).
fn declared_area(data: &[u8]) -> u64 {
    let (first_row, last_row, first_col, last_col) = match data.len() {
        10 => (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4), u16_at(data, 6)),
        14 | 16 => (u32_at(data, 0), u32_at(data, 4), u16_at(data, 8), u16_at(data, 10)),
        _ => return 0,
    };
    let (Some(rf), Some(rl), Some(cf), Some(cl)) = (first_row, last_row, first_col, last_col) else { return 0 };
    let cf = if 0xFF < cf || cl < cf { 0 } else { cf };
    if rl < 1 || cl < 1 {
        return 1;
    }
    let rows = (rl - 1).wrapping_sub(rf).wrapping_add(1) as u64;
    let cols = (cl - 1).wrapping_sub(cf).wrapping_add(1) as u64;
    rows.saturating_mul(cols)
}

/// The rectangle from the first to the last cell of one sheet, and the cell of the last formula (a
/// STRING record gives that cell its text; calamine starts it at A1).
#[derive(Default)]
struct Bounds(Option<(u32, u32, u32, u32)>, (u32, u32));

impl Bounds {
    fn add(&mut self, row: u32, col: u32) {
        let (r0, r1, c0, c1) = self.0.unwrap_or((row, row, col, col));
        self.0 = Some((r0.min(row), r1.max(row), c0.min(col), c1.max(col)));
    }

    fn area(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1))
    }
}

fn record_cells(typ: u16, data: &[u8], bounds: &mut Bounds) {
    if typ == STRING {
        let (row, col) = bounds.1;
        bounds.add(row, col);
        return;
    }
    let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else { return };
    if typ == FORMULA {
        bounds.1 = (row, col);
    }
    if CELLS.contains(&typ) {
        bounds.add(row, col);
    } else if typ == MULRK && data.len() >= 6 {
        bounds.add(row, col);
        if let Some(last) = u16_at(data, data.len() - 2) {
            bounds.add(row, last);
        }
    }
}

/// Scans one sheet as calamine reads it: from the offset its BOUNDSHEET record gives (which may fall
/// anywhere, even inside another record), records of nested substreams (charts) skipped, up to its EOF.
fn scan_sheet(stream: &[u8], start: usize, limits: &Limits) -> Result<(), Exceeded> {
    let mut bounds = Bounds::default();
    let (mut at, mut depth, mut seen_bof) = (start, 0usize, false);
    while at + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF if depth > 0 => depth -= 1,
            EOF => break,
            _ if depth > 0 => {}
            DIMENSIONS if declared_area(data) > limits.max_cells => return Err(Exceeded::cells(declared_area(data))),
            _ => record_cells(typ, data, &mut bounds),
        }
        if bounds.area() > limits.max_cells {
            return Err(Exceeded::cells(bounds.area()));
        }
    }
    Ok(())
}

/// Scans the BIFF records of the workbook stream, in order, then each sheet from where calamine starts it.
fn scan(stream: &[u8], limits: &Limits, deadline: &Deadline) -> Result<(), Exceeded> {
    let mut sheets = Vec::new();
    let mut bounds = Bounds::default();
    let mut at = 0usize;
    let mut records = 0u64;
    while at + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        records += 1;
        if records % 65_536 == 0 && deadline.passed() {
            return Err(Exceeded::time());
        }
        match typ {
            BOF | EOF => bounds = Bounds::default(),
            BOUNDSHEET => {
                if let Some(offset) = u32_at(data, 0) {
                    sheets.push(offset as usize);
                }
            }
            DIMENSIONS => {
                let area = declared_area(data);
                if area > limits.max_cells {
                    return Err(Exceeded::cells(area));
                }
            }
            _ => record_cells(typ, data, &mut bounds),
        }
        if bounds.area() > limits.max_cells {
            return Err(Exceeded::cells(bounds.area()));
        }
    }
    sheets.sort_unstable();
    sheets.dedup();
    for start in sheets {
        if deadline.passed() {
            return Err(Exceeded::time());
        }
        scan_sheet(stream, start, limits)?;
    }
    Ok(())
}

/// A damaged compound file: its sectors are scanned at every 512-byte boundary, which holds the start of
/// the workbook stream however its chain was broken.
fn scan_raw(raw: &[u8], limits: &Limits, deadline: &Deadline) -> Result<(), Exceeded> {
    for start in (512..raw.len()).step_by(512) {
        if deadline.passed() {
            return Err(Exceeded::time());
        }
        if raw[start..].starts_with(&BOF.to_le_bytes()) {
            scan(&raw[start..], limits, deadline)?;
        }
    }
    Ok(())
}

/// Checks an xls workbook's sheets. A compound file that the strict `cfb` crate cannot read is measured
/// as a whole (every BIFF record found from the start of the file): calamine's own reader is more lenient,
/// and would otherwise read sheets nobody looked at.
pub(super) fn check(path: &Path, limits: &Limits, deadline: &Deadline) -> Result<(), Exceeded> {
    let Ok(mut compound) = cfb::open(path) else {
        let raw = std::fs::read(path).unwrap_or_default();
        return scan_raw(&raw, limits, deadline);
    };
    let name = ["/Workbook", "/Book"].into_iter().find(|n| compound.is_stream(n));
    let Some(name) = name else { return Ok(()) };
    let Ok(stream) = compound.open_stream(name) else { return Ok(()) };
    let mut bytes = Vec::new();
    // A stream cannot be longer than its file; the cap only guards against a broken sector chain.
    if stream.take(limits.file_bytes()).read_to_end(&mut bytes).is_err() {
        return Ok(());
    }
    scan(&bytes, limits, deadline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend(data);
        r
    }

    #[test]
    fn refuses_a_forged_dimension_and_a_far_cell() {
        let limits = Limits { max_cells: 1000, ..Limits::default() };
        let deadline = Deadline::after(&limits);
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(65_536u32.to_le_bytes());
        dims.extend([0, 0, 0, 1, 0, 0]);
        assert!(scan(&record(DIMENSIONS, &dims), &limits, &deadline).is_err());
        let number = |row: u16, col: u16| record(0x0203, &[row.to_le_bytes(), col.to_le_bytes(), [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]].concat());
        let near = [number(0, 0), number(10, 5)].concat();
        assert!(scan(&near, &limits, &deadline).is_ok());
        let far = [number(0, 0), number(60_000, 200)].concat();
        assert!(scan(&far, &limits, &deadline).is_err());
    }
}
