//! Partner actions per commune and status: each action's latest sheet by the end of the week, and how many
//! are stale (updated more than 7 days before that Sunday, or never dated).

use super::frames::{count_if, day_number, ints, strings};
use super::{commune_name, PartnerRow};
use crate::domain::{IsoWeek, PartnerStatus};
use crate::normalize::PartnerAction;
use crate::text::fold;
use polars::prelude::*;

/// Days after which an availability sheet is stale.
pub const STALE_AFTER_DAYS: i64 = 7;

/// The identity of an action across weekly sheets.
fn action_key(a: &PartnerAction) -> String {
    format!("{}|{}|{}|{}", fold(&a.structure), fold(&a.action), a.commune, fold(a.quartier.as_deref().unwrap_or("")))
}

pub(super) fn partners_by_commune(actions: &[PartnerAction], week: IsoWeek) -> PolarsResult<Vec<PartnerRow>> {
    let sunday = day_number(week.sunday());
    let df = df!(
        "key" => actions.iter().map(action_key).collect::<Vec<_>>(),
        "commune" => actions.iter().map(|a| a.commune.as_str()).collect::<Vec<_>>(),
        "status" => actions.iter().map(|a| a.status.as_str()).collect::<Vec<_>>(),
        "updated_on" => actions.iter().map(|a| a.updated_on.map(day_number)).collect::<Vec<_>>(),
        "order" => (0..actions.len() as i64).collect::<Vec<_>>(),
    )?;
    let known_by_end = col("updated_on").is_null().or(col("updated_on").lt_eq(lit(sunday)));
    let stale = col("updated_on").is_null().or(col("updated_on").lt(lit(sunday - STALE_AFTER_DAYS)));
    let out = df
        .lazy()
        .filter(known_by_end)
        .sort(["key", "updated_on", "order"], SortMultipleOptions::default())
        .group_by([col("key")])
        .agg([col("commune").last(), col("status").last(), col("updated_on").last()])
        .group_by([col("commune"), col("status")])
        .agg([col("key").len().cast(DataType::Int64).alias("actions"), count_if(stale).alias("stale_actions")])
        .sort(["commune", "status"], SortMultipleOptions::default())
        .collect()?;
    let (communes, statuses) = (strings(&out, "commune")?, strings(&out, "status")?);
    let (count, stale) = (ints(&out, "actions")?, ints(&out, "stale_actions")?);
    Ok((0..out.height())
        .filter_map(|i| {
            Some(PartnerRow {
                commune_insee: communes[i].clone(),
                commune: commune_name(&communes[i]),
                status: PartnerStatus::from_code(&statuses[i])?,
                actions: count[i],
                stale_actions: stale[i],
            })
        })
        .collect())
}

/// Each action's latest sheet by the end of the week (undated sheets count, as in the figures), in the
/// order of the inputs: the *répertoire des dispositifs*.
pub(super) fn current_actions(actions: &[PartnerAction], week: IsoWeek) -> Vec<&PartnerAction> {
    let mut latest: std::collections::HashMap<String, (usize, &PartnerAction)> = std::collections::HashMap::new();
    for (order, a) in actions.iter().enumerate().filter(|(_, a)| a.updated_on.is_none_or(|d| d <= week.sunday())) {
        let slot = latest.entry(action_key(a)).or_insert((order, a));
        if (a.updated_on, order) >= (slot.1.updated_on, slot.0) {
            *slot = (order, a);
        }
    }
    let mut current: Vec<(usize, &PartnerAction)> = latest.into_values().collect();
    current.sort_by_key(|(order, _)| *order);
    current.into_iter().map(|(_, a)| a).collect()
}
