//! The DESIGN's first performance target, measured: the weekly run of the sample (PDF included) in under
//! half a second. Runs the whole report in-process N times and prints the mean time of each stage, then
//! runs the `veille report` process N times (start-up, reference and fsyncs included) and prints its
//! fastest, median and slowest wall time. With `VEILLE_BASE=path/to/another/veille`, that binary runs
//! in turn with this one, each run after the other's, so that both see the same machine.
//!
//! ```sh
//! cargo test --release --no-run            # builds target/release/veille
//! cargo run --release --example bench_weekly -- [RUNS]
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use veille::aggregate::week;
use veille::commands::pipeline::{read_inputs, report_week};
use veille::diagnostic::diagnostic;
use veille::history::Archive;
use veille::i18n::Lang;
use veille::privacy::{Audience, Publication, Pseudonymizer};
use veille::report::Outputs;

fn main() {
    let runs: u32 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(20).max(1);
    let inputs = [PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data")];
    let out = std::env::temp_dir().join("veille-bench-weekly");
    let pseudonymizer = Pseudonymizer::new(b"bench");
    let (mut read, mut figures, mut write) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for _ in 0..runs {
        let start = Instant::now();
        let mut intake = read_inputs(&inputs, None, &pseudonymizer, None);
        let t1 = Instant::now();
        let Some(report_week) = report_week(None, &intake.data) else { return eprintln!("no date in sample_data") };
        let Ok(figures_of_week) = week(&mut intake.data, report_week) else { return eprintln!("aggregation failed") };
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
    processes(runs, &inputs[0]);
}

/// `veille` beside this example (target/release/veille).
fn veille_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    exe.parent().and_then(Path::parent).map(|d| d.join("veille")).unwrap_or_else(|| "veille".into())
}

/// The wall time of one `veille report` process on the sample, into a fresh folder and state.
fn one_process(bin: &Path, sample: &Path) -> f64 {
    let scratch = std::env::temp_dir().join("veille-bench-weekly-process");
    let _ = std::fs::remove_dir_all(&scratch);
    let start = Instant::now();
    let status = Command::new(bin)
        .arg("report")
        .arg(sample)
        .arg("--out")
        .arg(scratch.join("out"))
        .arg("--state")
        .arg(scratch.join("state"))
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let seconds = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&scratch);
    if status.is_err() {
        eprintln!("could not run {}", bin.display());
    }
    seconds
}

fn processes(runs: u32, sample: &Path) {
    let mut binaries = vec![("veille", veille_bin())];
    if let Some(base) = std::env::var_os("VEILLE_BASE") {
        binaries.push(("VEILLE_BASE", PathBuf::from(base)));
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); binaries.len()];
    for _ in 0..runs {
        for ((_, bin), times) in binaries.iter().zip(&mut times) {
            times.push(one_process(bin, sample));
        }
    }
    for ((name, bin), mut times) in binaries.into_iter().zip(times) {
        times.sort_by(f64::total_cmp);
        let (fastest, median, slowest) = (times[0], times[times.len() / 2], times[times.len() - 1]);
        println!("{runs} `{name} report sample_data` processes ({}): fastest {fastest:.3} s, median {median:.3} s, slowest {slowest:.3} s", bin.display());
    }
}
