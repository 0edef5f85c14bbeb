//! Last week's pattern: which of this week's cells the same audience saw hidden last week (same commune,
//! lender, device and figure), so that the suppression can keep them hidden at a lower cost.

use super::layout::Layout;
use super::release::{Shown, Release};
use std::collections::HashSet;

/// The keys of the hidden figures of a publication.
fn hidden_keys(p: &Release) -> HashSet<String> {
    keyed(p).into_iter().filter(|(_, f)| f.hidden).map(|(k, _)| k).collect()
}

/// Every figure of a publication with its key, in the order [`Layout`] numbers this week's cells.
fn keyed(p: &Release) -> Vec<(String, Shown)> {
    let mut out = Vec::new();
    for r in &p.lost_contact {
        out.extend(r.figures.iter().enumerate().map(|(i, f)| (format!("lc/{}/{i}", r.insee), *f)));
    }
    for r in &p.loans {
        out.extend(r.figures.iter().enumerate().map(|(i, f)| (format!("loan/{}/{}/{}/{i}", r.insee, r.lender, r.device), *f)));
    }
    for r in &p.communes {
        out.extend(r.figures.iter().enumerate().map(|(i, f)| (format!("commune/{}/{i}", r.insee), *f)));
    }
    out.extend(p.totals.iter().enumerate().map(|(i, f)| (format!("total/{i}"), *f)));
    out
}

/// Per cell of `layout`: whether it is one of this week's cells that `previous` showed hidden.
///
/// ```
/// use veille::privacy::{hidden_last_week, Shown, Layout, Release};
/// let now = Release { week: "2020-W21".into(), totals: [Shown::shown(8); 4], ..Default::default() };
/// let before = Release { week: "2020-W20".into(), totals: [Shown::hidden(0), Shown::shown(3), Shown::shown(3), Shown::shown(3)], ..Default::default() };
/// let layout = Layout::new(&now, None);
/// let last = hidden_last_week(&layout, &now, &before);
/// assert!(last[layout.current.totals[0]] && !last[layout.current.totals[1]]);
/// ```
pub fn hidden_last_week(layout: &Layout, current: &Release, previous: &Release) -> Vec<bool> {
    let before = hidden_keys(previous);
    let ids = &layout.current;
    let cells = ids.lost_contact.iter().flatten().chain(ids.loans.iter().flatten()).chain(ids.communes.iter().flatten()).chain(ids.totals.iter());
    let mut last = vec![false; layout.hidden.len()];
    for ((key, _), &cell) in keyed(current).iter().zip(cells) {
        last[cell] = before.contains(key);
    }
    last
}
