//! One state folder, several runs: a second run waits for the first, a run killed at any point leaves
//! the previous report and the history as they were or wholly replaced, and a disk that refuses writes
//! gives exit 1 and changes nothing.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use veille::domain::IsoWeek;

const WEEK: &str = "2020-W22";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data")
}

/// `veille report` on `inputs` into `<dir>/out` with the state `<dir>/state`, run from `dir`.
fn report_command(dir: &Path, inputs: &[&Path]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_veille"));
    cmd.current_dir(dir).env_remove("VEILLE_KEY").env_remove(veille::state::KILL_AT).arg("report");
    cmd.args(inputs).args(["--week", WEEK, "--out"]).arg(dir.join("out")).arg("--state").arg(dir.join("state"));
    cmd
}

fn run_ok(mut cmd: Command) -> Output {
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    output
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()) {
        let name = entry.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        found.insert(name, std::fs::read(entry.path()).unwrap());
    }
    found
}

fn copy_tree(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    for (name, bytes) in files(from) {
        let path = to.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// The files of a report that do not embed a creation time.
fn figures(report: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    report.iter().filter(|(k, _)| k.ends_with(".csv") || k.ends_with(".json")).map(|(k, v)| (k.clone(), v.clone())).collect()
}

fn totals(state: &Path) -> Vec<(&'static str, i64)> {
    veille::history::totals(state, WEEK.parse::<IsoWeek>().unwrap()).unwrap().named().to_vec()
}

/// A week's first report (sample data) and what a second run (one more loans list) must produce.
struct Scenario {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    extra: PathBuf,
    before: BTreeMap<String, Vec<u8>>,
    before_totals: Vec<(&'static str, i64)>,
    after: BTreeMap<String, Vec<u8>>,
    after_totals: Vec<(&'static str, i64)>,
}

fn scenario() -> Scenario {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("run");
    std::fs::create_dir(&dir).unwrap();
    let extra = tmp.path().join("extra.csv");
    std::fs::write(&extra, "date_pret;preteur;materiel;quantite;commune\n27/05/2020;Mairie;tablette;7;Grigny\n").unwrap();
    run_ok(report_command(&dir, &[&sample()]));
    copy_tree(&dir, &tmp.path().join("pristine"));
    let before = files(&dir.join("out"));
    let before_totals = totals(&dir.join("state"));
    run_ok(report_command(&dir, &[&sample(), &extra]));
    let after = files(&dir.join("out"));
    let after_totals = totals(&dir.join("state"));
    assert_ne!(before_totals, after_totals);
    restore(&tmp.path().join("pristine"), &dir);
    Scenario { dir, extra, before, before_totals, after, after_totals, _tmp: tmp }
}

fn restore(pristine: &Path, dir: &Path) {
    copy_tree(pristine, dir);
}

/// The report folder and the history are each the previous ones, untouched, or the new ones, whole.
fn check_old_or_new(s: &Scenario, context: &str) {
    let report = files(&s.dir.join("out"));
    let old = report == s.before;
    let new = report.keys().eq(s.after.keys()) && figures(&report) == figures(&s.after);
    assert!(old || new, "{context}: report folder is neither the previous one nor the new one: {:?}", report.keys());
    let history = files(&s.dir.join("state/history"));
    assert_eq!(history.len(), 1, "{context}: {:?}", history.keys());
    let t = totals(&s.dir.join("state"));
    assert!(t == s.before_totals || t == s.after_totals, "{context}: history {t:?}");
    assert!(std::fs::read_to_string(s.dir.join("state/key")).unwrap().trim().len() == 64, "{context}: key");
}

#[test]
fn a_run_killed_at_any_point_leaves_old_or_new() {
    let s = scenario();
    let pristine = s.dir.parent().unwrap().join("pristine");
    let mut points = 0;
    for n in 1..=500u32 {
        restore(&pristine, &s.dir);
        let mut cmd = report_command(&s.dir, &[&sample(), &s.extra]);
        let status = cmd.env(veille::state::KILL_AT, n.to_string()).output().unwrap().status;
        if status.success() {
            points = n - 1;
            break;
        }
        assert_eq!(status.signal(), Some(9), "kill point {n}: {status:?}");
        check_old_or_new(&s, &format!("killed at point {n}"));
    }
    eprintln!("veille report killed at {points} points");
    assert!(points >= 15, "only {points} kill points");
    // The next run recovers what the killed ones left, and leaves no temporary folder behind.
    run_ok(report_command(&s.dir, &[&sample(), &s.extra]));
    assert_eq!(totals(&s.dir.join("state")), s.after_totals);
    let leftovers: Vec<_> = std::fs::read_dir(&s.dir).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().starts_with('.')).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_full_disk_gives_exit_1_and_changes_nothing() {
    let s = scenario();
    // RLIMIT_FSIZE makes every write past 64 blocks fail (EFBIG) like a full disk; the signal it would
    // send is ignored, as a full disk sends none.
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "trap '' XFSZ; ulimit -f 64; exec \"$@\"", "sh"]).arg(env!("CARGO_BIN_EXE_veille"));
    let inner = report_command(&s.dir, &[&sample(), &s.extra]);
    cmd.args(inner.get_args()).current_dir(&s.dir).env_remove("VEILLE_KEY");
    let output = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("impossible d'écrire le rapport"), "{stderr}");
    assert_eq!(files(&s.dir.join("out")), s.before);
    assert_eq!(totals(&s.dir.join("state")), s.before_totals);
    let leftovers: Vec<_> = std::fs::read_dir(&s.dir).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().starts_with('.')).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_second_run_waits_then_names_the_holder() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("veille.toml"), "lock_wait_seconds = 1\n").unwrap();
    let held = veille::state::StateLock::acquire(&tmp.path().join("state"), std::time::Duration::ZERO).unwrap();
    let output = report_command(tmp.path(), &[&sample()]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("utilisé par un autre traitement veille"), "{stderr}");
    assert!(stderr.contains(&format!("pid {}", std::process::id())), "{stderr}");
    assert!(!tmp.path().join("out").exists());
    drop(held);
    run_ok(report_command(tmp.path(), &[&sample()]));
}

#[test]
fn two_runs_at_once_both_finish_one_after_the_other() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("veille.toml"), "lock_wait_seconds = 300\n").unwrap();
    let children: Vec<_> = (0..2).map(|_| report_command(tmp.path(), &[&sample()]).spawn().unwrap()).collect();
    for child in children {
        assert!(child.wait_with_output().unwrap().status.success());
    }
    assert_eq!(files(&tmp.path().join("state/history")).len(), 1);
    assert!(!totals(&tmp.path().join("state")).is_empty());
}

#[test]
fn a_lock_left_by_a_killed_run_is_recovered() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = report_command(tmp.path(), &[&sample()]);
    let status = cmd.env(veille::state::KILL_AT, "1").status().unwrap();
    assert_eq!(status.signal(), Some(9));
    assert!(tmp.path().join("state/lock").exists());
    run_ok(report_command(tmp.path(), &[&sample()]));
}
