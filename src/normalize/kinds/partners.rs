//! A partner action row of an availability sheet.

use super::super::fields::{optional_email, optional_datetime, row_arrondissement, row_commune};
use super::super::records::PartnerAction;
use super::super::rows::{quote, RowCtx};
use super::super::{parse_phone, themes_of};
use super::source;

pub(crate) fn read_partner_action(row: &mut RowCtx<'_, '_>) -> Option<PartnerAction> {
    let Some(structure) = row.text("structure") else {
        row.error("structure", "constraint-error", "structure manquante : la ligne est rejetée".into(), "missing structure: the row is rejected".into());
        return None;
    };
    let Some(action) = row.text("action") else {
        row.error("action", "constraint-error", "action manquante : la ligne est rejetée".into(), "missing action: the row is rejected".into());
        return None;
    };
    let status = match row.text("statut") {
        None => {
            row.error("statut", "constraint-error", "statut manquant (présentiel, à distance, mixte ou suspendu) : la ligne est rejetée".into(), "missing status (on site, remote, mixed or suspended): the row is rejected".into());
            return None;
        }
        Some(text) => match row.table.memo.partner_status(&text) {
            Some(s) => s,
            None => {
                let v = quote(&text);
                row.error("statut", "constraint-error", format!("statut « {v} » non reconnu (présentiel, à distance, mixte ou suspendu) : la ligne est rejetée"), format!("status \"{v}\" not recognised (on site, remote, mixed or suspended): the row is rejected"));
                return None;
            }
        },
    };
    let commune = row_commune(row, None)?;
    let phone = row.cell("telephone").cloned().and_then(|cell| {
        let parsed = parse_phone(&cell);
        if parsed.is_none() {
            row.warn("telephone", "format-error", "numéro de téléphone illisible : laissé vide".into(), "unreadable phone number: left empty".into());
        }
        parsed
    });
    let email = optional_email(row);
    let theme_text = format!("{} {}", row.text("thematique").unwrap_or_default(), action);
    let updated_on = optional_datetime(row, "mise_a_jour").map(|d| d.date()).or(row.table.title_date);
    Some(PartnerAction {
        source: source(row),
        themes: themes_of(&theme_text),
        structure,
        action,
        public: row.text("public"),
        quartier: row.text("quartier"),
        commune,
        arrondissement: row_arrondissement(row),
        contact: row.text("contact"),
        phone,
        email,
        status,
        terms: row.text("modalites"),
        updated_on,
    })
}
