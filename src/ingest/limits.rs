//! Caps on what one input file may cost: bytes on disk, inflated bytes of a zip workbook, cells of a sheet
//! and reading time. A file past a cap becomes a `source-error` that names the cap and the `[limits]` key
//! of veille.toml that raises it; the run goes on. Allocation failures cannot be caught in Rust, so every
//! cap is checked *before* a reader is allowed to allocate for what a file declares.

use crate::issues::{Issue, Location, Severity};
use serde::Deserialize;
use std::time::{Duration, Instant};

/// The `[limits]` section of veille.toml. Every key is optional.
///
/// ```
/// use veille::ingest::Limits;
/// let limits: Limits = toml::from_str("max_cells = 1000").unwrap();
/// assert_eq!(limits.max_cells, 1000);
/// assert_eq!(limits.max_file_mb, Limits::default().max_file_mb);
/// ```
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Size of one file on disk, in megabytes.
    pub max_file_mb: u64,
    /// Sum of the uncompressed sizes of the parts of one xlsx, xlsm, xlsb or ods file, in megabytes.
    pub max_inflated_mb: u64,
    /// Cells of one sheet, counted over the rectangle from its first to its last non-empty cell (what a
    /// reader has to hold).
    pub max_cells: u64,
    /// Time spent reading one file, in seconds.
    pub max_seconds: u64,
}

impl Default for Limits {
    fn default() -> Self {
        // 12 million cells is a 1,000,000-row loans list of 12 columns: about 400 MB of cells at most.
        Limits { max_file_mb: 128, max_inflated_mb: 1024, max_cells: 12_000_000, max_seconds: 120 }
    }
}

/// Which cap a file went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    FileSize,
    Inflated,
    Cells,
    Time,
}

impl Limits {
    pub fn file_bytes(&self) -> u64 {
        self.max_file_mb.saturating_mul(1 << 20)
    }

    pub fn inflated_bytes(&self) -> u64 {
        self.max_inflated_mb.saturating_mul(1 << 20)
    }

    pub fn time(&self) -> Duration {
        Duration::from_secs(self.max_seconds)
    }

    /// The issue of a file (or sheet) past a cap; `found` says what was found, in French and English.
    pub fn exceeded(&self, at: Location, limit: Limit, found: (String, String)) -> Issue {
        let (key, value, unit_fr, unit_en) = match limit {
            Limit::FileSize => ("max_file_mb", self.max_file_mb, "Mo", "MB"),
            Limit::Inflated => ("max_inflated_mb", self.max_inflated_mb, "Mo décompressés", "MB uncompressed"),
            Limit::Cells => ("max_cells", self.max_cells, "cellules", "cells"),
            Limit::Time => ("max_seconds", self.max_seconds, "secondes", "seconds"),
        };
        let what = if at.sheet.is_empty() { ("le fichier n'est pas lu", "the file") } else { ("la feuille n'est pas lue", "the sheet") };
        Issue::new(
            at,
            Severity::Error,
            "source-error",
            format!(
                "{} : {} dépasse la limite {key} = {value} {unit_fr}. S'il est légitime, augmenter `{key}` dans la section [limits] de veille.toml",
                what.0, found.0
            ),
            format!(
                "{} is not read: {} is past the limit {key} = {value} {unit_en}. If it is legitimate, raise `{key}` in the [limits] section of veille.toml",
                what.1, found.1
            ),
        )
    }
}

/// When the reading of one file must stop.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(Instant);

impl Deadline {
    pub fn after(limits: &Limits) -> Deadline {
        Deadline(Instant::now() + limits.time())
    }

    pub fn passed(&self) -> bool {
        Instant::now() >= self.0
    }
}

/// Why a bounded reader stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exceeded {
    pub limit: Limit,
    /// What was found, in French and English.
    pub found: (String, String),
}

impl Exceeded {
    pub fn cells(area: u64) -> Exceeded {
        Exceeded { limit: Limit::Cells, found: (format!("sa zone utilisée compte {area} cellules"), format!("its used area holds {area} cells")) }
    }

    pub fn time() -> Exceeded {
        Exceeded { limit: Limit::Time, found: ("sa lecture".into(), "reading it".into()) }
    }

    pub fn issue(self, limits: &Limits, at: Location) -> Issue {
        limits.exceeded(at, self.limit, self.found)
    }
}
