//! The history as a report run sees it, opened once: the weeks recorded before the report week, each
//! read once, with one error policy (a snapshot that cannot be read stops the run, with what to do).

use super::{series::series_where, HistoryError};
use crate::aggregate::Totals;
use crate::domain::IsoWeek;
use std::path::Path;

/// One earlier week, all communes added up.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedWeek {
    pub week: IsoWeek,
    pub totals: Totals,
    /// Contacts restored in the register that week.
    pub restored: i64,
}

/// The weeks recorded before a report week, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    earlier: Vec<RecordedWeek>,
}

impl Archive {
    /// Reads the weeks recorded before `week` under the state folder (none when it holds no history).
    ///
    /// ```
    /// use veille::history::Archive;
    /// let state = tempfile::tempdir().unwrap();
    /// let archive = Archive::open(state.path(), "2020-W21".parse().unwrap()).unwrap();
    /// assert!(archive.previous().is_none() && archive.earlier().is_empty());
    /// ```
    pub fn open(state: &Path, week: IsoWeek) -> Result<Archive, HistoryError> {
        let mut earlier: Vec<RecordedWeek> = Vec::new();
        for row in series_where(state, |w| w < week)? {
            match earlier.last_mut() {
                Some(last) if last.week == row.week => {
                    last.totals += &row.totals;
                    last.restored += row.details[0];
                }
                _ => earlier.push(RecordedWeek { week: row.week, totals: row.totals.clone(), restored: row.details[0] }),
            }
        }
        Ok(Archive { earlier })
    }

    /// The latest week recorded before the report week.
    pub fn previous(&self) -> Option<&RecordedWeek> {
        self.earlier.last()
    }

    /// Every week recorded before the report week, oldest first.
    pub fn earlier(&self) -> &[RecordedWeek] {
        &self.earlier
    }
}
