//! What a header says about one field: an alias (`x-aliases`, exact after folding), a close wording of a
//! long alias (Google Forms and LimeSurvey put the whole question in the header), or the field's key words
//! (`x-keywords`), so that wordings nobody taught veille are still understood.

use super::reading::HeaderReading;
use super::values::ValueKind;
use crate::detect::schema::TableSchema;
use std::collections::HashSet;

/// Words that name no field by themselves ("Nom de l'établissement" is a school, "Date du prêt" a loan
/// date): they never make a match alone, but they do not count against one either.
const GENERIC: &[&str] = &["nom", "date", "numero", "code", "type", "jour", "heure", "liste", "le"];

/// Why a header names a field.
#[derive(Debug, Clone, PartialEq)]
pub enum HeaderWhy {
    /// The header is one of the field's aliases.
    Alias(String),
    /// One part of the header ("Action menée / projet") is an alias.
    Part(String),
    /// A close wording of a long alias (a whole question).
    Wording,
    /// Key words of the field, found in the header.
    Keywords(Vec<String>),
    /// A questionnaire question number ("Q6", "Question 5", "5."), main answer or follow-up.
    Question(u8),
    /// `[colonnes]` in veille.toml or `--colonne`.
    Setting,
}

/// A field's key words, compiled: clauses of alternatives that must all be found, and vetoes.
#[derive(Debug, Clone, Default)]
pub struct Keywords {
    clauses: Vec<Vec<Vec<String>>>,
    vetoes: Vec<String>,
}

fn word_matches(word: &str, stem: &str) -> bool {
    if stem.len() >= 4 { word.starts_with(stem) } else { word == stem || word.strip_suffix('s') == Some(stem) }
}

impl Keywords {
    /// Compiles `x-keywords` entries such as `"accord|adhesion famille|parent"` or `"!prevu"`.
    pub fn compile(entries: &[String]) -> Keywords {
        let mut keywords = Keywords::default();
        for entry in entries {
            let entry = entry.trim();
            if let Some(veto) = entry.strip_prefix('!') {
                keywords.vetoes.push(crate::text::fold(veto));
                continue;
            }
            let clause: Vec<Vec<String>> =
                entry.split(' ').filter(|g| !g.is_empty()).map(|g| g.split('|').map(crate::text::fold).collect()).collect();
            if !clause.is_empty() {
                keywords.clauses.push(clause);
            }
        }
        keywords
    }

    fn vetoed(&self, words: &[String]) -> bool {
        words.iter().any(|w| self.vetoes.iter().any(|v| word_matches(w, v)))
    }

    /// The best clause found in the header: its score and the words it matched. Clauses are looked for
    /// among all the header's words ("prêté par"); coverage counts its significant words only.
    fn best(&self, header: &HeaderReading) -> Option<(f64, Vec<String>)> {
        let (all, words) = (&header.all_words, &header.words);
        if words.is_empty() || self.vetoed(words) {
            return None;
        }
        let mut best: Option<(f64, Vec<String>)> = None;
        for clause in &self.clauses {
            let mut matched: HashSet<&str> = HashSet::new();
            let all_found = clause.iter().all(|alternatives| {
                let hits: Vec<&str> = all.iter().map(String::as_str).filter(|w| alternatives.iter().any(|stem| word_matches(w, stem))).collect();
                matched.extend(&hits);
                !hits.is_empty()
            });
            if !all_found || matched.iter().all(|w| GENERIC.contains(w) || super::reading::STOPWORDS.contains(w)) {
                continue;
            }
            let covered = words.iter().filter(|w| matched.contains(w.as_str()) || GENERIC.contains(&w.as_str())).count();
            let coverage = covered as f64 / words.len() as f64;
            // The head noun comes first in French ("Téléphone du contact" is a phone number).
            let head = if matched.contains(words[0].as_str()) { 0.03 } else { 0.0 };
            let score = 0.6 + 0.3 * coverage + head;
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                let found: Vec<String> = words.iter().filter(|w| matched.contains(w.as_str())).cloned().collect();
                best = Some((score, found));
            }
        }
        best
    }
}

