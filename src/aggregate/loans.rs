//! Devices lent, returned and outstanding per commune, lender and device, as of the end of the week.

use super::frames::{day_number, ints};
use super::{commune_name, LoanRow};
use crate::domain::{Device, InseeCode, IsoWeek, Lender};
use crate::normalize::Loan;
use polars::prelude::*;
use std::collections::HashMap;

/// The position of `value` in `all`, as a frame code.
fn code<T: PartialEq>(all: &[T], value: &T) -> i32 {
    all.iter().position(|v| v == value).unwrap_or(0) as i32
}

/// The value of a frame code.
fn of_code<T: Copy>(all: &[T], code: i64, default: T) -> T {
    usize::try_from(code).ok().and_then(|i| all.get(i)).copied().unwrap_or(default)
}

pub(super) fn loans_by_commune(loans: &[Loan], week: IsoWeek) -> PolarsResult<Vec<LoanRow>> {
    let end = day_number(week.sunday());
    // Communes, lenders and devices go to polars as small integer codes rather than a million strings each:
    // the frame is several times smaller (peak memory of a prefecture's list), grouping integers is faster,
    // and the few hundred rows that come out are named again, then sorted as the strings would be.
    let mut seen: HashMap<&InseeCode, i32> = HashMap::new();
    let mut communes: Vec<&InseeCode> = Vec::new();
    let commune_codes: Vec<i32> = loans
        .iter()
        .map(|l| {
            *seen.entry(&l.commune).or_insert_with(|| {
                communes.push(&l.commune);
                communes.len() as i32 - 1
            })
        })
        .collect();
    let df = df!(
        "commune" => commune_codes,
        "lender" => loans.iter().map(|l| code(Lender::ALL, &l.lender)).collect::<Vec<_>>(),
        "device" => loans.iter().map(|l| code(Device::ALL, &l.device)).collect::<Vec<_>>(),
        "quantity" => loans.iter().map(|l| l.quantity as i64).collect::<Vec<_>>(),
        "lent_on" => loans.iter().map(|l| day_number(l.lent_on)).collect::<Vec<_>>(),
        "returned_on" => loans.iter().map(|l| l.returned_on.map(day_number)).collect::<Vec<_>>(),
    )?;
    let returned_by_end = col("returned_on").is_not_null().and(col("returned_on").lt_eq(lit(end)));
    let out = df
        .lazy()
        .filter(col("lent_on").lt_eq(lit(end)))
        .with_columns([when(returned_by_end).then(col("quantity")).otherwise(lit(0i64)).alias("returned_quantity")])
        .group_by([col("commune"), col("lender"), col("device")])
        .agg([col("quantity").sum().alias("lent"), col("returned_quantity").sum().alias("returned")])
        .collect()?;
    let (commune, lender, device) = (ints(&out, "commune")?, ints(&out, "lender")?, ints(&out, "device")?);
    let (lent, returned) = (ints(&out, "lent")?, ints(&out, "returned")?);
    let mut rows: Vec<LoanRow> = (0..out.height())
        .filter_map(|i| {
            let insee = usize::try_from(commune[i]).ok().and_then(|c| communes.get(c))?.as_str().to_string();
            Some(LoanRow {
                commune: commune_name(&insee),
                commune_insee: insee,
                lender: of_code(Lender::ALL, lender[i], Lender::Autre),
                device: of_code(Device::ALL, device[i], Device::Autre),
                lent: lent[i],
                returned: returned[i],
                outstanding: lent[i] - returned[i],
            })
        })
        .collect();
    rows.sort_by(|a, b| (a.commune_insee.as_str(), a.lender.as_str(), a.device.as_str()).cmp(&(b.commune_insee.as_str(), b.lender.as_str(), b.device.as_str())));
    Ok(rows)
}
