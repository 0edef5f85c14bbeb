//! The tables of the output contract (`data/*.csv`), built from the run's records and figures.

use crate::aggregate::{Aggregates, PupilState};
use crate::document::{column, Table, Value};
use crate::i18n::Lang;
use crate::issues::IssueLog;
use crate::normalize::{Response, TableIntake};
use crate::privacy::{LoanFigure, LostContactFigure, Publication};

pub fn intake_table(intake: &[TableIntake]) -> Table {
    let mut t = Table::new(&[
        column("file", "Fichier", "File"),
        column("sheet", "Feuille", "Sheet"),
        column("kind", "Type", "Kind"),
        column("rows_read", "Lignes lues", "Rows read"),
        column("rows_accepted", "Acceptées", "Accepted"),
        column("rows_rejected", "Rejetées", "Rejected"),
        column("rows_ignored", "Ignorées", "Ignored"),
    ]);
    for i in intake {
        t.push(vec![
            i.file.as_str().into(),
            i.sheet.as_str().into(),
            i.kind.map(|k| k.as_str()).into(),
            (i.rows_read as i64).into(),
            (i.rows_accepted as i64).into(),
            (i.rows_rejected as i64).into(),
            (i.rows_ignored as i64).into(),
        ]);
    }
    t
}

/// The intake summed up by kind of table, for the PDF of a run that read many files.
pub fn intake_by_kind(intake: &[TableIntake]) -> Table {
    let mut t = Table::new(&[
        column("kind", "Type", "Kind"),
        column("tables", "Tableaux", "Tables"),
        column("rows_read", "Lignes lues", "Rows read"),
        column("rows_accepted", "Acceptées", "Accepted"),
        column("rows_rejected", "Rejetées", "Rejected"),
        column("rows_ignored", "Ignorées", "Ignored"),
    ]);
    let mut kinds: std::collections::BTreeMap<&str, [usize; 5]> = std::collections::BTreeMap::new();
    for i in intake {
        let sums = kinds.entry(i.kind.map_or("", |k| k.as_str())).or_default();
        for (sum, n) in sums.iter_mut().zip([1, i.rows_read, i.rows_accepted, i.rows_rejected, i.rows_ignored]) {
            *sum += n;
        }
    }
    for (kind, n) in kinds {
        t.push(std::iter::once(Value::from(kind)).chain(n.iter().map(|v| Value::Int(*v as i64))).collect());
    }
    t
}

pub fn issues_table(issues: &IssueLog, lang: Lang) -> Table {
    let mut t = Table::new(&[
        column("file", "Fichier", "File"),
        column("sheet", "Feuille", "Sheet"),
        column("row", "Ligne", "Row"),
        column("column", "Colonne", "Column"),
        column("severity", "Gravité", "Severity"),
        column("code", "Code", "Code"),
        column("message", "Message", "Message"),
    ]);
    for i in issues.sorted() {
        t.push(vec![
            i.location.file.as_str().into(),
            i.location.sheet.as_str().into(),
            i.location.row.map(i64::from).into(),
            i.location.column.clone().into(),
            i.severity.as_str().into(),
            i.code.into(),
            i.message(lang).into(),
        ]);
    }
    t
}

fn yes_no(b: Option<bool>) -> Value {
    b.map(|b| if b { "oui" } else { "non" }).into()
}

fn flag(b: bool) -> Value {
    Value::from(if b { "true" } else { "false" })
}

