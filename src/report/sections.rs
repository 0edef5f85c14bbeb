//! The tables of the diagnostic's sections beyond the data contract (DESIGN.md, issue "diagnostic"):
//! the questionnaire question by question, lost contact per collège, the *répertoire des dispositifs*,
//! the coverage of quartiers by theme, and communes side by side. The workbook and the PDF both show them.

use super::table::{column, Table, Value};
use super::tables::returned_by;
use super::ReportInput;
use crate::aggregate::current_actions;
use crate::domain::RegisterStatus;
use crate::normalize::{all_themes, theme, themes_of, Response};
use crate::reference::Reference;
use std::collections::BTreeMap;

fn share(part: usize, whole: usize) -> Value {
    if whole == 0 { Value::Empty } else { Value::Text(format!("{} %", (part * 100 + whole / 2) / whole)) }
}

fn theme_label(code: &str, input: &ReportInput<'_>) -> String {
    theme(code).map(|t| t.label(input.lang).to_string()).unwrap_or_else(|| code.to_string())
}

/// The themes a set of texts cites most, "soutien scolaire (4), numérique (2)".
pub fn top_themes<'a>(texts: impl Iterator<Item = &'a str>, input: &ReportInput<'_>, n: usize) -> String {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for text in texts {
        for code in themes_of(text) {
            *counts.entry(code).or_default() += 1;
        }
    }
    let mut sorted: Vec<(&str, usize)> = counts.into_iter().collect();
    sorted.sort_by_key(|(code, count)| (std::cmp::Reverse(*count), *code));
    sorted.iter().take(n).map(|(code, count)| format!("{} ({count})", theme_label(code, input))).collect::<Vec<_>>().join(", ")
}

/// "Q1 Travail commun": the question's number and the short title of its schema field.
fn question_label(q: &str) -> Value {
    let schema = crate::detect::schema(crate::domain::TableKind::Questionnaire);
    let prefix = format!("{q} ");
    schema.fields.iter().find(|f| f.title.starts_with(&prefix)).map_or_else(|| q.into(), |f| f.title.clone().into())
}

fn returned<'a>(input: &'a ReportInput<'_>) -> Vec<&'a Response> {
    input.data.responses.iter().filter(|r| returned_by(r, input.week)).collect()
}

/// One row per question: answered, yes/no shares, totals, approximate answers, most cited themes.
pub fn questions_table(input: &ReportInput<'_>) -> Table {
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
    let rs = returned(input);
    type Text = fn(&Response) -> Option<&str>;
    let texts: [(&str, Text); 7] = [
        ("Q1", |r| r.q1_which.as_deref()), ("Q2", |r| r.q2_support.as_deref()), ("Q5", |r| r.q5_which.as_deref()),
        ("Q6", |r| r.q6_to_amplify.as_deref()), ("Q7", |r| r.q7_school_support.as_deref()), ("Q8", |r| r.q8_digital_divide.as_deref()),
        ("Q9", |r| r.q9_summer.as_deref()),
    ];
    let themes = |q: &str| texts.iter().find(|(n, _)| *n == q).map(|(_, f)| top_themes(rs.iter().filter_map(|r| f(r)), input, 3)).unwrap_or_default();
    let yes_no = |f: fn(&Response) -> Option<bool>| {
        let (yes, no) = (rs.iter().filter(|r| f(r) == Some(true)).count(), rs.iter().filter(|r| f(r) == Some(false)).count());
        (yes + no, yes, no)
    };
    let (a1, y1, n1) = yes_no(|r| r.q1_joint_work);
    let (a3, y3, n3) = yes_no(|r| r.q3_devices_lent);
    let q4: Vec<_> = rs.iter().filter_map(|r| r.q4_quantities.as_ref()).collect();
    let q5: Vec<_> = rs.iter().filter_map(|r| r.q5_no_answer).collect();
    let answered = |f: Text| rs.iter().filter(|r| f(r).is_some()).count() as i64;
    let rows: Vec<Vec<Value>> = vec![
        vec!["Q1".into(), (a1 as i64).into(), (y1 as i64).into(), (n1 as i64).into(), share(y1, a1), Value::Empty, Value::Empty, themes("Q1").into()],
        vec!["Q2".into(), answered(texts[1].1).into(), Value::Empty, Value::Empty, Value::Empty, Value::Empty, Value::Empty, themes("Q2").into()],
        vec!["Q3".into(), (a3 as i64).into(), (y3 as i64).into(), (n3 as i64).into(), share(y3, a3), Value::Empty, Value::Empty, Value::Empty],
        vec![
            "Q4".into(), (q4.len() as i64).into(), Value::Empty, Value::Empty, Value::Empty,
            q4.iter().map(|q| i64::from(q.total())).sum::<i64>().into(), (q4.iter().filter(|q| q.approximate).count() as i64).into(), Value::Empty,
        ],
        vec![
            "Q5".into(), (q5.len() as i64).into(), Value::Empty, Value::Empty, Value::Empty,
            q5.iter().map(|c| i64::from(c.value)).sum::<i64>().into(), (q5.iter().filter(|c| c.approximate).count() as i64).into(), themes("Q5").into(),
        ],
    ];
    for mut row in rows {
        if let Some(Value::Text(q)) = row.first() {
            row[0] = question_label(q);
        }
        t.push(row);
    }
    for (q, f) in &texts[3..] {
        t.push(vec![question_label(q), answered(*f).into(), Value::Empty, Value::Empty, Value::Empty, Value::Empty, Value::Empty, themes(q).into()]);
    }
    t
}

