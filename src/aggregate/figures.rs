//! The figures of the report beyond the contract's tables, as typed rows: the questionnaire question by
//! question, what Q3 and Q4 declared, lost contact per collège, the themes cited, the coverage of quartiers
//! by theme and the *répertoire des dispositifs*. All of them read the week through [`EndOfWeek`].

use super::week::EndOfWeek;
use crate::domain::{Device, Lender, PartnerStatus, RegisterStatus, Uai};
use crate::normalize::{AnswerThemes, PartnerAction, Response};
use crate::reference::Reference;
use std::collections::{BTreeMap, BTreeSet};

/// A question of the prefecture's questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Question {
    Q1,
    Q2,
    Q3,
    Q4,
    Q5,
    Q6,
    Q7,
    Q8,
    Q9,
}

impl Question {
    pub const ALL: [Question; 9] = [Question::Q1, Question::Q2, Question::Q3, Question::Q4, Question::Q5, Question::Q6, Question::Q7, Question::Q8, Question::Q9];

    /// "Q1" … "Q9".
    ///
    /// ```
    /// assert_eq!(veille::aggregate::Question::Q5.code(), "Q5");
    /// ```
    pub fn code(self) -> &'static str {
        ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9"][self as usize]
    }

    /// The themes this question's free-text answer cites, when it has one.
    fn themes(self, themes: &AnswerThemes) -> Option<&[&'static str]> {
        match self {
            Question::Q1 => Some(&themes.q1),
            Question::Q2 => Some(&themes.q2),
            Question::Q5 => Some(&themes.q5),
            Question::Q6 => Some(&themes.q6),
            Question::Q7 => Some(&themes.q7),
            Question::Q8 => Some(&themes.q8),
            Question::Q9 => Some(&themes.q9),
            Question::Q3 | Question::Q4 => None,
        }
    }

    /// Whether a questionnaire answered this question.
    fn answered(self, r: &Response) -> bool {
        match self {
            Question::Q1 => r.q1_joint_work.is_some(),
            Question::Q2 => r.q2_support.is_some(),
            Question::Q3 => r.q3_devices_lent.is_some(),
            Question::Q4 => r.q4_quantities.is_some(),
            Question::Q5 => r.q5_no_answer.is_some(),
            Question::Q6 => r.q6_to_amplify.is_some(),
            Question::Q7 => r.q7_school_support.is_some(),
            Question::Q8 => r.q8_digital_divide.is_some(),
            Question::Q9 => r.q9_summer.is_some(),
        }
    }

    fn yes_no(self, r: &Response) -> Option<bool> {
        match self {
            Question::Q1 => r.q1_joint_work,
            Question::Q3 => r.q3_devices_lent,
            _ => None,
        }
    }
}

/// A theme and how many answers cite it.
pub type ThemeCount = (&'static str, i64);

/// One question of the questionnaire, over the questionnaires returned by the end of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRow {
    pub question: Question,
    pub answered: i64,
    /// (yes, no) for the closed questions Q1 and Q3.
    pub yes_no: Option<(i64, i64)>,
    /// (sum, of which approximate answers) for the counts Q4 and Q5.
    pub total: Option<(i64, i64)>,
    /// Every theme its answers cite, most cited first (the report shows the first three).
    pub themes: Vec<ThemeCount>,
}

/// Theme counts, most cited first (ties by code).
pub(super) fn ranked(counts: impl Iterator<Item = ThemeCount>) -> Vec<ThemeCount> {
    let mut sums: BTreeMap<&'static str, i64> = BTreeMap::new();
    for (code, n) in counts {
        *sums.entry(code).or_default() += n;
    }
    let mut sorted: Vec<ThemeCount> = sums.into_iter().collect();
    sorted.sort_by_key(|(code, count)| (std::cmp::Reverse(*count), *code));
    sorted
}

/// The questionnaire question by question.
pub fn questions(end: &EndOfWeek<'_>) -> Vec<QuestionRow> {
    let rs = &end.responses;
    Question::ALL
        .iter()
        .map(|&q| {
            let yes_no = matches!(q, Question::Q1 | Question::Q3).then(|| {
                let count = |v: bool| rs.iter().filter(|r| q.yes_no(r) == Some(v)).count() as i64;
                (count(true), count(false))
            });
            let total = match q {
                Question::Q4 => Some(rs.iter().filter_map(|r| r.q4_quantities.as_ref()).fold((0, 0), |(t, a), x| (t + i64::from(x.total()), a + i64::from(x.approximate)))),
                Question::Q5 => Some(rs.iter().filter_map(|r| r.q5_no_answer).fold((0, 0), |(t, a), c| (t + i64::from(c.value), a + i64::from(c.approximate)))),
                _ => None,
            };
            let answered = match yes_no {
                Some((yes, no)) => yes + no,
                None => rs.iter().filter(|r| q.answered(r)).count() as i64,
            };
            let themes = ranked(rs.iter().filter_map(|r| q.themes(&r.themes)).flatten().map(|c| (*c, 1)));
            QuestionRow { question: q, answered, yes_no, total, themes }
        })
        .collect()
}

/// What Q4 declared by device and which lenders Q3 cited, in vocabulary order, only those cited.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Declared {
    pub devices: Vec<(Device, i64)>,
    pub lenders: Vec<(Lender, i64)>,
}

