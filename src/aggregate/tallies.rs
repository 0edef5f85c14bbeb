//! The figures of the week that add up across communes, beyond the contract's tables: the questionnaire
//! question by question (with every theme cited), what Q3 and Q4 declared, the themes of the answers and
//! lost contact per collège. Each commune's tallies go into its export; consolidation adds them up again,
//! and gets exactly what the direct report of all communes would show.

use super::figures::{self, ranked, CollegeRow, Declared, Question, QuestionRow, ThemeCount};
use super::week::EndOfWeek;
use crate::domain::{Device, Lender};
use std::collections::BTreeMap;

/// What adds up across communes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tallies {
    /// One row per question, Q1 to Q9.
    pub questions: Vec<QuestionRow>,
    pub declared: Declared,
    /// Themes of the answers about offers and needs, most cited first.
    pub themes: Vec<ThemeCount>,
    /// One row per collège, by UAI.
    pub colleges: Vec<CollegeRow>,
}

impl Tallies {
    /// The tallies of the records as they stood at the end of the week.
    pub fn of(end: &EndOfWeek<'_>) -> Tallies {
        Tallies { questions: figures::questions(end), declared: figures::declared(end), themes: figures::themes_cited(end), colleges: figures::colleges(end) }
    }

    /// Several communes' tallies added up.
    ///
    /// ```
    /// use veille::aggregate::{EndOfWeek, Tallies};
    /// let data = veille::normalize::Normalized::default();
    /// let one = Tallies::of(&EndOfWeek::new(&data, "2020-W21".parse().unwrap()));
    /// let two = Tallies::merge([one.clone(), one.clone()]);
    /// assert_eq!(two.questions.len(), 9);
    /// assert_eq!(two, one, "nothing added to nothing");
    /// ```
    pub fn merge(parts: impl IntoIterator<Item = Tallies>) -> Tallies {
        let parts: Vec<Tallies> = parts.into_iter().collect();
        Tallies {
            questions: merge_questions(&parts),
            declared: Declared {
                devices: merge_counts(parts.iter().flat_map(|p| p.declared.devices.iter().copied()), &Device::ALL),
                lenders: merge_counts(parts.iter().flat_map(|p| p.declared.lenders.iter().copied()), &Lender::ALL),
            },
            themes: ranked(parts.iter().flat_map(|p| p.themes.iter().copied())),
            colleges: merge_colleges(parts.iter().flat_map(|p| p.colleges.iter())),
        }
    }
}

fn merge_questions(parts: &[Tallies]) -> Vec<QuestionRow> {
    Question::ALL
        .iter()
        .filter_map(|&question| {
            let same: Vec<&QuestionRow> = parts.iter().filter_map(|p| p.questions.iter().find(|r| r.question == question)).collect();
            if same.is_empty() {
                return None;
            }
            let add = |f: fn(&QuestionRow) -> Option<(i64, i64)>| same.iter().filter_map(|r| f(r)).reduce(|a, b| (a.0 + b.0, a.1 + b.1));
            Some(QuestionRow {
                question,
                answered: same.iter().map(|r| r.answered).sum(),
                yes_no: add(|r| r.yes_no),
                total: add(|r| r.total),
                themes: ranked(same.iter().flat_map(|r| r.themes.iter().copied())),
            })
        })
        .collect()
}

/// Counts added up per item, in vocabulary order, only those cited.
fn merge_counts<T: Copy + PartialEq>(counts: impl Iterator<Item = (T, i64)>, order: &[T]) -> Vec<(T, i64)> {
    let counts: Vec<(T, i64)> = counts.collect();
    order.iter().map(|item| (*item, counts.iter().filter(|(x, _)| x == item).map(|(_, n)| n).sum())).filter(|(_, n)| *n > 0).collect()
}

fn merge_colleges<'a>(rows: impl Iterator<Item = &'a CollegeRow>) -> Vec<CollegeRow> {
    let mut by_uai: BTreeMap<String, CollegeRow> = BTreeMap::new();
    for row in rows {
        match by_uai.get_mut(row.uai.as_str()) {
            Some(sum) => {
                sum.declared += row.declared;
                sum.pupils += row.pupils;
                sum.restored += row.restored;
                sum.in_progress += row.in_progress;
                sum.no_contact += row.no_contact;
            }
            None => {
                by_uai.insert(row.uai.to_string(), row.clone());
            }
        }
    }
    by_uai.into_values().collect()
}
