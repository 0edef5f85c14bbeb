//! The tables of the diagnostic's sections beyond the data contract: the questionnaire question by
//! question, what Q3 and Q4 declared, lost contact per collège, the *répertoire des dispositifs*, the
//! coverage of quartiers by theme, communes side by side, and the issues by code. Each one lays out the
//! typed rows of the week ([`crate::aggregate::Week`]) as the publication allows.

use crate::aggregate::{Figure, Priority, QuestionRow, ThemeCount, Week};
use crate::document::{column, Table, Value};
use crate::i18n::Lang;
use crate::normalize::theme;
use crate::privacy::Publication;
use std::collections::BTreeMap;

fn theme_label(code: &str, lang: Lang) -> String {
    theme(code).map(|t| t.label(lang).to_string()).unwrap_or_else(|| code.to_string())
}

/// "soutien scolaire (4), numérique (2)".
fn cited(themes: &[ThemeCount], lang: Lang) -> String {
    themes.iter().map(|(code, n)| format!("{} ({n})", theme_label(code, lang))).collect::<Vec<_>>().join(", ")
}

fn share(part: i64, whole: i64) -> Value {
    if whole == 0 { Value::Empty } else { Value::Text(format!("{} %", (part * 100 + whole / 2) / whole)) }
}

/// "Q1 Travail commun": the question's number and the short title of its schema field.
fn question_label(code: &str) -> Value {
    let schema = crate::detect::schema(crate::domain::TableKind::Questionnaire);
    let prefix = format!("{code} ");
    schema.fields.iter().find(|f| f.title.starts_with(&prefix)).map_or_else(|| code.into(), |f| f.title.clone().into())
}

fn question_row(q: &QuestionRow, lang: Lang) -> Vec<Value> {
    let (yes, no, yes_share) = match q.yes_no {
        Some((yes, no)) => (yes.into(), no.into(), share(yes, yes + no)),
        None => (Value::Empty, Value::Empty, Value::Empty),
    };
    let (total, approximate) = q.total.map_or((Value::Empty, Value::Empty), |(t, a)| (t.into(), a.into()));
    let themes = if q.themes.is_empty() { Value::Empty } else { cited(&q.themes[..q.themes.len().min(3)], lang).into() };
    vec![question_label(q.question.code()), q.answered.into(), yes, no, yes_share, total, approximate, themes]
}

/// One row per question: answered, yes/no shares, totals, approximate answers, most cited themes.
pub fn questions_table(week: &Week<'_>, lang: Lang) -> Table {
    let mut t = Table::new(&[
        column("question", "Question", "Question"),
        column("answered", "Réponses", "Answered"),
        column("yes", "Oui", "Yes"),
        column("no", "Non", "No"),
        column("yes_share", "Part de oui", "Yes share"),
        column("total", "Total déclaré", "Total declared"),
        column("approximate", "Dont approchées", "Of which approximate"),
        column("themes", "Thèmes les plus cités", "Most cited themes"),
    ]);
    for q in &week.tallies.questions {
        t.push(question_row(q, lang));
    }
    t
}

/// Q3 and Q4 in detail: devices declared by type, lenders cited.
pub fn declared_devices_table(week: &Week<'_>, lang: Lang) -> Table {
    let mut t = Table::new(&[column("what", "Déclaré", "Declared"), column("label", "Libellé", "Label"), column("count", "Nombre", "Count")]);
    for (device, n) in &week.tallies.declared.devices {
        t.push(vec![lang.pick("Matériel (Q4)", "Devices (Q4)").into(), device.label(lang).into(), (*n).into()]);
    }
    for (lender, n) in &week.tallies.declared.lenders {
        t.push(vec![lang.pick("Prêteur cité (Q3)", "Lender cited (Q3)").into(), lender.label(lang).into(), (*n).into()]);
    }
    t
}

/// Lost contact per collège (the trio only: per-school counts of lost pupils are too fine for others).
pub fn colleges_table(week: &Week<'_>, lang: Lang) -> Table {
    let mut t = Table::new(&[
        column("uai", "UAI", "UAI"),
        column("college", "Collège", "Collège"),
        column("commune", "Commune", "Commune"),
        column("education_priority", "Éducation prioritaire", "Education priority"),
        column("declared", "Déclarés (Q5)", "Declared (Q5)"),
        column("pupils", "Élèves au registre", "Register pupils"),
        column("restored", "Contact renoué", "Contact restored"),
        column("in_progress", "En cours", "In progress"),
        column("no_contact", "Sans contact", "No contact"),
    ]);
    for c in &week.tallies.colleges {
        let flag = match c.priority {
            Priority::RepPlus => "REP+",
            Priority::Rep => "REP",
            Priority::Outside => lang.pick("hors REP", "not REP"),
        };
        t.push(vec![
            c.uai.as_str().into(), c.name.clone().into(), c.commune.clone().into(), flag.into(), c.declared.into(), c.pupils.into(),
            c.restored.into(), c.in_progress.into(), c.no_contact.into(),
        ]);
    }
    t
}

