//! The préfecture compares communes without one nominative file (charter, article 8): each commune's
//! trio report writes `export/<insee>-<week>.veille`, and `veille consolider` adds the exports up again.
//! The consolidated figures equal the direct report's, file by file; exports hold no name, no pseudonym
//! and no free text; a bad export is set aside with its issue while the others count; consolidations stack.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn veille(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(env!("CARGO_MANIFEST_DIR")).env("VEILLE_KEY", "cle-consolidation").args(args).output().unwrap()
}

fn ok(run: Output) -> String {
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    String::from_utf8_lossy(&run.stdout).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The sample's week 21 reported directly (all communes) in `audience`, into `dir`.
fn direct(dir: &Path, audience: &str) -> PathBuf {
    let out = dir.join(format!("direct-{audience}"));
    ok(veille(&["report", "sample_data", "--week", "2020-W21", "--audience", audience, "--out", path(&out), "--state", path(&dir.join(format!("state-{audience}")))]));
    out
}

fn consolider(inputs: &[&Path], out: &Path, state: &Path, audience: &str) -> String {
    let mut args = vec!["consolider"];
    args.extend(inputs.iter().map(|p| path(p)));
    args.extend(["--audience", audience, "--out", path(out), "--state", path(state)]);
    ok(veille(&args))
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

fn json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&read(p)).unwrap()
}

fn same_figures(a: &Path, b: &Path) {
    for file in ["lost_contact_by_commune", "loans_by_commune", "partners_by_commune"] {
        assert_eq!(read(&a.join(format!("data/{file}.csv"))), read(&b.join(format!("data/{file}.csv"))), "{file}");
    }
    let (x, y) = (json(&a.join("summary.json")), json(&b.join("summary.json")));
    assert_eq!(x["totals"], y["totals"]);
    assert_eq!(x["communes"], y["communes"]);
}

#[test]
fn the_consolidated_exports_give_the_direct_report_exactly_and_stack() {
    let tmp = tempfile::tempdir().unwrap();
    let trio = direct(tmp.path(), "trio");
    let exports = trio.join("export");
    let names: Vec<String> = std::fs::read_dir(&exports).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 3, "one export per commune: {names:?}");
    assert!(names.iter().all(|n| n.ends_with("-2020-W21.veille")));
    let consolidated = tmp.path().join("consolidated");
    consolider(&[&exports], &consolidated, &tmp.path().join("state-c"), "trio");
    same_figures(&trio, &consolidated);
    // The questionnaire question by question and the collèges add up the same way.
    for sheet in ["Questionnaire", "Collèges", "Comparaison"] {
        assert_eq!(sheet_cells(&trio, sheet), sheet_cells(&consolidated, sheet), "{sheet}");
    }
    // Secrecy applied once on the consolidated tables is the direct report's secrecy.
    let prefecture = direct(tmp.path(), "prefecture");
    let secret = tmp.path().join("consolidated-prefecture");
    consolider(&[&exports], &secret, &tmp.path().join("state-p"), "prefecture");
    same_figures(&prefecture, &secret);
    assert!(!secret.join("export").exists(), "no export for a restricted audience");
    assert!(!prefecture.join("export").exists());
    // A consolidation's own export, consolidated again, gives the same figures.
    let level2 = tmp.path().join("level2");
    consolider(&[&consolidated.join("export")], &level2, &tmp.path().join("state-2"), "trio");
    same_figures(&trio, &level2);
    // The consolidation's history serves the review.
    ok(veille(&["bilan", "--state", path(&tmp.path().join("state-c")), "--out", path(&tmp.path().join("bilan"))]));
    assert_eq!(json(&tmp.path().join("bilan/summary.json"))["totals"], json(&trio.join("summary.json"))["totals"]);
}

fn sheet_cells(report: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(report.join("diagnostic.xlsx")).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    // From the first header on (row 2 holds the number of files read, which differs).
    range.rows().skip(3).map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

fn entries(export: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(export).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().to_string();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (name, bytes)
        })
        .collect()
}

#[test]
fn exports_hold_no_name_no_pseudonym_and_no_free_text() {
    let tmp = tempfile::tempdir().unwrap();
    let trio = direct(tmp.path(), "trio");
    let names = ["Moreau", "Bertin", "Carpentier", "Lefebvre", "Benali", "Rousseau", "Garnier", "Fontaine", "Petit", "Diallo", "Perrin", "Marchand", "Robin", "Traoré", "Lambert"];
    // Words of the sample's free-text answers and partner sheets.
    let texts = ["devoirs", "Césaire", "colis", "Grande Borne", "Plateau"];
    for export in std::fs::read_dir(trio.join("export")).unwrap() {
        let export = export.unwrap().path();
        for (name, bytes) in entries(&export) {
            assert!(name == "manifest.json" || name.ends_with(".parquet"), "{name}");
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            for word in names.iter().chain(&texts) {
                assert!(!text.contains(&word.to_lowercase()), "{word} in {}/{name}", export.display());
            }
            assert!(!text.contains("e-") || !text.split("e-").skip(1).any(|rest| rest.len() >= 10 && rest[..10].chars().all(|c| c.is_ascii_hexdigit())), "a pseudonym in {name}");
        }
    }
}

