//! How the préfecture's secondary suppression scales with the number of communes: a synthetic week of N
//! communes (lost contact and device loans, many small counts, as in small communes), protected and
//! audited, with the time each takes.
//!
//! `cargo run --release --example secrecy_scale -- 10 20 40 80 194`

#[path = "../tests/common/tables.rs"]
mod tables;

use std::time::Instant;
use veille::privacy::{audit, protect, Layout, SecrecyRule};

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let rule = SecrecyRule::new(5);
    for n in if sizes.is_empty() { vec![10, 20, 40] } else { sizes } {
        let week = tables::generated(n);
        let started = Instant::now();
        let protected = match protect(&week, None, &rule) {
            Ok(p) => p,
            Err(e) => {
                println!("{n} communes: {e}");
                continue;
            }
        };
        let took = started.elapsed();
        let layout = Layout::new(&week, None);
        let started = Instant::now();
        let safe = audit(&layout.cells, &protected.hidden, &rule).map(|a| a.is_safe());
        let audit_took = started.elapsed();
        let (primary, secondary) = protected.counts(&rule);
        let (large_shown, large) = protected.large_shown(&rule);
        println!(
            "{n} communes: {} cells; hidden {primary} primary + {secondary} secondary; {large_shown} of {large} counts ≥ 5 shown; protect {took:.2?}, audit {audit_took:.2?}, safe: {safe:?}",
            layout.cells.values.len()
        );
    }
}