/// The *répertoire des dispositifs*: every current action under each of its themes, by theme then structure.
pub fn repertoire_table(week: &Week<'_>, lang: Lang) -> Table {
    let mut t = Table::new(&[
        column("theme", "Thème", "Theme"),
        column("structure", "Structure", "Organisation"),
        column("action", "Action", "Action"),
        column("quartier", "Quartier", "Neighbourhood"),
        column("contact", "Contact", "Contact"),
        column("phone", "Téléphone", "Phone"),
        column("status", "Statut", "Status"),
    ]);
    let mut rows: Vec<(String, Vec<Value>)> = Vec::new();
    for r in &week.repertoire {
        let a = r.action;
        let th = r.theme.map_or_else(|| lang.pick("Autre", "Other").to_string(), |c| theme_label(c, lang));
        let quartier = a.place();
        let row = vec![
            th.clone().into(), a.structure.clone().into(), a.action.clone().into(), quartier.into(), a.contact.clone().into(),
            a.phone.as_ref().map(|p| p.display()).into(), a.status.label(lang).into(),
        ];
        rows.push((format!("{}|{}", crate::text::fold(&th), crate::text::fold(&a.structure)), row));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, row) in rows {
        t.push(row);
    }
    t
}

/// Quartier × theme: where offers repeat in one place and which themes have none.
pub fn coverage_table(week: &Week<'_>, lang: Lang) -> Table {
    let mut t = Table::new(&[
        column("quartier", "Quartier", "Neighbourhood"),
        column("actions", "Actions ouvertes", "Open actions"),
        column("themes", "Thèmes couverts", "Themes covered"),
        column("repeated", "Offres répétées (plusieurs structures)", "Repeated offers (several organisations)"),
        column("missing", "Thèmes sans offre", "Themes with no offer"),
    ]);
    let labels = |codes: &mut dyn Iterator<Item = String>| codes.collect::<Vec<_>>().join(", ");
    for c in &week.coverage {
        let covered = labels(&mut c.covered.iter().map(|code| theme_label(code, lang)));
        let repeated = labels(&mut c.repeated.iter().map(|(code, n)| format!("{} ({n})", theme_label(code, lang))));
        let missing = labels(&mut c.missing.iter().map(|code| theme_label(code, lang)));
        t.push(vec![c.place.clone().into(), c.actions.into(), covered.into(), repeated.into(), missing.into()]);
    }
    t
}

fn rate(count: Option<i64>, base: u32, per: f64) -> Value {
    match count {
        None => Value::Hidden,
        Some(_) if base == 0 => Value::Empty,
        Some(count) => Value::Float((count as f64 * per / f64::from(base) * 10.0).round() / 10.0),
    }
}

/// Communes side by side: counts, and rates per 1,000 collège pupils and per 10,000 inhabitants. A rate
/// computed from a hidden count is hidden too.
pub fn comparison_table(p: &Publication<'_>) -> Table {
    let mut t = Table::new(&[
        column("commune_insee", "Code INSEE", "INSEE code"),
        column("commune", "Commune", "Commune"),
        column("population", "Population", "Population"),
        column("college_pupils", "Collégiens", "Collège pupils"),
        column("responses", "Questionnaires", "Questionnaires"),
        column("declared", "Déclarés (Q5)", "Declared (Q5)"),
        column("declared_per_1000_pupils", "Déclarés pour 1 000 collégiens", "Declared per 1,000 pupils"),
        column("register_pupils", "Élèves au registre", "Register pupils"),
        column("register_per_1000_pupils", "Registre pour 1 000 collégiens", "Register per 1,000 pupils"),
        column("register_per_10000_inhabitants", "Registre pour 10 000 habitants", "Register per 10,000 inhabitants"),
        column("devices_lent", "Appareils prêtés", "Devices lent"),
    ]);
    let week = p.week;
    for (i, (c, base)) in week.aggregates.communes.iter().zip(&week.bases).enumerate() {
        let figure = |f: Figure| p.commune_total(i, f);
        let count = |f: Figure| figure(f).map_or(Value::Hidden, Value::Int);
        let (declared, register) = (figure(Figure::LostContactDeclared), figure(Figure::RegisterPupils));
        t.push(vec![
            c.insee.clone().into(), c.name.clone().into(), i64::from(base.population).into(), i64::from(base.college_pupils).into(), c.totals.responses.into(),
            count(Figure::LostContactDeclared), rate(declared, base.college_pupils, 1000.0),
            count(Figure::RegisterPupils), rate(register, base.college_pupils, 1000.0),
            rate(register, base.population, 10000.0), count(Figure::DevicesLent),
        ]);
    }
    t
}

/// How many issues of each code and severity: the summary of `data/issues.csv`.
pub fn issues_by_code_table(issues: &crate::issues::IssueLog) -> Table {
    let mut t = Table::new(&[column("code", "Code", "Code"), column("severity", "Gravité", "Severity"), column("issues", "Problèmes", "Issues")]);
    let mut counts: BTreeMap<(&str, crate::issues::Severity), i64> = BTreeMap::new();
    for issue in issues.iter() {
        *counts.entry((issue.code, issue.severity)).or_default() += 1;
    }
    for ((code, severity), n) in counts {
        t.push(vec![code.into(), severity.as_str().into(), n.into()]);
    }
    t
}
