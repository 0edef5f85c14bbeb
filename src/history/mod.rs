//! Stage 6: weekly snapshots of the aggregates (never names, never raw rows) under the state folder, as
//! Parquet, one file per week: `<state>/history/communes/<week>.parquet` holds each commune's totals.
//! Running a week again replaces its file; other weeks are never touched. The snapshot of an earlier week
//! gives summary.json its `previous_week` and `deltas`.

use crate::aggregate::{Aggregates, Totals};
use crate::domain::{IsoWeek, PartnerStatus};
use polars::prelude::*;
use std::path::{Path, PathBuf};

/// Why the history could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Damaged { path: PathBuf, source: PolarsError },
}

impl HistoryError {
    /// What the user reads, with what to do.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            HistoryError::Io { path, source } => lang.pick(
                &format!("historique illisible ou impossible à écrire ({}: {source}) : vérifier les droits du dossier d'état", path.display()),
                &format!("history unreadable or unwritable ({}: {source}): check the state folder's permissions", path.display()),
            ).to_string(),
            HistoryError::Damaged { path, source } => lang.pick(
                &format!("instantané d'historique endommagé : {} ({source}). Il n'a pas été modifié : le restaurer depuis une sauvegarde ou le déplacer hors du dossier", path.display()),
                &format!("damaged history snapshot: {} ({source}). It was left as is: restore it from a backup or move it out of the folder", path.display()),
            ).to_string(),
        }
    }
}

mod archive;
mod published;
mod series;

pub use archive::{Archive, RecordedWeek};
pub use published::{publication_before, purge_publications, record_publication};
pub use series::{series, CommuneWeek};

fn folder(state: &Path) -> PathBuf {
    state.join("history").join("communes")
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> HistoryError + '_ {
    move |source| HistoryError::Io { path: path.to_path_buf(), source }
}

/// Figures kept beside the totals for the September review: register states and actions by status.
pub const DETAIL_FIGURES: [&str; 7] = ["restored", "in_progress", "no_contact", "actions_presentiel", "actions_distance", "actions_mixte", "actions_suspendu"];

fn details(agg: &Aggregates, insee: &str) -> [i64; 7] {
    let lc = agg.lost_contact.iter().filter(|r| r.commune_insee == insee);
    let actions = |status: PartnerStatus| agg.partners.iter().filter(|p| p.commune_insee == insee && p.status == status).map(|p| p.actions).sum();
    [
        lc.clone().map(|r| r.restored).sum(),
        lc.clone().map(|r| r.in_progress).sum(),
        lc.map(|r| r.no_contact).sum(),
        actions(PartnerStatus::Presentiel),
        actions(PartnerStatus::Distance),
        actions(PartnerStatus::Mixte),
        actions(PartnerStatus::Suspendu),
    ]
}

fn snapshot(agg: &Aggregates) -> PolarsResult<DataFrame> {
    let mut columns = vec![
        Column::new("week".into(), vec![agg.week.to_string(); agg.communes.len()]),
        Column::new("insee".into(), agg.communes.iter().map(|c| c.insee.clone()).collect::<Vec<_>>()),
        Column::new("name".into(), agg.communes.iter().map(|c| c.name.clone()).collect::<Vec<_>>()),
    ];
    for (i, figure) in Totals::names().iter().enumerate() {
        let values: Vec<i64> = agg.communes.iter().map(|c| c.totals.named()[i].1).collect();
        columns.push(Column::new((*figure).into(), values));
    }
    for (i, figure) in DETAIL_FIGURES.iter().enumerate() {
        let values: Vec<i64> = agg.communes.iter().map(|c| details(agg, &c.insee)[i]).collect();
        columns.push(Column::new((*figure).into(), values));
    }
    DataFrame::new_infer_height(columns)
}

/// Writes (or replaces) the week's snapshot, atomically: encoded in memory, written under a temporary
/// name in the state folder (outside `history/`, which only ever holds whole snapshots), flushed to the
/// disk, then renamed into place.
pub fn record(state: &Path, agg: &Aggregates) -> Result<PathBuf, HistoryError> {
    let dir = folder(state);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let path = dir.join(format!("{}.parquet", agg.week));
    let mut df = snapshot(agg).map_err(|source| HistoryError::Damaged { path: path.clone(), source })?;
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes).finish(&mut df).map_err(|source| HistoryError::Damaged { path: path.clone(), source })?;
    crate::state::write_atomic(&path, state, &bytes).map_err(io(&path))?;
    Ok(path)
}

/// The weeks the history holds, oldest first.
pub fn weeks(state: &Path) -> Result<Vec<IsoWeek>, HistoryError> {
    let dir = folder(state);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut found: Vec<IsoWeek> = std::fs::read_dir(&dir)
        .map_err(io(&dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".parquet")?.parse().ok())
        .collect();
    found.sort();
    Ok(found)
}

/// The all-communes totals of a recorded week.
pub fn totals(state: &Path, week: IsoWeek) -> Result<Totals, HistoryError> {
    let mut sum = Totals::default();
    for row in series(state, Some(week), Some(week))? {
        sum += &row.totals;
    }
    Ok(sum)
}

/// Deletes the snapshots of weeks that ended before `before` (charter, article 7) and returns them;
/// with `dry_run`, only returns them.
///
/// ```
/// use veille::history::{purge, weeks};
/// let state = tempfile::tempdir().unwrap();
/// let dir = state.path().join("history/communes");
/// std::fs::create_dir_all(&dir).unwrap();
/// for w in ["2020-W20", "2020-W21"] { std::fs::write(dir.join(format!("{w}.parquet")), b"").unwrap(); }
/// let before = chrono::NaiveDate::from_ymd_opt(2020, 5, 18).unwrap();
/// assert_eq!(purge(state.path(), before, true).unwrap().len(), 1);
/// assert_eq!(weeks(state.path()).unwrap().len(), 2);
/// purge(state.path(), before, false).unwrap();
/// assert_eq!(weeks(state.path()).unwrap().iter().map(|w| w.to_string()).collect::<Vec<_>>(), vec!["2020-W21"]);
/// ```
pub fn purge(state: &Path, before: chrono::NaiveDate, dry_run: bool) -> Result<Vec<IsoWeek>, HistoryError> {
    let old: Vec<IsoWeek> = weeks(state)?.into_iter().filter(|w| w.sunday() < before).collect();
    if !dry_run {
        for week in &old {
            let path = folder(state).join(format!("{week}.parquet"));
            std::fs::remove_file(&path).map_err(io(&path))?;
        }
    }
    purge_publications(state, before, dry_run)?;
    Ok(old)
}
