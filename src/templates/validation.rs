//! The data validation of each field of a template: drop-down lists for closed vocabularies and communes,
//! date and whole-number rules, and an input message that explains what to write.

use crate::detect::Field;
use crate::domain::{Device, Lender, PartnerStatus, RegisterStatus};
use crate::i18n::Lang;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Formula, XlsxError};

/// The hidden sheet that holds the long lists (the communes of the territory).
pub const LISTS_SHEET: &str = "Listes";

/// Excel's limits on the texts of a validation.
const TITLE_LIMIT: usize = 32;
const MESSAGE_LIMIT: usize = 255;

fn truncate(text: &str, limit: usize) -> String {
    if text.encode_utf16().count() <= limit {
        return text.to_string();
    }
    let mut out: String = text.chars().take(limit - 1).collect();
    while out.encode_utf16().count() > limit - 1 {
        out.pop();
    }
    out.push('…');
    out
}

/// The labels a drop-down offers for a field, when it is a closed vocabulary. Templates are French: they
/// go to the professionals of a French cellule, and every label reads back through the normalisers.
///
/// ```
/// use veille::templates::choices;
/// assert_eq!(choices("boolean"), Some(vec!["oui", "non"]));
/// assert!(choices("device").unwrap().contains(&"Tablette"));
/// ```
pub fn choices(normalize: &str) -> Option<Vec<&'static str>> {
    let lang = Lang::Fr;
    let labels = |all: Vec<&'static str>| Some(all);
    match normalize {
        "boolean" => labels(vec!["oui", "non"]),
        "lender" | "lenders" => labels(Lender::ALL.iter().map(|l| l.label(lang)).collect()),
        "device" => labels(Device::ALL.iter().map(|d| d.label(lang)).collect()),
        "partner-status" => labels(PartnerStatus::ALL.iter().map(|s| s.label(lang)).collect()),
        "register-status" => labels(RegisterStatus::ALL.iter().map(|s| s.label(lang)).collect()),
        _ => None,
    }
}

fn rule_for(field: &Field, communes: usize) -> Result<DataValidation, XlsxError> {
    let normalize = field.normalize.as_deref().unwrap_or("");
    let error = |v: DataValidation, message: &str| v.set_error_message(message);
    Ok(match normalize {
        "date" => error(
            DataValidation::new().allow_date(DataValidationRule::GreaterThanOrEqualTo(ExcelDateTime::from_ymd(2020, 1, 1)?)),
            "Écrire une date, par exemple 18/05/2020.",
        )?,
        "count" => error(
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            "Écrire un nombre entier (0 si aucun).",
        )?,
        "commune" => error(
            DataValidation::new().allow_list_formula(Formula::new(format!("={LISTS_SHEET}!$A$2:$A${}", communes + 1))),
            "Choisir la commune dans la liste (communes du territoire de la cellule).",
        )?,
        // Several lenders may be written, separated by ";": the list helps, and anything else is accepted.
        "lenders" => DataValidation::new()
            .allow_list_strings(&choices(normalize).unwrap_or_default())?
            .set_error_style(DataValidationErrorStyle::Information)
            .set_error_message("Plusieurs prêteurs : les séparer par « ; ».")?,
        other => match choices(other) {
            Some(list) => error(
                DataValidation::new().allow_list_strings(&list)?,
                "Choisir une valeur dans la liste.",
            )?,
            None => DataValidation::new().allow_any_value(),
        },
    })
}

/// The validation of a field's cells, with its title and description as input message.
pub fn validation_for(field: &Field, communes: usize) -> Result<DataValidation, XlsxError> {
    let title = truncate(&field.title, TITLE_LIMIT);
    let message = truncate(&field.description, MESSAGE_LIMIT);
    rule_for(field, communes)?.set_input_title(title)?.set_input_message(message)
}
