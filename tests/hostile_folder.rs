//! A shared folder with hostile files beside a good loans list: the run ends with exit 0, the good file's
//! figures counted exactly once, and every hostile file named in an issue. veille runs as a separate
//! process under a 2 GB address-space limit, so a runaway allocation fails the test instead of the
//! machine.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "sample_data/prets/prets_materiel_viry.xlsx";

fn veille(cwd: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .args(["-c", "ulimit -v 2000000; exec \"$@\"", "sh", env!("CARGO_BIN_EXE_veille")])
        .args(args)
        .current_dir(cwd)
        .env_remove("VEILLE_KEY")
        .output()
        .unwrap()
}

fn report(cwd: &Path, inputs: &Path, out: &str) -> PathBuf {
    let state = cwd.join(format!("state-{out}"));
    let output = veille(cwd, &["report", inputs.to_str().unwrap(), "--out", out, "--state", state.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    cwd.join(out)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The hostile files, by the name an issue must give.
fn plant_hostile_files(dir: &Path) -> Vec<&'static str> {
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD);
    std::fs::copy(&good, dir.join("prets (1).xlsx")).unwrap();
    let sub = dir.join("sous-dossier");
    std::fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink("..", sub.join("boucle")).unwrap();
    std::os::unix::fs::symlink("sous-dossier", dir.join("miroir")).unwrap();
    assert!(Command::new("mkfifo").arg(dir.join("tube.csv")).status().unwrap().success());
    plant_hostile_workbooks(dir);
    vec![
        "prets (1).xlsx",
        "boucle",
        "miroir",
        "tube.csv",
        "cellule_lointaine.xlsx",
        "textes_partages.xlsx",
        "bombe.xlsx",
        "repetitions.ods",
        "dimensions.xls",
        "cellules_lointaines.xls",
        "binaire.csv",
        "tronque.xlsx",
    ]
}

/// Workbooks that aborted or exhausted a run before (the 512 GB allocation of a far cell...).
fn plant_hostile_workbooks(dir: &Path) {
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD);
    let far = format!("<row r=\"1\">{}</row><row r=\"1048576\">{}</row>", common::number_cell("A1", 1.0), common::number_cell("XFD1048576", 2.0));
    std::fs::write(dir.join("cellule_lointaine.xlsx"), common::xlsx("", &far, None)).unwrap();
    let shared = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4000000000"><si><t>a</t></si></sst>"#;
    std::fs::write(dir.join("textes_partages.xlsx"), common::xlsx("", "", Some(shared))).unwrap();
    // 16 MB of XML that deflates to a few kilobytes, past the 8 MB cap of this test's veille.toml.
    let bomb = format!("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{}</t></is></c></row>", "a".repeat(16 << 20));
    std::fs::write(dir.join("bombe.xlsx"), common::xlsx("", &bomb, None)).unwrap();
    let repeated = r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#;
    std::fs::write(dir.join("repetitions.ods"), common::ods(repeated)).unwrap();
    common::xls(&dir.join("dimensions.xls"), &common::xls_stream(&common::biff_dimensions(0, 1_048_576, 0, 16_384)));
    let far_xls = [common::biff_number(0, 0, 1.0), common::biff_number(65_535, 255, 2.0)].concat();
    common::xls(&dir.join("cellules_lointaines.xls"), &common::xls_stream(&far_xls));
    std::fs::write(dir.join("binaire.csv"), (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<_>>()).unwrap();
    std::fs::write(dir.join("tronque.xlsx"), &std::fs::read(&good).unwrap()[..300]).unwrap();
}

/// Writes the hostile workbooks into `tests/fixtures/fuzz/` (run once with `--ignored` after a change).
#[test]
#[ignore]
fn write_regression_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    std::fs::create_dir_all(&dir).unwrap();
    plant_hostile_workbooks(&dir);
}

