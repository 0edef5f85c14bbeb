//! Matching a header cell to a schema field: exact alias match after folding, else a close wording of a
//! long alias (Google Forms and LimeSurvey put the full question text in the header).

use super::schema::TableSchema;
use crate::text::fold;
use std::collections::HashSet;

/// Words too common to tell two questions apart.
const STOPWORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "d", "l", "a", "au", "aux", "et", "en", "pour", "ont", "ils", "elles", "il",
    "un", "une", "qui", "que", "quels", "quelles", "quel", "quelle", "ce", "ces", "se", "sa", "son", "ses", "par",
    "sur", "dans", "votre", "vos", "t", "y", "si", "oui", "ou",
];

fn significant_words(folded: &str) -> HashSet<&str> {
    folded.split(' ').filter(|w| !w.is_empty() && !STOPWORDS.contains(w)).collect()
}

/// Drops a leading question number: "Q5", "5", "5." as LimeSurvey's "5 - question" and numbered forms write.
fn without_number(folded: &str) -> &str {
    match folded.split_once(' ') {
        Some((first, rest))
            if first.chars().all(|c| c.is_ascii_digit())
                || (first.starts_with('q') && first.len() > 1 && first[1..].chars().all(|c| c.is_ascii_digit())) =>
        {
            rest
        }
        _ => folded,
    }
}

/// How well a header matches one alias: 1.0 for the same words, less for a close wording of a long alias.
fn alias_score(header: &str, alias: &str) -> f64 {
    if header == alias || without_number(header) == alias {
        return 1.0;
    }
    let a = significant_words(alias);
    if a.len() < 3 {
        return 0.0;
    }
    let h = significant_words(without_number(header));
    let common = a.intersection(&h).count() as f64;
    let recall = common / a.len() as f64;
    let precision = if h.is_empty() { 0.0 } else { common / h.len() as f64 };
    if recall >= 0.7 && precision >= 0.6 {
        0.9 * recall.min(precision)
    } else {
        0.0
    }
}

/// The field a header names, with the match score (0 < score ≤ 1).
///
/// ```
/// use veille::detect::{match_header, schema};
/// use veille::domain::TableKind;
/// let q = schema(TableKind::Questionnaire);
/// assert_eq!(match_header(q, "Horodateur").map(|m| m.0), Some(0));
/// let (field, _) = match_header(q, "5 - Combien d'élèves n'ont pas répondu aux sollicitations ?").unwrap();
/// assert_eq!(q.fields[field].name, "q5_eleves_sans_reponse");
/// ```
pub fn match_header(schema: &TableSchema, header: &str) -> Option<(usize, f64)> {
    let folded = fold(header);
    if folded.is_empty() {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for (index, names) in schema.folded_names().iter().enumerate() {
        let score = names.iter().map(|alias| alias_score(&folded, alias)).fold(0.0, f64::max);
        if score > 0.0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((index, score));
        }
    }
    best
}