/// Q3 and Q4 in detail: devices declared by type, lenders cited.
pub fn declared_devices_table(input: &ReportInput<'_>) -> Table {
    let lang = input.lang;
    let mut t = Table::new(&[column("what", "Déclaré", "Declared"), column("label", "Libellé", "Label"), column("count", "Nombre", "Count")]);
    let rs = returned(input);
    for device in crate::domain::Device::ALL {
        let n: u32 = rs.iter().filter_map(|r| r.q4_quantities.as_ref()).flat_map(|q| &q.items).filter(|(d, _)| d == device).map(|(_, n)| n).sum();
        if n > 0 {
            t.push(vec![lang.pick("Matériel (Q4)", "Devices (Q4)").into(), device.label(lang).into(), i64::from(n).into()]);
        }
    }
    for lender in crate::domain::Lender::ALL {
        let n = rs.iter().filter(|r| r.q3_lenders.contains(lender)).count();
        if n > 0 {
            t.push(vec![lang.pick("Prêteur cité (Q3)", "Lender cited (Q3)").into(), lender.label(lang).into(), (n as i64).into()]);
        }
    }
    t
}

/// Lost contact per collège: pupils declared in the questionnaires the collège returned itself (Q5), and
/// the register (latest row of each pupil by the end of the week), with the REP / REP+ flag. Only for the trio: per-school counts of lost pupils are too fine for other readers.
pub fn colleges_table(input: &ReportInput<'_>) -> Table {
    let lang = input.lang;
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
    let reference = Reference::get();
    let mut by_school: BTreeMap<String, [i64; 5]> = BTreeMap::new();
    // A questionnaire returned by a collège ("Structure: Collège Les Sablons") declares its own pupils.
    for r in returned(input) {
        if let Some(school) = r.school.as_ref().and_then(|u| reference.school(u)).filter(|s| s.is_college) {
            by_school.entry(school.uai.to_string()).or_default()[4] += r.q5_no_answer.map_or(0, |c| i64::from(c.value));
        }
    }
    for e in crate::aggregate::latest_register_states(&input.data.register, input.week) {
        let Some(school) = e.school.as_ref().and_then(|u| reference.school(u)).filter(|s| s.is_college) else { continue };
        let counts = by_school.entry(school.uai.to_string()).or_default();
        counts[0] += 1;
        let i = if e.status.is_restored() { 1 } else if e.status == RegisterStatus::SansContact { 3 } else { 2 };
        counts[i] += 1;
    }
    for (uai, c) in by_school {
        let Some(school) = crate::domain::Uai::parse(&uai).and_then(|u| reference.school(&u)) else { continue };
        let flag = if school.rep_plus { "REP+" } else if school.rep { "REP" } else { lang.pick("hors REP", "not REP") };
        let commune = reference.commune(&school.insee).map(|c| c.name.clone()).unwrap_or_default();
        t.push(vec![uai.into(), school.name.clone().into(), commune.into(), flag.into(), c[4].into(), c[0].into(), c[1].into(), c[2].into(), c[3].into()]);
    }
    t
}

