//! Lost contact: what questionnaires declared (Q5) and what the register holds, per commune.

use super::frames::{count_if, ints, strings};
use super::week::PupilState;
use super::{commune_name, LostContactRow};
use crate::domain::{IsoWeek, RegisterStatus};
use crate::normalize::{RegisterEntry, Response};
use chrono::NaiveDateTime;
use polars::prelude::*;
use std::collections::BTreeSet;

/// Questionnaire figures of one commune.
pub(super) struct ResponseFigures {
    pub commune: String,
    pub responses: i64,
    pub declared: i64,
    pub declared_respondents: i64,
}

fn seconds(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

/// Questionnaires returned by the end of the week (undated ones always count), with the sum of Q5 counts
/// and how many gave one ("aucun" counts, as 0; a blank does not).
pub(super) fn responses_by_commune(responses: &[Response], week: IsoWeek) -> PolarsResult<Vec<ResponseFigures>> {
    let df = df!(
        "commune" => responses.iter().map(|r| r.commune.as_ref().map(|c| c.as_str()).unwrap_or("")).collect::<Vec<_>>(),
        "returned_at" => responses.iter().map(|r| r.returned_at.map(seconds)).collect::<Vec<_>>(),
        "q5" => responses.iter().map(|r| r.q5_no_answer.map(|c| c.value as i64)).collect::<Vec<_>>(),
    )?;
    let out = df
        .lazy()
        .filter(col("returned_at").is_null().or(col("returned_at").lt_eq(lit(seconds(week.end())))))
        .group_by([col("commune")])
        .agg([
            col("q5").len().cast(DataType::Int64).alias("responses"),
            col("q5").sum().alias("declared"),
            count_if(col("q5").is_not_null()).alias("declared_respondents"),
        ])
        .sort(["commune"], SortMultipleOptions::default())
        .collect()?;
    let communes = strings(&out, "commune")?;
    let (responses, declared, respondents) = (ints(&out, "responses")?, ints(&out, "declared")?, ints(&out, "declared_respondents")?);
    Ok((0..out.height())
        .map(|i| ResponseFigures {
            commune: communes[i].clone(),
            responses: responses[i],
            declared: declared[i],
            declared_respondents: respondents[i],
        })
        .collect())
}

fn status_class(status: RegisterStatus) -> &'static str {
    if status.is_restored() {
        "restored"
    } else if status.is_in_progress() {
        "in_progress"
    } else {
        "no_contact"
    }
}

/// Distinct pupils signalled by the end of the week, each counted with the commune, status and consent of
/// their latest row: `pupils` is [`super::EndOfWeek::register`], the one place that row is chosen (so the
/// per-commune figures and the per-collège ones, the pupils followed, always agree).
pub(super) fn register_by_commune(pupils: &[PupilState<'_>]) -> PolarsResult<Vec<LostContactRow>> {
    let df = df!(
        "pupil" => pupils.iter().map(|p| p.entry.pupil.as_str()).collect::<Vec<_>>(),
        "commune" => pupils.iter().map(|p| p.entry.commune.as_str()).collect::<Vec<_>>(),
        "class" => pupils.iter().map(|p| status_class(p.status)).collect::<Vec<_>>(),
        "consent" => pupils.iter().map(|p| p.entry.family_consent == Some(true)).collect::<Vec<_>>(),
    )?;
    let is = |class: &str| count_if(col("class").eq(lit(class.to_string())));
    let out = df
        .lazy()
        .group_by([col("commune")])
        .agg([
            col("pupil").len().cast(DataType::Int64).alias("register_pupils"),
            count_if(col("consent")).alias("register_with_consent"),
            is("restored").alias("restored"),
            is("in_progress").alias("in_progress"),
            is("no_contact").alias("no_contact"),
        ])
        .sort(["commune"], SortMultipleOptions::default())
        .collect()?;
    let communes = strings(&out, "commune")?;
    let pupils = ints(&out, "register_pupils")?;
    let consent = ints(&out, "register_with_consent")?;
    let (restored, in_progress, no_contact) = (ints(&out, "restored")?, ints(&out, "in_progress")?, ints(&out, "no_contact")?);
    Ok((0..out.height())
        .map(|i| LostContactRow {
            commune_insee: communes[i].clone(),
            commune: commune_name(&communes[i]),
            declared: 0,
            declared_respondents: 0,
            register_pupils: pupils[i],
            register_with_consent: consent[i],
            restored: restored[i],
            in_progress: in_progress[i],
            no_contact: no_contact[i],
        })
        .collect())
}

/// One row per commune seen anywhere in the inputs, questionnaire and register figures side by side.
pub(super) fn merge(communes: &BTreeSet<String>, responses: &[ResponseFigures], register: &[LostContactRow]) -> Vec<LostContactRow> {
    communes
        .iter()
        .map(|insee| {
            let mut row = register.iter().find(|r| &r.commune_insee == insee).cloned().unwrap_or(LostContactRow {
                commune_insee: insee.clone(),
                commune: commune_name(insee),
                declared: 0,
                declared_respondents: 0,
                register_pupils: 0,
                register_with_consent: 0,
                restored: 0,
                in_progress: 0,
                no_contact: 0,
            });
            if let Some(r) = responses.iter().find(|r| &r.commune == insee) {
                row.declared = r.declared;
                row.declared_respondents = r.declared_respondents;
            }
            row
        })
        .collect()
}

/// Each pupil's latest register row by the end of the week (by date of report, then input order), in
/// pseudonym order: the state the figures count.
pub(super) fn latest_register_states(register: &[RegisterEntry], week: IsoWeek) -> Vec<&RegisterEntry> {
    let mut latest: std::collections::BTreeMap<&str, &RegisterEntry> = std::collections::BTreeMap::new();
    for e in register.iter().filter(|e| e.reported_on <= week.sunday()) {
        let slot = latest.entry(e.pupil.as_str()).or_insert(e);
        if (e.reported_on, &e.source) >= (slot.reported_on, &slot.source) {
            *slot = e;
        }
    }
    latest.into_values().collect()
}
