//! The published figures as an outsider sees them: cells, each with its value and whether the report
//! prints it, tied by additive relations (row and column totals, totals across communes,
//! `lent = returned + outstanding`, `register_pupils = restored + in_progress + no_contact`, week-over-week
//! deltas) and by inequalities (`register_with_consent ≤ register_pupils`). The audit
//! ([`crate::privacy::audit`]) and the suppression ([`crate::privacy::suppress`]) work on this model.

/// One additive relation between cells: `total = parts[0] + parts[1] + ...`.
///
/// ```
/// use veille::privacy::Relation;
/// let r = Relation { total: 0, parts: vec![1, 2] };
/// assert_eq!(r.terms().collect::<Vec<_>>(), vec![0, 1, 2]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub total: usize,
    pub parts: Vec<usize>,
}

impl Relation {
    /// The total, then the parts.
    pub fn terms(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.total).chain(self.parts.iter().copied())
    }
}

/// A set of cells, each with its value and whether the report shows it (a cell that is not shown, such as
/// a total the report never prints, still takes part in the relations).
///
/// ```
/// use veille::privacy::Cells;
/// let mut cells = Cells::default();
/// let (a, b) = (cells.add(3, true), cells.add(12, true));
/// let total = cells.add_total(vec![a, b], true);
/// assert_eq!(cells.values[total], 15);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Cells {
    pub values: Vec<i64>,
    pub published: Vec<bool>,
    /// A signed cell (a week-over-week change) may be negative; every other cell is a count, never below 0.
    pub signed: Vec<bool>,
    pub relations: Vec<Relation>,
    /// `(a, b)`: the value of cell `a` is at most that of cell `b`.
    pub at_most: Vec<(usize, usize)>,
}

impl Cells {
    /// Adds a count and returns its index.
    ///
    /// ```
    /// let mut cells = veille::privacy::Cells::default();
    /// assert_eq!((cells.add(4, true), cells.add(0, false)), (0, 1));
    /// ```
    pub fn add(&mut self, value: i64, published: bool) -> usize {
        self.values.push(value);
        self.published.push(published);
        self.signed.push(false);
        self.values.len() - 1
    }

    /// Adds a cell that may be negative (a change since last week) and returns its index.
    ///
    /// ```
    /// let mut cells = veille::privacy::Cells::default();
    /// let delta = cells.add_signed(-3, true);
    /// assert!(cells.signed[delta]);
    /// ```
    pub fn add_signed(&mut self, value: i64, published: bool) -> usize {
        let cell = self.add(value, published);
        self.signed[cell] = true;
        cell
    }

    /// Adds a total cell equal to the sum of `parts`, with the relation that ties them.
    ///
    /// ```
    /// let mut cells = veille::privacy::Cells::default();
    /// let parts = vec![cells.add(2, true), cells.add(5, true)];
    /// let total = cells.add_total(parts, false);
    /// assert_eq!((cells.values[total], cells.relations.len()), (7, 1));
    /// ```
    pub fn add_total(&mut self, parts: Vec<usize>, published: bool) -> usize {
        let value = parts.iter().filter_map(|&p| self.values.get(p)).sum();
        let total = self.add(value, published);
        self.relations.push(Relation { total, parts });
        total
    }

    /// Ties existing cells: `total = parts[0] + parts[1] + ...`.
    ///
    /// ```
    /// let mut cells = veille::privacy::Cells::default();
    /// let (t, a, b) = (cells.add(7, true), cells.add(2, true), cells.add(5, true));
    /// cells.relate(t, vec![a, b]);
    /// assert_eq!(cells.relations[0].parts, vec![a, b]);
    /// ```
    pub fn relate(&mut self, total: usize, parts: Vec<usize>) {
        self.relations.push(Relation { total, parts });
    }

    /// The terms of every relation, then of every inequality: what ties cells together.
    ///
    /// ```
    /// let mut cells = veille::privacy::Cells::default();
    /// let (a, b) = (cells.add(3, true), cells.add(12, true));
    /// let total = cells.add_total(vec![a, b], true);
    /// cells.at_most.push((a, b));
    /// assert_eq!(cells.links().collect::<Vec<_>>(), vec![vec![total, a, b], vec![a, b]]);
    /// ```
    pub fn links(&self) -> impl Iterator<Item = Vec<usize>> + '_ {
        self.relations.iter().map(|r| r.terms().collect()).chain(self.at_most.iter().map(|&(a, b)| vec![a, b]))
    }

    /// The cells a reader sees a number for: published and not hidden.
    ///
    /// ```
    /// let mut cells = veille::privacy::Cells::default();
    /// cells.add(3, true);
    /// cells.add(9, false);
    /// assert_eq!(cells.shown(&[true, false]), vec![false, false]);
    /// ```
    pub fn shown(&self, hidden: &[bool]) -> Vec<bool> {
        (0..self.values.len()).map(|i| self.published[i] && !hidden.get(i).copied().unwrap_or(false)).collect()
    }

    /// The published counts from 1 to `min_count - 1`: the primary suppression.
    ///
    /// ```
    /// let mut cells = veille::privacy::Cells::default();
    /// for v in [0, 3, 5] { cells.add(v, true); }
    /// assert_eq!(cells.small(5), vec![false, true, false]);
    /// ```
    pub fn small(&self, min_count: i64) -> Vec<bool> {
        (0..self.values.len()).map(|i| self.published[i] && !self.signed[i] && (1..min_count).contains(&self.values[i])).collect()
    }
}
