//! Golden end-to-end test on `sample_data/`: every figure below was worked out by hand from the rows
//! written by `examples/make_sample_data.rs` (the derivations are in the comments).

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn run_report(week: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("report");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_veille"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("VEILLE_KEY")
        .args(["report", "sample_data", "--out"])
        .arg(&out)
        .arg("--state")
        .arg(tmp.path().join("state"));
    if let Some(w) = week {
        cmd.args(["--week", w]);
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "veille failed: {}", String::from_utf8_lossy(&output.stderr));
    (tmp, out)
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

#[test]
fn week_22_figures_match_the_hand_computed_values() {
    let (_tmp, out) = run_report(None);
    let s = summary(&out);
    // Latest accepted date: 28/05/2020 (Grigny loan, Grigny partner sheet) → ISO week 2020-W22.
    assert_eq!(s["week"], "2020-W22");
    // Rows: forms 7 + typed questionnaires 4 + register 11 + Viry loans 11 + Grigny loans 5
    //       + Viry partners 4 + 4 + Grigny partners 4 = 50.
    // Rejected: Paris questionnaire, nameless register row, undated Viry loan, "en attente" partner = 4.
    // Ignored: blank row among typed questionnaires, blank + TOTAL rows of the Viry loans = 3.
    assert_eq!(s["inputs"]["files"], 7);
    assert_eq!(s["inputs"]["rows_read"], 50);
    assert_eq!(s["inputs"]["rows_accepted"], 43);
    assert_eq!(s["inputs"]["rows_rejected"], 4);
    assert_eq!(s["inputs"]["rows_ignored"], 3);
    let t = &s["totals"];
    // Questionnaires: Viry G1 G2 G6 X1 X2 X3 (6), Grigny G3 G4 (2), Juvisy G5 (1) = 9.
    assert_eq!(t["responses"], 9);
    // Q5: Viry 8 + 15 (une quinzaine) + 15 (entre 10 et 15) + 20 + 9 = 67; Grigny 12 + 0 (aucun); Juvisy 3+2.
    assert_eq!(t["lost_contact_declared"], 84);
    // Register: Viry Lina, Yanis (twice, counted once), Inès, Noah, Emma = 5; Grigny 3; Juvisy 1.
    assert_eq!(t["register_pupils"], 9);
    // Loans: Viry 1+1+2+3+1+2+2+1 = 13, Grigny 2+1+1+4+2 = 10.
    assert_eq!(t["devices_lent"], 23);
    // Returned by 31/05: Viry laptop (20/05) and PC (28/05), Grigny 4G key (25/05): 23 - 3 = 20.
    assert_eq!(t["devices_outstanding"], 20);
    // Latest sheet per action: Viry MJC, CCAS, médiathèque, Petits Débrouillards (S20 only), Caisse des
    // écoles = 5; Grigny 3 readable of 4. Suspended: Petits Débrouillards, Service jeunesse.
    assert_eq!(t["partner_actions"], 8);
    assert_eq!(t["partner_actions_suspended"], 2);
    assert!(s.get("previous_week").is_none() && s.get("deltas").is_none());

    let communes = s["communes"].as_array().unwrap();
    let viry = communes.iter().find(|c| c["insee"] == "91687").unwrap();
    assert_eq!(viry["name"], "Viry-Châtillon");
    assert_eq!((viry["responses"].as_i64(), viry["lost_contact_declared"].as_i64(), viry["devices_outstanding"].as_i64()), (Some(6), Some(67), Some(11)));
    assert_eq!(communes.len(), 3);
}

#[test]
fn week_22_tables_match_the_hand_computed_values() {
    let (_tmp, out) = run_report(None);
    let lost = csv_rows(&out.join("data/lost_contact_by_commune.csv"));
    // Viry: restored = Lina (renoué) + Yanis (latest row: rétabli) + Noah (clos 22/05); in progress = Emma;
    // no contact = Inès; consent: all but Inès. Grigny: Chloé restored, Sarah in progress, Adam no contact
    // (consent blank → not counted).
    assert_eq!(lost, vec![
        vec!["91286", "Grigny", "12", "2", "3", "2", "1", "1", "1"],
        vec!["91326", "Juvisy-sur-Orge", "5", "1", "1", "1", "0", "1", "0"],
        vec!["91687", "Viry-Châtillon", "67", "5", "5", "4", "3", "1", "1"],
    ]);
    let loans = csv_rows(&out.join("data/loans_by_commune.csv"));
    assert_eq!(loans, vec![
        vec!["91286", "Grigny", "association", "ordinateur", "2", "0", "2"],
        vec!["91286", "Grigny", "commune", "connexion", "1", "1", "0"],
        vec!["91286", "Grigny", "departement", "tablette", "6", "0", "6"],
        vec!["91286", "Grigny", "etablissement", "ordinateur", "1", "0", "1"],
        vec!["91687", "Viry-Châtillon", "commune", "connexion", "2", "0", "2"],
        vec!["91687", "Viry-Châtillon", "commune", "ordinateur", "3", "1", "2"],
        vec!["91687", "Viry-Châtillon", "departement", "tablette", "6", "0", "6"],
        vec!["91687", "Viry-Châtillon", "etablissement", "ordinateur", "1", "1", "0"],
        vec!["91687", "Viry-Châtillon", "etat", "ordinateur", "1", "0", "1"],
    ]);
    // Stale = updated more than 7 days before Sunday 31/05: Grigny's centre social (15/05) and Viry's
    // Petits Débrouillards (12/05, from the S20 title). The MJC (25/05, exactly 6 days) is not.
    let partners = csv_rows(&out.join("data/partners_by_commune.csv"));
    assert_eq!(partners, vec![
        vec!["91286", "Grigny", "distance", "1", "1"],
        vec!["91286", "Grigny", "presentiel", "1", "0"],
        vec!["91286", "Grigny", "suspendu", "1", "0"],
        vec!["91687", "Viry-Châtillon", "mixte", "1", "0"],
        vec!["91687", "Viry-Châtillon", "presentiel", "3", "0"],
        vec!["91687", "Viry-Châtillon", "suspendu", "1", "1"],
    ]);
    let intake = csv_rows(&out.join("data/intake.csv"));
    for row in &intake {
        let n: Vec<usize> = row[3..7].iter().map(|v| v.parse().unwrap()).collect();
        assert_eq!(n[0], n[1] + n[2] + n[3], "rows_read = accepted + rejected + ignored for {row:?}");
    }
    let viry_loans = intake.iter().find(|r| r[0].ends_with("prets_materiel_viry.xlsx")).unwrap();
    assert_eq!(viry_loans[1..].to_vec(), vec!["Prêts", "loans", "11", "8", "1", "2"]);

    let issues = csv_rows(&out.join("data/issues.csv"));
    let has = |file: &str, row: &str, column: &str, code: &str| {
        issues.iter().any(|i| i[0].ends_with(file) && i[2] == row && i[3] == column && i[5] == code)
    };
    assert!(has("reponses_google_forms.csv", "8", "C", "commune-outside"), "Paris is a real commune, outside Essonne");
    assert!(has("reponses_google_forms.csv", "3", "L", "approximate-number"), "une quinzaine");
    assert!(has("prets_materiel_viry.xlsx", "13", "A", "constraint-error"), "undated loan");
    assert!(has("prets_materiel_viry.xlsx", "15", "", "total-row"));
    assert!(has("registre_perdus_de_vue.xlsx", "14", "A", "constraint-error"), "nameless pupil");
    assert!(has("disponibilites_grigny.xlsx", "7", "I", "constraint-error"), "status en attente");
    assert!(has("questionnaires_saisis_viry.xlsx", "7", "J", "type-error"), "je ne sais pas");

    // answers.csv: the Juvisy MJC (R004 by return time) answered Q5 "3 en 6e et 2 en 5e" → 5, exact.
    let answers = csv_rows(&out.join("data/answers.csv"));
    let q5: Vec<_> = answers.iter().filter(|a| a[2] == "q5" && a[1] == "91326").collect();
    assert_eq!(q5.len(), 1);
    assert_eq!((q5[0][4].as_str(), q5[0][5].as_str()), ("5", "false"));
}

#[test]
fn week_20_is_computed_as_of_sunday_17_may() {
    let (_tmp, out) = run_report(Some("2020-W20"));
    let s = summary(&out);
    assert_eq!(s["week"], "2020-W20");
    let t = &s["totals"];
    // Returned by 17/05: G1, G2, G3, X1, X2 → 5; Q5 8 + 15 + 12 + 20 + 9 = 64.
    assert_eq!((t["responses"].as_i64(), t["lost_contact_declared"].as_i64()), (Some(5), Some(64)));
    // Signalled by 17/05: Lina, Yanis, Inès, Noah, Sarah.
    assert_eq!(t["register_pupils"], 5);
    // Lent by 17/05: Viry 1+1+2+3+1 = 8, Grigny 2+1 = 3; nothing returned yet (returns on 20/05 and later).
    assert_eq!((t["devices_lent"].as_i64(), t["devices_outstanding"].as_i64()), (Some(11), Some(11)));
    // Viry's S20 sheet only (S22 rows are dated after 17/05): 4 actions, 2 suspended; Grigny: the centre social.
    assert_eq!((t["partner_actions"].as_i64(), t["partner_actions_suspended"].as_i64()), (Some(5), Some(2)));
    // Noah's situation, closed on 22/05, was still in progress on 17/05.
    let lost = csv_rows(&out.join("data/lost_contact_by_commune.csv"));
    let viry = lost.iter().find(|r| r[0] == "91687").unwrap();
    assert_eq!(viry[4..].to_vec(), vec!["4", "3", "1", "2", "1"]);
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_workbook_holds_its_sheets_figures_and_a_native_chart() {
    let (_tmp, out) = run_report(None);
    let path = out.join("diagnostic.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec![
            "Synthèse", "Questionnaire", "Perdus de vue", "Collèges", "Prêts", "Partenaires", "Répertoire", "Couverture", "Comparaison", "Réponses",
            "Qualité des données", "Suivi des élèves", "Confidentialité",
        ]
    );
    // 9 pupils in the register by 31/05; Inès Carpentier ("non") and Adam Rousseau (blank) have no family
    // consent: 7 are listed, by pseudonym.
    let followed = wb.worksheet_range("Suivi des élèves").unwrap();
    let listed: Vec<String> = (4..followed.height() as u32).map(|r| cell(&followed, r, 0).to_string()).filter(|p| p.starts_with("E-")).collect();
    assert_eq!(listed.len(), 7);
    let privacy = wb.worksheet_range("Confidentialité").unwrap();
    assert_eq!(cell(&privacy, 3, 1), Data::String("trio de coordination".into()));
    let no_consent = (3..privacy.height() as u32).find(|&r| cell(&privacy, r, 0).to_string().contains("(no-consent)")).unwrap();
    assert_eq!(cell(&privacy, no_consent, 1), Data::String("2".into()));
    let synthese = wb.worksheet_range("Synthèse").unwrap();
    // Figures from row 5 (index 4), in the order of summary.json's totals.
    let expected = [9.0, 84.0, 9.0, 23.0, 20.0, 8.0, 2.0];
    for (i, v) in expected.iter().enumerate() {
        assert_eq!(cell(&synthese, 4 + i as u32, 1), Data::Float(*v), "Synthèse row {}", 5 + i);
    }
    assert_eq!(cell(&synthese, 4, 0), Data::String("Questionnaires retournés".into()));
    let lost = wb.worksheet_range("Perdus de vue").unwrap();
    assert_eq!(cell(&lost, 3, 2), Data::String("Déclarés (Q5)".into()));
    assert_eq!(cell(&lost, 6, 1), Data::String("Viry-Châtillon".into()));
    assert_eq!(cell(&lost, 6, 2), Data::Float(67.0));
    assert_eq!(cell(&lost, 6, 4), Data::Float(5.0));
    let loans = wb.worksheet_range("Prêts").unwrap();
    let outstanding: f64 = (4..loans.height() as u32).filter_map(|r| match cell(&loans, r, 6) { Data::Float(f) => Some(f), _ => None }).sum();
    assert_eq!(outstanding, 20.0);

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().filter_map(|n| n.ok().map(|n| n.to_string())).collect();
    assert!(names.iter().any(|n| n.starts_with("xl/charts/chart")), "a native chart: {names:?}");
    let mut sheet1 = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet1).unwrap();
    assert!(sheet1.contains("paperSize=\"9\""), "A4 print setup");
}

