//! A row of the lost-contact register.

use super::super::fields::{commune_hint, optional_bool, optional_datetime, optional_school, required_datetime, row_arrondissement, row_commune};
use super::super::records::RegisterEntry;
use super::super::rows::{quote, RowCtx};
use super::source;
use crate::domain::RegisterStatus;

fn status(row: &mut RowCtx<'_, '_>) -> RegisterStatus {
    match row.text("statut") {
        None => RegisterStatus::Signale,
        Some(text) => row.table.memo.register_status(&text).unwrap_or_else(|| {
            let v = quote(&text);
            row.warn("statut", "constraint-error", format!("statut « {v} » non reconnu : compté comme « signalé »"), format!("status \"{v}\" not recognised: counted as \"reported\""));
            RegisterStatus::Signale
        }),
    }
}

pub(crate) fn read_register_entry(row: &mut RowCtx<'_, '_>) -> Option<RegisterEntry> {
    let pseudonymize = row.table.pseudonymize;
    // The name is replaced at once; no message ever quotes it.
    let Some(pupil) = row.text("eleve").map(|name| pseudonymize(&name)) else {
        row.error("eleve", "constraint-error", "élève non identifié : la ligne est rejetée".into(), "pupil not identified: the row is rejected".into());
        return None;
    };
    let reported_on = required_datetime(row, "date_signalement", "date de signalement", "report date")?.date();
    let hint = commune_hint(row);
    let (school, uai) = optional_school(row, "etablissement", hint.as_ref());
    let commune = row_commune(row, school)?;
    let family_consent = optional_bool(row, "adhesion_famille");
    Some(RegisterEntry {
        source: source(row),
        pupil,
        school: uai,
        level: row.text("niveau"),
        commune,
        arrondissement: row_arrondissement(row),
        reported_on,
        family_consent,
        status: status(row),
        closed_on: optional_datetime(row, "date_cloture").map(|d| d.date()),
        comment: row.text("commentaire"),
    })
}
