//! Secondary suppression with a cost (τ-ARGUS practice): primary cells are hidden, then, while the audit
//! can pin a hidden cell down, a shown cell around it whose hiding protects it is hidden too (the cells
//! that share a relation with it first, then the cheapest; when none of the first tried does, the first
//! of them). A pruning pass ([`super::prune`]) then shows again, most expensive first, every secondary
//! cell whose publication the audit still allows. Where the tables are small, [`super::exhaustive`] then
//! looks for a cheaper pattern among every smaller set of cells.
//!
//! The search asks many questions of the outsider's system; it first asks a small system around the cell
//! ([`super::nearby`]), which can only be more cautious, and remembers what stays true as it hides more.
//! At 194 communes this takes seconds where trying every cell with the whole system took more than ten
//! minutes (`cargo run --release --example secrecy_scale -- 194`). The published audit always solves the
//! whole system.

use super::audit::first_leak;
use super::lp::LpError;
use super::{Cells, SecrecyRule};

/// How many cells around a leak are tried for one that protects it on its own: past them, the cheapest
/// cell beside it is hidden and the loop goes on (large tables only; a small one never has that many).
const TRIES: usize = 12;


/// What the suppression works on: the cells, the rule, and what each cell may or must be.
///
/// ```
/// use veille::privacy::{Cells, SecrecyRule, Suppression};
/// let mut cells = Cells::default();
/// let parts = vec![cells.add(3, true), cells.add(12, true), cells.add(20, true)];
/// cells.add_total(parts, true);
/// let rule = SecrecyRule::new(5);
/// let hidden = Suppression::new(&cells, &rule).solve().unwrap();
/// assert_eq!(hidden, vec![true, true, false, false]);
/// ```
#[derive(Debug, Clone)]
pub struct Suppression<'a> {
    pub cells: &'a Cells,
    pub rule: &'a SecrecyRule,
    /// Cells the suppression may hide (by default: every published non-zero count).
    pub hideable: Vec<bool>,
    /// Cells hidden whatever happens (a count hidden in an earlier week's publication).
    pub fixed: Vec<bool>,
    /// Cells hidden last week: cheaper to hide again.
    pub hidden_last_week: Vec<bool>,
    /// `(a, b)`: the report hides `b` whenever it hides `a` (a change since last week follows its total).
    pub follows: Vec<(usize, usize)>,
    /// Hidden cells the audit does not hold against this publication (an earlier week's cell that its own
    /// publication already gave away).
    pub exempt: Vec<bool>,
}

impl<'a> Suppression<'a> {
    /// The default problem: every published non-zero count may be hidden.
    ///
    /// ```
    /// use veille::privacy::{Cells, SecrecyRule, Suppression};
    /// let mut cells = Cells::default();
    /// cells.add(0, true);
    /// cells.add(7, true);
    /// let rule = SecrecyRule::new(5);
    /// assert_eq!(Suppression::new(&cells, &rule).hideable, vec![false, true]);
    /// ```
    pub fn new(cells: &'a Cells, rule: &'a SecrecyRule) -> Self {
        let n = cells.values.len();
        let hideable = (0..n).map(|c| cells.published[c] && !cells.signed[c] && cells.values[c] != 0).collect();
        Suppression { cells, rule, hideable, fixed: vec![false; n], hidden_last_week: vec![false; n], follows: Vec::new(), exempt: vec![false; n] }
    }

    /// The primary cells (shown counts from 1 to `min_count - 1`) and the fixed ones, with their followers.
    ///
    /// ```
    /// use veille::privacy::{Cells, SecrecyRule, Suppression};
    /// let mut cells = Cells::default();
    /// for v in [3, 8] { cells.add(v, true); }
    /// let rule = SecrecyRule::new(5);
    /// let mut problem = Suppression::new(&cells, &rule);
    /// problem.follows.push((0, 1));
    /// assert_eq!(problem.initial(), vec![true, true]);
    /// ```
    pub fn initial(&self) -> Vec<bool> {
        let small = self.cells.small(self.rule.min_count);
        let hidden: Vec<bool> = (0..small.len()).map(|c| (small[c] && self.hideable[c]) || self.fixed[c]).collect();
        self.closed(hidden)
    }

    /// `hidden` with every follower of a hidden cell hidden too.
    pub(crate) fn closed(&self, mut hidden: Vec<bool>) -> Vec<bool> {
        for &(a, b) in &self.follows {
            if hidden[a] {
                hidden[b] = true;
            }
        }
        hidden
    }

    /// The hidden cells the audit must find protected.
    pub(crate) fn targets(&self, hidden: &[bool]) -> Vec<usize> {
        (0..hidden.len()).filter(|&c| hidden[c] && self.cells.published[c] && !self.exempt[c]).collect()
    }

    /// The first target an outsider can pin down under `hidden`.
    pub(crate) fn leak(&self, hidden: &[bool]) -> Result<Option<usize>, LpError> {
        first_leak(self.cells, hidden, self.rule, &self.targets(hidden))
    }

