//! A publication turned into the outsider's cells and relations ([`Cells`]): each row's relation
//! (`register_pupils = restored + in_progress + no_contact`, `register_with_consent ≤ register_pupils`,
//! `lent = returned + outstanding`), each commune's totals in summary.json as sums of its rows (with the
//! commune's devices returned, never printed, tying lent and outstanding), the overall totals as sums of
//! the communes, and each delta as this week's total minus the previous week's. With the same audience's
//! previous publication, its cells come first and the deltas tie the two weeks together.

use super::release::{Shown, Release};
use super::Cells;
use std::collections::HashMap;

/// Where a cell is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Row `row` of `lost_contact_by_commune.csv`, figure index in `LOST_CONTACT_FIGURES`.
    LostContact { row: usize, figure: usize },
    /// Row `row` of `loans_by_commune.csv`, figure index in `LOAN_FIGURES`.
    Loan { row: usize, figure: usize },
    /// summary.json `communes[commune]`, figure index in `TOTAL_FIGURES`.
    Commune { commune: usize, figure: usize },
    /// summary.json `totals`.
    Total { figure: usize },
    /// summary.json `deltas`.
    Delta { figure: usize },
    /// Not printed (a commune's devices returned, a total of a week not at hand).
    Unprinted,
}

/// The cells of one publication.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    pub lost_contact: Vec<[usize; 6]>,
    pub loans: Vec<[usize; 3]>,
    pub communes: Vec<[usize; 4]>,
    pub totals: [usize; 4],
    pub deltas: Option<[usize; 4]>,
}

/// The outsider's cells for a publication (and the previous one of the same audience, when given).
///
/// ```
/// use veille::privacy::{Shown, Layout, Release, CommuneFigures, LostContactFigures};
/// let f = |v: i64| Shown::shown(v);
/// let p = Release {
///     week: "2020-W21".into(),
///     lost_contact: vec![LostContactFigures { insee: "91687".into(), figures: [f(2), f(7), f(3), f(4), f(2), f(1)] }],
///     communes: vec![CommuneFigures { insee: "91687".into(), figures: [f(2), f(7), f(0), f(0)] }],
///     totals: [f(2), f(7), f(0), f(0)],
///     ..Default::default()
/// };
/// let layout = Layout::new(&p, None);
/// assert_eq!(layout.current.lost_contact[0][1], 1);
/// assert!(layout.is_current.iter().all(|&c| c));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub cells: Cells,
    pub hidden: Vec<bool>,
    /// The week each cell belongs to and where it is printed.
    pub places: Vec<(String, Place)>,
    /// Whether a cell belongs to this week's publication.
    pub is_current: Vec<bool>,
    /// `(total, delta)`: the report hides a delta whenever it hides its total.
    pub follows: Vec<(usize, usize)>,
    pub current: Ids,
    pub previous: Option<Ids>,
}

#[derive(Default)]
struct CommuneParts {
    declared: Vec<usize>,
    register: Vec<usize>,
    lent: Vec<usize>,
    returned: Vec<usize>,
    outstanding: Vec<usize>,
}

impl Layout {
    /// The cells of `current`, linked to `previous` when it is the week its deltas refer to.
    pub fn new(current: &Release, previous: Option<&Release>) -> Layout {
        let mut layout = Layout::default();
        let previous = previous.filter(|p| current.deltas.as_ref().is_some_and(|d| d.previous_week == p.week));
        let previous_ids = previous.map(|p| layout.add(p, None));
        layout.previous = previous_ids;
        let before = layout.previous.as_ref().map(|ids| ids.totals);
        layout.current = layout.add(current, before);
        layout.is_current = layout.places.iter().map(|(week, _)| *week == current.week).collect();
        layout
    }

    fn cell(&mut self, figure: &Shown, week: &str, place: Place) -> usize {
        let cell = if place == Place::Unprinted { self.cells.add(figure.value, false) } else { self.cells.add(figure.value, true) };
        self.hidden.push(figure.hidden);
        self.places.push((week.to_string(), place));
        cell
    }

    /// A total and its relation to its parts (none when there are no parts: a total of nothing read back
    /// from a file says nothing more than its own figure).
    fn total(&mut self, figure: &Shown, week: &str, place: Place, parts: Vec<usize>) -> usize {
        let cell = self.cell(figure, week, place);
        if !parts.is_empty() {
            self.cells.relate(cell, parts);
        }
        cell
    }