/// Rewrites an export with `change` applied to its entries.
fn rewrite(from: &Path, to: &Path, change: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>, extra: Option<(&str, &[u8])>) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for (name, bytes) in entries(from) {
        if let Some(bytes) = change(&name, bytes) {
            zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(&bytes).unwrap();
        }
    }
    if let Some((name, bytes)) = extra {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn bad_exports_are_set_aside_with_their_issue_while_the_others_count() {
    let tmp = tempfile::tempdir().unwrap();
    let trio = direct(tmp.path(), "trio");
    let inbox = tmp.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let viry = trio.join("export/91687-2020-W21.veille");
    let grigny = trio.join("export/91286-2020-W21.veille");
    std::fs::copy(&viry, inbox.join("91687-2020-W21.veille")).unwrap();
    std::fs::copy(&viry, inbox.join("91687-2020-W21 (1).veille")).unwrap();
    let bytes = std::fs::read(&grigny).unwrap();
    std::fs::write(inbox.join("tronque.veille"), &bytes[..bytes.len() / 2]).unwrap();
    rewrite(&grigny, &inbox.join("modifie.veille"), |name, b| Some(if name == "loans.parquet" { let mut b = b; let n = b.len(); b[n / 2] ^= 1; b } else { b }), None);
    rewrite(&grigny, &inbox.join("nominatif.veille"), |_, b| Some(b), Some(("eleves.csv", b"eleve\nMarie Dupont\n")));
    let newer = |name: &str, b: Vec<u8>| Some(if name == "manifest.json" { String::from_utf8(b).unwrap().replace("\"format_version\": 1", "\"format_version\": 2").into_bytes() } else { b });
    rewrite(&grigny, &inbox.join("futur.veille"), newer, None);
    write_outside_export(&inbox.join("44109-2020-W21.veille"));
    let out = tmp.path().join("c");
    consolider(&[&inbox], &out, &tmp.path().join("state"), "trio");
    let issues = read(&out.join("data/issues.csv"));
    let code_of = |file: &str| issues.lines().filter(|l| l.contains(file)).map(|l| l.split(',').nth(5).unwrap_or("").to_string()).collect::<Vec<_>>();
    assert_eq!(code_of("tronque.veille"), vec!["export-corrupt"], "{issues}");
    assert_eq!(code_of("modifie.veille"), vec!["export-checksum"], "{issues}");
    assert_eq!(code_of("nominatif.veille"), vec!["export-not-aggregate"], "{issues}");
    assert_eq!(code_of("futur.veille"), vec!["export-version"], "{issues}");
    assert_eq!(code_of("44109-2020-W21.veille"), vec!["export-outside"], "{issues}");
    let duplicate: Vec<&str> = issues.lines().filter(|l| l.contains("export-duplicate")).collect();
    assert_eq!(duplicate.len(), 1, "{issues}");
    assert!(duplicate[0].contains("91687-2020-W21.veille") && duplicate[0].contains("91687-2020-W21 (1).veille"), "both named: {}", duplicate[0]);
    // Viry counts once; Grigny's exports were all refused.
    let summary = json(&out.join("summary.json"));
    let communes: Vec<&str> = summary["communes"].as_array().unwrap().iter().map(|c| c["insee"].as_str().unwrap()).collect();
    assert_eq!(communes, vec!["91687"]);
    let direct_viry = json(&trio.join("summary.json"))["communes"].as_array().unwrap().iter().find(|c| c["insee"] == "91687").cloned().unwrap();
    assert_eq!(summary["communes"][0], direct_viry);
    // Every export has its intake row: read = accepted + rejected + ignored.
    let intake = read(&out.join("data/intake.csv"));
    for line in intake.lines().skip(1) {
        let n: Vec<usize> = line.rsplit(',').take(4).map(|v| v.parse().unwrap()).collect();
        assert_eq!(n[3], n[2] + n[1] + n[0], "{line}");
    }
}

/// A valid export of a commune of Loire-Atlantique (Nantes), outside the default territory (Essonne).
fn write_outside_export(to: &Path) {
    use veille::aggregate::{Aggregates, LostContactRow, Tallies};
    let week = "2020-W21".parse().unwrap();
    let row = LostContactRow { commune_insee: "44109".into(), commune: "Nantes".into(), declared: 9, declared_respondents: 2, register_pupils: 0, register_with_consent: 0, restored: 0, in_progress: 0, no_contact: 0 };
    let mut agg = Aggregates { week, lost_contact: vec![row], loans: vec![], partners: vec![], responses: vec![("44109".into(), 2)], totals: Default::default(), communes: vec![] };
    agg.assemble();
    let bytes = veille::export::export_bytes(week, "44109", &[("44109".into(), agg, Tallies::default())], "2020-05-25T08:00:00Z").unwrap();
    std::fs::write(to, bytes).unwrap();
}
