//! A quick, sufficient test of protection for the suppression's search: an outsider who also knew the
//! true value of every unknown cell far from a hidden cell could only say more of it, so a cell protected
//! in that smaller system is protected in the whole one. Its program holds at most [`NEAR`] unknowns
//! instead of every cell a column total ties together; only when it pins the cell down is the whole
//! system asked. The published audit never uses it: it always solves the whole system.

use super::lp::{LpError, System};
use super::{Cells, SecrecyRule};

/// How many unknown cells the nearby system keeps.
const NEAR: usize = 40;
/// How many relations away from the cell it looks.
const DEPTH: usize = 2;

/// The term lists of the relations and inequalities that hold `cell`, fewest unknown terms first.
fn around(cells: &Cells, known: &[bool], frontier: &[usize]) -> Vec<Vec<usize>> {
    let mut found: Vec<Vec<usize>> = cells
        .links()
        .filter(|terms| terms.iter().any(|t| frontier.contains(t)))
        .map(|terms| terms.into_iter().filter(|&t| !known[t]).collect::<Vec<_>>())
        .collect();
    found.sort_by_key(Vec::len);
    found
}

/// The unknown cells near `cell`: breadth first through the relations, the smallest relations first.
fn near(cells: &Cells, known: &[bool], cell: usize) -> Vec<bool> {
    let mut chosen = vec![false; known.len()];
    chosen[cell] = true;
    let (mut count, mut frontier) = (1, vec![cell]);
    for _ in 0..DEPTH {
        let mut next = Vec::new();
        for terms in around(cells, known, &frontier) {
            for t in terms {
                if chosen[t] {
                    continue;
                }
                if count == NEAR {
                    return chosen;
                }
                chosen[t] = true;
                count += 1;
                next.push(t);
            }
        }
        frontier = next;
    }
    chosen
}

/// Whether the hidden cell `cell` is protected already in the system of the unknowns near it (`false`
/// says nothing: ask the whole system).
pub(crate) fn protected_nearby(cells: &Cells, hidden: &[bool], rule: &SecrecyRule, cell: usize) -> bool {
    let known = cells.shown(hidden);
    let chosen = near(cells, &known, cell);
    let system = System::with_known(cells, chosen.iter().map(|&c| !c).collect());
    // The true table is a solution of the smaller system; a solver failure there is left to the whole.
    matches!(system.pins(cell, rule), Ok(false))
}

/// Whether an outsider can pin the hidden cell `cell` down: nearby first, then, if need be, `whole`.
pub(crate) fn pins(whole: &System<'_>, cells: &Cells, hidden: &[bool], rule: &SecrecyRule, cell: usize) -> Result<bool, LpError> {
    if protected_nearby(cells, hidden, rule, cell) {
        return Ok(false);
    }
    whole.pins(cell, rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A rows × columns table with its row totals, column totals and grand total.
    fn table(values: &[i64], columns: usize) -> Cells {
        let mut cells = Cells::default();
        let ids: Vec<usize> = values.iter().map(|&v| cells.add(v, true)).collect();
        let rows: Vec<usize> = ids.chunks(columns).map(|row| cells.add_total(row.to_vec(), true)).collect();
        for c in 0..columns {
            cells.add_total(ids.iter().skip(c).step_by(columns).copied().collect(), true);
        }
        cells.add_total(rows, true);
        cells
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// Protected nearby implies protected in the whole system: the shortcut can only be more cautious.
        #[test]
        fn protected_nearby_is_protected_in_the_whole_system(
            values in proptest::collection::vec(1i64..9, 49),
            hide in proptest::collection::vec(proptest::bool::weighted(0.45), 64),
        ) {
            let cells = table(&values, 7);
            let hidden: Vec<bool> = (0..cells.values.len()).map(|c| hide[c]).collect();
            let rule = SecrecyRule::new(5);
            let whole = System::new(&cells, &hidden);
            let mut nearby_said = 0;
            for cell in (0..hidden.len()).filter(|&c| hidden[c]) {
                if protected_nearby(&cells, &hidden, &rule, cell) {
                    nearby_said += 1;
                    prop_assert!(!whole.pins(cell, &rule).unwrap(), "cell {cell}");
                }
            }
            prop_assert!(nearby_said <= hidden.iter().filter(|h| **h).count());
        }
    }

    #[test]
    fn a_cell_pinned_by_its_row_is_never_said_protected() {
        // 3 + 9 = 12 with 3 hidden alone: the row gives it away, nearby or not.
        let cells = table(&[3, 9], 2);
        let hidden = vec![true, false, false, false, false, false];
        assert!(!protected_nearby(&cells, &hidden, &SecrecyRule::new(5), 0));
    }

    #[test]
    fn two_cells_hidden_in_a_cycle_are_protected_nearby() {
        // A 2 × 2 table with its four corners hidden: each can move by one around the cycle.
        let cells = table(&[3, 4, 2, 6], 2);
        let hidden: Vec<bool> = (0..cells.values.len()).map(|c| c < 4).collect();
        let rule = SecrecyRule::new(5);
        assert!((0..4).all(|c| protected_nearby(&cells, &hidden, &rule, c)));
    }
}
