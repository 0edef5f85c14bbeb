//! The DESIGN's prefecture-scale targets, measured in paired runs of whole processes.
//!
//! ```sh
//! cargo test --release --no-run            # builds target/release/veille
//! cargo run --release --example bench_prefecture -- [DIR] [RUNS]
//! ```
//!
//! DIR (default: `veille-prefecture` in the temporary folder) receives the synthetic set on the first run:
//! `loans.xlsx` (1,000,000 rows, 194 Essonne communes), `questionnaires/` (2,000 files) and `register.xlsx`
//! (20,000 pupils). Each measure runs the bare calamine read and `veille` one after the other, RUNS times
//! (default 1), and prints the best of each with the ratio:
//! 1. the loans workbook: `veille report` against a bare read (walking every cell of `worksheet_range`);
//! 2. the 2,000 questionnaire files: `veille validate` on every core against `RAYON_NUM_THREADS=1`;
//! 3. the whole set: `veille report` against a bare read of every file, one after the other;
//! 4. the load of the embedded national reference (communes, then the name and school indexes);
//! 5. the loans workbook again: polars + fastexcel in Python (`polars_fastexcel.py` beside this file, the
//!    same sums per commune, lender and device) against `veille report`, when `python3` has both
//!    (`pip install polars fastexcel`); skipped otherwise.
//!
//! `veille` is `target/release/veille` beside this example, or the path in `VEILLE_BIN`.

mod generate;
mod measure;

use measure::{bare_read, run, workbooks, Cost};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn veille_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("VEILLE_BIN") {
        return bin.into();
    }
    let exe = std::env::current_exe().unwrap_or_default();
    exe.parent().and_then(Path::parent).map(|d| d.join("veille")).unwrap_or_else(|| "veille".into())
}

fn generate_set(dir: &Path) -> generate::Result<()> {
    if dir.join("register.xlsx").exists() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    let territory = generate::Territory::essonne();
    println!("writing the synthetic set for {} communes into {}", territory.communes.len(), dir.display());
    let start = Instant::now();
    generate::loans(&dir.join("loans.xlsx"), &territory, 1_000_000)?;
    generate::questionnaires(&dir.join("questionnaires"), &territory, 2_000)?;
    generate::register(&dir.join("register.xlsx"), &territory, 20_000)?;
    println!("written in {:.1} s", start.elapsed().as_secs_f64());
    Ok(())
}

/// The bare read, as a child process of this example.
fn bare(paths: &[&Path]) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap_or_default());
    command.arg("bare").args(paths);
    command
}

fn veille(args: &[&str], paths: &[&Path], scratch: &Path) -> Command {
    let mut command = Command::new(veille_bin());
    command.args(args).args(paths);
    if args.first() == Some(&"report") {
        let _ = std::fs::remove_dir_all(scratch);
        command.arg("--out").arg(scratch.join("out")).arg("--state").arg(scratch.join("state"));
    }
    command
}

fn best(costs: &[Cost]) -> Cost {
    let mut sorted = costs.to_vec();
    sorted.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    sorted[0]
}

/// Runs the two commands one after the other, `runs` times, and prints the best of each and the ratio.
fn paired(title: &str, runs: usize, mut first: impl FnMut() -> Command, mut second: impl FnMut() -> Command) -> (Cost, Cost) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        a.push(run(first()));
        b.push(run(second()));
    }
    let (a, b) = (best(&a), best(&b));
    println!("{title}\n  baseline: {a}\n  veille:   {b}\n  ratio {:.2} × (CPU {:.2} ×)", b.seconds / a.seconds, b.cpu_seconds / a.cpu_seconds);
    (a, b)
}

fn reference_load() {
    let start = Instant::now();
    let reference = veille::reference::Reference::get();
    let communes = start.elapsed();
    let _ = reference.communes_named("Évry-Courcouronnes");
    let names = start.elapsed();
    let viry = veille::domain::InseeCode::parse("91687");
    let _ = viry.map(|c| reference.college_pupils(&c));
    let schools = start.elapsed();
    println!(
        "4. national reference: communes {:.0} ms, + name index {:.0} ms, + schools {:.0} ms (total {:.0} ms)",
        communes.as_secs_f64() * 1e3,
        (names - communes).as_secs_f64() * 1e3,
        (schools - names).as_secs_f64() * 1e3,
        schools.as_secs_f64() * 1e3
    );
}

/// Measure 5: the same workbook through polars + fastexcel, when Python has them.
fn polars_fastexcel(loans: &Path, scratch: &Path, runs: usize) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bench_prefecture/polars_fastexcel.py");
    let ready = Command::new("python3").args(["-c", "import polars, fastexcel"]).output().is_ok_and(|o| o.status.success());
    if !ready {
        println!("5. polars + fastexcel: skipped (pip install polars fastexcel)");
        return;
    }
    let python = || {
        let mut command = Command::new("python3");
        command.arg(&script).arg(loans).arg(std::env::temp_dir().join("veille-polars-fastexcel.csv"));
        command
    };
    paired("5. loans.xlsx: polars + fastexcel (Python) vs veille report", runs, python, || veille(&["report"], &[loans], scratch));
}

fn main() -> generate::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("bare") {
        let files = workbooks(&args[1..].iter().map(PathBuf::from).collect::<Vec<_>>());
        let cells: usize = files.iter().map(|f| bare_read(f)).sum();
        println!("{cells} cells");
        return Ok(());
    }
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| std::env::temp_dir().join("veille-prefecture"));
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
    generate_set(&dir)?;
    let scratch = std::env::temp_dir().join("veille-prefecture-run");
    let (loans, questionnaires, register) = (dir.join("loans.xlsx"), dir.join("questionnaires"), dir.join("register.xlsx"));
    println!("veille: {}", veille_bin().display());
    let (bare_loans, report_loans) = paired("1. loans.xlsx (1,000,000 rows): bare read vs veille report", runs, || bare(&[&loans]), || veille(&["report"], &[&loans], &scratch));
    let target = |ok: bool| if ok { "met" } else { "NOT met" };
    println!("  target ≤ 1.1 × {}, peak RSS ≤ 500 MiB {}", target(report_loans.seconds <= 1.1 * bare_loans.seconds), target(report_loans.peak_mib <= 500.0));
    let (one, all) = paired(
        "2. 2,000 questionnaire files: veille validate one file at a time (RAYON_NUM_THREADS=1) vs on every core",
        runs,
        || {
            let mut c = veille(&["validate"], &[&questionnaires], &scratch);
            c.env("RAYON_NUM_THREADS", "1");
            c
        },
        || veille(&["validate"], &[&questionnaires], &scratch),
    );
    println!("  speed-up {:.2} × (target ≥ 1.8 ×)", one.seconds / all.seconds);
    let every = [loans.as_path(), questionnaires.as_path(), register.as_path()];
    paired("3. the whole set: bare read of every file one after the other vs veille report", runs, || bare(&every), || veille(&["report"], &every, &scratch));
    reference_load();
    polars_fastexcel(&loans, &scratch, runs);
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}
