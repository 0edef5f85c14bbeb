//! The charts of the diagnostic, built from the week's figures: what each shows, in which order, and
//! what statistical secrecy hides. Drawing is `charts.rs`'s job.

use super::charts::{BarChart, Series};
use super::tables::returned_by;
use super::{Masked, ReportInput};
use crate::aggregate::{Aggregates, Totals};
use crate::domain::{Device, IsoWeek, Lender, PartnerStatus};
use crate::i18n::Lang;

/// Lost contact per commune; a hidden figure is drawn as no bar with "s", and the title says so.
pub fn lost_contact_chart(agg: &Aggregates, masked: Option<&Masked>, lang: Lang) -> BarChart {
    let series = |label: &str, figure: usize, value: fn(&crate::aggregate::LostContactRow) -> i64| {
        let mut s = Series::new(label, agg.lost_contact.iter().map(value).collect());
        s.hidden = (0..agg.lost_contact.len()).map(|i| masked.is_some_and(|m| m.lost_contact[i][figure])).collect();
        s
    };
    let series = vec![
        series(lang.pick("Déclarés dans les questionnaires (Q5)", "Declared in questionnaires (Q5)"), 0, |r| r.declared),
        series(lang.pick("Élèves au registre", "Pupils in the register"), 1, |r| r.register_pupils),
    ];
    let any_hidden = series.iter().any(|s| s.hidden.iter().any(|h| *h));
    let title = lang.pick("Élèves perdus de vue par commune", "Lost-contact pupils per commune");
    let note = lang.pick(" (s : masqué, secret statistique)", " (s: hidden, statistical secrecy)");
    BarChart {
        title: if any_hidden { format!("{title}{note}") } else { title.into() },
        categories: agg.lost_contact.iter().map(|r| r.commune.clone()).collect(),
        series,
        stacked: false,
    }
    .sorted()
}

pub fn loans_chart(agg: &Aggregates, lang: Lang) -> BarChart {
    let lenders: Vec<Lender> = Lender::ALL.iter().copied().filter(|l| agg.loans.iter().any(|r| r.lender == *l)).collect();
    let devices: Vec<Device> = Device::ALL.iter().copied().filter(|d| agg.loans.iter().any(|r| r.device == *d)).collect();
    let lent = |l: Lender, d: Device| agg.loans.iter().filter(|r| r.lender == l && r.device == d).map(|r| r.lent).sum();
    BarChart {
        title: lang.pick("Appareils prêtés par prêteur et type", "Devices lent by lender and type").into(),
        categories: lenders.iter().map(|l| l.label(lang).to_string()).collect(),
        series: devices.iter().map(|&d| Series::new(d.label(lang), lenders.iter().map(|&l| lent(l, d)).collect())).collect(),
        stacked: true,
    }
    .sorted()
}


/// Partner actions by status (each action's latest sheet), stacked by commune.
pub fn partners_chart(agg: &Aggregates, lang: Lang) -> BarChart {
    let communes: Vec<(String, String)> = agg.communes.iter().map(|c| (c.insee.clone(), c.name.clone())).filter(|(i, _)| agg.partners.iter().any(|p| &p.commune_insee == i)).collect();
    let count = |status: PartnerStatus, insee: &str| agg.partners.iter().filter(|p| p.status == status && p.commune_insee == insee).map(|p| p.actions).sum();
    BarChart {
        title: lang.pick("Actions des partenaires par statut", "Partner actions by status").into(),
        categories: PartnerStatus::ALL.iter().map(|s| s.label(lang).to_string()).collect(),
        series: communes.iter().map(|(insee, name)| Series::new(name.clone(), PartnerStatus::ALL.iter().map(|&s| count(s, insee)).collect())).collect(),
        stacked: true,
    }
    .sorted()
}

/// The yes/no questions (Q1, Q3): how many answered yes and no.
pub fn yes_no_chart(input: &ReportInput<'_>) -> BarChart {
    let lang = input.lang;
    let rs: Vec<_> = input.data.responses.iter().filter(|r| returned_by(r, input.week)).collect();
    let questions: [(&str, fn(&crate::normalize::Response) -> Option<bool>); 2] = [
        (lang.pick("Q1 Travail commun", "Q1 Joint work"), |r| r.q1_joint_work),
        (lang.pick("Q3 Matériel prêté", "Q3 Devices lent"), |r| r.q3_devices_lent),
    ];
    let count = |f: fn(&crate::normalize::Response) -> Option<bool>, v: bool| rs.iter().filter(|r| f(r) == Some(v)).count() as i64;
    BarChart {
        title: lang.pick("Réponses oui / non aux questions fermées", "Yes / no answers to closed questions").into(),
        categories: questions.iter().map(|(q, _)| q.to_string()).collect(),
        series: vec![
            Series::new(lang.pick("Oui", "Yes"), questions.iter().map(|(_, f)| count(*f, true)).collect()),
            Series::new(lang.pick("Non", "No"), questions.iter().map(|(_, f)| count(*f, false)).collect()),
        ],
        stacked: true,
    }
}

