//! Numbered questionnaire headers: "Q1 Partenariat ?", "Q3 - qui ?", "Question 5", "5.", LimeSurvey's
//! "Q05" and "Q05[SQ001]". The first column of a question is its main answer, the next one (numbered the
//! same, or a follow-up such as "Lequel ?" right after it) its second field.

use super::memo::KnownHeader;
use super::reading::HeaderReading;
use crate::detect::schema::{schema, TableSchema};
use crate::domain::TableKind;
use std::sync::Arc;

/// Words that ask for a question's second answer.
const FOLLOW_UP_WORDS: &[&str] = &["lequel", "laquelle", "lesquels", "lesquelles", "qui", "quels", "quelles", "precisez", "preciser", "precision", "si oui", "detail", "details"];

fn is_follow_up(reading: &HeaderReading) -> bool {
    let folded = format!(" {} ", reading.folded);
    FOLLOW_UP_WORDS.iter().any(|w| folded.contains(&format!(" {w} ")))
}

/// The fields of question `n`: its main answer and its follow-up, if any.
fn question(schema: &TableSchema, n: u8) -> (Option<usize>, Option<usize>) {
    let find = |follow: bool| schema.fields.iter().position(|f| f.question == Some(n) && f.follow_up == follow);
    (find(false), find(true))
}

/// The best field a header's words name, if they name one clearly.
fn named_by_words(kind: TableKind, header: &KnownHeader) -> Option<usize> {
    header
        .evidence(kind)
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.as_ref().map(|(s, _)| (i, *s)))
        .filter(|(_, s)| *s >= 0.75)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Bare numbers ("5.") are question numbers only when no numbered header's words name another field:
/// "1. Votre commune", "2. Structure" number a form's items, not its questions.
fn bare_numbers_are_questions(kind: TableKind, schema: &TableSchema, headers: &[Option<Arc<KnownHeader>>]) -> bool {
    headers.iter().flatten().filter(|h| h.reading.question.is_some_and(|q| !q.explicit)).all(|h| {
        let number = h.reading.question.map(|q| q.number);
        named_by_words(kind, h).is_none_or(|field| schema.fields[field].question == number)
    })
}

/// For each column, the questionnaire field its question number gives (`None` for other kinds of table,
/// or a column without a number).
pub fn question_fields(kind: TableKind, headers: &[Option<Arc<KnownHeader>>]) -> Vec<Option<usize>> {
    let schema = schema(kind);
    let mut fields = vec![None; headers.len()];
    if !schema.fields.iter().any(|f| f.question.is_some()) {
        return fields;
    }
    let bare_ok = bare_numbers_are_questions(kind, schema, headers);
    let mut columns_seen = [0usize; 21];
    let mut previous_main: Option<u8> = None;
    for (col, header) in headers.iter().enumerate() {
        let Some(header) = header else {
            previous_main = None;
            continue;
        };
        let reading = &header.reading;
        let number = reading.question.filter(|q| q.explicit || bare_ok).map(|q| q.number);
        match number {
            Some(n) => {
                let (main, follow) = question(schema, n);
                let seen = &mut columns_seen[usize::from(n)];
                // "Q3 - Par qui ?" alone names the follow-up by its words.
                let named = named_by_words(kind, header);
                let wants_follow = *seen == 0 && follow.is_some() && (named == follow || (is_follow_up(reading) && named != main));
                fields[col] = match *seen {
                    0 if wants_follow => follow,
                    0 => main,
                    1 => follow,
                    _ => None,
                };
                *seen += 1;
                previous_main = if fields[col] == main { Some(n) } else { None };
            }
            None => {
                if let Some(n) = previous_main.take() {
                    let (_, follow) = question(schema, n);
                    if follow.is_some() && is_follow_up(reading) && columns_seen[usize::from(n)] == 1 {
                        fields[col] = follow;
                        columns_seen[usize::from(n)] += 1;
                    }
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(headers: &[&str]) -> Vec<Option<String>> {
        let s = schema(TableKind::Questionnaire);
        let known: Vec<Option<Arc<KnownHeader>>> = headers.iter().map(|h| Some(KnownHeader::of(h))).collect();
        question_fields(TableKind::Questionnaire, &known).into_iter().map(|f| f.map(|i| s.fields[i].name.clone())).collect()
    }

    #[test]
    fn numbers_give_main_then_follow_up() {
        let got = names(&["Q1 Partenariat ?", "Q1 bis", "Q3", "Q3 - qui ?", "Q05[SQ001]", "Q05[SQ002]", "Q6 À amplifier"]);
        let want = ["q1_travail_commun", "q1_lequel", "q3_materiel_prete", "q3_preteurs", "q5_eleves_sans_reponse", "q5_quels_eleves", "q6_actions_a_amplifier"];
        assert_eq!(got, want.iter().map(|w| Some(w.to_string())).collect::<Vec<_>>());
    }

    #[test]
    fn an_unnumbered_follow_up_after_its_question() {
        let got = names(&["Question 1", "Lequel ?", "Question 2"]);
        assert_eq!(got[1].as_deref(), Some("q1_lequel"));
        assert_eq!(got[2].as_deref(), Some("q2_accompagnements"));
    }

    #[test]
    fn numbered_form_items_are_not_questions() {
        let got = names(&["1. Votre commune", "2. Structure", "3. Les partenaires ont-ils pu réaliser un travail commun ?"]);
        assert_eq!(got, vec![None, None, None]);
    }
}