/// The *répertoire des dispositifs*: every current action under each of its themes.
pub fn repertoire_table(input: &ReportInput<'_>) -> Table {
    let lang = input.lang;
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
    for a in current_actions(&input.data.partner_actions, input.week) {
        let themes: Vec<String> = if a.themes.is_empty() { vec![lang.pick("Autre", "Other").into()] } else { a.themes.iter().map(|c| theme_label(c, input)).collect() };
        for th in themes {
            let quartier = a.quartier.clone().unwrap_or_else(|| crate::aggregate::commune_name(a.commune.as_str()));
            let row = vec![
                th.clone().into(), a.structure.clone().into(), a.action.clone().into(), quartier.into(), a.contact.clone().into(),
                a.phone.as_ref().map(|p| p.display()).into(), a.status.label(lang).into(),
            ];
            rows.push((format!("{}|{}", crate::text::fold(&th), crate::text::fold(&a.structure)), row));
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, row) in rows {
        t.push(row);
    }
    t
}

/// Quartier × theme: where offers repeat in one place and which themes have none (suspended actions do
/// not count as an offer).
pub fn coverage_table(input: &ReportInput<'_>) -> Table {
    let mut t = Table::new(&[
        column("quartier", "Quartier", "Neighbourhood"),
        column("actions", "Actions ouvertes", "Open actions"),
        column("themes", "Thèmes couverts", "Themes covered"),
        column("repeated", "Offres répétées (plusieurs structures)", "Repeated offers (several organisations)"),
        column("missing", "Thèmes sans offre", "Themes with no offer"),
    ]);
    let mut by_place: BTreeMap<String, BTreeMap<&'static str, Vec<String>>> = BTreeMap::new();
    for a in current_actions(&input.data.partner_actions, input.week).into_iter().filter(|a| a.status != crate::domain::PartnerStatus::Suspendu) {
        let place = a.quartier.clone().unwrap_or_else(|| crate::aggregate::commune_name(a.commune.as_str()));
        let themes = by_place.entry(place).or_default();
        for code in &a.themes {
            themes.entry(code).or_default().push(crate::text::fold(&a.structure));
        }
    }
    for (place, themes) in by_place {
        let actions: usize = themes.values().map(Vec::len).sum();
        let covered: Vec<String> = themes.keys().map(|c| theme_label(c, input)).collect();
        let repeated: Vec<String> = themes
            .iter()
            .filter(|(_, s)| s.iter().collect::<std::collections::BTreeSet<_>>().len() > 1)
            .map(|(c, s)| format!("{} ({})", theme_label(c, input), s.len()))
            .collect();
        let missing: Vec<String> = all_themes().iter().filter(|th| !themes.contains_key(th.code.as_str())).map(|th| th.label(input.lang).to_string()).collect();
        t.push(vec![place.into(), (actions as i64).into(), covered.join(", ").into(), repeated.join(", ").into(), missing.join(", ").into()]);
    }
    t
}

fn rate(count: i64, base: u32, per: f64) -> Value {
    if base == 0 { Value::Empty } else { Value::Float((count as f64 * per / f64::from(base) * 10.0).round() / 10.0) }
}

/// Communes side by side: counts, and rates per 1,000 collège pupils (head-counts of the reference) and
/// per 10,000 inhabitants (populations légales). A rate computed from a hidden count is hidden too.
pub fn comparison_table(input: &ReportInput<'_>) -> Table {
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
    let reference = Reference::get();
    for (i, c) in input.aggregates.communes.iter().enumerate() {
        let insee = crate::domain::InseeCode::parse(&c.insee);
        let population = insee.as_ref().and_then(|i| reference.commune(i)).map_or(0, |c| c.population);
        let pupils = insee.as_ref().map_or(0, |i| reference.college_pupils(i));
        let hidden = |figure: &str| input.masked.as_ref().is_some_and(|m| m.total_hidden(Some(i), figure));
        let count = |figure: &str, v: i64| if hidden(figure) { Value::Hidden } else { Value::Int(v) };
        let per = |figure: &str, v: i64, base: u32, per: f64| if hidden(figure) { Value::Hidden } else { rate(v, base, per) };
        let totals = &c.totals;
        t.push(vec![
            c.insee.clone().into(), c.name.clone().into(), i64::from(population).into(), i64::from(pupils).into(), totals.responses.into(),
            count("lost_contact_declared", totals.lost_contact_declared), per("lost_contact_declared", totals.lost_contact_declared, pupils, 1000.0),
            count("register_pupils", totals.register_pupils), per("register_pupils", totals.register_pupils, pupils, 1000.0),
            per("register_pupils", totals.register_pupils, population, 10000.0), count("devices_lent", totals.devices_lent),
        ]);
    }
    t
}

/// How many issues of each code and severity: the summary of `data/issues.csv`.
pub fn issues_by_code_table(input: &ReportInput<'_>) -> Table {
    let mut t = Table::new(&[column("code", "Code", "Code"), column("severity", "Gravité", "Severity"), column("issues", "Problèmes", "Issues")]);
    let mut counts: BTreeMap<(&str, crate::issues::Severity), i64> = BTreeMap::new();
    for issue in input.data.issues.iter() {
        *counts.entry((issue.code, issue.severity)).or_default() += 1;
    }
    for ((code, severity), n) in counts {
        t.push(vec![code.into(), severity.as_str().into(), n.into()]);
    }
    t
}
