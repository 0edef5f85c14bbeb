//! The DESIGN's first performance target, measured: the weekly run of the sample (PDF included) in under
//! half a second. Runs the whole report in-process N times and prints the mean time of each stage.
//!
//! ```sh
//! cargo run --release --example bench_weekly -- [RUNS]
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};
use veille::aggregate::week;
use veille::commands::pipeline::{read_inputs, report_week};
use veille::diagnostic::diagnostic;
use veille::history::Archive;
use veille::i18n::Lang;
use veille::privacy::{Audience, Publication, Pseudonymizer};
use veille::report::Outputs;

fn main() {
    let runs: u32 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(20);
    let inputs = [PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")];
    let out = std::env::temp_dir().join("veille-bench-weekly");
    let pseudonymizer = Pseudonymizer::new(b"bench");
    let (mut read, mut figures, mut write) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for _ in 0..runs {
        let start = Instant::now();
        let intake = read_inputs(&inputs, None, &pseudonymizer, None);
        let t1 = Instant::now();
        let Some(report_week) = report_week(None, &intake.data) else { return eprintln!("no date in sample_data") };
        let Ok(figures_of_week) = week(&intake.data, report_week) else { return eprintln!("aggregation failed") };
        let t2 = Instant::now();
        let publication = Publication::new(&figures_of_week, Audience::Trio, &veille::privacy::SecrecyRule::new(5), None, &Archive::default(), Lang::Fr);
        let d = diagnostic(&publication, intake.files, Lang::Fr);
        let outputs = Outputs { stem: "diagnostic", document: &d.document, data: &d.data, summary: &d.summary, attachments: &[], lang: Lang::Fr };
        if let Err(e) = veille::report::write(&out, &outputs) {
            return eprintln!("write failed: {e}");
        }
        let t3 = Instant::now();
        (read, figures, write) = (read + (t1 - start), figures + (t2 - t1), write + (t3 - t2));
    }
    let mean = |d: Duration| d.as_secs_f64() / f64::from(runs);
    let total = mean(read) + mean(figures) + mean(write);
    println!("{runs} runs on sample_data (means): read+normalise {:.3} s, aggregate {:.3} s, outputs (CSV, JSON, 7 charts, xlsx, PDF) {:.3} s", mean(read), mean(figures), mean(write));
    println!("whole weekly run {:.3} s = {:.2} × the 0.5 s target", total, total / 0.5);
    let _ = std::fs::remove_dir_all(&out);
}
