//! Old against new secondary suppression on the test tables, the exact minimum where the tables are small
//! enough, and the audit's run time.
//!
//! `cargo run --release --example secrecy_measure [REPORT_DIR]` (with a report folder, also times
//! `veille audit` on it).

#[path = "../tests/common/tables.rs"]
mod tables;

use std::time::Instant;
use veille::privacy::{audit, audit_publication, exhaustive_minimum, read_folder, suppress_greedy, Layout, Release, SecrecyRule, Suppression};

fn hidden_counts(layout: &Layout, hidden: &[bool], min: i64) -> (usize, usize) {
    let c = &layout.cells;
    let counted: Vec<usize> = (0..hidden.len()).filter(|&i| c.published[i] && !c.signed[i] && layout.is_current[i]).collect();
    let all = counted.iter().filter(|&&i| hidden[i]).count();
    let large = counted.iter().filter(|&&i| hidden[i] && c.values[i] >= min).count();
    (all, large)
}

fn measure(name: &str, table: &Release, rule: &SecrecyRule) {
    let layout = Layout::new(table, None);
    let cells = &layout.cells;
    let large = (0..cells.values.len()).filter(|&i| cells.published[i] && cells.values[i] >= rule.min_count).count();
    let old = suppress_greedy(cells, rule.min_count);
    let old_safe = audit(cells, &old, rule).map(|a| a.is_safe()).unwrap_or(false);
    let problem = Suppression::new(cells, rule);
    let started = Instant::now();
    let new = problem.solve().unwrap_or_default();
    let took = started.elapsed();
    let started = Instant::now();
    let new_safe = audit(cells, &new, rule).map(|a| a.is_safe()).unwrap_or(false);
    let audit_took = started.elapsed();
    let (old_all, old_large) = hidden_counts(&layout, &old, rule.min_count);
    let (new_all, new_large) = hidden_counts(&layout, &new, rule.min_count);
    let initial = problem.initial();
    let candidates = (0..initial.len()).filter(|&i| problem.hideable[i] && !initial[i]).count();
    let exact = if candidates <= 14 { exhaustive_minimum(&problem, 6).ok().flatten().map(|(h, _)| hidden_counts(&layout, &h, rule.min_count).0.to_string()) } else { None };
    println!("{name}: {} published cells, {large} of {} or more", cells.published.iter().filter(|p| **p).count(), rule.min_count);
    println!("  old: {old_all} hidden ({old_large} of the large ones), LP audit {}", if old_safe { "safe" } else { "LEAKS" });
    println!("  new: {new_all} hidden ({new_large} of the large ones), LP audit {}; suppression {took:?}, audit {audit_took:?}", if new_safe { "safe" } else { "LEAKS" });
    println!("  exact minimum (exhaustive): {}", exact.unwrap_or_else(|| format!("not tried ({candidates} candidate cells)")));
}

fn main() {
    let rule = SecrecyRule::new(5);
    measure("six communes", &tables::six_communes(), &rule);
    for (name, table) in tables::small_tables() {
        measure(name, &table, &rule);
    }
    if let Some(dir) = std::env::args().nth(1) {
        let started = Instant::now();
        match read_folder(std::path::Path::new(&dir)).map(|p| audit_publication(&p, None, &rule)) {
            Ok(Ok((_, found, _))) => println!("{dir}: {} hidden cells audited in {:?}, safe: {}", found.ranges.len(), started.elapsed(), found.is_safe()),
            Ok(Err(e)) => println!("{dir}: {e}"),
            Err(e) => println!("{dir}: {e}"),
        }
    }
}
