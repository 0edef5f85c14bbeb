//! The pruning pass of the secondary suppression: most expensive first, each secondary cell is shown
//! again when the audit still finds every hidden cell protected.
//!
//! Showing a cell can only narrow what an outsider knows of the unknown cells it was tied to (its group
//! in the outsider's system): the others keep their ranges, so only those are audited again. The ones
//! that share a relation with the cell come first, since a cell shown again most often gives away its
//! neighbour, and a relation left with a single unknown hidden term is a leak found without a program.
//! Past [`WHOLE`] cells tied together (a column total across many communes ties hundreds), a cell is
//! shown again only when every one of them is protected already in its nearby system
//! ([`super::nearby`]): asking the whole system once per cell would cost seconds a cell.

use super::lp::{LpError, System};
use super::Suppression;

/// Up to how many hidden cells tied to a cell shown again are audited in the whole system.
const WHOLE: usize = 160;

/// `hidden` (a safe pattern) with every secondary cell shown again that the audit allows.
pub(crate) fn prune(problem: &Suppression<'_>, hidden: Vec<bool>) -> Result<Vec<bool>, LpError> {
    let mut kept = hidden;
    for cell in problem.secondary(&kept) {
        let mut fewer = kept.clone();
        fewer[cell] = false;
        let fewer = problem.rebuilt(&fewer);
        if still_safe(problem, &kept, &fewer, cell)? {
            kept = fewer;
        }
    }
    Ok(kept)
}

/// Whether `fewer` (`kept` with `cell` shown again) leaves every hidden cell protected, `kept` being safe.
fn still_safe(problem: &Suppression<'_>, kept: &[bool], fewer: &[bool], cell: usize) -> Result<bool, LpError> {
    let tied: Vec<usize> = System::new(problem.cells, kept).tied(cell).to_vec();
    let targets: Vec<usize> = problem.targets(fewer).into_iter().filter(|c| tied.contains(c)).collect();
    let known = problem.cells.shown(fewer);
    let mut beside = Vec::new();
    for relation in problem.cells.relations.iter().filter(|r| r.terms().any(|t| t == cell)) {
        let unknown: Vec<usize> = relation.terms().filter(|&t| !known[t]).collect();
        if let [only] = unknown[..] {
            if targets.contains(&only) {
                return Ok(false);
            }
        }
        beside.extend(unknown);
    }
    let (near, far): (Vec<usize>, Vec<usize>) = targets.into_iter().partition(|c| beside.contains(c));
    let ordered: Vec<usize> = near.into_iter().chain(far).collect();
    if ordered.len() > WHOLE {
        for &target in &ordered {
            if !super::nearby::protected_nearby(problem.cells, fewer, problem.rule, target) {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    Ok(super::audit::first_leak(problem.cells, fewer, problem.rule, &ordered)?.is_none())
}
