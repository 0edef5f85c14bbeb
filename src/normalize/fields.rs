//! Reading typed fields of a row, with the warning or error each unusable cell deserves.

use super::rows::{quote, RowCtx};
use super::{parse_bool, parse_count, parse_datetime, Count};
use chrono::NaiveDateTime;

/// An optional date: an unreadable one becomes empty with a warning.
pub(crate) fn optional_datetime(row: &mut RowCtx<'_, '_>, field: &str) -> Option<NaiveDateTime> {
    if row.formula_error(field) {
        return None;
    }
    let cell = row.cell(field)?.clone();
    let parsed = parse_datetime(&cell);
    if parsed.is_none() {
        let v = quote(&cell.to_text());
        row.warn(
            field,
            "type-error",
            format!("date illisible « {v} » : écrire par exemple 18/05/2020 ; la cellule est laissée vide"),
            format!("unreadable date \"{v}\": write e.g. 18/05/2020; the cell is left empty"),
        );
    }
    parsed
}

/// A required date: a missing or unreadable one rejects the row (error).
pub(crate) fn required_datetime(row: &mut RowCtx<'_, '_>, field: &str, label_fr: &str, label_en: &str) -> Option<NaiveDateTime> {
    if row.cell(field).is_none() {
        row.error(
            field,
            "constraint-error",
            format!("{label_fr} manquante : la ligne est rejetée"),
            format!("missing {label_en}: the row is rejected"),
        );
        return None;
    }
    let parsed = optional_datetime(row, field);
    if parsed.is_none() {
        row.error(
            field,
            "constraint-error",
            format!("{label_fr} inutilisable : la ligne est rejetée"),
            format!("unusable {label_en}: the row is rejected"),
        );
    }
    parsed
}

/// An optional e-mail address: a malformed one becomes empty with a warning.
pub(crate) fn optional_email(row: &mut RowCtx<'_, '_>) -> Option<String> {
    let text = row.text("courriel")?;
    let parsed = super::parse_email(&text);
    if parsed.is_none() {
        row.warn("courriel", "format-error", "adresse électronique mal formée : laissée vide".into(), "malformed e-mail address: left empty".into());
    }
    parsed
}

/// An optional yes/no answer.
pub(crate) fn optional_bool(row: &mut RowCtx<'_, '_>, field: &str) -> Option<bool> {
    if row.formula_error(field) {
        return None;
    }
    let cell = row.cell(field)?.clone();
    let parsed = parse_bool(&cell);
    if parsed.is_none() {
        let v = quote(&cell.to_text());
        row.warn(
            field,
            "type-error",
            format!("réponse « {v} » ni oui ni non : laissée vide"),
            format!("answer \"{v}\" is neither yes nor no: left empty"),
        );
    }
    parsed
}

/// An optional count; approximate counts are kept and flagged.
pub(crate) fn optional_count(row: &mut RowCtx<'_, '_>, field: &str) -> Option<Count> {
    if row.formula_error(field) {
        return None;
    }
    let cell = row.cell(field)?.clone();
    let v = quote(&cell.to_text());
    match parse_count(&cell) {
        Some(count) => {
            if count.approximate {
                row.info(
                    field,
                    "approximate-number",
                    format!("« {v} » compté {} (valeur approchée)", count.value),
                    format!("\"{v}\" counted as {} (approximate)", count.value),
                );
            }
            Some(count)
        }
        None => {
            row.warn(
                field,
                "type-error",
                format!("nombre illisible « {v} » : laissé vide"),
                format!("unreadable number \"{v}\": left empty"),
            );
            None
        }
    }
}

pub(crate) use super::place::{commune_hint, optional_school, row_arrondissement, row_commune};
