//! What each restricted publication showed, week after week: `<state>/history/published/<audience>/<week>.json`
//! holds the protected figures exactly as that audience read them (numbers and `s`, commune codes,
//! lenders and devices; never a name, never a hidden value). Next week's publication for the same audience
//! is linked to it, so that the two weeks together give no hidden cell away. Written atomically; running a
//! week again replaces its file.

use super::HistoryError;
use crate::domain::IsoWeek;
use crate::privacy::Release;
use std::path::{Path, PathBuf};

fn folder(state: &Path, audience: &str) -> PathBuf {
    state.join("history").join("published").join(audience)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> HistoryError + '_ {
    move |source| HistoryError::Io { path: path.to_path_buf(), source }
}

fn invalid(path: &Path, e: serde_json::Error) -> HistoryError {
    HistoryError::Io { path: path.to_path_buf(), source: std::io::Error::new(std::io::ErrorKind::InvalidData, e) }
}

/// Records what `audience` was shown (hidden values are dropped: the file holds `s`).
///
/// ```
/// use veille::history::{record_publication, publication_before};
/// use veille::privacy::{Shown, Release};
/// let state = tempfile::tempdir().unwrap();
/// let p = Release { week: "2020-W20".into(), totals: [Shown::hidden(3), Shown::shown(9), Shown::shown(0), Shown::shown(0)], ..Default::default() };
/// record_publication(state.path(), "prefecture", &p).unwrap();
/// let back = publication_before(state.path(), "prefecture", "2020-W21".parse().unwrap()).unwrap().unwrap();
/// assert_eq!(back.totals[0], Shown::hidden(0));
/// assert!(publication_before(state.path(), "partenaires", "2020-W21".parse().unwrap()).unwrap().is_none());
/// ```
pub fn record_publication(state: &Path, audience: &str, publication: &Release) -> Result<PathBuf, HistoryError> {
    let dir = folder(state, audience);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let path = dir.join(format!("{}.json", publication.week));
    let bytes = serde_json::to_vec_pretty(&publication.as_read()).map_err(|e| invalid(&path, e))?;
    crate::state::write_atomic(&path, state, &bytes).map_err(io(&path))?;
    Ok(path)
}

/// The weeks recorded for `audience`, oldest first.
fn recorded(state: &Path, audience: &str) -> Result<Vec<IsoWeek>, HistoryError> {
    let dir = folder(state, audience);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut found: Vec<IsoWeek> = std::fs::read_dir(&dir)
        .map_err(io(&dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json")?.parse().ok())
        .collect();
    found.sort();
    Ok(found)
}

/// The latest publication recorded for `audience` before `week` (example at [`record_publication`]).
pub fn publication_before(state: &Path, audience: &str, week: IsoWeek) -> Result<Option<Release>, HistoryError> {
    let Some(latest) = recorded(state, audience)?.into_iter().filter(|w| *w < week).next_back() else { return Ok(None) };
    let path = folder(state, audience).join(format!("{latest}.json"));
    let text = std::fs::read(&path).map_err(io(&path))?;
    serde_json::from_slice(&text).map(Some).map_err(|e| invalid(&path, e))
}

/// Deletes the publications of weeks that ended before `before`, for every audience (charter, article
/// 7); with `dry_run`, only counts them.
///
/// ```
/// use veille::history::{purge_publications, record_publication};
/// let state = tempfile::tempdir().unwrap();
/// let p = veille::privacy::Release { week: "2020-W20".into(), ..Default::default() };
/// record_publication(state.path(), "prefecture", &p).unwrap();
/// let before = chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap();
/// assert_eq!(purge_publications(state.path(), before, false).unwrap(), 1);
/// ```
pub fn purge_publications(state: &Path, before: chrono::NaiveDate, dry_run: bool) -> Result<usize, HistoryError> {
    let mut count = 0;
    for audience in ["partenaires", "prefecture"] {
        for week in recorded(state, audience)?.into_iter().filter(|w| w.sunday() < before) {
            let path = folder(state, audience).join(format!("{week}.json"));
            if !dry_run {
                std::fs::remove_file(&path).map_err(io(&path))?;
            }
            count += 1;
        }
    }
    Ok(count)
}