    pub(crate) fn cost(&self, cell: usize) -> i64 {
        self.rule.cost_of(self.cells.values[cell], self.hidden_last_week[cell])
    }

    /// The shown cells that may still be hidden, cheapest first.
    pub(crate) fn candidates(&self, hidden: &[bool]) -> Vec<usize> {
        let mut found: Vec<usize> = (0..hidden.len()).filter(|&c| self.hideable[c] && !hidden[c]).collect();
        found.sort_by_key(|&c| (self.cost(c), c));
        found
    }

    pub(crate) fn with(&self, hidden: &[bool], cell: usize) -> Vec<bool> {
        let mut more = hidden.to_vec();
        more[cell] = true;
        self.closed(more)
    }

    /// The cell to hide so that `leak` is protected: among the shown cells around it, those that share a
    /// relation with it first, then the cheapest, the first of [`TRIES`] that protects it on its own, else
    /// the first of them. Only a cell that shares a relation with the unknown cells tied to `leak` can
    /// change what an outsider knows of it, so no other is tried.
    fn next_cell(&self, hidden: &[bool], leak: usize) -> Result<Option<usize>, LpError> {
        let around = super::lp::System::new(self.cells, hidden).shown_neighbours(leak);
        let beside: Vec<usize> = self.cells.links().filter(|terms| terms.contains(&leak)).flatten().collect();
        let mut candidates: Vec<usize> = around.into_iter().filter(|&c| self.hideable[c] && !hidden[c]).collect();
        candidates.sort_by_key(|&c| (!beside.contains(&c), self.cost(c), c));
        for &cell in candidates.iter().take(TRIES) {
            let more = self.with(hidden, cell);
            if first_leak(self.cells, &more, self.rule, &[leak])?.is_none() {
                return Ok(Some(cell));
            }
        }
        Ok(candidates.first().copied())
    }

    /// The hidden cells: primary, then secondary until the audit finds nothing, then pruned (and, on
    /// small tables, replaced by the exact minimum when that is cheaper). See [`Suppression`].
    ///
    /// Hiding a cell more never narrows what an outsider can say of another (the true table stays a
    /// solution), so a cell found protected stays protected while the loop only hides more: each cell's
    /// range is worked out once, not once a round.
    pub fn solve(&self) -> Result<Vec<bool>, LpError> {
        let mut hidden = self.initial();
        let mut proven = vec![false; hidden.len()];
        while let Some(leak) = self.unproven_leak(&hidden, &mut proven)? {
            match self.next_cell(&hidden, leak)? {
                Some(cell) => hidden = self.with(&hidden, cell),
                // Nothing left to hide: the final audit will say what leaks.
                None => return Ok(hidden),
            }
        }
        let pruned = super::prune::prune(self, hidden)?;
        super::exhaustive::improve(self, pruned)
    }

    /// The first target not yet proven protected that an outsider can pin down under `hidden`; the others
    /// checked on the way are marked proven.
    fn unproven_leak(&self, hidden: &[bool], proven: &mut [bool]) -> Result<Option<usize>, LpError> {
        let system = super::lp::System::new(self.cells, hidden);
        for cell in self.targets(hidden) {
            if proven[cell] {
                continue;
            }
            if !super::nearby::pins(&system, self.cells, hidden, self.rule, cell)? {
                proven[cell] = true;
                continue;
            }
            return Ok(Some(cell));
        }
        Ok(None)
    }

    /// The secondary cells of `hidden`, most expensive first.
    pub(crate) fn secondary(&self, hidden: &[bool]) -> Vec<usize> {
        let initial = self.initial();
        let mut found: Vec<usize> = (0..hidden.len()).filter(|&c| hidden[c] && !initial[c] && self.hideable[c]).collect();
        found.sort_by_key(|&c| (std::cmp::Reverse(self.cost(c)), c));
        found
    }

    /// The pattern made of the hideable cells of `hidden`, with the initial cells and followers.
    pub(crate) fn rebuilt(&self, hidden: &[bool]) -> Vec<bool> {
        let initial = self.initial();
        self.closed((0..hidden.len()).map(|c| initial[c] || (hidden[c] && self.hideable[c])).collect())
    }
}

/// The cells to hide under `rule`, with the default problem ([`Suppression::new`]); when the solver fails,
/// every published non-zero count (which is always safe, but says nothing).
///
/// ```
/// use veille::privacy::{suppress, Cells};
/// // Two communes, 3 and 12 pupils, and their total 15: hiding 3 alone would leak (15 - 12).
/// let mut cells = Cells::default();
/// let (a, b) = (cells.add(3, true), cells.add(12, true));
/// let total = cells.add_total(vec![a, b], true);
/// let hidden = suppress(&cells, 5);
/// assert!(hidden[a] && hidden[b] && !hidden[total]);
/// ```
pub fn suppress(cells: &Cells, min_count: i64) -> Vec<bool> {
    let rule = SecrecyRule::new(min_count);
    let problem = Suppression::new(cells, &rule);
    problem.solve().unwrap_or_else(|_| problem.hideable.clone())
}
