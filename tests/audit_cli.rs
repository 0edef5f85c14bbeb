//! `veille audit DIR` on real report folders, and the report's own audit before it writes (issue 14).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn veille(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(env!("CARGO_MANIFEST_DIR")).env("VEILLE_KEY", "k").args(args).output().unwrap()
}

fn report(audience: &str, out: &Path, state: &Path, week: Option<&str>) -> Output {
    let mut args = vec!["report", "sample_data", "--audience", audience, "--out", out.to_str().unwrap(), "--state", state.to_str().unwrap()];
    if let Some(w) = week {
        args.extend(["--week", w]);
    }
    veille(&args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn prefecture_report(tmp: &Path) -> PathBuf {
    let out = tmp.join("prefecture");
    let run = report("prefecture", &out, &tmp.join("state"), None);
    assert!(run.status.success(), "{}", text(&run.stderr));
    out
}

#[test]
fn a_prefecture_report_passes_its_audit_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let out = prefecture_report(tmp.path());
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let c = &summary["confidentiality"];
    assert_eq!(c["audit"]["verdict"], "safe");
    assert!(c["large_cells_shown"].as_u64().unwrap() <= c["large_cells"].as_u64().unwrap());
    assert!(c["hidden_primary"].as_u64().unwrap() > 0);
    let run = veille(&["audit", out.to_str().unwrap()]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}{}", text(&run.stderr));
    assert!(stdout.contains("Verdict : aucune cellule masquée ne peut être recalculée"), "{stdout}");
    assert!(stdout.contains("s : protégée"), "every hidden cell is said: {stdout}");
    let run = veille(&["audit", out.to_str().unwrap(), "--lang", "en"]);
    assert!(text(&run.stdout).contains("Verdict: no hidden cell can be recomputed"));
}

#[test]
fn a_tampered_folder_leaks() {
    let tmp = tempfile::tempdir().unwrap();
    let out = prefecture_report(tmp.path());
    let trio = tmp.path().join("trio");
    assert!(report("trio", &trio, &tmp.path().join("state-trio"), None).status.success());
    // Replace the first "s" of the préfecture's lost-contact table by its true value, read in the trio's.
    let csv = out.join("data/lost_contact_by_commune.csv");
    let published = std::fs::read_to_string(&csv).unwrap();
    let truth = std::fs::read_to_string(trio.join("data/lost_contact_by_commune.csv")).unwrap();
    let mut lines: Vec<String> = published.lines().map(str::to_string).collect();
    let (row, column) = lines.iter().enumerate().find_map(|(i, l)| l.split(',').position(|c| c == "s").map(|j| (i, j))).expect("a hidden cell");
    let value = truth.lines().nth(row).unwrap().split(',').nth(column).unwrap().to_string();
    let mut cells: Vec<&str> = lines[row].split(',').collect();
    cells[column] = &value;
    lines[row] = cells.join(",");
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
    let run = veille(&["audit", out.to_str().unwrap()]);
    let stdout = text(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FUITE"), "{stdout}");
    assert!(stdout.contains("Verdict : FUITE"), "{stdout}");
}

#[test]
fn a_folder_that_is_not_a_report_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let run = veille(&["audit", tmp.path().to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("n'est pas un dossier de rapport de veille") && stderr.contains("summary.json"), "{stderr}");
    let run = veille(&["audit", tmp.path().to_str().unwrap(), "--lang", "en"]);
    assert!(text(&run.stderr).contains("is not a veille report folder"));
    assert_eq!(veille(&["audit"]).status.code(), Some(2), "no folder given");
}

/// Two weeks of préfecture reports in one state folder: the history records what each showed, and the
/// second week passes the audit linked to the first.
#[test]
fn week_after_week_through_the_history() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let (w20, w21) = (tmp.path().join("w20"), tmp.path().join("w21"));
    assert!(report("prefecture", &w20, &state, Some("2020-W20")).status.success());
    let recorded = state.join("history/published/prefecture/2020-W20.json");
    let kept = std::fs::read_to_string(&recorded).unwrap();
    assert!(kept.contains("\"s\""), "hidden cells are recorded as s: {kept}");
    let run = report("prefecture", &w21, &state, Some("2020-W21"));
    assert!(run.status.success(), "{}", text(&run.stderr));
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(w21.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["previous_week"], "2020-W20");
    assert_eq!(summary["confidentiality"]["audit"]["linked_week"], "2020-W20");
    let run = veille(&["audit", w21.to_str().unwrap(), "--precedent", w20.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stdout));
}

/// The report's gate refuses what the audit finds leaking, whether in the chosen pattern or in the files
/// staged for writing.
#[test]
fn the_report_refuses_a_leaking_publication() {
    use veille::commands::audit::gate;
    use veille::i18n::Lang;
    use veille::privacy::SecrecyRule;
    use veille::privacy::{Masked, Verdict};
    let tmp = tempfile::tempdir().unwrap();
    let out = prefecture_report(tmp.path());
    let rule = SecrecyRule::new(5);
    let safe = Masked { verdict: Verdict::Safe, ..Masked::default() };
    assert_eq!(gate(&safe, &out, None, &rule, "prefecture", Lang::Fr), Ok(()));
    let leaking = Masked { verdict: Verdict::Leaks(vec!["summary.json, totals.register_pupils = s : FUITE".into()]), ..Masked::default() };
    assert_eq!(gate(&leaking, &out, None, &rule, "prefecture", Lang::Fr).map_err(|e| e.exit_code()), Err(1));
    // A staged folder where a small count is shown (as a renderer that forgot a mask would write it).
    let csv = out.join("data/loans_by_commune.csv");
    let trio = tmp.path().join("trio");
    assert!(report("trio", &trio, &tmp.path().join("state-trio"), None).status.success());
    std::fs::copy(trio.join("data/loans_by_commune.csv"), &csv).unwrap();
    assert_eq!(gate(&safe, &out, None, &rule, "prefecture", Lang::Fr).map_err(|e| e.exit_code()), Err(1));
}