#[test]
fn charts_are_valid_svg_and_png() {
    let (_tmp, out) = run_report(None);
    for name in ["lost_contact_by_commune", "loans_by_lender"] {
        let svg = std::fs::read_to_string(out.join(format!("charts/{name}.svg"))).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{name}.svg");
        let png = std::fs::read(out.join(format!("charts/{name}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}.png signature");
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        assert_eq!(width, 960);
    }
    let svg = std::fs::read_to_string(out.join("charts/lost_contact_by_commune.svg")).unwrap();
    assert!(svg.contains("Viry-Châtillon") && svg.contains("Élèves perdus de vue par commune"));
}

#[test]
fn no_name_from_the_sample_reaches_any_output() {
    let (tmp, out) = run_report(None);
    let names = ["Moreau", "Bertin", "Carpentier", "Lefebvre", "Benali", "Rousseau", "Garnier", "Fontaine", "Petit", "Diallo", "Perrin", "Marchand", "Robin", "Traoré", "Lambert"];
    let mut files = vec![];
    let mut stack = vec![out.clone(), tmp.path().join("state")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() { stack.push(p) } else { files.push(p) }
        }
    }
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out.join("diagnostic.xlsx")).unwrap()).unwrap();
    let mut texts: Vec<(String, String)> = files.iter().filter(|p| p.extension().is_none_or(|e| e != "xlsx" && e != "png"))
        .map(|p| (p.display().to_string(), String::from_utf8_lossy(&std::fs::read(p).unwrap()).to_lowercase())).collect();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        if std::io::Read::read_to_string(&mut f, &mut s).is_ok() {
            texts.push((format!("xlsx:{i}"), s.to_lowercase()));
        }
    }
    // Whole words only: "petits groupes" is not the surname Petit.
    for (file, text) in &texts {
        let words: std::collections::HashSet<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        for name in names {
            let lower = name.to_lowercase();
            let folded = lower.replace('é', "e");
            assert!(!words.contains(lower.as_str()) && !words.contains(folded.as_str()), "{name} found in {file}");
        }
    }
}
