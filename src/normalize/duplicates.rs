//! The same questionnaire returned twice: same structure and commune, or same e-mail. The latest return is
//! kept; the earlier one is ignored (its table's intake moves it from accepted to ignored) with a
//! `duplicate-response` warning that points at the one kept.

use super::records::{Response, Source};
use super::TableIntake;
use crate::issues::{IssueLog, Location};
use crate::text::fold;
use std::collections::HashMap;

/// The identities of a response: a questionnaire matching another on any of them is the same one.
fn identities(response: &Response) -> Vec<String> {
    let mut keys = Vec::new();
    if let (Some(structure), Some(commune)) = (&response.structure, &response.commune) {
        let structure = fold(structure);
        if !structure.is_empty() {
            keys.push(format!("s|{structure}|{commune}"));
        }
    }
    if let Some(email) = &response.email {
        keys.push(format!("e|{}", email.to_lowercase()));
    }
    keys
}

pub(super) fn describe(source: &Option<Source>) -> (String, String) {
    match source {
        Some(s) if s.sheet.is_empty() => (format!("{}, ligne {}", s.file, s.row), format!("{}, row {}", s.file, s.row)),
        Some(s) => (format!("{}, feuille {}, ligne {}", s.file, s.sheet, s.row), format!("{}, sheet {}, row {}", s.file, s.sheet, s.row)),
        None => (String::new(), String::new()),
    }
}

/// Keeps the latest of each group of returns of the same questionnaire. `responses` must be in order of
/// return (undated first); ties keep the one read last.
pub(super) fn drop_duplicate_responses(responses: &mut Vec<Response>, intake: &mut [TableIntake], issues: &mut IssueLog) {
    let mut kept_by_identity: HashMap<String, usize> = HashMap::new();
    let mut superseded_by: Vec<Option<usize>> = vec![None; responses.len()];
    for (index, response) in responses.iter().enumerate() {
        for key in identities(response) {
            if let Some(previous) = kept_by_identity.insert(key, index) {
                if previous != index && superseded_by[previous].is_none() {
                    superseded_by[previous] = Some(index);
                }
            }
        }
    }
    for (index, later) in superseded_by.iter().enumerate() {
        let Some(mut kept) = *later else { continue };
        while let Some(next) = superseded_by[kept] {
            kept = next;
        }
        let dropped = &responses[index];
        let (kept_fr, kept_en) = describe(&responses[kept].source);
        if let Some(source) = &dropped.source {
            if let Some(table) = intake.iter_mut().find(|t| *t.file == *source.file && *t.sheet == *source.sheet) {
                table.rows_accepted = table.rows_accepted.saturating_sub(1);
                table.rows_ignored += 1;
            }
            let at = Location::sheet(&source.file, &source.sheet).at_row(source.row);
            issues.warning(
                at,
                "duplicate-response",
                format!("questionnaire reçu deux fois (même structure et commune, ou même courriel) : seul le plus récent est gardé ({kept_fr})"),
                format!("questionnaire returned twice (same structure and commune, or same e-mail): only the latest is kept ({kept_en})"),
            );
        }
    }
    let mut index = 0;
    responses.retain(|_| {
        index += 1;
        superseded_by[index - 1].is_none()
    });
}
