//! The charts of the diagnostic: what each shows and what statistical secrecy hides. Drawing them is the
//! renderers' job. At the préfecture's scale a chart shows the 20 largest communes and sums the others.

use crate::aggregate::{Figure, LostContactRow, Totals, Week};
use crate::document::{BarChart, Chart, Series, TOP};
use crate::domain::{Device, IsoWeek, Lender, PartnerStatus};
use crate::i18n::Lang;
use crate::privacy::{LostContactFigure, Publication};

/// "autres communes (174)".
fn other_communes(lang: Lang) -> impl Fn(usize) -> String {
    move |n| match lang {
        Lang::Fr => format!("autres communes ({n})"),
        Lang::En => format!("other communes ({n})"),
    }
}

fn with_secrecy_note(title: &str, chart: &BarChart, lang: Lang) -> String {
    if chart.any_hidden() { format!("{title}{}", lang.pick(" (s : masqué, secret statistique)", " (s: hidden, statistical secrecy)")) } else { title.into() }
}

/// Lost contact per commune; a hidden figure is drawn as no bar with "s", and the title says so.
pub fn lost_contact(p: &Publication<'_>, lang: Lang) -> Chart {
    let rows = &p.week.aggregates.lost_contact;
    let series = |label: &str, figure: LostContactFigure, value: fn(&LostContactRow) -> i64| {
        let mut s = Series::new(label, rows.iter().map(value).collect());
        s.hidden = (0..rows.len()).map(|i| p.lost_contact(i, figure).is_none()).collect();
        s
    };
    let mut bars = BarChart {
        title: String::new(),
        categories: rows.iter().map(|r| r.commune.clone()).collect(),
        series: vec![
            series(lang.pick("Déclarés dans les questionnaires (Q5)", "Declared in questionnaires (Q5)"), LostContactFigure::Declared, |r| r.declared),
            series(lang.pick("Élèves au registre", "Pupils in the register"), LostContactFigure::RegisterPupils, |r| r.register_pupils),
        ],
        stacked: false,
    }
    .sorted()
    .top(other_communes(lang));
    bars.title = with_secrecy_note(lang.pick("Élèves perdus de vue par commune", "Lost-contact pupils per commune"), &bars, lang);
    Chart { name: "lost_contact_by_commune", bars }
}

/// Devices lent by lender and type (all communes added up).
pub fn loans(week: &Week<'_>, lang: Lang) -> Chart {
    let loans = &week.aggregates.loans;
    let lenders: Vec<Lender> = Lender::ALL.iter().copied().filter(|l| loans.iter().any(|r| r.lender == *l)).collect();
    let devices: Vec<Device> = Device::ALL.iter().copied().filter(|d| loans.iter().any(|r| r.device == *d)).collect();
    let lent = |l: Lender, d: Device| loans.iter().filter(|r| r.lender == l && r.device == d).map(|r| r.lent).sum();
    let bars = BarChart {
        title: lang.pick("Appareils prêtés par prêteur et type", "Devices lent by lender and type").into(),
        categories: lenders.iter().map(|l| l.label(lang).to_string()).collect(),
        series: devices.iter().map(|&d| Series::new(d.label(lang), lenders.iter().map(|&l| lent(l, d)).collect())).collect(),
        stacked: true,
    }
    .sorted();
    Chart { name: "loans_by_lender", bars }
}

/// Partner actions by status (each action's latest sheet), stacked by commune.
pub fn partners(week: &Week<'_>, lang: Lang) -> Chart {
    let agg = &week.aggregates;
    let communes: Vec<(&str, &str)> = agg.communes.iter().map(|c| (c.insee.as_str(), c.name.as_str())).filter(|(i, _)| agg.partners.iter().any(|p| p.commune_insee == *i)).collect();
    let count = |status: PartnerStatus, insee: &str| agg.partners.iter().filter(|p| p.status == status && p.commune_insee == insee).map(|p| p.actions).sum();
    let bars = BarChart {
        title: lang.pick("Actions des partenaires par statut", "Partner actions by status").into(),
        categories: PartnerStatus::ALL.iter().map(|s| s.label(lang).to_string()).collect(),
        series: communes.iter().map(|(insee, name)| Series::new(*name, PartnerStatus::ALL.iter().map(|&s| count(s, insee)).collect())).collect(),
        stacked: true,
    }
    .sorted()
    .top_series(other_communes(lang));
    Chart { name: "partner_actions_by_status", bars }
}

/// The yes/no questions (Q1, Q3): how many answered yes and no.
pub fn yes_no(week: &Week<'_>, lang: Lang) -> Chart {
    let closed: Vec<_> = week.tallies.questions.iter().filter_map(|q| q.yes_no.map(|yn| (q.question, yn))).collect();
    let label = |q: crate::aggregate::Question| match q {
        crate::aggregate::Question::Q1 => lang.pick("Q1 Travail commun", "Q1 Joint work").to_string(),
        crate::aggregate::Question::Q3 => lang.pick("Q3 Matériel prêté", "Q3 Devices lent").to_string(),
        other => other.code().to_string(),
    };
    let bars = BarChart {
        title: lang.pick("Réponses oui / non aux questions fermées", "Yes / no answers to closed questions").into(),
        categories: closed.iter().map(|(q, _)| label(*q)).collect(),
        series: vec![
            Series::new(lang.pick("Oui", "Yes"), closed.iter().map(|(_, (yes, _))| *yes).collect()),
            Series::new(lang.pick("Non", "No"), closed.iter().map(|(_, (_, no))| *no).collect()),
        ],
        stacked: true,
    };
    Chart { name: "yes_no_answers", bars }
}

