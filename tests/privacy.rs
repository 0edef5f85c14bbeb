//! The charter end to end: inputs full of (invented) names, a forbidden column, sensitive and non-neutral
//! comments, a family without consent. Every byte veille writes — every output file, the unzipped
//! workbook, the PDF's text, the history read back with polars, stdout and stderr of `report` and
//! `validate`, for every audience — is scanned for the names in any case or accent form.

use polars::prelude::*;
use rust_xlsxwriter::Workbook;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use veille::privacy::Pseudonymizer;
use veille::text::fold;

const KEY: &str = "cle-de-test-charte";
/// Every word of every name below, folded: none may appear anywhere.
const NAME_WORDS: [&str; 8] = ["zephyrine", "quaglioni", "barnabe", "tessandier", "octavie", "lambrechts", "ulrich", "vandamme"];

fn inputs(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Registre").unwrap();
    let rows: [[&str; 9]; 5] = [
        ["Élève", "Établissement", "Commune", "Date de signalement", "Adhésion famille", "Statut", "Commentaire", "Santé", "Religion"],
        ["Zéphyrine Quaglioni", "0910971L", "Viry-Châtillon", "04/05/2020", "oui", "en cours", "Appel à la mère de QUAGLIONI Zéphyrine", "asthme sévère", "pratiquante"],
        ["Barnabé Tessandier", "0910971L", "Viry-Châtillon", "05/05/2020", "oui", "sans contact", "Barnabé hospitalisé en avril", "", ""],
        ["ULRICH vandamme", "0910056S", "Viry-Châtillon", "06/05/2020", "non", "signalé", "Famille démissionnaire, élève fainéant", "", ""],
        ["quaglioni zephyrine", "0910971L", "Viry-Châtillon", "12/05/2020", "oui", "renoué", "Contact repris", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(dir.join("registre.xlsx")).unwrap();
    std::fs::write(
        dir.join("prets.csv"),
        "Date du prêt;Prêteur;Matériel;Quantité;Bénéficiaire;Commune\n\
         07/05/2020;CD91;tablette;1;Octavie Lambrechts;Viry-Châtillon\n\
         08/05/2020;Mairie;ordinateur;2;LAMBRECHTS Octavie;Viry-Châtillon\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("questionnaires.csv"),
        "Horodateur,Commune,Structure,Combien d'élèves n'ont pas répondu aux sollicitations ?,Quels élèves ?,Quelles actions remarquables méritent d'être amplifiées ?\n\
         2020/05/11 10:00:00 AM UTC+2,Viry-Châtillon,MJC,3,Octavie Lambrechts et Barnabé,Le suivi de Zéphyrine par la MJC\n",
    )
    .unwrap();
}

fn veille(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(cwd).env("VEILLE_KEY", KEY).args(args).output().unwrap()
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { files_under(&path, found) } else { found.push(path) }
    }
}

/// Every readable text of a file: its bytes, the parts of an xlsx, the cells of a Parquet snapshot.
fn texts_of(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let mut texts = vec![String::from_utf8_lossy(&bytes).into_owned()];
    match path.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => {
            let mut zip = ::zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
            for i in 0..zip.len() {
                let mut part = String::new();
                let _ = zip.by_index(i).unwrap().read_to_string(&mut part);
                texts.push(part);
            }
        }
        Some("pdf") => texts.push(pdf_extract::extract_text(path).unwrap()),
        Some("parquet") => {
            let df = ParquetReader::new(std::fs::File::open(path).unwrap()).finish().unwrap();
            texts.push(format!("{df:?}"));
            for column in df.columns() {
                if let Ok(strings) = column.str() {
                    texts.extend(strings.iter().flatten().map(str::to_string));
                }
            }
        }
        _ => {}
    }
    texts
}

fn assert_no_name(place: &str, text: &str) {
    let folded = fold(text);
    for word in NAME_WORDS.iter().chain(&["asthme", "pratiquante", "hospitalis", "fainean"]) {
        assert!(!folded.contains(word), "{word} found in {place}");
    }
}