fn themes(found: &[&'static str]) -> Value {
    if found.is_empty() { Value::Empty } else { Value::Text(found.join(";")) }
}

/// One row per question answered: `q1`…`q9`, with the yes/no, number, themes and text of that question.
pub fn answers_table(responses: &[&Response], with_text: bool) -> Table {
    let mut t = Table::new(&[
        column("response_id", "Réponse", "Response"),
        column("commune_insee", "Code INSEE", "INSEE code"),
        column("question", "Question", "Question"),
        column("yes_no", "Oui/non", "Yes/no"),
        column("number", "Nombre", "Number"),
        column("approximate", "Approché", "Approximate"),
        column("themes", "Thèmes", "Themes"),
        column("text", "Texte", "Text"),
        column("arrondissement_insee", "Arrondissement (code INSEE)", "Arrondissement (INSEE code)"),
    ]);
    for r in responses {
        let lenders = r.q3_lenders.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(";");
        let q4_number = r.q4_quantities.as_ref().map(|q| q.total() as i64);
        let q4_text = r.q4_quantities.as_ref().map(|q| {
            q.items.iter().map(|(d, n)| format!("{}={n}", d.as_str())).collect::<Vec<_>>().join(";")
        });
        let th = &r.themes;
        let none: &[&'static str] = &[];
        let questions: [(&str, Value, Option<i64>, Option<bool>, &[&'static str], Option<String>); 9] = [
            ("q1", yes_no(r.q1_joint_work), None, None, &th.q1, r.q1_which.clone()),
            ("q2", Value::Empty, None, None, &th.q2, r.q2_support.clone()),
            ("q3", yes_no(r.q3_devices_lent), None, None, none, (!lenders.is_empty()).then_some(lenders)),
            ("q4", Value::Empty, q4_number, r.q4_quantities.as_ref().map(|q| q.approximate), none, q4_text),
            ("q5", Value::Empty, r.q5_no_answer.map(|c| c.value as i64), r.q5_no_answer.map(|c| c.approximate), none, r.q5_which.clone()),
            ("q6", Value::Empty, None, None, &th.q6, r.q6_to_amplify.clone()),
            ("q7", Value::Empty, None, None, &th.q7, r.q7_school_support.clone()),
            ("q8", Value::Empty, None, None, &th.q8, r.q8_digital_divide.clone()),
            ("q9", Value::Empty, None, None, &th.q9, r.q9_summer.clone()),
        ];
        for (question, yn, number, approximate, found, text) in questions {
            if yn == Value::Empty && number.is_none() && text.is_none() {
                continue;
            }
            t.push(vec![
                r.id.as_str().into(),
                r.commune.as_ref().map(|c| c.as_str()).into(),
                question.into(),
                yn,
                number.into(),
                approximate.map(flag).unwrap_or(Value::Empty),
                themes(found),
                if with_text { text.into() } else { Value::Empty },
                r.arrondissement.as_ref().map(|c| c.as_str()).into(),
            ]);
        }
    }
    t
}

fn shown(value: Option<i64>) -> Value {
    value.map_or(Value::Hidden, Value::Int)
}

/// `lost_contact_by_commune.csv`, with `s` where secrecy hides a count.
pub fn lost_contact_table(p: &Publication<'_>) -> Table {
    let mut t = Table::new(&[
        column("commune_insee", "Code INSEE", "INSEE code"),
        column("commune", "Commune", "Commune"),
        column("declared", "Déclarés (Q5)", "Declared (Q5)"),
        column("declared_respondents", "Répondants Q5", "Q5 respondents"),
        column("register_pupils", "Élèves au registre", "Register pupils"),
        column("register_with_consent", "Dont adhésion famille", "With family consent"),
        column("restored", "Contact renoué", "Contact restored"),
        column("in_progress", "En cours", "In progress"),
        column("no_contact", "Sans contact", "No contact"),
    ]);
    use LostContactFigure::*;
    for (i, r) in p.week.aggregates.lost_contact.iter().enumerate() {
        let cell = |f: LostContactFigure| shown(p.lost_contact(i, f));
        t.push(vec![
            r.commune_insee.as_str().into(),
            r.commune.as_str().into(),
            cell(Declared),
            r.declared_respondents.into(),
            cell(RegisterPupils),
            cell(RegisterWithConsent),
            cell(Restored),
            cell(InProgress),
            cell(NoContact),
        ]);
    }
    t
}

/// `loans_by_commune.csv`, with `s` where secrecy hides a count.
pub fn loans_table(p: &Publication<'_>) -> Table {
    let mut t = Table::new(&[
        column("commune_insee", "Code INSEE", "INSEE code"),
        column("commune", "Commune", "Commune"),
        column("lender", "Prêteur", "Lender"),
        column("device", "Matériel", "Device"),
        column("lent", "Prêtés", "Lent"),
        column("returned", "Rendus", "Returned"),
        column("outstanding", "En prêt", "Outstanding"),
    ]);
    for (i, r) in p.week.aggregates.loans.iter().enumerate() {
        let cell = |f: LoanFigure| shown(p.loan(i, f));
        t.push(vec![
            r.commune_insee.as_str().into(),
            r.commune.as_str().into(),
            r.lender.as_str().into(),
            r.device.as_str().into(),
            cell(LoanFigure::Lent),
            cell(LoanFigure::Returned),
            cell(LoanFigure::Outstanding),
        ]);
    }
    t
}

pub fn partners_table(agg: &Aggregates) -> Table {
    let mut t = Table::new(&[
        column("commune_insee", "Code INSEE", "INSEE code"),
        column("commune", "Commune", "Commune"),
        column("status", "Statut", "Status"),
        column("actions", "Actions", "Actions"),
        column("stale_actions", "Fiches périmées", "Stale sheets"),
    ]);
    for r in &agg.partners {
        t.push(vec![
            r.commune_insee.as_str().into(),
            r.commune.as_str().into(),
            r.status.as_str().into(),
            r.actions.into(),
            r.stale_actions.into(),
        ]);
    }
    t
}

/// The register as the trio follows it: one row per pupil (latest row by date of report, as of the end
/// of the week), only for families who agreed (charter, article 4). Pupils appear as pseudonyms.
pub fn register_table(register: &[PupilState<'_>], lang: Lang) -> Table {
    let mut t = Table::new(&[
        column("pupil", "Élève (pseudonyme)", "Pupil (pseudonym)"),
        column("school_uai", "Établissement (UAI)", "School (UAI)"),
        column("level", "Niveau", "Level"),
        column("commune_insee", "Code INSEE", "INSEE code"),
        column("reported_on", "Signalé le", "Reported on"),
        column("status", "Statut", "Status"),
        column("closed_on", "Clos le", "Closed on"),
        column("comment", "Commentaire", "Comment"),
        column("arrondissement_insee", "Arrondissement (code INSEE)", "Arrondissement (INSEE code)"),
    ]);
    for pupil in register.iter().filter(|p| p.entry.family_consent == Some(true)) {
        let e = pupil.entry;
        t.push(vec![
            e.pupil.as_str().into(),
            e.school.as_ref().map(|u| u.as_str()).into(),
            e.level.clone().into(),
            e.commune.as_str().into(),
            e.reported_on.format("%d/%m/%Y").to_string().into(),
            pupil.status.label(lang).into(),
            e.closed_on.map(|d| d.format("%d/%m/%Y").to_string()).into(),
            e.comment.clone().into(),
            e.arrondissement.as_ref().map(|c| c.as_str()).into(),
        ]);
    }
    t
}
