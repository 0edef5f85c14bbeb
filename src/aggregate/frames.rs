//! Small helpers between Rust vectors and polars frames.

use chrono::NaiveDate;
use polars::prelude::*;

/// Days since 1970-01-01: dates travel through polars as plain integers.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days()
}

pub(crate) fn strings(df: &DataFrame, name: &str) -> PolarsResult<Vec<String>> {
    Ok(df.column(name)?.str()?.iter().map(|v| v.unwrap_or_default().to_string()).collect())
}

pub(crate) fn ints(df: &DataFrame, name: &str) -> PolarsResult<Vec<i64>> {
    let column = df.column(name)?.cast(&DataType::Int64)?;
    Ok(column.i64()?.iter().map(|v| v.unwrap_or(0)).collect())
}

/// Sum of a 0/1 condition, as an Int64 count.
pub(crate) fn count_if(condition: Expr) -> Expr {
    condition.cast(DataType::Int64).sum()
}
