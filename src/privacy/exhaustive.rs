//! The exact minimum by exhaustive search: every set of secondary cells, smallest first, is tried with
//! the audit. Used on the tables that are small enough (at most [`BUDGET`] sets to try), and by the tests
//! to prove the heuristic against the true minimum.

use super::lp::LpError;
use super::Suppression;

/// How many candidate sets the report may try to improve on the heuristic.
pub const BUDGET: u64 = 3000;

/// How many sets of at most `k` cells among `n` there are (saturating).
fn sets(n: usize, k: usize) -> u64 {
    let mut total: u64 = 0;
    let mut choose: u64 = 1;
    for i in 0..=k.min(n) {
        total = total.saturating_add(choose);
        choose = choose.saturating_mul((n - i) as u64) / (i as u64 + 1);
    }
    total
}

/// The next combination of `k` indexes below `n` after `c`, in lexicographic order.
fn next_combination(c: &mut [usize], n: usize) -> bool {
    let k = c.len();
    for i in (0..k).rev() {
        if c[i] < n - k + i {
            c[i] += 1;
            for j in i + 1..k {
                c[j] = c[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

/// The cheapest safe pattern that adds at most `max_cells` secondary cells to the initial ones, and its
/// cost; `None` when none is safe. Tries every such set: only for small tables.
///
/// ```
/// use veille::privacy::{exhaustive_minimum, Cells, SecrecyRule, Suppression};
/// let mut cells = Cells::default();
/// let parts = vec![cells.add(3, true), cells.add(12, true), cells.add(20, true)];
/// cells.add_total(parts, true);
/// let rule = SecrecyRule::new(5);
/// let (hidden, _) = exhaustive_minimum(&Suppression::new(&cells, &rule), 3).unwrap().unwrap();
/// assert_eq!(hidden, vec![true, true, false, false]);
/// ```
pub fn exhaustive_minimum(problem: &Suppression<'_>, max_cells: usize) -> Result<Option<(Vec<bool>, i64)>, LpError> {
    cheapest(problem, max_cells, i64::MAX)
}

fn cheapest(problem: &Suppression<'_>, max_cells: usize, below: i64) -> Result<Option<(Vec<bool>, i64)>, LpError> {
    let initial = problem.initial();
    let candidates = problem.candidates(&initial);
    let mut best: Option<(Vec<bool>, i64)> = None;
    let n = candidates.len();
    for k in 0..=max_cells.min(n) {
        let mut c: Vec<usize> = (0..k).collect();
        loop {
            let cost: i64 = c.iter().map(|&i| problem.cost(candidates[i])).sum();
            if cost < best.as_ref().map_or(below, |b| b.1) {
                let mut hidden = initial.clone();
                for &i in &c {
                    hidden[candidates[i]] = true;
                }
                let hidden = problem.closed(hidden);
                if problem.leak(&hidden)?.is_none() {
                    best = Some((hidden, cost));
                }
            }
            if !next_combination(&mut c, n) {
                break;
            }
        }
    }
    Ok(best)
}

/// `found` (a safe pattern), or a cheaper safe one when the table is small enough to try every set of at
/// most as many secondary cells.
pub(crate) fn improve(problem: &Suppression<'_>, found: Vec<bool>) -> Result<Vec<bool>, LpError> {
    let secondary = problem.secondary(&found);
    let n = problem.candidates(&problem.initial()).len();
    if secondary.is_empty() || sets(n, secondary.len()) > BUDGET || problem.leak(&found)?.is_some() {
        return Ok(found);
    }
    let cost: i64 = secondary.iter().map(|&c| problem.cost(c)).sum();
    Ok(cheapest(problem, secondary.len(), cost)?.map_or(found, |(hidden, _)| hidden))
}
