//! The privacy stage over normalised records: names in free text, sensitive comments (article 6),
//! non-neutral wording (article 9), and register rows without the family's consent (article 4).
//! Every message says what was done and where, never what the text said.

use super::charter::{is_non_neutral, sensitive_category};
use super::names::NameRegistry;
use crate::issues::{IssueLog, Location};
use crate::normalize::{Normalized, Source};

fn at(source: &Source) -> Location {
    Location::sheet(&source.file, &source.sheet).at_row(source.row)
}

/// Replaces remembered names in one free text.
fn scrub(text: &mut Option<String>, names: &NameRegistry, source: &Source, issues: &mut IssueLog) {
    let Some(t) = text.as_mut() else { return };
    let (clean, changed) = names.scrub(t);
    if changed {
        *t = clean;
        issues.warning(
            at(source),
            "sensitive-value",
            "nom d'élève ou de famille dans un texte libre : remplacé par son pseudonyme",
            "pupil or family name in free text: replaced by its pseudonym",
        );
    }
}

/// A comment about a pupil: blanked when it mentions a sensitive category, flagged when not neutral.
fn check_comment(text: &mut Option<String>, source: &Source, issues: &mut IssueLog) {
    let Some(t) = text.as_deref() else { return };
    if let Some(category) = sensitive_category(t) {
        let label = &category.label;
        issues.warning(
            at(source),
            "sensitive-value",
            format!("commentaire effacé : il mentionne une donnée sensible ({label}), interdite par la charte (article 6)"),
            format!("comment blanked: it mentions sensitive data ({}), forbidden by the charter (article 6)", category.code),
        );
        *text = None;
    } else {
        flag_non_neutral(t, source, issues);
    }
}

fn flag_non_neutral(text: &str, source: &Source, issues: &mut IssueLog) {
    if is_non_neutral(text) {
        issues.warning(
            at(source),
            "non-neutral-comment",
            "formulation subjective ou blessante : la reformuler de façon neutre et factuelle (charte, article 9)",
            "subjective or hurtful wording: rephrase it neutrally and factually (charter, article 9)",
        );
    }
}

/// Applies the charter to every record.
pub fn apply_charter(data: &mut Normalized, names: &NameRegistry) {
    let issues = &mut data.issues;
    for entry in &mut data.register {
        scrub(&mut entry.comment, names, &entry.source, issues);
        check_comment(&mut entry.comment, &entry.source, issues);
        if entry.family_consent != Some(true) {
            issues.info(
                at(&entry.source),
                "no-consent",
                "sans adhésion de la famille : l'élève est compté dans les totaux mais jamais listé (charte, article 4)",
                "no family consent: the pupil is counted in the totals but never listed (charter, article 4)",
            );
        }
    }
    for response in &mut data.responses {
        let Some(source) = response.source.clone() else { continue };
        for text in [
            &mut response.q1_which, &mut response.q2_support, &mut response.q4_text, &mut response.q5_which, &mut response.q6_to_amplify,
            &mut response.q7_school_support, &mut response.q8_digital_divide, &mut response.q9_summer,
        ] {
            scrub(text, names, &source, issues);
        }
        check_comment(&mut response.q5_which, &source, issues);
        for text in [&response.q1_which, &response.q2_support, &response.q6_to_amplify, &response.q7_school_support, &response.q8_digital_divide, &response.q9_summer] {
            if let Some(t) = text {
                flag_non_neutral(t, &source, issues);
            }
        }
    }
    for action in &mut data.partner_actions {
        for text in [&mut action.public, &mut action.terms] {
            scrub(text, names, &action.source, issues);
        }
    }
}
