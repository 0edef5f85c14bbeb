//! `veille validate`: the grouped report, its JSON form, its exit code, and that it writes nothing.

use serde_json::Value;
use std::process::{Command, Output};

fn validate(args: &[&str], cwd: &std::path::Path) -> Output {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let args: Vec<String> = args.iter().map(|a| a.replace("$ROOT", manifest)).collect();
    Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(cwd).env_remove("VEILLE_KEY").arg("validate").args(&args).output().unwrap()
}

#[test]
fn sample_data_report_is_grouped_by_file_and_sheet_and_exits_1_on_errors() {
    let cwd = tempfile::tempdir().unwrap();
    let out = validate(&["$ROOT/sample_data"], cwd.path());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    // 50 rows = 43 + 4 + 3, as the golden report test derives them; 4 errors.
    assert!(text.starts_with("Validation : 7 fichiers, 50 lignes lues (43 acceptées, 4 rejetées, 3 ignorées) ; 4 erreurs"), "{text}");
    let block = text.split("\n\n").find(|b| b.contains("prets_materiel_viry.xlsx, feuille « Prêts » — prêts de matériel")).unwrap();
    assert!(block.contains("11 lignes lues : 8 acceptées, 1 rejetée, 2 ignorées"), "{block}");
    assert!(block.lines().any(|l| l.contains("ligne 13, col. A") && l.contains("erreur") && l.contains("constraint-error")), "{block}");
    // Validation pseudonymises with a key it never stores: no state folder appears.
    assert!(!cwd.path().join(".veille").exists());
}

#[test]
fn json_report_and_english() {
    let cwd = tempfile::tempdir().unwrap();
    let out = validate(&["--json", "--lang", "en", "$ROOT/sample_data"], cwd.path());
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((json["valid"].clone(), json["errors"].clone(), json["rows_read"].clone()), (Value::Bool(false), 4.into(), 50.into()));
    let loans = json["tables"].as_array().unwrap().iter().find(|t| t["file"].as_str().unwrap().ends_with("prets_materiel_viry.xlsx")).unwrap();
    assert_eq!(loans["kind"], "loans");
    let issue = &loans["issues"][0];
    assert_eq!((issue["row"].clone(), issue["column"].clone(), issue["code"].clone()), (13.into(), "A".into(), "constraint-error".into()));
    assert_eq!(issue["message"], "missing loan date: the row is rejected");
}

#[test]
fn a_clean_file_exits_0() {
    let cwd = tempfile::tempdir().unwrap();
    let out = validate(&["--lang", "en", "$ROOT/tests/fixtures/libreoffice/questionnaire_formulaire_grigny.xlsx"], cwd.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Validation: 1 file, 1 row read (1 accepted, 0 rejected, 0 ignored); 0 errors"), "{text}");
}
