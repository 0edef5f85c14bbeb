//! Column recognition end to end, on files worded the way other people word them: the figures of
//! `veille report`, what `veille validate` says it understood, the user's `[colonnes]` and `--colonne`,
//! and the warnings that name the figure a column affects. All people are invented.

use std::path::Path;
use std::process::{Command, Output};

fn veille(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(cwd).env("VEILLE_KEY", "cle-de-test").args(args).output().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn issues(out: &Path) -> Vec<Vec<String>> {
    csv_rows(&out.join("data/issues.csv"))
}

const LOANS: &str = "Prêts de matériel – Grigny\n\
Date du prêt;Restitué le;Prêteur;Type d'équipement;Nb;Nom de l'élève;N° UAI du collège\n\
04/05/2020;12/05/2020;CD91;Tablette;2;Léa Martin;0910971L\n\
05/05/2020;;Mairie;Ordinateur;1;Tom Garnier;0910971M\n\
06/05/2020;20/05/2020;CD91;Tablette;3;Inès Moreau;0910971L\n";

const REGISTER: &str = "Élève;Collège (UAI);Commune;Signalé le;Les parents sont-ils d'accord ?;Situation actuelle\n\
DUPONT Marie;0910971L;Grigny;04/05/2020;oui;renoué\n\
Martin Lucas;0910971M;Grigny;05/05/2020;non;en cours\n\
Sami Benali;0910971L;Grigny;06/05/2020;oui;sans contact\n";

const PARTNERS: &str = "Structure;Action menée / projet;Commune;Fonctionnement actuel;Actualisé le\n\
MJC Simone Signoret;Aide aux devoirs en ligne;Grigny;distance;28/05/2020\n\
CCAS;Permanence sociale;Grigny;suspendu;29/05/2020\n";

const QUESTIONNAIRE: &str = "Horodateur;Commune;Structure;Q1 Partenariat ?;Q3;Q3 - qui ?;Q5;Q6 À amplifier\n\
30/05/2020 10:00;Grigny;MJC;oui;oui;CD91;4;Soutien en ligne\n\
30/05/2020 11:00;Grigny;CCAS;non;non;;2;\n";

#[test]
fn files_worded_by_other_people_give_exact_figures() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("entrees");
    std::fs::create_dir(&inputs).unwrap();
    write(&inputs, "prets.csv", LOANS);
    write(&inputs, "registre.csv", REGISTER);
    write(&inputs, "partenaires.csv", PARTNERS);
    write(&inputs, "questionnaires.csv", QUESTIONNAIRE);
    let out = dir.path().join("out");
    let run = veille(&["report", "entrees", "--out", "out", "--week", "2020-W22"], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    // Loans: "Restitué le" is the return date: 5 of 6 devices returned, 1 out.
    let loans = csv_rows(&out.join("data/loans_by_commune.csv"));
    let sum = |col: usize| loans.iter().map(|r| r[col].parse::<i64>().unwrap()).sum::<i64>();
    assert_eq!((sum(4), sum(5), sum(6)), (6, 5, 1), "{loans:?}");
    // Register: "Les parents sont-ils d'accord ?" is the consent; "Situation actuelle" the status.
    let lost = csv_rows(&out.join("data/lost_contact_by_commune.csv"));
    let grigny = lost.iter().find(|r| r[0] == "91286").unwrap();
    assert_eq!(&grigny[4..9], ["3", "2", "1", "1", "1"], "{grigny:?}");
    // Partners: "Action menée / projet" holds the actions, "Actualisé le" their update: none stale.
    let partners = csv_rows(&out.join("data/partners_by_commune.csv"));
    let actions: i64 = partners.iter().map(|r| r[3].parse::<i64>().unwrap()).sum();
    let stale: i64 = partners.iter().map(|r| r[4].parse::<i64>().unwrap()).sum();
    assert_eq!((actions, stale), (2, 0), "{partners:?}");
    // Questionnaires: numbered short headers keep their answers.
    let answers = csv_rows(&out.join("data/answers.csv"));
    let answer = |id: &str, q: &str| answers.iter().find(|r| r[0] == id && r[2] == q).cloned().unwrap();
    assert_eq!(answer("R001", "q1")[3], "oui");
    assert_eq!(answer("R001", "q3")[7], "departement");
    assert_eq!(answer("R001", "q5")[4], "4");
    assert_eq!(answer("R001", "q6")[7], "Soutien en ligne");
    assert_eq!(answer("R002", "q5")[4], "2");
    // The wrong UAI check letter is found behind "N° UAI du collège" and "Collège (UAI)".
    let issues = issues(&out);
    let invalid: Vec<_> = issues.iter().filter(|i| i[5] == "invalid-uai").collect();
    assert_eq!(invalid.len(), 2, "{invalid:?}");
    assert!(invalid.iter().any(|i| i[0].ends_with("prets.csv") && i[2] == "4" && i[3] == "G"));
    assert!(invalid.iter().any(|i| i[0].ends_with("registre.csv") && i[2] == "3" && i[3] == "B"));
    // Every row accepted.
    let intake = csv_rows(&out.join("data/intake.csv"));
    assert!(intake.iter().all(|r| r[4] == r[3] && r[5] == "0"), "{intake:?}");
    // What was understood is in the report too, and names never are.
    let columns = std::fs::read_to_string(out.join("data/columns.csv")).unwrap();
    assert!(columns.contains("Restitué le,date_retour"), "{columns}");
    use calamine::{open_workbook, Reader, Xlsx};
    let mut workbook: Xlsx<_> = open_workbook(out.join("diagnostic.xlsx")).unwrap();
    let quality = workbook.worksheet_range("Qualité des données").unwrap();
    let row = quality.rows().find(|r| r.iter().any(|c| c.to_string() == "Restitué le")).expect("the quality sheet lists the columns");
    assert!(row.iter().any(|c| c.to_string() == "date_retour"), "{row:?}");
    for name in ["Léa", "Martin", "Garnier", "DUPONT", "Benali"] {
        assert!(!columns.contains(name) && !std::fs::read_to_string(out.join("data/issues.csv")).unwrap().contains(name), "{name}");
    }
}

#[test]
fn validate_says_what_each_column_was_read_as_and_why() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "prets.csv", LOANS);
    let out = veille(&["validate", "prets.csv"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Colonnes (en-tête ligne 2) :"), "{text}");
    let line = |letter: &str| text.lines().find(|l| l.trim_start().starts_with(&format!("{letter} "))).unwrap_or_else(|| panic!("{letter}: {text}")).to_string();
    assert!(line("B").contains("« Restitué le » → date_retour") && line("B").contains("valeurs : 2 dates sur 2"), "{}", line("B"));
    assert!(line("E").contains("« Nb » → quantite") && line("E").contains("valeurs : 3 nombres sur 3"), "{}", line("E"));
    assert!(line("D").contains("« Type d'équipement » → materiel") && line("D").contains("mots de l'en-tête : equipement"), "{}", line("D"));
    assert!(line("F").contains("→ beneficiaire"), "{}", line("F"));
    assert!(!text.contains("Léa") && !text.contains("Garnier"), "{text}");
    let json = veille(&["validate", "--json", "--lang", "en", "prets.csv"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let columns = &json["tables"][0]["columns"]["columns"];
    assert_eq!(columns[1]["field"], "date_retour");
    assert_eq!(columns[1]["header"], "Restitué le");
    assert!(columns[1]["confidence"].as_u64().unwrap() >= 80, "{columns}");
    assert!(columns[1]["why"].as_str().unwrap().contains("values: 2 dates of 2"), "{columns}");
}

const UNREAD: &str = "Date du prêt;Prêteur;Matériel;Rendu ?;Observations;Commune\n\
04/05/2020;CD91;Tablette;oui;RAS;Grigny\n\
05/05/2020;Mairie;Tablette;non;RAS;Grigny\n\
06/05/2020;CD91;Ordinateur;oui;à relancer;Grigny\n";

#[test]
fn an_unread_column_and_a_missing_figure_field_are_warnings_that_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "prets.csv", UNREAD);
    let out = veille(&["report", "prets.csv", "--out", "out", "--week", "2020-W20"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let issues = issues(&dir.path().join("out"));
    // "Rendu ?" holds oui/non, not dates: not read as the return date, but named as the nearest field.
    let rendu = issues.iter().find(|i| i[3] == "D" && i[5] == "extra-label").unwrap();
    assert_eq!(rendu[4], "warning");
    assert!(rendu[6].contains("date_retour") && rendu[6].contains("[colonnes.loans] \"Rendu ?\" = \"date_retour\""), "{}", rendu[6]);
    // No return date at all: the figure it affects is said.
    let missing = issues.iter().find(|i| i[5] == "missing-label").unwrap();
    assert_eq!(missing[4], "warning");
    assert!(missing[6].contains("tous ses appareils comptent comme encore prêtés"), "{}", missing[6]);
    // A comment column that matches no field is said too, as information.
    assert!(issues.iter().any(|i| i[3] == "E" && i[5] == "extra-label" && i[4] == "info"));
}

#[test]
fn the_user_has_the_last_word() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Date du prêt;Prêteur;Matériel;Colonne 4;Commune\n04/05/2020;CD91;Tablette;12/05/2020;Grigny\n05/05/2020;Mairie;Tablette;;Grigny\n06/05/2020;CD91;Ordinateur;;Grigny\n";
    write(dir.path(), "prets.csv", text);
    let outstanding = |out: &str| -> i64 { csv_rows(&dir.path().join(out).join("data/loans_by_commune.csv")).iter().map(|r| r[6].parse::<i64>().unwrap()).sum() };
    let run = |args: &[&str]| veille(args, dir.path());
    assert_eq!(run(&["report", "prets.csv", "--out", "a", "--week", "2020-W20"]).status.code(), Some(0));
    assert_eq!(outstanding("a"), 3, "one date only: the column is not placed on its values alone");
    // --colonne on the command line.
    assert_eq!(run(&["report", "prets.csv", "--out", "b", "--week", "2020-W20", "--colonne", "Colonne 4=date_retour"]).status.code(), Some(0));
    assert_eq!(outstanding("b"), 2);
    // [colonnes] in veille.toml.
    write(dir.path(), "veille.toml", "[colonnes.loans]\n\"Colonne 4\" = \"date_retour\"\n");
    assert_eq!(run(&["report", "prets.csv", "--out", "c", "--week", "2020-W20"]).status.code(), Some(0));
    assert_eq!(outstanding("c"), 2);
    // The command line wins over veille.toml.
    assert_eq!(run(&["report", "prets.csv", "--out", "d", "--week", "2020-W20", "--colonne", "Colonne 4=ignorer"]).status.code(), Some(0));
    assert_eq!(outstanding("d"), 3);
    // An unknown field is a clear error.
    let bad = run(&["validate", "prets.csv", "--colonne", "Colonne 4=date_retuor"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("champ inconnu « date_retuor »"));
    write(dir.path(), "veille.toml", "[colonnes.loans]\n\"Colonne 4\" = \"retour\"\n");
    let bad = run(&["validate", "prets.csv"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("date_retour"), "the message lists the fields");
}

#[test]
fn two_columns_for_one_field_name_both_and_the_one_kept() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "prets.csv", "Date du prêt;Matériel;Date de retour;Retour;Commune\n04/05/2020;Tablette;12/05/2020;14/05/2020;Grigny\n");
    let out = veille(&["report", "prets.csv", "--out", "out", "--week", "2020-W20"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let issues = issues(&dir.path().join("out"));
    let dup = issues.iter().find(|i| i[5] == "duplicate-label").unwrap();
    assert_eq!(dup[4], "warning");
    assert!(dup[6].contains("C « Date de retour »") && dup[6].contains("D « Retour »") && dup[6].contains("C est lue"), "{}", dup[6]);
}

#[test]
fn a_names_column_without_header_is_pseudonymised_and_a_txt_export_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Excel's "Texte (séparateur : tabulation)": a .txt file, tab-separated, Windows-1252.
    let text = "Colonne 1\tDate de signalement\tCommune\nLéa Martin\t04/05/2020\tGrigny\nTom Garnier\t05/05/2020\tGrigny\nInès Moreau\t06/05/2020\tGrigny\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    std::fs::write(dir.path().join("registre.txt"), bytes).unwrap();
    write(dir.path(), "notes.csv", "Réunion du 4 mai\nPoints divers\n");
    let out = veille(&["report", "registre.txt", "notes.csv", "--out", "out", "--week", "2020-W20"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lost = csv_rows(&dir.path().join("out/data/lost_contact_by_commune.csv"));
    assert_eq!(lost.iter().find(|r| r[0] == "91286").unwrap()[4], "3");
    let intake = csv_rows(&dir.path().join("out/data/intake.csv"));
    // A file with no table of a known kind: nothing read as data, and its one issue.
    let notes = intake.iter().find(|r| r[0].ends_with("notes.csv")).unwrap();
    assert_eq!(&notes[3..7], ["0", "0", "0", "0"]);
    let issues = issues(&dir.path().join("out"));
    assert_eq!(issues.iter().filter(|i| i[0].ends_with("notes.csv")).count(), 1);
    let all = walk_text(&dir.path().join("out"));
    for name in ["Léa", "Martin", "Garnier", "Moreau"] {
        assert!(!all.contains(name), "{name} in an output");
    }
}

fn walk_text(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&walk_text(&path));
        } else if path.extension().is_some_and(|e| e == "csv" || e == "json") {
            text.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    text
}

#[test]
fn names_under_a_free_text_header_are_never_read() {
    // "Quels élèves ?" should hold levels; this one holds names: the column is not read at all.
    let dir = tempfile::tempdir().unwrap();
    let text = "Commune;Q5 Combien d'élèves sans réponse ?;Quels élèves ?\nGrigny;2;Léa Martin\nGrigny;1;Tom Garnier\nGrigny;3;Inès Moreau\n";
    write(dir.path(), "questionnaires.csv", text);
    let out = veille(&["report", "questionnaires.csv", "--out", "out", "--week", "2020-W20"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let issues = issues(&dir.path().join("out"));
    let names = issues.iter().find(|i| i[3] == "C" && i[5] == "forbidden-column").unwrap();
    assert!(names[6].contains("noms de personnes"), "{}", names[6]);
    let all = walk_text(&dir.path().join("out"));
    for name in ["Léa", "Martin", "Garnier", "Moreau"] {
        assert!(!all.contains(name), "{name} in an output");
    }
    let lost = csv_rows(&dir.path().join("out/data/lost_contact_by_commune.csv"));
    assert_eq!(lost.iter().find(|r| r[0] == "91286").unwrap()[2], "6");
}