/// The sorted distinct significant words of a folded text.
pub fn distinct_words(folded: &str) -> Vec<String> {
    let mut words: Vec<String> = folded.split(' ').filter(|w| !w.is_empty() && !super::reading::STOPWORDS.contains(w)).map(str::to_string).collect();
    words.sort();
    words.dedup();
    words
}

/// How close a header is to a long alias (a whole question): word overlap both ways.
fn wording_score(header: &[String], alias: &[String]) -> f64 {
    let common = alias.iter().filter(|w| header.binary_search(w).is_ok()).count() as f64;
    let recall = common / alias.len() as f64;
    let precision = if header.is_empty() { 0.0 } else { common / header.len() as f64 };
    if recall >= 0.7 && precision >= 0.6 { 0.9 * recall.min(precision) } else { 0.0 }
}

/// What the header says about field `index` of `schema`, with its strength (0.6 to 1).
pub fn header_evidence(schema: &TableSchema, index: usize, header: &HeaderReading) -> Option<(f64, HeaderWhy)> {
    if header.folded.is_empty() {
        return None;
    }
    let names = &schema.folded_names()[index];
    if let Some(alias) = names.iter().find(|a| **a == header.folded) {
        return Some((1.0, HeaderWhy::Alias(alias.clone())));
    }
    if header.parts.len() > 1 {
        if let Some(alias) = names.iter().find(|a| header.parts.contains(a)) {
            return Some((0.95, HeaderWhy::Part(alias.clone())));
        }
    }
    let wording = schema.long_aliases()[index].iter().map(|a| wording_score(&header.distinct, a)).fold(0.0, f64::max);
    let keywords = schema.keywords()[index].best(header);
    // A hint in parentheses ("(JJ/MM/AAAA)", "(oui/non)") that says what the field holds.
    let hinted = if header.hints.contains(&ValueKind::of_field(&schema.fields[index])) { 0.05 } else { 0.0 };
    match keywords {
        Some((score, words)) if score > wording => Some((score + hinted, HeaderWhy::Keywords(words))),
        _ if wording > 0.0 => Some((wording + hinted, HeaderWhy::Wording)),
        _ => None,
    }
}

/// The field a header names best, with the strength of that evidence (0 < strength ≤ 1). Used for a form's
/// labels, one at a time; tables place their columns all together (see [`super::place_columns`]).
///
/// ```
/// use veille::detect::{match_header, schema};
/// use veille::domain::TableKind;
/// let q = schema(TableKind::Questionnaire);
/// assert_eq!(match_header(q, "Horodateur").map(|m| m.0), Some(0));
/// let (field, _) = match_header(q, "5 - Combien d'élèves n'ont pas répondu aux sollicitations ?").unwrap();
/// assert_eq!(q.fields[field].name, "q5_eleves_sans_reponse");
/// let (field, _) = match_header(q, "Q6 À amplifier").unwrap();
/// assert_eq!(q.fields[field].name, "q6_actions_a_amplifier");
/// ```
pub fn match_header(schema: &TableSchema, header: &str) -> Option<(usize, f64)> {
    let reading = HeaderReading::read(header);
    let by_words = (0..schema.fields.len())
        .filter_map(|i| header_evidence(schema, i, &reading).map(|(s, _)| (i, s)))
        .fold(None, |best: Option<(usize, f64)>, (i, s)| if best.is_none_or(|(_, b)| s > b) { Some((i, s)) } else { best });
    let by_number = reading.question.filter(|q| q.explicit).and_then(|q| {
        schema.fields.iter().position(|f| f.question == Some(q.number) && !f.follow_up).map(|i| (i, 0.97))
    });
    match (by_number, by_words) {
        // "Q3 - Par qui ?": the words name the question's follow-up.
        (Some((main, _)), Some((named, s))) if schema.fields[named].question == schema.fields[main].question => Some((named, s.max(0.97))),
        (Some(number), _) => Some(number),
        (None, words) => words,
    }
}
