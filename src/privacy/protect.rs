//! A restricted publication, protected and audited, week after week: this week's figures are linked to
//! what the same audience was shown the week the deltas refer to (its shown figures are constants, its
//! hidden ones unknowns that must stay protected), cells hidden then are cheaper to hide again, and the
//! audit runs on the linked system. An earlier cell that its own publication already gave away cannot be
//! protected now: it is left out of the audit (and said).

use super::audit::{audit_cells, Audit};
use super::layout::Layout;
use super::lp::LpError;
use super::release::Release;
use super::{SecrecyRule, Suppression};

/// A publication with its hidden cells chosen, and what the audit found.
#[derive(Debug, Clone)]
pub struct Protected {
    /// This week's figures with their hidden flags (true values: only the report holds them).
    pub publication: Release,
    pub layout: Layout,
    pub hidden: Vec<bool>,
    pub audit: Audit,
    /// Earlier cells that their own publication gave away (left out of the audit).
    pub already_given_away: Vec<usize>,
}

impl Protected {
    /// This week's published counts (not deltas) that are hidden and small (`primary`) or not (`secondary`).
    ///
    /// ```
    /// use veille::privacy::{protect, Shown, Release, SecrecyRule};
    /// let p = Release { week: "2020-W21".into(), totals: [Shown::shown(3), Shown::shown(9), Shown::shown(0), Shown::shown(0)], ..Default::default() };
    /// let rule = SecrecyRule::new(5);
    /// let protected = protect(&p, None, &rule).unwrap();
    /// assert_eq!(protected.counts(&rule), (1, 0));
    /// assert_eq!(protected.large_shown(&rule), (1, 1));
    /// ```
    pub fn counts(&self, rule: &SecrecyRule) -> (usize, usize) {
        let cells = &self.layout.cells;
        let small = cells.small(rule.min_count);
        let hidden = self.counted().filter(|&c| self.hidden[c]);
        let primary = hidden.clone().filter(|&c| small[c]).count();
        (primary, hidden.count() - primary)
    }

    /// Of this week's published counts of at least `min_count`, how many are shown, and how many there are
    /// (example at [`Protected::counts`]).
    pub fn large_shown(&self, rule: &SecrecyRule) -> (usize, usize) {
        let large: Vec<usize> = self.counted().filter(|&c| self.layout.cells.values[c] >= rule.min_count).collect();
        (large.iter().filter(|&&c| !self.hidden[c]).count(), large.len())
    }

    fn counted(&self) -> impl Iterator<Item = usize> + Clone + '_ {
        let cells = &self.layout.cells;
        (0..cells.values.len()).filter(|&c| self.layout.is_current[c] && cells.published[c] && !cells.signed[c])
    }
}

/// Which cells of the linked layout `previous` (first in it) gave away on its own.
fn given_away_before(previous: Option<&Release>, rule: &SecrecyRule) -> Result<Vec<usize>, LpError> {
    let Some(previous) = previous else { return Ok(Vec::new()) };
    let alone = Layout::new(&previous.as_read(), None);
    let found = audit_cells(&alone.cells, &alone.hidden, rule, &targets(&alone, &[]))?;
    Ok(found.leaks().map(|r| r.cell).collect())
}

fn targets(layout: &Layout, exempt: &[usize]) -> Vec<usize> {
    (0..layout.hidden.len()).filter(|&c| layout.hidden[c] && layout.cells.published[c] && !exempt.contains(&c)).collect()
}

/// Audits a publication as read (hidden values unknown), linked to the previous one when given.
///
/// ```
/// use veille::privacy::{audit_publication, Shown, Release, SecrecyRule};
/// let p = Release { week: "2020-W21".into(), totals: [Shown::shown(0); 4], ..Default::default() };
/// let (_, audit, _) = audit_publication(&p, None, &SecrecyRule::new(5)).unwrap();
/// assert!(audit.is_safe());
/// ```
pub fn audit_publication(read: &Release, previous: Option<&Release>, rule: &SecrecyRule) -> Result<(Layout, Audit, Vec<usize>), LpError> {
    let layout = Layout::new(read, previous);
    let linked = layout.previous.is_some().then_some(previous).flatten();
    let exempt = given_away_before(linked, rule)?;
    let audit = audit_cells(&layout.cells, &layout.hidden, rule, &targets(&layout, &exempt))?;
    Ok((layout, audit, exempt))
}

/// Chooses the hidden cells of `current` (true values) under `rule`, linked to `previous` (the same
/// audience's earlier publication as it was shown), and audits the result. When the two weeks contradict
/// each other (the earlier week was corrected since), this week is protected on its own.
///
/// ```
/// use veille::privacy::{protect, CommuneFigures, Shown, Release, SecrecyRule};
/// let commune = |insee: &str, n: i64| CommuneFigures { insee: insee.into(), figures: [Shown::shown(n), Shown::shown(0), Shown::shown(0), Shown::shown(0)] };
/// // Two communes declared 3 and 12, 15 in all: 3 is hidden, and so is 12 or 15.
/// let p = Release { week: "2020-W21".into(), communes: vec![commune("91687", 3), commune("91286", 12)], totals: [Shown::shown(15), Shown::shown(0), Shown::shown(0), Shown::shown(0)], ..Default::default() };
/// let shown = protect(&p, None, &SecrecyRule::new(5)).unwrap().publication;
/// assert!(shown.communes[0].figures[0].hidden && shown.communes[1].figures[0].hidden && !shown.totals[0].hidden);
/// ```
pub fn protect(current: &Release, previous: Option<&Release>, rule: &SecrecyRule) -> Result<Protected, LpError> {
    match protect_linked(current, previous, rule) {
        Err(LpError::Inconsistent) if previous.is_some() => protect_linked(current, None, rule),
        result => result,
    }
}

fn protect_linked(current: &Release, previous: Option<&Release>, rule: &SecrecyRule) -> Result<Protected, LpError> {
    let previous = previous.map(Release::as_read);
    let layout = Layout::new(current, previous.as_ref());
    let linked = layout.previous.is_some().then_some(previous.as_ref()).flatten();
    let exempt = given_away_before(linked, rule)?;
    let mut problem = Suppression::new(&layout.cells, rule);
    let n = layout.hidden.len();
    let cells = &layout.cells;
    problem.hideable = (0..n).map(|c| layout.is_current[c] && cells.published[c] && !cells.signed[c] && cells.values[c] != 0).collect();
    problem.fixed = (0..n).map(|c| !layout.is_current[c] && cells.published[c] && layout.hidden[c]).collect();
    problem.follows = layout.follows.clone();
    problem.exempt = (0..n).map(|c| exempt.contains(&c)).collect();
    if let Some(p) = previous.as_ref() {
        problem.hidden_last_week = super::continuity::hidden_last_week(&layout, current, p);
    }
    let hidden = problem.solve()?;
    let audit = audit_cells(cells, &hidden, rule, &problem.targets(&hidden))?;
    let publication = layout.apply(current, &hidden);
    Ok(Protected { publication, layout, hidden, audit, already_given_away: exempt })
}