/// The themes cited most in the free-text answers (Q1, Q2, Q6–Q9), top 8.
pub fn themes_chart(input: &ReportInput<'_>) -> BarChart {
    let mut counts: std::collections::BTreeMap<&'static str, i64> = Default::default();
    for r in input.data.responses.iter().filter(|r| returned_by(r, input.week)) {
        for text in [&r.q1_which, &r.q2_support, &r.q6_to_amplify, &r.q7_school_support, &r.q8_digital_divide, &r.q9_summer].into_iter().flatten() {
            for code in crate::normalize::themes_of(text) {
                *counts.entry(code).or_default() += 1;
            }
        }
    }
    let mut top: Vec<(&str, i64)> = counts.into_iter().collect();
    top.sort_by_key(|(code, n)| (std::cmp::Reverse(*n), *code));
    top.truncate(8);
    let label = |code: &str| crate::normalize::theme(code).map(|t| t.label(input.lang).to_string()).unwrap_or_else(|| code.to_string());
    BarChart {
        title: input.lang.pick("Thèmes les plus cités dans les réponses", "Themes cited most in the answers").into(),
        categories: top.iter().map(|(c, _)| label(c)).collect(),
        series: vec![Series::new(input.lang.pick("Citations", "Mentions"), top.iter().map(|(_, n)| *n).collect())],
        stacked: false,
    }
}

/// Lost contact and outstanding devices week by week, from the history and this week (weeks in order).
pub fn trend_chart(weeks: &[(IsoWeek, Totals)], lang: Lang) -> BarChart {
    let pick = |f: fn(&Totals) -> i64| weeks.iter().map(|(_, t)| f(t)).collect::<Vec<_>>();
    BarChart {
        title: lang.pick("Semaine après semaine", "Week after week").into(),
        categories: weeks.iter().map(|(w, _)| w.to_string()).collect(),
        series: vec![
            Series::new(lang.pick("Déclarés (Q5)", "Declared (Q5)"), pick(|t| t.lost_contact_declared)),
            Series::new(lang.pick("Élèves au registre", "Register pupils"), pick(|t| t.register_pupils)),
            Series::new(lang.pick("Appareils encore prêtés", "Devices still out"), pick(|t| t.devices_outstanding)),
        ],
        stacked: false,
    }
}

/// Communes ranked by pupils lost from sight per 10,000 collège pupils (declared in the questionnaires and
/// in the register): a count per 10,000 stays a whole number, so the bars need no decimals. A rate from a
/// hidden count is hidden.
pub fn ranking_chart(input: &ReportInput<'_>) -> BarChart {
    let lang = input.lang;
    let reference = crate::reference::Reference::get();
    let communes = &input.aggregates.communes;
    let pupils = |insee: &str| -> i64 { crate::domain::InseeCode::parse(insee).map_or(0, |c| i64::from(reference.college_pupils(&c))) };
    let per = |count: i64, base: i64| if base == 0 { 0 } else { (count * 10_000 + base / 2) / base };
    let hidden = |i: usize, figure: &str| input.masked.as_ref().is_some_and(|m| m.total_hidden(Some(i), figure));
    let series = |label: &str, figure: &str, value: fn(&Totals) -> i64| {
        let mut s = Series::new(label, communes.iter().map(|c| per(value(&c.totals), pupils(&c.insee))).collect());
        s.hidden = (0..communes.len()).map(|i| hidden(i, figure) || pupils(&communes[i].insee) == 0).collect();
        s
    };
    BarChart {
        title: lang.pick("Communes comparées : élèves perdus de vue pour 10 000 collégiens", "Communes compared: lost-contact pupils per 10,000 collège pupils").into(),
        categories: communes.iter().map(|c| c.name.clone()).collect(),
        series: vec![
            series(lang.pick("Déclarés (Q5)", "Declared (Q5)"), "lost_contact_declared", |t| t.lost_contact_declared),
            series(lang.pick("Au registre", "In the register"), "register_pupils", |t| t.register_pupils),
        ],
        stacked: false,
    }
    .sorted()
}
