//! Random tables: whatever the figures, the publication the suppression chooses passes the audit as its
//! reader has it (hidden values unknown), and no count from 1 to 4 is shown.

#[path = "common/tables.rs"]
mod tables;

use proptest::prelude::*;
use veille::privacy::{audit_publication, protect, SecrecyRule};

/// A commune: declared, restored, in progress, no contact, consent share, and its loan rows (returned,
/// outstanding).
type Commune = (i64, i64, i64, i64, i64, Vec<(i64, i64)>);

fn commune() -> impl Strategy<Value = Commune> {
    (0i64..15, 0i64..9, 0i64..6, 0i64..5, 0i64..3, proptest::collection::vec((0i64..8, 0i64..6), 0..3))
}

const INSEE: [&str; 4] = ["91687", "91286", "91521", "91432"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn every_publication_passes_the_audit(communes in proptest::collection::vec(commune(), 1..4)) {
        let loans: Vec<Vec<[i64; 3]>> = communes.iter().map(|c| c.5.iter().map(|&(r, o)| [r + o, r, o]).collect()).collect();
        let rows: Vec<(&str, tables::Row, &[[i64; 3]])> = communes.iter().enumerate().map(|(i, c)| {
            let register = c.1 + c.2 + c.3;
            (INSEE[i], [c.0, register, register * c.4 / 2, c.1, c.2, c.3], loans[i].as_slice())
        }).collect();
        let table = tables::week("2020-W21", &rows);
        let rule = SecrecyRule::new(5);
        let protected = protect(&table, None, &rule).unwrap();
        prop_assert!(protected.audit.is_safe());
        let (_, audit, _) = audit_publication(&protected.publication.as_read(), None, &rule).unwrap();
        prop_assert!(audit.is_safe(), "{:?}", audit);
    }
}
