//! The tables of an export as Parquet, with the one schema each may have: a table whose columns or types
//! differ, or whose text holds anything but a code of the vocabularies, is not an aggregate and is refused.

use polars::prelude::*;
use std::io::Cursor;

/// One column of an export table.
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    /// Codes only: INSEE codes, UAIs, vocabulary codes, question numbers.
    Codes(Vec<String>),
    Counts(Vec<Option<i64>>),
}

/// What each column must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Code,
    Count,
}

/// A table: its columns in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    pub columns: Vec<(String, Values)>,
}

impl Frame {
    pub fn code(mut self, name: &str, values: Vec<String>) -> Frame {
        self.columns.push((name.into(), Values::Codes(values)));
        self
    }

    pub fn count(mut self, name: &str, values: Vec<Option<i64>>) -> Frame {
        self.columns.push((name.into(), Values::Counts(values)));
        self
    }

    pub fn codes(&self, name: &str) -> &[String] {
        self.columns.iter().find(|(n, _)| n == name).and_then(|(_, v)| if let Values::Codes(c) = v { Some(c.as_slice()) } else { None }).unwrap_or(&[])
    }

    pub fn counts(&self, name: &str) -> &[Option<i64>] {
        self.columns.iter().find(|(n, _)| n == name).and_then(|(_, v)| if let Values::Counts(c) = v { Some(c.as_slice()) } else { None }).unwrap_or(&[])
    }

    /// A count that must be there (0 when the cell is empty).
    pub fn count_at(&self, name: &str, row: usize) -> i64 {
        self.counts(name).get(row).copied().flatten().unwrap_or(0)
    }


    /// The Parquet bytes of the table.
    pub fn to_parquet(&self) -> PolarsResult<Vec<u8>> {
        let columns: Vec<Column> = self
            .columns
            .iter()
            .map(|(name, values)| match values {
                Values::Codes(c) => Column::new(name.as_str().into(), c.clone()),
                Values::Counts(c) => Column::new(name.as_str().into(), c.clone()),
            })
            .collect();
        let mut df = DataFrame::new_infer_height(columns)?;
        let mut bytes = Vec::new();
        // The tables are small and go into a deflated zip: compressing them twice costs a zstd context
        // each (most of an export's time at 194 communes) for nothing, and one core is plenty.
        ParquetWriter::new(&mut bytes).with_compression(ParquetCompression::Uncompressed).set_parallel(false).finish(&mut df)?;
        Ok(bytes)
    }

    /// Reads a table that must have exactly `schema` (names and kinds, in order); `Err` says why not.
    pub fn from_parquet(bytes: &[u8], schema: &[(&str, Kind)]) -> Result<Frame, String> {
        let df = ParquetReader::new(Cursor::new(bytes)).finish().map_err(|e| e.to_string())?;
        let names: Vec<String> = df.get_column_names().iter().map(|n| n.to_string()).collect();
        let expected: Vec<&str> = schema.iter().map(|(n, _)| *n).collect();
        if names != expected {
            return Err(format!("colonnes {names:?} au lieu de {expected:?}"));
        }
        let mut frame = Frame::default();
        for (name, kind) in schema {
            let column = df.column(name).map_err(|e| e.to_string())?;
            frame = match (kind, column.dtype()) {
                (Kind::Code, DataType::String) => {
                    let codes = column.str().map_err(|e| e.to_string())?.iter().map(|v| v.unwrap_or("").to_string()).collect();
                    frame.code(name, codes)
                }
                (Kind::Count, DataType::Int64) => frame.count(name, column.i64().map_err(|e| e.to_string())?.iter().collect()),
                (_, other) => return Err(format!("colonne {name} de type {other}")),
            };
        }
        Ok(frame)
    }
}
