//! The audit of a publication: what an outsider who knows every relation of the tables, every shown figure
//! and the rule (hidden counts are ≥ 1) can deduce about each hidden cell, by linear programming. A hidden
//! cell whose range is not wider than the protection width is a **leak**; so is any shown count from 1 to
//! `min_count - 1`.

use super::lp::{LpError, System};
use super::{Cells, SecrecyRule};

/// What an outsider can deduce about one hidden cell: it lies in `min..=max` (`max` is `None` when
/// nothing bounds it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenRange {
    pub cell: usize,
    pub min: i64,
    pub max: Option<i64>,
    pub protected: bool,
}

/// The audit's findings.
///
/// ```
/// use veille::privacy::{audit, Cells, SecrecyRule};
/// let mut cells = Cells::default();
/// let (a, b) = (cells.add(3, true), cells.add(12, true));
/// cells.add_total(vec![a, b], true);
/// // Hiding 3 alone: 15 - 12 gives it away.
/// let found = audit(&cells, &[true, false, false], &SecrecyRule::new(5)).unwrap();
/// assert!(!found.is_safe());
/// assert_eq!((found.ranges[0].min, found.ranges[0].max), (3, Some(3)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Audit {
    /// One entry per hidden cell audited, in cell order.
    pub ranges: Vec<HiddenRange>,
    /// Shown counts from 1 to `min_count - 1`.
    pub small_shown: Vec<usize>,
}

impl Audit {
    /// No hidden cell can be pinned and no small count is shown.
    ///
    /// ```
    /// assert!(veille::privacy::Audit::default().is_safe());
    /// ```
    pub fn is_safe(&self) -> bool {
        self.small_shown.is_empty() && self.ranges.iter().all(|r| r.protected)
    }

    /// The hidden cells an outsider can pin down.
    ///
    /// ```
    /// use veille::privacy::{Audit, HiddenRange};
    /// let a = Audit { ranges: vec![HiddenRange { cell: 4, min: 2, max: Some(2), protected: false }], small_shown: vec![] };
    /// assert_eq!(a.leaks().map(|r| r.cell).collect::<Vec<_>>(), vec![4]);
    /// ```
    pub fn leaks(&self) -> impl Iterator<Item = &HiddenRange> {
        self.ranges.iter().filter(|r| !r.protected)
    }
}

/// The hidden published cells of a pattern.
fn hidden_published(cells: &Cells, hidden: &[bool]) -> Vec<usize> {
    (0..cells.values.len()).filter(|&c| cells.published[c] && hidden.get(c).copied().unwrap_or(false)).collect()
}

/// Audits every hidden published cell of `cells` under the pattern `hidden`. Fails when the shown figures
/// contradict the relations (the tables are not a consistent publication) or the solver fails.
///
/// ```
/// use veille::privacy::{audit, Cells, SecrecyRule};
/// let mut cells = Cells::default();
/// let parts = vec![cells.add(3, true), cells.add(12, true), cells.add(20, true)];
/// cells.add_total(parts, true);
/// let found = audit(&cells, &[true, true, false, false], &SecrecyRule::new(5)).unwrap();
/// assert!(found.is_safe());
/// assert_eq!((found.ranges[0].min, found.ranges[0].max), (1, Some(14)));
/// ```
pub fn audit(cells: &Cells, hidden: &[bool], rule: &SecrecyRule) -> Result<Audit, LpError> {
    audit_cells(cells, hidden, rule, &hidden_published(cells, hidden))
}

/// The same, for the hidden cells `targets` only.
///
/// ```
/// use veille::privacy::{audit_cells, Cells, SecrecyRule};
/// let mut cells = Cells::default();
/// let parts = vec![cells.add(3, true), cells.add(12, true)];
/// cells.add_total(parts, true);
/// let found = audit_cells(&cells, &[true, true, false], &SecrecyRule::new(5), &[1]).unwrap();
/// assert_eq!(found.ranges.len(), 1);
/// ```
pub fn audit_cells(cells: &Cells, hidden: &[bool], rule: &SecrecyRule, targets: &[usize]) -> Result<Audit, LpError> {
    let system = System::new(cells, hidden);
    if !system.shown_consistent() {
        return Err(LpError::Inconsistent);
    }
    let shown = cells.shown(hidden);
    let small = cells.small(rule.min_count);
    let small_shown = (0..cells.values.len()).filter(|&c| shown[c] && small[c]).collect();
    let mut ranges = Vec::with_capacity(targets.len());
    for &cell in targets {
        let (min, max) = system.range(cell)?;
        ranges.push(HiddenRange { cell, min, max, protected: rule.protected(min, max) });
    }
    Ok(Audit { ranges, small_shown })
}

/// The first of `targets` an outsider can pin down, if any: what the suppression asks while it searches.
pub(crate) fn first_leak(cells: &Cells, hidden: &[bool], rule: &SecrecyRule, targets: &[usize]) -> Result<Option<usize>, LpError> {
    let system = System::new(cells, hidden);
    for &cell in targets.iter().filter(|&&c| hidden.get(c).copied().unwrap_or(false)) {
        if super::nearby::pins(&system, cells, hidden, rule, cell)? {
            return Ok(Some(cell));
        }
    }
    Ok(None)
}
