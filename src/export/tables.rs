//! Between the week's figures and the tables of an export: each row carries its commune, every text is a
//! code, and reading back checks every code against its vocabulary, so an export can only hold aggregates.

use super::frames::{Frame, Kind};
use crate::aggregate::{Aggregates, CollegeRow, LoanRow, LostContactRow, PartnerRow, Priority, Question, QuestionRow, Tallies};
use crate::domain::{Device, InseeCode, Lender, PartnerStatus, Uai};
use std::collections::BTreeMap;

/// Every table of an export, with its schema.
pub const SCHEMAS: &[(&str, &[(&str, Kind)])] = &[
    ("lost_contact", &[("commune_insee", Kind::Code), ("declared", Kind::Count), ("declared_respondents", Kind::Count), ("register_pupils", Kind::Count), ("register_with_consent", Kind::Count), ("restored", Kind::Count), ("in_progress", Kind::Count), ("no_contact", Kind::Count)]),
    ("loans", &[("commune_insee", Kind::Code), ("lender", Kind::Code), ("device", Kind::Code), ("lent", Kind::Count), ("returned", Kind::Count)]),
    ("partners", &[("commune_insee", Kind::Code), ("status", Kind::Code), ("actions", Kind::Count), ("stale_actions", Kind::Count)]),
    ("responses", &[("commune_insee", Kind::Code), ("responses", Kind::Count)]),
    ("questions", &[("commune_insee", Kind::Code), ("question", Kind::Code), ("answered", Kind::Count), ("yes", Kind::Count), ("no", Kind::Count), ("total", Kind::Count), ("approximate", Kind::Count)]),
    ("question_themes", &[("commune_insee", Kind::Code), ("question", Kind::Code), ("theme", Kind::Code), ("count", Kind::Count)]),
    ("themes", &[("commune_insee", Kind::Code), ("theme", Kind::Code), ("count", Kind::Count)]),
    ("declared", &[("commune_insee", Kind::Code), ("what", Kind::Code), ("code", Kind::Code), ("count", Kind::Count)]),
    ("colleges", &[("commune_insee", Kind::Code), ("uai", Kind::Code), ("declared", Kind::Count), ("pupils", Kind::Count), ("restored", Kind::Count), ("in_progress", Kind::Count), ("no_contact", Kind::Count)]),
];

fn some(v: i64) -> Option<i64> {
    Some(v)
}