/// The themes cited most in the free-text answers (Q1, Q2, Q6–Q9), top 8.
pub fn themes(week: &Week<'_>, lang: Lang) -> Chart {
    let label = |code: &str| crate::normalize::theme(code).map(|t| t.label(lang).to_string()).unwrap_or_else(|| code.to_string());
    let bars = BarChart {
        title: lang.pick("Thèmes les plus cités dans les réponses", "Themes cited most in the answers").into(),
        categories: week.tallies.themes.iter().take(8).map(|(c, _)| label(c)).collect(),
        series: vec![Series::new(lang.pick("Citations", "Mentions"), week.tallies.themes.iter().take(8).map(|(_, n)| *n).collect())],
        stacked: false,
    };
    Chart { name: "themes_cited", bars }
}

/// Lost contact and outstanding devices week by week, from the history and this week (weeks in order).
pub fn trend(weeks: &[(IsoWeek, Totals)], lang: Lang) -> Chart {
    let pick = |f: Figure| weeks.iter().map(|(_, t)| t.get(f)).collect::<Vec<_>>();
    let bars = BarChart {
        title: lang.pick("Semaine après semaine", "Week after week").into(),
        categories: weeks.iter().map(|(w, _)| w.to_string()).collect(),
        series: vec![
            Series::new(lang.pick("Déclarés (Q5)", "Declared (Q5)"), pick(Figure::LostContactDeclared)),
            Series::new(lang.pick("Élèves au registre", "Register pupils"), pick(Figure::RegisterPupils)),
            Series::new(lang.pick("Appareils encore prêtés", "Devices still out"), pick(Figure::DevicesOutstanding)),
        ],
        stacked: false,
    };
    Chart { name: "weeks", bars }
}

/// Communes ranked by pupils lost from sight per 10,000 collège pupils (declared and in the register): a
/// count per 10,000 stays a whole number. A rate from a hidden count is hidden. Rates do not add up, so
/// past 20 communes the chart keeps the first 20 and its title says how many there are.
pub fn ranking(p: &Publication<'_>, lang: Lang) -> Chart {
    let week = p.week;
    let communes = &week.aggregates.communes;
    let per = |count: i64, base: u32| if base == 0 { 0 } else { (count * 10_000 + i64::from(base) / 2) / i64::from(base) };
    let series = |label: &str, figure: Figure| {
        let mut s = Series::new(label, communes.iter().zip(&week.bases).map(|(c, b)| per(c.totals.get(figure), b.college_pupils)).collect());
        s.hidden = (0..communes.len()).map(|i| p.commune_total(i, figure).is_none() || week.bases[i].college_pupils == 0).collect();
        s
    };
    let mut bars = BarChart {
        title: lang.pick("Communes comparées : élèves perdus de vue pour 10 000 collégiens", "Communes compared: lost-contact pupils per 10,000 collège pupils").into(),
        categories: communes.iter().map(|c| c.name.clone()).collect(),
        series: vec![
            series(lang.pick("Déclarés (Q5)", "Declared (Q5)"), Figure::LostContactDeclared),
            series(lang.pick("Au registre", "In the register"), Figure::RegisterPupils),
        ],
        stacked: false,
    }
    .sorted();
    if bars.categories.len() > TOP {
        let n = bars.categories.len();
        bars.categories.truncate(TOP);
        bars.series.iter_mut().for_each(|s| {
            s.values.truncate(TOP);
            s.hidden.truncate(TOP);
        });
        bars.title = match lang {
            Lang::Fr => format!("{} — les {TOP} premières sur {n}", bars.title),
            Lang::En => format!("{} — the first {TOP} of {n}", bars.title),
        };
    }
    Chart { name: "communes_ranked", bars }
}

/// Choropleths of the communes, one per département covered: pupils of the register per 10,000 collège
/// pupils and per 10,000 inhabitants (a rate from a hidden count is hatched). With one commune, it is
/// outlined within its département.
pub fn maps(p: &Publication<'_>, lang: Lang) -> Vec<crate::document::Block> {
    let week = p.week;
    let communes = &week.aggregates.communes;
    let mut departements: Vec<&str> = communes.iter().map(|c| crate::reference::departement_of(&c.insee)).collect();
    departements.dedup();
    let rate = |i: usize, base: u32| p.commune_total(i, Figure::RegisterPupils).map(|n| n as f64 * 10_000.0 / f64::from(base));
    let kinds = [
        ("map_pupils", lang.pick("Élèves au registre pour 10 000 collégiens", "Register pupils per 10,000 collège pupils"), true),
        ("map_inhabitants", lang.pick("Élèves au registre pour 10 000 habitants", "Register pupils per 10,000 inhabitants"), false),
    ];
    let mut blocks = Vec::new();
    for dep in departements {
        for (stem, title, per_pupil) in kinds {
            let mut map = crate::map::Choropleth::new(dep, title, lang.pick("pour 10 000", "per 10,000"), lang);
            for (i, (c, base)) in communes.iter().zip(&week.bases).enumerate() {
                let base = if per_pupil { base.college_pupils } else { base.population };
                if base > 0 && crate::reference::departement_of(&c.insee) == dep {
                    map = map.value(&c.insee, rate(i, base));
                }
            }
            if let [one] = communes.as_slice() {
                map = map.highlight(&one.insee);
            }
            blocks.push(crate::document::Block::Map { name: format!("{stem}_{dep}"), map });
        }
    }
    blocks
}
