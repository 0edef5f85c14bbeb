//! Test tables for statistical secrecy, written as a reader sees them (one lost-contact row and one commune
//! total per commune, loan rows, overall totals), with the true values.

#![allow(dead_code)]

use veille::privacy::{CommuneFigures, Deltas, Shown, LoanFigures, LostContactFigures, Release};

/// A lost-contact row: declared, register_pupils, register_with_consent, restored, in_progress, no_contact.
pub type Row = [i64; 6];

/// A publication of one week: per commune (insee, lost-contact row, loan rows as (lent, returned,
/// outstanding)), every figure shown, totals worked out.
pub fn week(week: &str, communes: &[(&str, Row, &[[i64; 3]])]) -> Release {
    let mut p = Release { week: week.into(), ..Default::default() };
    let mut totals = [0i64; 4];
    for (insee, row, loans) in communes {
        p.lost_contact.push(LostContactFigures { insee: (*insee).into(), figures: row.map(Shown::shown) });
        for (i, l) in loans.iter().enumerate() {
            p.loans.push(LoanFigures { insee: (*insee).into(), lender: "commune".into(), device: format!("d{i}"), figures: l.map(Shown::shown) });
        }
        let lent: i64 = loans.iter().map(|l| l[0]).sum();
        let outstanding: i64 = loans.iter().map(|l| l[2]).sum();
        let commune = [row[0], row[1], lent, outstanding];
        p.communes.push(CommuneFigures { insee: (*insee).into(), figures: commune.map(Shown::shown) });
        for k in 0..4 {
            totals[k] += commune[k];
        }
    }
    p.totals = totals.map(Shown::shown);
    p
}

/// `p` with deltas against `before` (whose true totals are `before_totals`).
pub fn with_deltas(mut p: Release, before: &str, before_totals: [i64; 4]) -> Release {
    let figures = std::array::from_fn(|k| Shown::shown(p.totals[k].value - before_totals[k]));
    p.deltas = Some(Deltas { previous_week: before.into(), figures });
    p
}

/// A six-commune week like issue 14's: lost contact and device loans, several small counts.
pub fn six_communes() -> Release {
    week(
        "2020-W21",
        &[
            ("91687", [12, 7, 3, 4, 2, 1], &[[9, 6, 3], [5, 5, 0]]),
            ("91286", [3, 9, 6, 5, 3, 1], &[[7, 4, 3]]),
            ("91521", [6, 2, 2, 2, 0, 0], &[[2, 1, 1]]),
            ("91432", [8, 14, 9, 6, 5, 3], &[[12, 8, 4], [6, 2, 4]]),
            ("91589", [5, 6, 4, 3, 3, 0], &[]),
            ("91201", [9, 4, 1, 1, 1, 2], &[[5, 3, 2]]),
        ],
    )
}

/// Small tables the exhaustive search can try completely.
pub fn small_tables() -> Vec<(&'static str, Release)> {
    vec![
        ("two communes, register only", week("2020-W21", &[("91687", [0, 3, 0, 3, 0, 0], &[]), ("91286", [0, 12, 0, 12, 0, 0], &[])])),
        ("one commune, two loan rows", week("2020-W21", &[("91687", [0, 0, 0, 0, 0, 0], &[[6, 5, 1], [7, 3, 4]])])),
        ("three communes, declared and register", week("2020-W21", &[("91687", [2, 6, 0, 6, 0, 0], &[]), ("91286", [9, 0, 0, 0, 0, 0], &[]), ("91521", [7, 8, 0, 5, 3, 0], &[])])),
    ]
}

/// A small deterministic generator (the same tables every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: i64) -> i64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as i64
    }
}

/// A week of `n` made-up communes: one in four large, the others with the small counts secrecy is about;
/// up to three loan rows each.
pub fn generated(n: usize) -> Release {
    let mut rng = Lcg(n as u64);
    let communes: Vec<(String, Row, Vec<[i64; 3]>)> = (0..n)
        .map(|i| {
            let scale = if rng.below(4) == 0 { 40 } else { 8 };
            let (restored, in_progress, no_contact) = (rng.below(scale), rng.below(scale), rng.below(scale / 2));
            let register = restored + in_progress + no_contact;
            let row = [rng.below(scale * 2), register, rng.below(register + 1), restored, in_progress, no_contact];
            let loans = (0..rng.below(4)).map(|_| {
                let lent = 1 + rng.below(scale * 2);
                let returned = rng.below(lent + 1);
                [lent, returned, lent - returned]
            });
            (format!("91{i:03}"), row, loans.collect())
        })
        .collect();
    let borrowed: Vec<(&str, Row, &[[i64; 3]])> = communes.iter().map(|(i, r, l)| (i.as_str(), *r, l.as_slice())).collect();
    week("2020-W21", &borrowed)
}