    fn rows(&mut self, p: &Release, ids: &mut Ids) -> HashMap<String, CommuneParts> {
        let mut parts: HashMap<String, CommuneParts> = HashMap::new();
        for (row, r) in p.lost_contact.iter().enumerate() {
            let c: [usize; 6] = std::array::from_fn(|figure| self.cell(&r.figures[figure], &p.week, Place::LostContact { row, figure }));
            self.cells.relate(c[1], vec![c[3], c[4], c[5]]);
            self.cells.at_most.push((c[2], c[1]));
            let e = parts.entry(r.insee.clone()).or_default();
            e.declared.push(c[0]);
            e.register.push(c[1]);
            ids.lost_contact.push(c);
        }
        for (row, r) in p.loans.iter().enumerate() {
            let c: [usize; 3] = std::array::from_fn(|figure| self.cell(&r.figures[figure], &p.week, Place::Loan { row, figure }));
            self.cells.relate(c[0], vec![c[1], c[2]]);
            let e = parts.entry(r.insee.clone()).or_default();
            e.lent.push(c[0]);
            e.returned.push(c[1]);
            e.outstanding.push(c[2]);
            ids.loans.push(c);
        }
        parts
    }

    fn add(&mut self, p: &Release, before: Option<[usize; 4]>) -> Ids {
        let mut ids = Ids::default();
        let mut parts = self.rows(p, &mut ids);
        let w = p.week.as_str();
        for (commune, c) in p.communes.iter().enumerate() {
            let e = parts.remove(&c.insee).unwrap_or_default();
            let at = |figure| Place::Commune { commune, figure };
            let declared = self.total(&c.figures[0], w, at(0), e.declared);
            let register = self.total(&c.figures[1], w, at(1), e.register);
            let lent = self.total(&c.figures[2], w, at(2), e.lent);
            let returned_value: i64 = e.returned.iter().map(|&r| self.cells.values[r]).sum();
            let returned = self.total(&Shown::hidden(returned_value), w, Place::Unprinted, e.returned);
            let outstanding = self.total(&c.figures[3], w, at(3), e.outstanding);
            self.cells.relate(lent, vec![returned, outstanding]);
            ids.communes.push([declared, register, lent, outstanding]);
        }
        let communes = ids.communes.clone();
        ids.totals = std::array::from_fn(|k| self.total(&p.totals[k], w, Place::Total { figure: k }, communes.iter().map(|c| c[k]).collect()));
        ids.deltas = p.deltas.as_ref().map(|d| {
            std::array::from_fn(|k| {
                let delta = self.cell(&d.figures[k], w, Place::Delta { figure: k });
                self.cells.signed[delta] = true;
                let implied = Shown::hidden(p.totals[k].value - d.figures[k].value);
                let prior = before.map_or_else(|| self.cell(&implied, &d.previous_week, Place::Unprinted), |b| b[k]);
                self.cells.relate(ids.totals[k], vec![prior, delta]);
                self.follows.push((ids.totals[k], delta));
                delta
            })
        });
        ids
    }

    /// `publication` with the hidden flags of `hidden` (this week's cells only).
    ///
    /// ```
    /// use veille::privacy::{Shown, Layout, Release};
    /// let p = Release { week: "2020-W21".into(), totals: [Shown::shown(4); 4], ..Default::default() };
    /// let layout = Layout::new(&p, None);
    /// let hidden: Vec<bool> = (0..layout.hidden.len()).map(|c| c == layout.current.totals[0]).collect();
    /// assert!(layout.apply(&p, &hidden).totals[0].hidden);
    /// ```
    pub fn apply(&self, publication: &Release, hidden: &[bool]) -> Release {
        let ids = &self.current;
        let mut p = publication.clone();
        let set = |f: &mut Shown, cell: usize| f.hidden = hidden.get(cell).copied().unwrap_or(false);
        for (row, c) in p.lost_contact.iter_mut().zip(&ids.lost_contact) {
            row.figures.iter_mut().zip(c).for_each(|(f, &cell)| set(f, cell));
        }
        for (row, c) in p.loans.iter_mut().zip(&ids.loans) {
            row.figures.iter_mut().zip(c).for_each(|(f, &cell)| set(f, cell));
        }
        for (row, c) in p.communes.iter_mut().zip(&ids.communes) {
            row.figures.iter_mut().zip(c).for_each(|(f, &cell)| set(f, cell));
        }
        p.totals.iter_mut().zip(&ids.totals).for_each(|(f, &cell)| set(f, cell));
        if let (Some(d), Some(cells)) = (p.deltas.as_mut(), ids.deltas) {
            d.figures.iter_mut().zip(&cells).for_each(|(f, &cell)| set(f, cell));
        }
        p
    }
}
