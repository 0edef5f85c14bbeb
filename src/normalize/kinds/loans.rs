//! A device-loan row.

use super::super::fields::{commune_hint, optional_count, optional_school, required_datetime, row_commune};
use super::super::records::Loan;
use super::super::rows::{quote, RowCtx};
use super::source;
use crate::domain::{Device, Lender};

fn lender(row: &mut RowCtx<'_, '_>) -> Lender {
    let from_title = row.table.title_lender;
    match row.text("preteur") {
        Some(text) => row.table.memo.lender(&text).unwrap_or_else(|| {
            let v = quote(&text);
            row.warn("preteur", "unknown-lender", format!("prêteur « {v} » non reconnu : compté comme « autre »"), format!("lender \"{v}\" not recognised: counted as \"other\""));
            Lender::Autre
        }),
        None => from_title.unwrap_or_else(|| {
            row.warn("preteur", "unknown-lender", "prêteur absent : compté comme « autre »".into(), "missing lender: counted as \"other\"".into());
            Lender::Autre
        }),
    }
}

fn device(row: &mut RowCtx<'_, '_>) -> Option<Device> {
    let Some(text) = row.text("materiel") else {
        row.error("materiel", "constraint-error", "matériel manquant : la ligne est rejetée".into(), "missing device: the row is rejected".into());
        return None;
    };
    Some(row.table.memo.device(&text).unwrap_or_else(|| {
        let v = quote(&text);
        row.warn("materiel", "unknown-device", format!("matériel « {v} » non reconnu : compté comme « autre »"), format!("device \"{v}\" not recognised: counted as \"other\""));
        Device::Autre
    }))
}

pub(crate) fn read_loan(row: &mut RowCtx<'_, '_>) -> Option<Loan> {
    let lent_on = required_datetime(row, "date_pret", "date du prêt", "loan date")?.date();
    let device = device(row)?;
    let lender = lender(row);
    let hint = commune_hint(row);
    let (school, uai) = optional_school(row, "etablissement", hint.as_ref());
    let commune = row_commune(row, school)?;
    let returned_on = super::super::fields::optional_datetime(row, "date_retour").map(|d| d.date());
    if returned_on.is_some_and(|r| r < lent_on) {
        row.warn("date_retour", "constraint-error", "date de retour antérieure à la date du prêt : vérifier".into(), "return date before the loan date: check it".into());
    }
    let quantity = optional_count(row, "quantite").map(|c| c.value).unwrap_or(1);
    let pseudonymize = row.table.pseudonymize;
    Some(Loan {
        source: source(row),
        lent_on,
        returned_on,
        lender,
        device,
        quantity,
        beneficiary: row.text("beneficiaire").map(|name| pseudonymize(&name)),
        school: uai,
        level: row.text("niveau"),
        commune,
    })
}