/// The regression fixtures (hostile workbooks, and what fuzzing found) go through `veille validate` with
/// the default caps under a 2 GB address-space limit: each one ends as issues, never as a crash.
#[test]
fn regression_fixtures_end_as_issues() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e != "md")).collect();
    files.sort();
    assert!(files.len() >= 8, "{files:?}");
    for path in files {
        let output = veille(&dir, &["validate", "--json", path.to_str().unwrap()]);
        assert!(matches!(output.status.code(), Some(0 | 1)), "{path:?}: {:?} {}", output.status, String::from_utf8_lossy(&output.stderr));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(!json["tables"].as_array().unwrap().is_empty(), "{path:?}");
    }
}

#[test]
fn hostile_files_beside_a_good_one() {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = tmp.path();
    std::fs::write(cwd.join("veille.toml"), "[limits]\nmax_inflated_mb = 8\n").unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD);
    let alone = cwd.join("seul");
    std::fs::create_dir(&alone).unwrap();
    std::fs::copy(&good, alone.join("prets.xlsx")).unwrap();
    let reference = report(cwd, &alone, "reference");

    let shared = cwd.join("partage");
    std::fs::create_dir(&shared).unwrap();
    std::fs::copy(&good, shared.join("prets.xlsx")).unwrap();
    let hostile = plant_hostile_files(&shared);
    let out = report(cwd, &shared, "rapport");

    assert_eq!(read(&out.join("data/loans_by_commune.csv")), read(&reference.join("data/loans_by_commune.csv")));
    let totals = |dir: &Path| serde_json::from_str::<serde_json::Value>(&read(&dir.join("summary.json"))).unwrap()["totals"].clone();
    assert_eq!(totals(&out), totals(&reference));

    let issues = read(&out.join("data/issues.csv"));
    for name in hostile {
        assert!(issues.lines().any(|l| l.contains(name) && !l.contains("blank-row")), "{name} named in no issue:\n{issues}");
    }
    assert!(issues.lines().any(|l| l.contains("prets (1).xlsx") && l.contains("duplicate-file")), "{issues}");
    assert!(issues.lines().any(|l| l.contains("cellule_lointaine.xlsx") && l.contains("max_cells")), "{issues}");
    assert!(issues.lines().any(|l| l.contains("bombe.xlsx") && l.contains("max_inflated_mb")), "{issues}");

    let mut intake = csv::Reader::from_path(out.join("data/intake.csv")).unwrap();
    for row in intake.records() {
        let row = row.unwrap();
        let n = |i: usize| row[i].parse::<usize>().unwrap();
        assert_eq!(n(3), n(4) + n(5) + n(6), "{row:?}");
    }
}

#[test]
fn a_loan_row_found_in_two_files_counts_once() {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = tmp.path();
    let header = "date_pret;preteur;materiel;quantite;beneficiaire;commune\n";
    let row = "04/05/2020;Mairie;tablette;1;Marie DUPONT;Grigny\n";
    let other = "05/05/2020;Mairie;ordinateur;2;Paul MARTIN;Grigny\n";
    let once = cwd.join("once");
    std::fs::create_dir(&once).unwrap();
    std::fs::write(once.join("a.csv"), format!("{header}{row}{other}")).unwrap();
    let twice = cwd.join("twice");
    std::fs::create_dir(&twice).unwrap();
    std::fs::write(twice.join("a.csv"), format!("{header}{row}{other}")).unwrap();
    // The same loan, in another list that also holds a new one.
    std::fs::write(twice.join("b.csv"), format!("{header}{}{row}", "06/05/2020;CCAS;tablette;1;Lina BEN;Grigny\n")).unwrap();
    let a = report(cwd, &once, "once-out");
    let b = report(cwd, &twice, "twice-out");
    let lent = |dir: &Path| serde_json::from_str::<serde_json::Value>(&read(&dir.join("summary.json"))).unwrap()["totals"]["devices_lent"].as_i64().unwrap();
    assert_eq!((lent(&a), lent(&b)), (3, 4));
    let issues = read(&b.join("data/issues.csv"));
    let duplicate = issues.lines().find(|l| l.contains("duplicate-row")).unwrap_or_else(|| panic!("{issues}"));
    assert!(duplicate.contains("b.csv") && duplicate.contains("a.csv"), "{duplicate}");
    assert!(!issues.contains("DUPONT"));
}
