//! A questionnaire row: the respondent and the nine questions.

use super::super::fields::{optional_email, optional_bool, optional_count, optional_datetime, row_arrondissement, row_commune};
use super::super::records::Response;
use super::super::rows::{quote, RowCtx};
use super::super::{parse_lenders, parse_quantities, SchoolMatch};
use super::source;

pub(crate) fn read_response(row: &mut RowCtx<'_, '_>) -> Option<Response> {
    let commune = row_commune(row, None)?;
    let email = optional_email(row);
    let choices = row.ticked_choices("q3_preteurs").join(" ; ");
    let q3_text = row.text("q3_preteurs").into_iter().chain((!choices.is_empty()).then_some(choices)).collect::<Vec<_>>();
    let q3_lenders = (!q3_text.is_empty()).then(|| {
        let t = q3_text.join(" ; ");
        let lenders = parse_lenders(&t);
        if lenders.is_empty() {
            let v = quote(&t);
            row.warn("q3_preteurs", "unknown-lender", format!("prêteur « {v} » non reconnu"), format!("lender \"{v}\" not recognised"));
        }
        lenders
    });
    let q4_text = row.text("q4_quantite");
    let q4_quantities = q4_text.as_deref().and_then(|t| {
        let parsed = parse_quantities(t);
        let v = quote(t);
        match &parsed {
            None => row.warn("q4_quantite", "type-error", format!("quantité illisible « {v} » : laissée vide"), format!("unreadable quantity \"{v}\": left empty")),
            Some(q) if q.approximate => row.info("q4_quantite", "approximate-number", format!("« {v} » compté {} (valeur approchée)", q.total()), format!("\"{v}\" counted as {} (approximate)", q.total())),
            _ => {}
        }
        parsed
    });
    // A structure that names a school (no issue when it does not: most structures are not schools).
    let school = row.cell("structure").and_then(|c| match row.table.memo.school(c, Some(&commune), row.table.territory) {
        SchoolMatch::Found(school) => Some(school.uai.clone()),
        _ => None,
    });
    Some(Response {
        id: String::new(),
        source: Some(source(row)),
        returned_at: optional_datetime(row, "horodatage"),
        commune: Some(commune),
        arrondissement: row_arrondissement(row),
        structure: row.text("structure"),
        school,
        role: row.text("fonction"),
        email,
        q1_joint_work: optional_bool(row, "q1_travail_commun"),
        q1_which: row.text("q1_lequel"),
        q2_support: row.text("q2_accompagnements"),
        q3_devices_lent: optional_bool(row, "q3_materiel_prete"),
        q3_lenders: q3_lenders.unwrap_or_default(),
        q4_quantities,
        q4_text,
        q5_no_answer: optional_count(row, "q5_eleves_sans_reponse"),
        q5_which: row.text("q5_quels_eleves"),
        q6_to_amplify: row.text("q6_actions_a_amplifier"),
        q7_school_support: row.text("q7_projets_soutien_scolaire"),
        q8_digital_divide: row.text("q8_projets_fracture_numerique"),
        q9_summer: row.text("q9_activites_ete"),
        themes: Default::default(),
    })
}