#[test]
fn no_name_and_no_forbidden_data_leaves_for_any_audience() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    inputs(&root.join("entrees"));
    let pseudonyms = Pseudonymizer::new(KEY.as_bytes());
    let consenting = pseudonyms.pseudonym("Zéphyrine Quaglioni");
    let refusing = pseudonyms.pseudonym("Ulrich Vandamme");
    let mut outputs: Vec<(String, Output)> = Vec::new();
    for audience in ["trio", "partenaires", "prefecture"] {
        let out = format!("rapport-{audience}");
        let run = veille(&["report", "entrees", "--week", "2020-W20", "--audience", audience, "--out", &out, "--state", "etat"], root);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        outputs.push((format!("report {audience}"), run));
        let mut files = Vec::new();
        files_under(&root.join(&out), &mut files);
        let mut everything = String::new();
        for file in &files {
            for text in texts_of(file) {
                assert_no_name(&file.display().to_string(), &text);
                everything.push_str(&text);
            }
        }
        // The family that did not agree is counted but never listed, whoever reads the report.
        assert!(!everything.contains(refusing.as_str()), "{audience}: the pupil without consent is listed");
        // The trio follows consenting pupils by pseudonym; the other audiences see no register row.
        assert_eq!(everything.contains(consenting.as_str()), audience == "trio", "{audience}");
        let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root.join(&out).join("summary.json")).unwrap()).unwrap();
        assert_eq!(summary["audience"], audience);
        // 3 pupils (Zéphyrine's two rows are one pupil): counted whatever the consent.
        let register = &summary["totals"]["register_pupils"];
        if audience == "trio" {
            assert_eq!(register, 3);
        } else {
            assert_eq!(register, "s", "3 pupils is below the threshold of 5");
        }
        let charter = &summary["confidentiality"]["issues"];
        assert_eq!((charter["forbidden-column"].clone(), charter["no-consent"].clone()), (2.into(), 1.into()));
        assert!(charter["sensitive-value"].as_u64().unwrap() >= 3, "{charter}");
        assert_eq!(charter["non-neutral-comment"], 1);
    }
    let mut history = Vec::new();
    files_under(&root.join("etat"), &mut history);
    for file in history.iter().filter(|f| f.extension().is_some_and(|e| e == "parquet")) {
        for text in texts_of(file) {
            assert_no_name(&file.display().to_string(), &text);
        }
    }
    outputs.push(("validate".into(), veille(&["validate", "entrees"], root)));
    outputs.push(("validate --json".into(), veille(&["validate", "--json", "--lang", "en", "entrees"], root)));
    for (what, output) in &outputs {
        assert_no_name(&format!("{what} stdout"), &String::from_utf8_lossy(&output.stdout));
        assert_no_name(&format!("{what} stderr"), &String::from_utf8_lossy(&output.stderr));
    }
    let validation = String::from_utf8_lossy(&outputs[3].1.stdout);
    assert!(validation.contains("forbidden-column") && validation.contains("« Santé »"), "{validation}");
}

#[test]
fn free_text_starting_with_a_formula_is_neutralised() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("entrees")).unwrap();
    std::fs::write(
        root.join("entrees/q.csv"),
        "Horodateur,Commune,Structure,Quelles actions remarquables méritent d'être amplifiées ?\n\
         2020/05/11 10:00:00 AM UTC+2,Grigny,MJC,\"=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\"\n",
    )
    .unwrap();
    let run = veille(&["report", "entrees", "--out", "r", "--state", "etat"], root);
    assert!(run.status.success());
    let answers = std::fs::read_to_string(root.join("r/data/answers.csv")).unwrap();
    assert!(answers.contains("'=HYPERLINK"), "CSV neutralised: {answers}");
    let mut zip = ::zip::ZipArchive::new(std::fs::File::open(root.join("r/diagnostic.xlsx")).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let _ = zip.by_index(i).unwrap().read_to_string(&mut all);
    }
    assert!(all.contains("=HYPERLINK") && !all.contains("<f>HYPERLINK"), "text, never a formula, in the workbook");
}
