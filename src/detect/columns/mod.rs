//! Which column is which field, read the way a person reads a sheet: what each header says (aliases, key
//! words, abbreviations, question numbers, hints in parentheses) and what each column's values hold
//! (dates, oui/non, UAI, communes, vocabularies, phones, e-mails, counts, names). Columns go to fields
//! one to one by the best total score; the user's settings win over both. Every column ends with an
//! [`Outcome`] that says what was understood and why, so nothing is skipped without a word.

mod assign;
mod bound;
mod explain;
mod keywords;
mod memo;
mod overrides;
mod people;
mod questions;
mod reading;
mod values;

pub use assign::{assign_columns, Pairing};
pub use bound::header_bound;
pub use explain::{pairing_text, setting_line, values_text};
pub use keywords::{distinct_words, match_header, HeaderWhy, Keywords};
pub use memo::KnownHeader;
pub use overrides::{kind_named, ColumnSetting, ColumnSettings, IGNORE};
pub use people::looks_like_person;
pub use reading::{HeaderReading, QuestionNumber};
pub use values::{ValueKind, ValueProfile};

use super::schema::schema;
use crate::domain::TableKind;
use crate::ingest::{Cell, RawTable};
use assign::{judge, judge_values, Verdict};
use std::sync::Arc;

/// What became of one column.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Read as this field.
    Placed { field: &'static str, pairing: Pairing },
    /// One choice of a multiple-choice question (LimeSurvey's "Par qui ? [Mairie]").
    Choice { field: &'static str, choice: String },
    /// It names a field that another column holds better.
    Competing { field: &'static str, kept: usize },
    /// Not read; the field it comes closest to, if any.
    Unplaced { nearest: Option<(&'static str, Pairing)> },
    /// A header over no data.
    Empty,
    /// Row numbers 1, 2, 3…
    Numbering,
    /// The user's settings say it holds no field.
    Ignored,
    /// Its header names a sensitive category (charter, article 6): never read.
    Forbidden { category: String },
    /// It holds people's names but was headed like a free-text field: never read, so no name can reach
    /// an output through it.
    Names { field: &'static str },
}

/// One column of a table: its header, what its values hold, and what became of it.
#[derive(Debug, Clone)]
pub struct ColumnReport {
    pub col: usize,
    pub header: String,
    pub values: ValueProfile,
    pub outcome: Outcome,
}

/// Where each column of a table went.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// (column, field), by column.
    pub columns: Vec<(usize, &'static str)>,
    pub options: Vec<(usize, &'static str, String)>,
    pub report: Vec<ColumnReport>,
    /// The header evidence of the placed columns, summed: how much this row looks like this kind's header.
    pub header_score: f64,
}

/// A header is text: a number or a date in the header row is a value, and says nothing of its column.
fn header_text(cell: &Cell) -> Option<&str> {
    match cell {
        Cell::Text(t) if !t.trim().is_empty() => Some(t.trim()),
        _ => None,
    }
}

/// Splits LimeSurvey's "question [choice]" header into the question and the choice.
fn split_choice(header: &str) -> (&str, Option<&str>) {
    match header.trim_end().strip_suffix(']').and_then(|h| h.rsplit_once('[')) {
        Some((question, choice)) if !question.trim().is_empty() && !choice.trim().is_empty() => (question.trim_end(), Some(choice.trim())),
        _ => (header, None),
    }
}

/// A multiple-choice column of the lenders question: the question names the lenders field and the choice
/// is a lender.
fn choice_column(kind: TableKind, header: &str) -> Option<(&'static str, String)> {
    let (question, choice) = split_choice(header);
    let choice = choice?;
    let s = schema(kind);
    let (field, _) = match_header(s, question)?;
    let f = &s.fields[field];
    (f.normalize.as_deref() == Some("lenders") && crate::normalize::parse_lender(choice).is_some()).then(|| (f.name.as_str(), choice.to_string()))
}

/// The header evidence of every column for every field: settings, question numbers, words.
fn header_matrix(kind: TableKind, headers: &[Option<Arc<KnownHeader>>], settings: &ColumnSettings) -> Vec<Vec<Option<(f64, HeaderWhy)>>> {
    let s = schema(kind);
    let by_number = questions::question_fields(kind, headers);
    headers
        .iter()
        .enumerate()
        .map(|(col, known)| {
            let Some(known) = known else { return vec![None; s.fields.len()] };
            if let Some(target) = settings.field_for(kind, &known.reading.text) {
                return (0..s.fields.len()).map(|f| (target == Some(s.fields[f].name.as_str())).then_some((10.0, HeaderWhy::Setting))).collect();
            }
            let evidence = known.evidence(kind);
            (0..s.fields.len())
                .map(|f| {
                    let words = evidence[f].clone();
                    match by_number[col] {
                        Some(n) if n == f => Some((words.map_or(0.97, |(w, _)| w.max(0.97)), HeaderWhy::Question(s.fields[f].question.unwrap_or(0)))),
                        // Another field of the same question may still be named by the words ("Q3 Prêteurs").
                        Some(n) if s.fields[f].question.is_some() && s.fields[f].question == s.fields[n].question => words,
                        Some(_) => words.filter(|(w, _)| *w >= 0.95),
                        None => words,
                    }
                })
                .collect()
        })
        .collect()
}

/// Places the columns of `table`, whose header is row `header_index`, on the fields of `kind`.
/// Without `with_values` only the headers count (choosing the header row and kind is cheap that way).
pub fn place_columns(kind: TableKind, table: &RawTable, header_index: usize, settings: &ColumnSettings, with_values: bool) -> Placement {
    let s = schema(kind);
    let header: &[Cell] = table.rows.get(header_index).map_or(&[], Vec::as_slice);
    let width = if with_values { table.rows.iter().map(Vec::len).max().unwrap_or(0) } else { header.len() };
    let texts: Vec<Option<&str>> = (0..width).map(|c| header.get(c).and_then(header_text)).collect();
    let options: Vec<Option<(&'static str, String)>> =
        texts.iter().map(|t| t.and_then(|t| choice_column(kind, t)).filter(|_| settings.field_for(kind, t.unwrap_or("")).is_none())).collect();
    let known: Vec<Option<Arc<KnownHeader>>> =
        texts.iter().zip(&options).map(|(t, o)| if o.is_some() { None } else { Some(KnownHeader::of(t.unwrap_or(""))) }).collect();
    let readings: Vec<Option<&HeaderReading>> = known.iter().map(|k| k.as_deref().map(|k| &k.reading)).collect();
    let ignored: Vec<bool> = texts.iter().map(|t| t.is_some_and(|t| settings.field_for(kind, t) == Some(None))).collect();
    let headers = header_matrix(kind, &known, settings);
    let profiles: Vec<Option<ValueProfile>> = (0..width)
        .map(|c| (with_values && options[c].is_none()).then(|| ValueProfile::of(table, header_index, c, &s.missing_values)))
        .collect();
    let kinds: Vec<ValueKind> = s.fields.iter().map(ValueKind::of_field).collect();
    let verdicts: Vec<Vec<Verdict>> = (0..width)
        .map(|c| (0..s.fields.len()).map(|f| judge(kinds[f], headers[c][f].clone(), profiles[c].as_ref())).collect())
        .collect();
    let scores: Vec<Vec<f64>> = verdicts.iter().map(|row| row.iter().map(|v| if let Verdict::Allowed(p) = v { p.score } else { 0.0 }).collect()).collect();
    let mut assigned = assign_columns(&scores);
    assigned.resize(width, None);
    let mut pairings: Vec<Option<Pairing>> =
        (0..width).map(|c| assigned[c].and_then(|f| if let Verdict::Allowed(p) = &verdicts[c][f] { Some(p.clone()) } else { None })).collect();
    let mut names = vec![None; width];
    if with_values {
        place_by_values(&readings, &profiles, &kinds, &ignored, &mut assigned, &mut pairings);
        for c in 0..width {
            let holds_names = profiles[c].as_ref().and_then(|p| p.fit(ValueKind::Person)).is_some_and(|fit| fit >= assign::CLEAR_SHARE);
            let from_setting = pairings[c].as_ref().is_some_and(|p| matches!(p.header, Some((_, HeaderWhy::Setting))));
            if let Some(f) = assigned[c].filter(|&f| holds_names && !from_setting && kinds[f] == ValueKind::Text && !s.fields[f].people) {
                names[c] = Some(s.fields[f].name.as_str());
                assigned[c] = None;
                pairings[c] = None;
            }
        }
    }
    let field_name = |f: usize| -> &'static str { s.fields[f].name.as_str() };
    let mut placement = Placement::default();
    for c in 0..width {
        if let Some((field, choice)) = options[c].clone() {
            placement.options.push((c, field, choice.clone()));
            placement.report.push(ColumnReport { col: c, header: texts[c].unwrap_or_default().to_string(), values: ValueProfile::default(), outcome: Outcome::Choice { field, choice } });
            continue;
        }
        if let (Some(f), Some(p)) = (assigned[c], &pairings[c]) {
            placement.columns.push((c, field_name(f)));
            placement.header_score += p.header.as_ref().map_or(0.0, |(h, _)| h.min(1.0));
        }
        let profile = profiles[c].clone().unwrap_or_default();
        if texts[c].is_none() && profile.filled == 0 {
            continue;
        }
        let by_values = (0..kinds.len()).filter_map(|f| judge_values(kinds[f], &profile, false).map(|p| (f, p))).max_by(|a, b| a.1.score.total_cmp(&b.1.score));
        let outcome = match names[c] {
            Some(field) => Outcome::Names { field },
            None => outcome_of(c, &assigned, &pairings, &verdicts[c], &profile, ignored[c], by_values, field_name),
        };
        placement.report.push(ColumnReport { col: c, header: texts[c].unwrap_or_default().to_string(), values: profile, outcome });
    }
    placement
}

/// Columns whose header says nothing, placed on the one free field their values clearly fit.
fn place_by_values(
    readings: &[Option<&HeaderReading>],
    profiles: &[Option<ValueProfile>],
    kinds: &[ValueKind],
    ignored: &[bool],
    assigned: &mut [Option<usize>],
    pairings: &mut [Option<Pairing>],
) {
    for c in 0..readings.len() {
        let (Some(reading), Some(profile)) = (&readings[c], &profiles[c]) else { continue };
        if assigned[c].is_some() || ignored[c] || !reading.says_nothing {
            continue;
        }
        let free = |f: usize| !assigned.contains(&Some(f));
        let fits: Vec<(usize, Pairing)> = (0..kinds.len()).filter(|&f| free(f)).filter_map(|f| judge_values(kinds[f], profile, true).map(|p| (f, p))).collect();
        // Two free fields of the same kind (two dates, two yes/no questions): the values cannot tell which.
        if let [(f, pairing)] = fits.as_slice() {
            assigned[c] = Some(*f);
            pairings[c] = Some(pairing.clone());
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn outcome_of(
    c: usize,
    assigned: &[Option<usize>],
    pairings: &[Option<Pairing>],
    verdicts: &[Verdict],
    profile: &ValueProfile,
    ignored: bool,
    by_values: Option<(usize, Pairing)>,
    field_name: impl Fn(usize) -> &'static str,
) -> Outcome {
    if ignored {
        return Outcome::Ignored;
    }
    if let (Some(f), Some(pairing)) = (assigned[c], &pairings[c]) {
        return Outcome::Placed { field: field_name(f), pairing: pairing.clone() };
    }
    if profile.numbering {
        return Outcome::Numbering;
    }
    let best = |allowed_only: bool| {
        verdicts
            .iter()
            .enumerate()
            .filter_map(|(f, v)| match v {
                Verdict::Allowed(p) => Some((f, p)),
                Verdict::Contradicted(p) if !allowed_only => Some((f, p)),
                _ => None,
            })
            .max_by(|a, b| a.1.score.total_cmp(&b.1.score))
            .map(|(f, p)| (f, p.clone()))
    };
    if let Some((f, _)) = best(true) {
        if let Some(kept) = assigned.iter().position(|a| *a == Some(f)) {
            return Outcome::Competing { field: field_name(f), kept };
        }
    }
    if profile.filled == 0 {
        return Outcome::Empty;
    }
    Outcome::Unplaced { nearest: best(false).or(by_values).map(|(f, p)| (field_name(f), p)) }
}