/// The tables of some communes' figures, in [`SCHEMAS`] order.
pub fn frames(communes: &[(String, Aggregates, Tallies)]) -> Vec<Frame> {
    let lc: Vec<(&String, &LostContactRow)> = communes.iter().flat_map(|(c, a, _)| a.lost_contact.iter().map(move |r| (c, r))).collect();
    let loans: Vec<(&String, &LoanRow)> = communes.iter().flat_map(|(c, a, _)| a.loans.iter().map(move |r| (c, r))).collect();
    let partners: Vec<(&String, &PartnerRow)> = communes.iter().flat_map(|(c, a, _)| a.partners.iter().map(move |r| (c, r))).collect();
    let responses: Vec<(&String, i64)> = communes.iter().flat_map(|(c, a, _)| a.responses.iter().map(move |(_, n)| (c, *n))).collect();
    let questions: Vec<(&String, &QuestionRow)> = communes.iter().flat_map(|(c, _, t)| t.questions.iter().map(move |q| (c, q))).collect();
    let q_themes: Vec<(&String, Question, &str, i64)> = questions.iter().flat_map(|(c, q)| q.themes.iter().map(move |(th, n)| (*c, q.question, *th, *n))).collect();
    let themes: Vec<(&String, &str, i64)> = communes.iter().flat_map(|(c, _, t)| t.themes.iter().map(move |(th, n)| (c, *th, *n))).collect();
    let declared: Vec<(&String, &str, &str, i64)> = communes
        .iter()
        .flat_map(|(c, _, t)| t.declared.devices.iter().map(move |(d, n)| (c, "device", d.as_str(), *n)).chain(t.declared.lenders.iter().map(move |(l, n)| (c, "lender", l.as_str(), *n))))
        .collect();
    let colleges: Vec<(&String, &CollegeRow)> = communes.iter().flat_map(|(c, _, t)| t.colleges.iter().map(move |r| (c, r))).collect();
    let code = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    vec![
        Frame::default().code("commune_insee", code(lc.iter().map(|(c, _)| c.as_str()).collect())).count("declared", lc.iter().map(|(_, r)| some(r.declared)).collect())
            .count("declared_respondents", lc.iter().map(|(_, r)| some(r.declared_respondents)).collect()).count("register_pupils", lc.iter().map(|(_, r)| some(r.register_pupils)).collect())
            .count("register_with_consent", lc.iter().map(|(_, r)| some(r.register_with_consent)).collect()).count("restored", lc.iter().map(|(_, r)| some(r.restored)).collect())
            .count("in_progress", lc.iter().map(|(_, r)| some(r.in_progress)).collect()).count("no_contact", lc.iter().map(|(_, r)| some(r.no_contact)).collect()),
        Frame::default().code("commune_insee", code(loans.iter().map(|(c, _)| c.as_str()).collect())).code("lender", code(loans.iter().map(|(_, r)| r.lender.as_str()).collect()))
            .code("device", code(loans.iter().map(|(_, r)| r.device.as_str()).collect())).count("lent", loans.iter().map(|(_, r)| some(r.lent)).collect()).count("returned", loans.iter().map(|(_, r)| some(r.returned)).collect()),
        Frame::default().code("commune_insee", code(partners.iter().map(|(c, _)| c.as_str()).collect())).code("status", code(partners.iter().map(|(_, r)| r.status.as_str()).collect()))
            .count("actions", partners.iter().map(|(_, r)| some(r.actions)).collect()).count("stale_actions", partners.iter().map(|(_, r)| some(r.stale_actions)).collect()),
        Frame::default().code("commune_insee", code(responses.iter().map(|(c, _)| c.as_str()).collect())).count("responses", responses.iter().map(|(_, n)| some(*n)).collect()),
        Frame::default().code("commune_insee", code(questions.iter().map(|(c, _)| c.as_str()).collect())).code("question", code(questions.iter().map(|(_, q)| q.question.code()).collect()))
            .count("answered", questions.iter().map(|(_, q)| some(q.answered)).collect()).count("yes", questions.iter().map(|(_, q)| q.yes_no.map(|p| p.0)).collect())
            .count("no", questions.iter().map(|(_, q)| q.yes_no.map(|p| p.1)).collect()).count("total", questions.iter().map(|(_, q)| q.total.map(|p| p.0)).collect())
            .count("approximate", questions.iter().map(|(_, q)| q.total.map(|p| p.1)).collect()),
        Frame::default().code("commune_insee", code(q_themes.iter().map(|r| r.0.as_str()).collect())).code("question", code(q_themes.iter().map(|r| r.1.code()).collect()))
            .code("theme", code(q_themes.iter().map(|r| r.2).collect())).count("count", q_themes.iter().map(|r| some(r.3)).collect()),
        Frame::default().code("commune_insee", code(themes.iter().map(|r| r.0.as_str()).collect())).code("theme", code(themes.iter().map(|r| r.1).collect())).count("count", themes.iter().map(|r| some(r.2)).collect()),
        Frame::default().code("commune_insee", code(declared.iter().map(|r| r.0.as_str()).collect())).code("what", code(declared.iter().map(|r| r.1).collect()))
            .code("code", code(declared.iter().map(|r| r.2).collect())).count("count", declared.iter().map(|r| some(r.3)).collect()),
        Frame::default().code("commune_insee", code(colleges.iter().map(|(c, _)| c.as_str()).collect())).code("uai", code(colleges.iter().map(|(_, r)| r.uai.as_str()).collect()))
            .count("declared", colleges.iter().map(|(_, r)| some(r.declared)).collect()).count("pupils", colleges.iter().map(|(_, r)| some(r.pupils)).collect())
            .count("restored", colleges.iter().map(|(_, r)| some(r.restored)).collect()).count("in_progress", colleges.iter().map(|(_, r)| some(r.in_progress)).collect())
            .count("no_contact", colleges.iter().map(|(_, r)| some(r.no_contact)).collect()),
    ]
}

fn question(code: &str) -> Option<Question> {
    Question::ALL.iter().copied().find(|q| q.code() == code)
}

fn theme(code: &str) -> Option<&'static str> {
    crate::normalize::theme(code).map(|t| t.code.as_str())
}

fn college(uai: &str) -> Option<CollegeRow> {
    let reference = crate::reference::Reference::get();
    let school = Uai::parse(uai).and_then(|u| reference.school(&u))?;
    let priority = if school.rep_plus { Priority::RepPlus } else if school.rep { Priority::Rep } else { Priority::Outside };
    let commune = reference.commune(&school.insee).map(|c| c.name.clone()).unwrap_or_default();
    Some(CollegeRow { uai: school.uai.clone(), name: school.name.clone(), commune, priority, declared: 0, pupils: 0, restored: 0, in_progress: 0, no_contact: 0 })
}

