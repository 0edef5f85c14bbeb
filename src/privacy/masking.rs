//! Which figures of a report are hidden for the partenaires and prefecture audiences. Every count about
//! pupils and families (lost contact, register, devices lent) becomes a cell; the report's relations tie
//! them (per-commune and overall totals of summary.json, `lent = returned + outstanding`,
//! `register_pupils = restored + in_progress + no_contact`), and [`crate::privacy::suppress`] decides.
//! Counts of questionnaires and partner actions are about organisations, not people: they stay shown.

use crate::aggregate::Aggregates;
use crate::privacy::{suppress, Cells};
use std::collections::HashMap;

/// The lost-contact columns that can be hidden, in `lost_contact_by_commune.csv` order after `declared`.
pub const LOST_CONTACT_FIGURES: [&str; 6] = ["declared", "register_pupils", "register_with_consent", "restored", "in_progress", "no_contact"];
/// The loan columns that can be hidden.
pub const LOAN_FIGURES: [&str; 3] = ["lent", "returned", "outstanding"];
/// The totals of summary.json that can be hidden.
pub const TOTAL_FIGURES: [&str; 4] = ["lost_contact_declared", "register_pupils", "devices_lent", "devices_outstanding"];

/// The hidden figures of one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Masked {
    /// Per row of `aggregates.lost_contact`: hidden flags in [`LOST_CONTACT_FIGURES`] order.
    pub lost_contact: Vec<[bool; 6]>,
    /// Per row of `aggregates.loans`: hidden flags in [`LOAN_FIGURES`] order.
    pub loans: Vec<[bool; 3]>,
    /// Per commune of `aggregates.communes`: hidden flags in [`TOTAL_FIGURES`] order.
    pub communes: Vec<[bool; 4]>,
    /// The overall totals: hidden flags in [`TOTAL_FIGURES`] order.
    pub totals: [bool; 4],
    /// How many shown cells were hidden because they were small (primary) or to protect them (secondary).
    pub primary: usize,
    pub secondary: usize,
    pub min_count: i64,
}

impl Masked {
    /// Whether a total of summary.json is hidden (`commune` = index in `aggregates.communes`, or overall).
    pub fn total_hidden(&self, commune: Option<usize>, figure: &str) -> bool {
        let Some(i) = TOTAL_FIGURES.iter().position(|f| *f == figure) else { return false };
        match commune {
            Some(c) => self.communes.get(c).is_some_and(|flags| flags[i]),
            None => self.totals[i],
        }
    }

    pub fn hidden_cells(&self) -> usize {
        self.primary + self.secondary
    }
}

/// Cell indexes of one commune's parts, summed into its totals.
#[derive(Default)]
struct CommuneParts {
    declared: Vec<usize>,
    register: Vec<usize>,
    lent: Vec<usize>,
    returned: Vec<usize>,
    outstanding: Vec<usize>,
}

/// Works out the hidden figures of `agg` for a restricted audience.
///
/// ```
/// use veille::aggregate::{Aggregates, CommuneTotals, LostContactRow, Totals};
/// use veille::domain::IsoWeek;
/// use veille::privacy::mask;
/// let row = |insee: &str, register: i64| LostContactRow {
///     commune_insee: insee.into(), commune: insee.into(), declared: 0, declared_respondents: 0,
///     register_pupils: register, register_with_consent: 0, restored: register, in_progress: 0, no_contact: 0,
/// };
/// let agg = Aggregates {
///     week: "2020-W21".parse::<IsoWeek>().unwrap(),
///     lost_contact: vec![row("91687", 3), row("91286", 12)], loans: vec![], partners: vec![], responses: vec![],
///     totals: Totals::default(),
///     communes: ["91687", "91286"].map(|c| CommuneTotals { insee: c.into(), name: c.into(), totals: Totals::default() }).to_vec(),
/// };
/// let m = mask(&agg, 5);
/// // 3 is hidden (primary), and so is 12: the total of 15 is published in summary.json.
/// assert!(m.lost_contact[0][1] && m.lost_contact[1][1]);
/// ```
pub fn mask(agg: &Aggregates, min_count: i64) -> Masked {
    let mut cells = Cells::default();
    let mut parts: HashMap<String, CommuneParts> = HashMap::new();
    let mut lost_contact = Vec::new();
    for r in &agg.lost_contact {
        let ids = [r.declared, r.register_pupils, r.register_with_consent, r.restored, r.in_progress, r.no_contact].map(|v| cells.add(v, true));
        cells.relate(ids[1], vec![ids[3], ids[4], ids[5]]);
        let p = parts.entry(r.commune_insee.clone()).or_default();
        p.declared.push(ids[0]);
        p.register.push(ids[1]);
        lost_contact.push(ids);
    }
    let mut loans = Vec::new();
    for r in &agg.loans {
        let ids = [r.lent, r.returned, r.outstanding].map(|v| cells.add(v, true));
        cells.relate(ids[0], vec![ids[1], ids[2]]);
        let p = parts.entry(r.commune_insee.clone()).or_default();
        p.lent.push(ids[0]);
        p.returned.push(ids[1]);
        p.outstanding.push(ids[2]);
        loans.push(ids);
    }
    // Per-commune totals of summary.json; the commune's devices returned are never printed but tie
    // lent and outstanding together.
    let mut communes = Vec::new();
    for c in &agg.communes {
        let p = parts.remove(&c.insee).unwrap_or_default();
        let declared = cells.add_total(p.declared, true);
        let register = cells.add_total(p.register, true);
        let lent = cells.add_total(p.lent, true);
        let returned = cells.add_total(p.returned, false);
        let outstanding = cells.add_total(p.outstanding, true);
        cells.relate(lent, vec![returned, outstanding]);
        communes.push([declared, register, lent, outstanding]);
    }
    let overall: [usize; 4] = std::array::from_fn(|i| cells.add_total(communes.iter().map(|c| c[i]).collect(), true));
    let hidden = suppress(&cells, min_count);
    let small = |i: usize| (1..min_count).contains(&cells.values[i]);
    let primary = (0..hidden.len()).filter(|&i| hidden[i] && small(i)).count();
    let secondary = (0..hidden.len()).filter(|&i| hidden[i] && !small(i)).count();
    Masked {
        lost_contact: lost_contact.iter().map(|ids| ids.map(|i| hidden[i])).collect(),
        loans: loans.iter().map(|ids| ids.map(|i| hidden[i])).collect(),
        communes: communes.iter().map(|ids| ids.map(|i| hidden[i])).collect(),
        totals: overall.map(|i| hidden[i]),
        primary,
        secondary,
        min_count,
    }
}
