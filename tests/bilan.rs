//! The September review: weeks run in order into one state folder, then `veille bilan` from the history
//! alone. Its figures are the last week's; its weeks are the recorded ones; a damaged snapshot stops it
//! with a clear message.

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn veille(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(env!("CARGO_MANIFEST_DIR")).env("VEILLE_KEY", "k").args(args).output().unwrap()
}

fn weeks_into(state: &Path, out: &Path, weeks: &[&str]) -> Vec<Value> {
    weeks
        .iter()
        .map(|w| {
            let dir = out.join(w);
            let run = veille(&["report", "sample_data", "--week", w, "--out", dir.to_str().unwrap(), "--state", state.to_str().unwrap()]);
            assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
            serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap()
        })
        .collect()
}

#[test]
fn the_review_ends_on_the_last_week_and_lists_every_recorded_week() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let weekly = weeks_into(&state, tmp.path(), &["2020-W19", "2020-W20", "2020-W21", "2020-W22"]);
    let out = tmp.path().join("bilan");
    let run = veille(&["bilan", "--state", state.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!((summary["from"].as_str(), summary["to"].as_str(), summary["weeks"].as_u64()), (Some("2020-W19"), Some("2020-W22"), Some(4)));
    assert_eq!(summary["totals"], weekly[3]["totals"], "the review's totals are the last week's");
    for key in ["responses", "devices_lent", "register_pupils"] {
        let change = weekly[3]["totals"][key].as_i64().unwrap() - weekly[0]["totals"][key].as_i64().unwrap();
        assert_eq!(summary["change_over_period"][key].as_i64(), Some(change), "{key}");
    }
    // Week by week, the CSV matches each weekly summary.
    let mut reader = csv::Reader::from_path(out.join("data/weeks.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    for (row, week) in rows.iter().zip(&weekly) {
        assert_eq!(row[0], *week["week"].as_str().unwrap());
        assert_eq!(row[3].parse::<i64>().unwrap(), week["totals"]["register_pupils"].as_i64().unwrap());
    }
    // The workbook and the PDF.
    let mut wb: Xlsx<_> = open_workbook(out.join("bilan.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Synthèse", "Semaines", "Communes"]);
    let synthese = wb.worksheet_range("Synthèse").unwrap();
    assert_eq!(synthese.get_value((4, 1)), Some(&Data::Float(9.0)), "questionnaires at the end");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out.join("bilan.xlsx")).unwrap()).unwrap();
    assert!(zip.by_name("xl/charts/chart1.xml").is_ok(), "a native line chart");
    let text = pdf_extract::extract_text(out.join("bilan.pdf")).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Bilan de la cellule de veille") && flat.contains("84 (+56 sur la période)"), "{flat}");
    for chart in ["lost_contact", "register_states", "devices", "partner_actions", "questionnaires"] {
        assert!(out.join(format!("charts/{chart}.svg")).exists() && out.join(format!("charts/{chart}.png")).exists(), "{chart}");
    }
}

#[test]
fn from_and_to_choose_the_weeks() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let weekly = weeks_into(&state, tmp.path(), &["2020-W20", "2020-W21", "2020-W22"]);
    let out = tmp.path().join("bilan");
    let run = veille(&["bilan", "--state", state.to_str().unwrap(), "--from", "2020-W21", "--to", "2020-W21", "--out", out.to_str().unwrap()]);
    assert!(run.status.success());
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["weeks"], 1);
    assert_eq!(summary["totals"], weekly[1]["totals"]);
}

#[test]
fn an_empty_or_damaged_history_stops_the_review_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let out = tmp.path().join("bilan");
    let empty = veille(&["bilan", "--state", state.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("aucune semaine enregistrée"));
    weeks_into(&state, tmp.path(), &["2020-W21"]);
    std::fs::write(state.join("history/communes/2020-W21.parquet"), b"abime").unwrap();
    let damaged = veille(&["bilan", "--state", state.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(damaged.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&damaged.stderr);
    assert!(stderr.contains("endommagé") && stderr.contains("2020-W21.parquet"), "{stderr}");
    assert!(!out.exists(), "nothing half-written");
}
