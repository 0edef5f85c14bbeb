//! The questionnaire in **form layout**: one questionnaire per sheet, the question in one column and the
//! answer in the next, the commune on a line such as "Commune : Grigny". A professional who fills the form
//! alone sends this shape; it is read as one response.

use super::columns::match_header;
use super::schema::schema;
use crate::domain::TableKind;
use crate::ingest::{Cell, RawTable};

/// How many rows a one-page form may span.
const FORM_MAX_ROWS: usize = 120;
/// How many distinct questionnaire fields must be labelled before a sheet counts as a form.
const FORM_MIN_FIELDS: usize = 4;

/// One answer of a form: the field its label names, and where the answer is.
#[derive(Debug, Clone, PartialEq)]
pub struct FormAnswer {
    pub field: &'static str,
    /// Index in `RawTable::rows` of the answer's row.
    pub row: usize,
    /// Index in that row of the answer's cell (the label's own cell for "Commune : Grigny").
    pub col: usize,
    /// The answer (for an inline label, the text after the colon).
    pub value: Cell,
}

fn label_of(row: &[Cell]) -> Option<(usize, String)> {
    row.iter().enumerate().find_map(|(col, cell)| match cell {
        Cell::Text(t) if !t.trim().is_empty() => Some((col, t.trim().to_string())),
        _ => None,
    })
}

/// The answer of one labelled row: the next non-blank cell on the right, else the text after a colon in
/// the label itself ("Commune : Grigny"), else an empty answer beside the label.
fn answer_of(row: &[Cell], label_col: usize, label: &str) -> (String, usize, Cell) {
    if let Some((col, cell)) = row.iter().enumerate().skip(label_col + 1).find(|(_, c)| !c.is_blank()) {
        return (label.to_string(), col, cell.clone());
    }
    match label.split_once(':') {
        Some((before, after)) if !after.trim().is_empty() && !before.trim().is_empty() => {
            (before.trim().to_string(), label_col, Cell::Text(after.trim().to_string()))
        }
        _ => (label.to_string(), label_col + 1, Cell::Empty),
    }
}

/// The answers of a sheet in form layout, or `None` when the sheet is not one.
///
/// ```
/// use veille::detect::detect_form;
/// use veille::ingest::{Cell, RawTable};
/// let text = |s: &str| Cell::Text(s.to_string());
/// let table = RawTable {
///     file: "questionnaire_mjc.xlsx".into(), sheet: "Questionnaire".into(), first_row: 1, first_col: 0,
///     rows: vec![
///         vec![text("Commune : Grigny")],
///         vec![text("Structure"), text("MJC")],
///         vec![text("Q1 Les partenaires ont-ils pu réaliser un travail commun pour maintenir la continuité éducative ?"), text("oui")],
///         vec![text("Q5 Combien d'élèves n'ont pas répondu aux sollicitations ?"), text("une douzaine")],
///     ],
/// };
/// let answers = detect_form(&table).unwrap();
/// let commune = answers.iter().find(|a| a.field == "commune").unwrap();
/// assert_eq!((commune.row, commune.value.clone()), (0, text("Grigny")));
/// assert!(answers.iter().any(|a| a.field == "q5_eleves_sans_reponse" && a.value == text("une douzaine")));
/// ```
pub fn detect_form(table: &RawTable) -> Option<Vec<FormAnswer>> {
    let schema = schema(TableKind::Questionnaire);
    let mut best: Vec<Option<(FormAnswer, f64)>> = vec![None; schema.fields.len()];
    for (index, row) in table.rows.iter().enumerate().take(FORM_MAX_ROWS) {
        let Some((label_col, label)) = label_of(row) else { continue };
        let (label, col, value) = answer_of(row, label_col, &label);
        let Some((field, score)) = match_header(schema, &label) else { continue };
        if best[field].as_ref().is_none_or(|(_, s)| score > *s) {
            let answer = FormAnswer { field: schema.fields[field].name.as_str(), row: index, col, value };
            best[field] = Some((answer, score));
        }
    }
    let mut answers: Vec<FormAnswer> = best.into_iter().flatten().map(|(a, _)| a).collect();
    // A form counts when at least one question is answered: a sheet listing the questions alone (a guide,
    // a blank form) is not a response.
    let asks_questions = answers.iter().any(|a| a.field.starts_with('q') && !a.value.is_blank());
    if answers.len() < FORM_MIN_FIELDS || !asks_questions {
        return None;
    }
    answers.sort_by_key(|a| (a.row, a.col));
    Some(answers)
}