/// A text of a table that is not a code of its vocabulary: the export holds more than aggregates.
fn not_a_code(table: &str, column: &str) -> String {
    format!("{table}.{column}")
}

/// Reads the tables back into each commune's figures; `Err(place)` names the first text that is not a code.
pub fn communes_of(frames: &BTreeMap<&str, super::frames::Frame>, week: crate::domain::IsoWeek) -> Result<BTreeMap<String, (Aggregates, Tallies)>, String> {
    let empty = super::frames::Frame::default();
    let table = |name: &str| frames.get(name).unwrap_or(&empty);
    let mut out: BTreeMap<String, (Aggregates, Tallies)> = BTreeMap::new();
    let blank = |_: &str| (Aggregates { week, lost_contact: Vec::new(), loans: Vec::new(), partners: Vec::new(), responses: Vec::new(), totals: Default::default(), communes: Vec::new() }, Tallies::default());
    for name in ["lost_contact", "loans", "partners", "responses", "questions", "question_themes", "themes", "declared", "colleges"] {
        let t = table(name);
        for (i, insee) in t.codes("commune_insee").iter().enumerate() {
            InseeCode::parse(insee).ok_or_else(|| not_a_code(name, "commune_insee"))?;
            let (agg, tallies) = out.entry(insee.clone()).or_insert_with(|| blank(insee));
            read_row(name, t, i, insee, agg, tallies)?;
        }
    }
    Ok(out)
}

fn read_row(name: &str, t: &super::frames::Frame, i: usize, insee: &str, agg: &mut Aggregates, tallies: &mut Tallies) -> Result<(), String> {
    let n = |column: &str| t.count_at(column, i);
    let code = |column: &str| t.codes(column).get(i).cloned().unwrap_or_default();
    let commune = crate::aggregate::commune_name(insee);
    match name {
        "lost_contact" => agg.lost_contact.push(LostContactRow {
            commune_insee: insee.into(), commune, declared: n("declared"), declared_respondents: n("declared_respondents"), register_pupils: n("register_pupils"),
            register_with_consent: n("register_with_consent"), restored: n("restored"), in_progress: n("in_progress"), no_contact: n("no_contact"),
        }),
        "loans" => {
            let lender = Lender::from_code(&code("lender")).ok_or_else(|| not_a_code(name, "lender"))?;
            let device = Device::from_code(&code("device")).ok_or_else(|| not_a_code(name, "device"))?;
            agg.loans.push(LoanRow { commune_insee: insee.into(), commune, lender, device, lent: n("lent"), returned: n("returned"), outstanding: n("lent") - n("returned") });
        }
        "partners" => {
            let status = PartnerStatus::from_code(&code("status")).ok_or_else(|| not_a_code(name, "status"))?;
            agg.partners.push(PartnerRow { commune_insee: insee.into(), commune, status, actions: n("actions"), stale_actions: n("stale_actions") });
        }
        "responses" => agg.responses.push((insee.into(), n("responses"))),
        "questions" => {
            let q = question(&code("question")).ok_or_else(|| not_a_code(name, "question"))?;
            let pair = |a: &str, b: &str| t.counts(a).get(i).copied().flatten().map(|x| (x, n(b)));
            tallies.questions.push(QuestionRow { question: q, answered: n("answered"), yes_no: pair("yes", "no"), total: pair("total", "approximate"), themes: Vec::new() });
        }
        "question_themes" => {
            let q = question(&code("question")).ok_or_else(|| not_a_code(name, "question"))?;
            let th = theme(&code("theme")).ok_or_else(|| not_a_code(name, "theme"))?;
            let row = tallies.questions.iter_mut().find(|r| r.question == q).ok_or_else(|| not_a_code(name, "question"))?;
            row.themes.push((th, n("count")));
        }
        "themes" => tallies.themes.push((theme(&code("theme")).ok_or_else(|| not_a_code(name, "theme"))?, n("count"))),
        "declared" => match code("what").as_str() {
            "device" => tallies.declared.devices.push((Device::from_code(&code("code")).ok_or_else(|| not_a_code(name, "code"))?, n("count"))),
            "lender" => tallies.declared.lenders.push((Lender::from_code(&code("code")).ok_or_else(|| not_a_code(name, "code"))?, n("count"))),
            _ => return Err(not_a_code(name, "what")),
        },
        "colleges" => {
            let mut row = college(&code("uai")).ok_or_else(|| not_a_code(name, "uai"))?;
            (row.declared, row.pupils, row.restored, row.in_progress, row.no_contact) = (n("declared"), n("pupils"), n("restored"), n("in_progress"), n("no_contact"));
            tallies.colleges.push(row);
        }
        _ => {}
    }
    Ok(())
}