pub fn declared(end: &EndOfWeek<'_>) -> Declared {
    let rs = &end.responses;
    let devices = Device::ALL
        .iter()
        .map(|d| (*d, rs.iter().filter_map(|r| r.q4_quantities.as_ref()).flat_map(|q| &q.items).filter(|(x, _)| x == d).map(|(_, n)| i64::from(*n)).sum()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let lenders = Lender::ALL.iter().map(|l| (*l, rs.iter().filter(|r| r.q3_lenders.contains(l)).count() as i64)).filter(|(_, n)| *n > 0).collect();
    Declared { devices, lenders }
}

/// The themes cited in the answers about offers and needs (Q1, Q2, Q6 to Q9), most cited first.
pub fn themes_cited(end: &EndOfWeek<'_>) -> Vec<ThemeCount> {
    ranked(end.responses.iter().flat_map(|r| r.themes.of_offers()).map(|c| (c, 1)))
}

/// A collège's education-priority flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    RepPlus,
    Rep,
    Outside,
}

/// Lost contact in one collège: pupils it declared in the questionnaires it returned itself (Q5), and the
/// register's pupils of that collège as of the end of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct CollegeRow {
    pub uai: Uai,
    pub name: String,
    pub commune: String,
    pub priority: Priority,
    pub declared: i64,
    pub pupils: i64,
    pub restored: i64,
    pub in_progress: i64,
    pub no_contact: i64,
}

pub fn colleges(end: &EndOfWeek<'_>) -> Vec<CollegeRow> {
    let reference = Reference::get();
    let college = |uai: Option<&Uai>| uai.and_then(|u| reference.school(u)).filter(|s| s.is_college);
    // counts: declared, pupils, restored, in progress, no contact.
    let mut by_school: BTreeMap<String, [i64; 5]> = BTreeMap::new();
    for r in &end.responses {
        if let Some(school) = college(r.school.as_ref()) {
            by_school.entry(school.uai.to_string()).or_default()[0] += r.q5_no_answer.map_or(0, |c| i64::from(c.value));
        }
    }
    for pupil in &end.register {
        let Some(school) = college(pupil.entry.school.as_ref()) else { continue };
        let counts = by_school.entry(school.uai.to_string()).or_default();
        counts[1] += 1;
        counts[class_index(pupil.status)] += 1;
    }
    by_school
        .into_iter()
        .filter_map(|(uai, c)| {
            let school = Uai::parse(&uai).and_then(|u| reference.school(&u))?;
            let priority = if school.rep_plus { Priority::RepPlus } else if school.rep { Priority::Rep } else { Priority::Outside };
            let commune = reference.commune(&school.insee).map(|c| c.name.clone()).unwrap_or_default();
            Some(CollegeRow { uai: school.uai.clone(), name: school.name.clone(), commune, priority, declared: c[0], pupils: c[1], restored: c[2], in_progress: c[3], no_contact: c[4] })
        })
        .collect()
}

/// Where a status counts among the collège counts: restored, in progress, or no contact (the same
/// classes as the per-commune register figures).
fn class_index(status: RegisterStatus) -> usize {
    if status.is_restored() {
        2
    } else if status.is_in_progress() {
        3
    } else {
        4
    }
}

/// One line of the *répertoire des dispositifs*: a current action under one of its themes (`None`: it
/// cites none).
#[derive(Debug, Clone)]
pub struct RepertoireRow<'a> {
    pub theme: Option<&'static str>,
    pub action: &'a PartnerAction,
}

/// Every current action under each of its themes.
pub fn repertoire<'a>(end: &EndOfWeek<'a>) -> Vec<RepertoireRow<'a>> {
    end.actions
        .iter()
        .flat_map(|a| {
            let themes: Vec<Option<&'static str>> = if a.themes.is_empty() { vec![None] } else { a.themes.iter().map(|t| Some(*t)).collect() };
            themes.into_iter().map(move |theme| RepertoireRow { theme, action: a })
        })
        .collect()
}

/// One quartier (or arrondissement, or commune, when the sheet names none) of one commune: the themes its
/// open actions cover, those several structures offer there, and those with no offer. A quartier is named
/// with its commune when the actions come from several communes ("Centre-ville (Grigny)"): two communes'
/// "Centre-ville" are two places.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub place: String,
    pub actions: i64,
    pub covered: Vec<&'static str>,
    /// Themes offered by several structures, with how many actions offer them.
    pub repeated: Vec<(&'static str, i64)>,
    pub missing: Vec<&'static str>,
}

/// The place of an action as the coverage names it (see [`CoverageRow`]).
fn coverage_place(a: &PartnerAction, several_communes: bool) -> String {
    let place = a.place();
    let commune = super::commune_name(a.commune.as_str());
    if several_communes && place != commune { format!("{place} ({commune})") } else { place }
}

/// Quartier × theme (suspended actions do not count as an offer).
pub fn coverage(end: &EndOfWeek<'_>) -> Vec<CoverageRow> {
    let open: Vec<&PartnerAction> = end.actions.iter().copied().filter(|a| a.status != PartnerStatus::Suspendu).collect();
    let several = open.iter().map(|a| &a.commune).collect::<BTreeSet<_>>().len() > 1;
    let mut by_place: BTreeMap<String, (i64, BTreeMap<&'static str, Vec<String>>)> = BTreeMap::new();
    for a in open {
        let (actions, themes) = by_place.entry(coverage_place(a, several)).or_default();
        *actions += 1;
        for code in &a.themes {
            themes.entry(code).or_default().push(crate::text::fold(&a.structure));
        }
    }
    by_place
        .into_iter()
        .map(|(place, (actions, themes))| CoverageRow {
            actions,
            covered: themes.keys().copied().collect(),
            repeated: themes.iter().filter(|(_, s)| s.iter().collect::<BTreeSet<_>>().len() > 1).map(|(c, s)| (*c, s.len() as i64)).collect(),
            missing: crate::normalize::all_themes().iter().map(|t| t.code.as_str()).filter(|c| !themes.contains_key(c)).collect(),
            place,
        })
        .collect()
}
