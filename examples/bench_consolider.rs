//! The préfecture's consolidation at scale: generates the exports of the 194 communes of Essonne over 20
//! weeks (3,880 `.veille` files of synthetic aggregates), then times the whole `veille consolider`
//! process on them and reports the size of one export.
//!
//! ```sh
//! cargo test --release --no-run   # builds target/release/veille
//! cargo run --release --example bench_consolider -- [WEEKS]
//! ```

use std::path::PathBuf;
use std::time::Instant;
use veille::aggregate::{Aggregates, LoanRow, LostContactRow, PartnerRow, Tallies};
use veille::domain::{Device, IsoWeek, Lender, PartnerStatus};
use veille::reference::Reference;

/// A small deterministic generator (no name, no free text: only counts).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: i64) -> i64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below.max(1) as u64) as i64
    }
}

fn commune_week(insee: &str, week: IsoWeek, n: &mut Numbers) -> Aggregates {
    let name = insee.to_string();
    let (restored, in_progress, no_contact) = (n.next(12), n.next(8), n.next(5));
    let lost = LostContactRow {
        commune_insee: insee.into(), commune: name.clone(), declared: n.next(60), declared_respondents: n.next(10),
        register_pupils: restored + in_progress + no_contact, register_with_consent: restored, restored, in_progress, no_contact,
    };
    let loans = [(Lender::Commune, Device::Tablette), (Lender::Departement, Device::Ordinateur)]
        .iter()
        .map(|(lender, device)| {
            let (lent, returned) = (n.next(40) + 5, n.next(5));
            LoanRow { commune_insee: insee.into(), commune: name.clone(), lender: *lender, device: *device, lent, returned, outstanding: lent - returned }
        })
        .collect();
    let partners = vec![PartnerRow { commune_insee: insee.into(), commune: name.clone(), status: PartnerStatus::Distance, actions: n.next(6), stale_actions: 0 }];
    let mut agg = Aggregates { week, lost_contact: vec![lost], loans, partners, responses: vec![(insee.into(), n.next(15))], totals: Default::default(), communes: vec![] };
    agg.assemble();
    agg
}

fn main() {
    let weeks: u32 = std::env::args().nth(1).and_then(|w| w.parse().ok()).unwrap_or(20);
    let communes: Vec<String> = Reference::get().communes().iter().filter(|c| c.insee.as_str().starts_with("91")).map(|c| c.insee.to_string()).collect();
    let dir = std::env::temp_dir().join("veille-bench-consolider");
    let _ = std::fs::remove_dir_all(&dir);
    let inbox = dir.join("exports");
    std::fs::create_dir_all(&inbox).expect("a temporary folder");
    let mut n = Numbers(2020);
    let mut sizes = Vec::new();
    for w in 0..weeks {
        let week: IsoWeek = format!("2020-W{:02}", 12 + w).parse().expect("a week");
        for insee in &communes {
            let one = vec![(insee.clone(), commune_week(insee, week, &mut n), Tallies::default())];
            let bytes = veille::export::export_bytes(week, insee, &one, "2020-09-01T08:00:00Z").expect("an export");
            sizes.push(bytes.len());
            std::fs::write(inbox.join(format!("{insee}-{week}.veille")), bytes).expect("written");
        }
    }
    let veille = PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into())).join("release/veille");
    let start = Instant::now();
    let status = std::process::Command::new(&veille)
        .args(["consolider", inbox.to_str().unwrap_or(""), "--audience", "prefecture", "--out"])
        .arg(dir.join("report"))
        .arg("--state")
        .arg(dir.join("state"))
        .status();
    let elapsed = start.elapsed().as_secs_f64();
    let mean = sizes.iter().sum::<usize>() as f64 / sizes.len().max(1) as f64;
    println!("{} communes × {weeks} weeks = {} exports, {:.1} KB each on average ({:.1} MB in all)", communes.len(), sizes.len(), mean / 1024.0, sizes.iter().sum::<usize>() as f64 / 1e6);
    match status {
        Ok(s) if s.success() => println!("veille consolider (whole process, prefecture audience, {weeks} weeks into the history): {elapsed:.2} s"),
        other => println!("veille consolider failed ({other:?}); is {} built?", veille.display()),
    }
}
