//! The history as a series: every recorded week between two weeks, commune by commune, with the totals
//! and the detail figures (a snapshot written before a figure existed reads it as 0).

use super::{folder, io, weeks, HistoryError, DETAIL_FIGURES};
use crate::aggregate::Totals;
use crate::domain::IsoWeek;
use polars::prelude::*;
use std::path::Path;

/// One commune in one recorded week.
#[derive(Debug, Clone, PartialEq)]
pub struct CommuneWeek {
    pub week: IsoWeek,
    pub insee: String,
    pub name: String,
    pub totals: Totals,
    /// In [`DETAIL_FIGURES`] order.
    pub details: [i64; 7],
}

fn column_or_zero(df: &DataFrame, name: &str, path: &Path) -> Result<Vec<i64>, HistoryError> {
    let damaged = |source| HistoryError::Damaged { path: path.to_path_buf(), source };
    match df.column(name) {
        Ok(c) => Ok(c.cast(&DataType::Int64).map_err(damaged)?.i64().map_err(damaged)?.iter().map(|v| v.unwrap_or(0)).collect()),
        Err(_) => Ok(vec![0; df.height()]),
    }
}

fn strings(df: &DataFrame, name: &str, path: &Path) -> Result<Vec<String>, HistoryError> {
    let damaged = |source| HistoryError::Damaged { path: path.to_path_buf(), source };
    let c = df.column(name).map_err(damaged)?;
    Ok(c.str().map_err(damaged)?.iter().map(|v| v.unwrap_or("").to_string()).collect())
}

/// Every recorded week from `from` to `to` (both included, either open), oldest first.
pub fn series(state: &Path, from: Option<IsoWeek>, to: Option<IsoWeek>) -> Result<Vec<CommuneWeek>, HistoryError> {
    series_where(state, |w| from.is_none_or(|f| w >= f) && to.is_none_or(|t| w <= t))
}

/// Every recorded week that `keep` accepts, oldest first: the folder listed once, each snapshot read once.
pub(super) fn series_where(state: &Path, keep: impl Fn(IsoWeek) -> bool) -> Result<Vec<CommuneWeek>, HistoryError> {
    let mut rows = Vec::new();
    for week in weeks(state)?.into_iter().filter(|w| keep(*w)) {
        let path = folder(state).join(format!("{week}.parquet"));
        let file = std::fs::File::open(&path).map_err(io(&path))?;
        let df = ParquetReader::new(file).finish().map_err(|source| HistoryError::Damaged { path: path.clone(), source })?;
        let (insee, names) = (strings(&df, "insee", &path)?, strings(&df, "name", &path)?);
        let totals: Vec<Vec<i64>> = Totals::names().iter().map(|f| column_or_zero(&df, f, &path)).collect::<Result<_, _>>()?;
        let details: Vec<Vec<i64>> = DETAIL_FIGURES.iter().map(|f| column_or_zero(&df, f, &path)).collect::<Result<_, _>>()?;
        for i in 0..df.height() {
            rows.push(CommuneWeek {
                week,
                insee: insee[i].clone(),
                name: names[i].clone(),
                totals: Totals::from_values(std::array::from_fn(|f| totals[f][i])),
                details: std::array::from_fn(|f| details[f][i]),
            });
        }
    }
    Ok(rows)
}
