//! Devices lent, returned and outstanding per commune, lender and device, as of the end of the week.

use super::frames::{day_number, ints, strings};
use super::{commune_name, LoanRow};
use crate::domain::{Device, IsoWeek, Lender};
use crate::normalize::Loan;
use polars::prelude::*;

pub(super) fn loans_by_commune(loans: &[Loan], week: IsoWeek) -> PolarsResult<Vec<LoanRow>> {
    let end = day_number(week.sunday());
    let df = df!(
        "commune" => loans.iter().map(|l| l.commune.as_str()).collect::<Vec<_>>(),
        "lender" => loans.iter().map(|l| l.lender.as_str()).collect::<Vec<_>>(),
        "device" => loans.iter().map(|l| l.device.as_str()).collect::<Vec<_>>(),
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
        .sort(["commune", "lender", "device"], SortMultipleOptions::default())
        .collect()?;
    let (communes, lenders, devices) = (strings(&out, "commune")?, strings(&out, "lender")?, strings(&out, "device")?);
    let (lent, returned) = (ints(&out, "lent")?, ints(&out, "returned")?);
    Ok((0..out.height())
        .map(|i| LoanRow {
            commune_insee: communes[i].clone(),
            commune: commune_name(&communes[i]),
            lender: Lender::from_code(&lenders[i]).unwrap_or(Lender::Autre),
            device: Device::from_code(&devices[i]).unwrap_or(Device::Autre),
            lent: lent[i],
            returned: returned[i],
            outstanding: lent[i] - returned[i],
        })
        .collect())
}
