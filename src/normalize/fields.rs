//! Reading typed fields of a row, with the warning or error each unusable cell deserves.

use super::rows::{quote, RowCtx};
use super::{parse_bool, parse_count, parse_datetime, resolve_commune, resolve_school, CommuneMatch, Count, SchoolMatch};
use crate::domain::InseeCode;
use crate::reference::{Reference, School};
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

/// The school of a row, with warnings for a typo'd or unknown UAI or name.
pub(crate) fn optional_school(row: &mut RowCtx<'_, '_>, field: &str, commune: Option<&InseeCode>) -> Option<&'static School> {
    let cell = row.cell(field)?.clone();
    let v = quote(&cell.to_text());
    match resolve_school(&cell, commune) {
        SchoolMatch::Found(school) => Some(school),
        SchoolMatch::Blank => None,
        SchoolMatch::InvalidUai => {
            row.warn(field, "invalid-uai", format!("UAI « {v} » invalide (lettre de contrôle) : vérifier le code"), format!("invalid UAI \"{v}\" (check letter): check the code"));
            None
        }
        SchoolMatch::UnknownUai(_) => {
            row.warn(field, "unknown-school", format!("UAI « {v} » absent du référentiel de l'Essonne"), format!("UAI \"{v}\" is not in the Essonne reference"));
            None
        }
        SchoolMatch::Unknown => {
            row.warn(field, "unknown-school", format!("établissement « {v} » non reconnu : indiquer son UAI"), format!("school \"{v}\" not recognised: give its UAI"));
            None
        }
    }
}

/// The commune a row names by itself or by its title rows, without fallbacks or issues: a hint to tell
/// apart schools of the same name.
pub(crate) fn commune_hint(row: &RowCtx<'_, '_>) -> Option<InseeCode> {
    match row.cell("commune").map(resolve_commune) {
        Some(CommuneMatch::Found(insee)) => Some(insee),
        _ => row.table.title_commune.clone(),
    }
}

/// The row's commune: its own cell, else the title rows, its school, the workspace default. Rejects the row
/// (error) when none gives one.
pub(crate) fn row_commune(row: &mut RowCtx<'_, '_>, school: Option<&School>) -> Option<InseeCode> {
    let cell = row.cell("commune").cloned();
    let own = cell.as_ref().map(resolve_commune).unwrap_or(CommuneMatch::Blank);
    let v = cell.as_ref().map(|c| quote(&c.to_text())).unwrap_or_default();
    let (code, fr, en) = match own {
        CommuneMatch::Found(insee) => return Some(insee),
        CommuneMatch::Blank => ("unknown-commune", "commune absente".to_string(), "missing commune".to_string()),
        CommuneMatch::Unknown => ("unknown-commune", format!("commune « {v} » inconnue en Essonne"), format!("commune \"{v}\" unknown in Essonne")),
        CommuneMatch::Ambiguous(all) => {
            let names: Vec<String> = all.iter().filter_map(|c| Reference::get().commune(c)).map(|c| c.name.clone()).collect();
            let list = names.join(", ");
            ("ambiguous-commune", format!("« {v} » désigne plusieurs communes ({list}) : écrire le nom ou le code INSEE"), format!("\"{v}\" names several communes ({list}): write the name or the INSEE code"))
        }
    };
    let fallback = row.table.title_commune.clone().or_else(|| school.map(|s| s.insee.clone())).or_else(|| row.table.default_commune.clone());
    match fallback {
        Some(insee) => {
            if cell.is_some() {
                let name = Reference::get().commune(&insee).map(|c| c.name.clone()).unwrap_or_default();
                row.warn("commune", code, format!("{fr} : commune {name} retenue (titre, établissement ou défaut)"), format!("{en}: commune {name} used (title, school or default)"));
            }
            Some(insee)
        }
        None => {
            row.error("commune", code, format!("{fr} : la ligne est rejetée"), format!("{en}: the row is rejected"));
            None
        }
    }
}
