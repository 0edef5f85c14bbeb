//! What the audit found, said cell by cell: where the cell is printed and what an outsider can deduce.

use super::audit::{Audit, HiddenRange};
use super::layout::{Layout, Place};
use super::release::{Release, LOAN_FIGURES, LOST_CONTACT_FIGURES, TOTAL_FIGURES};
use super::SecrecyRule;
use crate::i18n::Lang;

/// Where cell `cell` of `layout` is printed: file, row and column (`current` and `previous` are the
/// publications the layout was built from).
///
/// ```
/// use veille::i18n::Lang;
/// use veille::privacy::{place_text, Shown, Layout, Release};
/// let p = Release { week: "2020-W21".into(), totals: [Shown::shown(4); 4], ..Default::default() };
/// let layout = Layout::new(&p, None);
/// assert_eq!(place_text(&layout, &p, None, layout.current.totals[1], Lang::En), "summary.json, totals.register_pupils");
/// ```
pub fn place_text(layout: &Layout, current: &Release, previous: Option<&Release>, cell: usize, lang: Lang) -> String {
    let Some((week, place)) = layout.places.get(cell) else { return String::new() };
    let p = if *week == current.week { current } else { previous.unwrap_or(current) };
    let commune = "commune";
    let text = match place {
        Place::LostContact { row, figure } => {
            let insee = p.lost_contact.get(*row).map_or("?", |r| r.insee.as_str());
            format!("lost_contact_by_commune.csv, {commune} {insee}, {}", LOST_CONTACT_FIGURES[*figure])
        }
        Place::Loan { row, figure } => match p.loans.get(*row) {
            Some(r) => format!("loans_by_commune.csv, {commune} {}, {} {}, {}", r.insee, r.lender, r.device, LOAN_FIGURES[*figure]),
            None => format!("loans_by_commune.csv, {}", LOAN_FIGURES[*figure]),
        },
        Place::Commune { commune: c, figure } => {
            let insee = p.communes.get(*c).map_or("?", |r| r.insee.as_str());
            format!("summary.json, communes[{insee}].{}", TOTAL_FIGURES[*figure])
        }
        Place::Total { figure } => format!("summary.json, totals.{}", TOTAL_FIGURES[*figure]),
        Place::Delta { figure } => format!("summary.json, deltas.{}", TOTAL_FIGURES[*figure]),
        Place::Unprinted => lang.pick("cellule non publiée", "unpublished cell").to_string(),
    };
    if *week == current.week { text } else { format!("{} {week} : {text}", lang.pick("semaine", "week")) }
}

/// What an outsider can deduce about one hidden cell.
///
/// ```
/// use veille::i18n::Lang;
/// use veille::privacy::{range_text, HiddenRange, SecrecyRule};
/// let r = HiddenRange { cell: 0, min: 3, max: Some(3), protected: false };
/// assert_eq!(range_text(&r, &SecrecyRule::new(5), Lang::Fr), "s : FUITE, valeur exacte déductible (3)");
/// let r = HiddenRange { cell: 0, min: 1, max: None, protected: true };
/// assert_eq!(range_text(&r, &SecrecyRule::new(5), Lang::En), "s: protected, at least 1 (no upper bound)");
/// ```
pub fn range_text(r: &HiddenRange, rule: &SecrecyRule, lang: Lang) -> String {
    let range = match (r.max, lang) {
        (Some(max), _) if max == r.min => match lang {
            Lang::Fr => format!("valeur exacte déductible ({max})"),
            Lang::En => format!("exact value deducible ({max})"),
        },
        (Some(max), Lang::Fr) => format!("entre {} et {max}", r.min),
        (Some(max), Lang::En) => format!("between {} and {max}", r.min),
        (None, Lang::Fr) => format!("au moins {} (pas de borne supérieure)", r.min.max(0)),
        (None, Lang::En) => format!("at least {} (no upper bound)", r.min.max(0)),
    };
    let narrow = r.max.is_some_and(|max| max > r.min);
    match (r.protected, lang) {
        (true, Lang::Fr) => format!("s : protégée, {range}"),
        (true, Lang::En) => format!("s: protected, {range}"),
        (false, Lang::Fr) if narrow => format!("s : FUITE, {range}, intervalle pas plus large que la protection demandée ({})", rule.protection_width),
        (false, Lang::En) if narrow => format!("s: LEAK, {range}, a range no wider than the protection width ({})", rule.protection_width),
        (false, Lang::Fr) => format!("s : FUITE, {range}"),
        (false, Lang::En) => format!("s: LEAK, {range}"),
    }
}

/// One line per finding: every hidden cell (`all`) or the leaks only, then every small count shown.
///
/// ```
/// use veille::i18n::Lang;
/// use veille::privacy::{audit_publication, findings, Shown, Release, SecrecyRule};
/// let p = Release { week: "2020-W21".into(), totals: [Shown::shown(2), Shown::shown(0), Shown::shown(0), Shown::shown(0)], ..Default::default() };
/// let rule = SecrecyRule::new(5);
/// let (layout, audit, _) = audit_publication(&p, None, &rule).unwrap();
/// let lines = findings(&layout, &p, None, &audit, &rule, true, Lang::En);
/// assert_eq!(lines, vec!["summary.json, totals.lost_contact_declared = 2: LEAK, a count from 1 to 4 is shown"]);
/// ```
pub fn findings(layout: &Layout, current: &Release, previous: Option<&Release>, audit: &Audit, rule: &SecrecyRule, all: bool, lang: Lang) -> Vec<String> {
    let place = |cell| place_text(layout, current, previous, cell, lang);
    let mut lines: Vec<String> = audit.ranges.iter().filter(|r| all || !r.protected).map(|r| format!("{} = {}", place(r.cell), range_text(r, rule, lang))).collect();
    for &cell in &audit.small_shown {
        let v = layout.cells.values[cell];
        lines.push(match lang {
            Lang::Fr => format!("{} = {v} : FUITE, effectif de 1 à {} affiché", place(cell), rule.min_count - 1),
            Lang::En => format!("{} = {v}: LEAK, a count from 1 to {} is shown", place(cell), rule.min_count - 1),
        });
    }
    lines
}
