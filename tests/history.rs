//! Week after week into one state folder: deltas, replaced snapshots, damaged snapshots, a lost key.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn report(state: &Path, out: &Path, week: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("VEILLE_KEY")
        .args(["report", "sample_data", "--week", week, "--out"])
        .arg(out)
        .arg("--state")
        .arg(state)
        .output()
        .unwrap()
}

fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

#[test]
fn deltas_are_this_week_minus_the_previous_recorded_week() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    assert!(report(&state, &tmp.path().join("w20"), "2020-W20").status.success());
    assert!(report(&state, &tmp.path().join("w22"), "2020-W22").status.success());
    let w20 = summary(&tmp.path().join("w20"));
    let w22 = summary(&tmp.path().join("w22"));
    assert!(w20.get("previous_week").is_none(), "first week has no previous week");
    assert_eq!(w22["previous_week"], "2020-W20");
    for key in ["responses", "lost_contact_declared", "register_pupils", "devices_lent", "devices_outstanding", "partner_actions", "partner_actions_suspended"] {
        let expected = w22["totals"][key].as_i64().unwrap() - w20["totals"][key].as_i64().unwrap();
        assert_eq!(w22["deltas"][key].as_i64(), Some(expected), "{key}");
    }
    // By hand: 9 − 5 questionnaires, 23 − 11 devices lent.
    assert_eq!((w22["deltas"]["responses"].as_i64(), w22["deltas"]["devices_lent"].as_i64()), (Some(4), Some(12)));
}

#[test]
fn rerunning_a_week_keeps_one_snapshot_and_older_weeks_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    assert!(report(&state, &tmp.path().join("a"), "2020-W21").status.success());
    let w21 = std::fs::read(state.join("history/communes/2020-W21.parquet")).unwrap();
    assert!(report(&state, &tmp.path().join("b"), "2020-W22").status.success());
    assert!(report(&state, &tmp.path().join("c"), "2020-W22").status.success());
    let mut files: Vec<String> = std::fs::read_dir(state.join("history/communes")).unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    assert_eq!(files, vec!["2020-W21.parquet", "2020-W22.parquet"]);
    assert_eq!(std::fs::read(state.join("history/communes/2020-W21.parquet")).unwrap(), w21);
    // The rerun compares with W21, not with its own earlier run.
    assert_eq!(summary(&tmp.path().join("c"))["previous_week"], "2020-W21");
}

#[test]
fn a_damaged_snapshot_is_reported_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    assert!(report(&state, &tmp.path().join("a"), "2020-W20").status.success());
    let snapshot = state.join("history/communes/2020-W20.parquet");
    std::fs::write(&snapshot, b"not parquet").unwrap();
    let out = report(&state, &tmp.path().join("b"), "2020-W21");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("endommagé") && stderr.contains("2020-W20.parquet"), "{stderr}");
    assert_eq!(std::fs::read(&snapshot).unwrap(), b"not parquet");
}

#[test]
fn history_without_its_key_stops_the_run_instead_of_making_a_new_key() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    assert!(report(&state, &tmp.path().join("a"), "2020-W20").status.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(state.join("key")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::remove_file(state.join("key")).unwrap();
    let out = report(&state, &tmp.path().join("b"), "2020-W21");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("VEILLE_KEY"));
    assert!(!state.join("key").exists(), "no silent new key");
}
