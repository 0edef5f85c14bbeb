//! The first secondary suppression of veille, kept to measure the new one against (`suppress_greedy`):
//! **primary** suppression hides every published count from 1 to `min_count - 1`; **secondary**
//! suppression then hides more cells until no hidden cell can be recomputed by solving the relations one
//! at a time, as a reader with a calculator would: a relation with exactly one unknown term gives that
//! term away. Whenever that reveals a hidden cell, the smallest non-zero shown term of that relation is
//! hidden too, and the check starts again. It misses what relations combined give away, and hides far
//! more than it needs to; [`crate::privacy::suppress`] replaces it.

use super::{Cells, Relation};

/// Which cells a reader can work out from the shown ones, and through which relation each was derived.
fn derivable(cells: &Cells, hidden: &[bool]) -> (Vec<bool>, Vec<Option<usize>>) {
    let mut known: Vec<bool> = (0..cells.values.len()).map(|i| cells.published[i] && !hidden[i]).collect();
    let mut derived_by = vec![None; cells.values.len()];
    let mut changed = true;
    while changed {
        changed = false;
        for (r, relation) in cells.relations.iter().enumerate() {
            let mut unknown = relation.terms().filter(|&t| !known[t]);
            if let (Some(only), None) = (unknown.next(), unknown.next()) {
                known[only] = true;
                derived_by[only] = Some(r);
                changed = true;
            }
        }
    }
    (known, derived_by)
}

/// The shown term of a relation to hide so that it no longer gives a hidden cell away: the smallest
/// non-zero one, parts before the total.
fn cell_to_hide(cells: &Cells, relation: &Relation, hidden: &[bool]) -> Option<usize> {
    let shown = |&t: &usize| cells.published[t] && !hidden[t] && cells.values[t] != 0;
    let smallest = |candidates: Vec<usize>| candidates.into_iter().min_by_key(|&t| (cells.values[t], t));
    smallest(relation.parts.iter().copied().filter(shown).collect()).or_else(|| Some(relation.total).filter(shown))
}

/// The cells to hide: primary suppression of counts below `min_count`, then secondary suppression until
/// no hidden cell can be derived.
///
/// ```
/// use veille::privacy::{suppress_greedy, Cells};
/// // Two communes, 3 and 12 pupils, and their total 15: hiding 3 alone would leak (15 - 12).
/// let mut cells = Cells::default();
/// let (a, b) = (cells.add(3, true), cells.add(12, true));
/// let total = cells.add_total(vec![a, b], true);
/// let hidden = suppress_greedy(&cells, 5);
/// assert!(hidden[a] && (hidden[b] || hidden[total]));
/// ```
pub fn suppress_greedy(cells: &Cells, min_count: i64) -> Vec<bool> {
    let mut hidden: Vec<bool> = (0..cells.values.len()).map(|i| cells.published[i] && (1..min_count).contains(&cells.values[i])).collect();
    loop {
        let (known, derived_by) = derivable(cells, &hidden);
        let Some(leak) = (0..hidden.len()).find(|&i| hidden[i] && known[i]) else { return hidden };
        let Some(relation) = derived_by[leak] else { return hidden };
        match breaking_cell(cells, &derived_by, relation, leak, &hidden) {
            Some(cell) => hidden[cell] = true,
            // Only zeros left to hide: a hidden non-zero count cannot be derived from zeros alone, so this
            // is not reached; stop rather than loop.
            None => return hidden,
        }
    }
}

/// The shown cell whose hiding breaks the derivation of `leak` through `relation`: in that relation, or,
/// when its other terms were themselves derived, in the relations that derived them.
fn breaking_cell(cells: &Cells, derived_by: &[Option<usize>], relation: usize, leak: usize, hidden: &[bool]) -> Option<usize> {
    let mut stack = vec![relation];
    let mut seen = vec![false; cells.relations.len()];
    while let Some(r) = stack.pop() {
        if std::mem::replace(&mut seen[r], true) {
            continue;
        }
        if let Some(cell) = cell_to_hide(cells, &cells.relations[r], hidden) {
            return Some(cell);
        }
        stack.extend(cells.relations[r].terms().filter(|&t| t != leak).filter_map(|t| derived_by[t]));
    }
    None
}
