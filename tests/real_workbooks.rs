//! The 133 workbooks of `tests/fixtures/real-workbooks/` (calamine's test files, MIT: see PROVENANCE.md
//! there) were written by Excel, LibreOffice and others; several once crashed or exhausted other readers.
//! Each one goes through `veille validate` and `veille report` as a separate process, under a 1 GB
//! address-space limit and a time limit: no panic, no hang, no runaway allocation, and each ends as intake
//! rows or clear issues.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const MEMORY_LIMIT_KB: u64 = 1_000_000;
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn workbooks() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-workbooks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// Runs veille under `ulimit -v`, killing it when it outlives the time limit. Its output is read while it
/// runs: a report larger than the pipe's buffer must not block it.
fn run_bounded(args: &[&str]) -> Output {
    let script = format!("ulimit -v {MEMORY_LIMIT_KB}; exec \"$@\"");
    let mut child = Command::new("sh")
        .args(["-c", &script, "sh", env!("CARGO_BIN_EXE_veille")])
        .args(args)
        .env_remove("VEILLE_KEY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).map(|_| bytes).unwrap_or_default()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            child.kill().unwrap();
            panic!("veille {args:?} still running after {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

fn check(path: &Path, tmp: &Path) {
    let file = path.to_str().unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();

    let validate = run_bounded(&["validate", "--json", file]);
    let stderr = String::from_utf8_lossy(&validate.stderr);
    assert!(matches!(validate.status.code(), Some(0 | 1)), "validate {name}: {:?} {stderr}", validate.status);
    let json: serde_json::Value = serde_json::from_slice(&validate.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
    let tables = json["tables"].as_array().unwrap();
    assert!(!tables.is_empty(), "{name}: neither a table nor an issue");
    let balanced = |t: &serde_json::Value| {
        let n = |k: &str| t[k].as_u64().unwrap_or(0);
        n("rows_read") == n("rows_accepted") + n("rows_rejected") + n("rows_ignored")
    };
    assert!(tables.iter().all(balanced), "{name}: unbalanced intake");
    // A file read as nothing at all must say why.
    let read: u64 = tables.iter().map(|t| t["rows_read"].as_u64().unwrap_or(0)).sum();
    let issues: usize = tables.iter().map(|t| t["issues"].as_array().map_or(0, Vec::len)).sum();
    assert!(read > 0 || issues > 0, "{name}: nothing read and nothing said");

    let out = tmp.join(name);
    let state = tmp.join(format!("{name}.state"));
    let args = ["report", file, "--week", "2020-W21", "--out", out.to_str().unwrap(), "--state", state.to_str().unwrap()];
    let report = run_bounded(&args);
    assert_eq!(report.status.code(), Some(0), "report {name}: {}", String::from_utf8_lossy(&report.stderr));
    let intake = std::fs::read_to_string(out.join("data/intake.csv")).unwrap();
    assert!(intake.lines().skip(1).any(|l| l.contains(name)), "{name}: no intake row");
}

#[test]
fn every_real_workbook_goes_through_validate_and_report() {
    let files = workbooks();
    // PROVENANCE.md says 133; the folder holds 132 workbooks beside its two .md files.
    assert_eq!(files.len(), 132, "workbooks in the folder");
    let tmp = tempfile::tempdir().unwrap();
    // Two at a time: the machines have two cores.
    let (even, odd): (Vec<_>, Vec<_>) = files.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    std::thread::scope(|s| {
        for half in [even, odd] {
            let tmp = tmp.path();
            s.spawn(move || half.into_iter().for_each(|(_, f)| check(f, tmp)));
        }
    });
}
