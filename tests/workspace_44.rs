//! A cellule in Loire-Atlantique (44), set up as a new user would (`veille init --departement 44`), and an
//! Essonne cellule whose files still say Évry, Courcouronnes or Méréville: read end to end by `veille report`.
//! Communes, collèges and écoles are real (the national files); people are invented. Every figure below is
//! worked out by hand from the rows written here.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn veille(dir: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(dir).env_remove("VEILLE_KEY").args(args).output().unwrap();
    assert!(output.status.success(), "veille {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

/// (commune_insee, lender, device) → (lent, returned, outstanding), from loans_by_commune.csv.
fn loans(out: &Path) -> Vec<(String, String, String, i64, i64, i64)> {
    let n = |s: &str| s.parse::<i64>().unwrap();
    let mut all: Vec<_> = csv_rows(&out.join("data/loans_by_commune.csv"))
        .into_iter()
        .map(|r| (r[0].clone(), r[2].clone(), r[3].clone(), n(&r[4]), n(&r[5]), n(&r[6])))
        .collect();
    all.sort();
    all
}

/// Issues as (row, column, severity, code).
fn issues(out: &Path, file: &str) -> Vec<(String, String, String, String)> {
    csv_rows(&out.join("data/issues.csv")).into_iter().filter(|i| i[0].ends_with(file)).map(|i| (i[2].clone(), i[3].clone(), i[4].clone(), i[5].clone())).collect()
}

fn has(issues: &[(String, String, String, String)], row: &str, severity: &str, code: &str) -> bool {
    issues.iter().any(|(r, _, s, k)| r == row && s == severity && k == code)
}

const LOANS_44: &str = "\
Date du prêt;Date de retour;Prêteur;Matériel;Quantité;Bénéficiaire;Établissement scolaire;Niveau;Commune
18/05/2020;;Conseil départemental;Tablette;3;Alice Martin;0440284V;5e;Nantes
19/05/2020;;Ville;Ordinateur;2;Bruno Petit;Collège Anne Frank;4e;St Herblain
19/05/2020;22/05/2020;Ville;Ordinateur;1;Chloé Durand;;6e;44800
20/05/2020;;Département;Tablette;1;David Roux;;3e;Le Clion-sur-Mer
20/05/2020;;Département;Tablette;2;Emma Leroy;;5e;Chéméré
21/05/2020;;Ville;Clé 4G;1;Farid Benali;;4e;Saint-Herblainn
21/05/2020;;Ville;Tablette;1;Gaëlle Morel;;6e;Ligné
22/05/2020;;Ville;Tablette;4;Hugo Blanc;;6e;Viry-Châtillon
22/05/2020;;Ville;Tablette;1;Inès Faure;;6e;Nulle-Part-sur-Loire
22/05/2020;;Ville;Ordinateur;1;Jules Girard;0441000Y;2nde;Rezé
";

const REGISTER_44: &str = "\
Élève;Établissement scolaire;Niveau;Commune;Date de signalement;Adhésion de la famille;Statut
Karim Diallo;0440284V;5e;;18/05/2020;oui;Signalé
Léa Bonnet;Collège Anne Frank;4e;Saint-Herblain;19/05/2020;oui;Renoué
Marc Perrin;Collège Stendhal;3e;Nantes;20/05/2020;non;Sans contact
Nina Robin;École Joli Mai;CM2;;21/05/2020;oui;En cours
";

#[test]
fn a_loire_atlantique_workspace_counts_every_row_under_the_right_commune() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("cellule44");
    veille(tmp.path(), &["init", "cellule44", "--departement", "44"]);
    let toml = std::fs::read_to_string(ws.join("veille.toml")).unwrap();
    assert!(toml.contains("territoire = [\"44\"]"), "{toml}");
    std::fs::write(ws.join("entrees/prets_nantes.csv"), LOANS_44).unwrap();
    std::fs::write(ws.join("entrees/registre_44.csv"), REGISTER_44).unwrap();
    veille(&ws, &["report", "entrees", "--out", "out"]);
    let out = ws.join("out");

    // Loans: Nantes by name; Saint-Herblain as "St Herblain" (2), by postal code 44800 (1, returned on the
    // 22nd) and as the typo "Saint-Herblainn" (a 4G key; "Saint-Herblin" would be as close to Saint-Herblon, a commune déléguée of Vair-sur-Loire, hence ambiguous); Le Clion-sur-Mer is now Pornic (44131); Chéméré a
    // commune déléguée of Chaumes-en-Retz (44005); Ligné is 44082, never Charente's 16185; the lycée UAI
    // 0441000Y is in no reference file and its row counts for Rezé. Viry-Châtillon (outside) and a commune
    // that does not exist are rejected.
    let s = |v: &str| v.to_string();
    assert_eq!(
        loans(&out),
        vec![
            (s("44005"), s("departement"), s("tablette"), 2, 0, 2),
            (s("44082"), s("commune"), s("tablette"), 1, 0, 1),
            (s("44109"), s("departement"), s("tablette"), 3, 0, 3),
            (s("44131"), s("departement"), s("tablette"), 1, 0, 1),
            (s("44143"), s("commune"), s("ordinateur"), 1, 0, 1),
            (s("44162"), s("commune"), s("connexion"), 1, 0, 1),
            (s("44162"), s("commune"), s("ordinateur"), 3, 1, 2),
        ]
    );
    let intake = csv_rows(&out.join("data/intake.csv"));
    let loans_intake = intake.iter().find(|r| r[0].ends_with("prets_nantes.csv")).unwrap();
    assert_eq!(loans_intake[2..].to_vec(), vec!["loans", "10", "8", "2", "0"]);
    let loan_issues = issues(&out, "prets_nantes.csv");
    assert!(has(&loan_issues, "5", "info", "former-commune"), "{loan_issues:?}");
    assert!(has(&loan_issues, "6", "info", "delegated-commune"), "{loan_issues:?}");
    assert!(has(&loan_issues, "7", "warning", "commune-typo"), "{loan_issues:?}");
    assert!(has(&loan_issues, "9", "error", "commune-outside"), "{loan_issues:?}");
    assert!(has(&loan_issues, "10", "error", "unknown-commune"), "{loan_issues:?}");
    assert!(has(&loan_issues, "11", "info", "unknown-school"), "{loan_issues:?}");
    assert!(!loan_issues.iter().any(|(r, _, _, _)| r == "2" || r == "3" || r == "4" || r == "8"), "rows 2-4 and 8 read as written: {loan_issues:?}");

    // Register: Karim (Collège Stendhal by UAI → Nantes), Marc (Nantes, no consent, sans contact); Léa
    // (Saint-Herblain, renoué), Nina (École Joli Mai, whose commune is Saint-Herblain).
    let lost = csv_rows(&out.join("data/lost_contact_by_commune.csv"));
    let pupils = |insee: &str| {
        let r = lost.iter().find(|r| r[0] == insee).unwrap_or_else(|| panic!("{insee} missing from {lost:?}"));
        r[4..9].to_vec()
    };
    assert_eq!(pupils("44109"), vec!["2", "1", "0", "1", "1"], "register, consent, restored, in progress, no contact");
    assert_eq!(pupils("44162"), vec!["2", "2", "1", "1", "0"]);
    let register_intake = intake.iter().find(|r| r[0].ends_with("registre_44.csv")).unwrap();
    assert_eq!(register_intake[2..].to_vec(), vec!["register", "4", "4", "0", "0"]);

    let summary: Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["week"], "2020-W21");
    assert_eq!(summary["totals"]["devices_lent"], 12);
    assert_eq!(summary["totals"]["devices_outstanding"], 11);
    assert_eq!(summary["totals"]["register_pupils"], 4);
    let names: Vec<&str> = summary["communes"].as_array().unwrap().iter().filter_map(|c| c["name"].as_str()).collect();
    assert!(names.contains(&"Chaumes-en-Retz") && names.contains(&"Saint-Herblain"), "{names:?}");
}

const LOANS_91: &str = "\
Date du prêt;Prêteur;Matériel;Quantité;Bénéficiaire;Commune
11/05/2020;Ville;Tablette;1;Anne Caron;Évry
11/05/2020;Ville;Tablette;2;Basile Noël;Courcouronnes
12/05/2020;Ville;Tablette;1;Céline Marchand;91182
12/05/2020;Ville;Ordinateur;1;Denis Lemaire;Méréville
13/05/2020;Ville;Ordinateur;1;Elsa Guérin;ESTOUCHES
13/05/2020;Ville;Ordinateur;1;Fabien Roy;Juvisy sur Orges
14/05/2020;Ville;Ordinateur;1;Gilles Muller;Saclax
";

#[test]
fn former_names_in_essonne_count_under_todays_communes_without_any_configuration() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("prets_evry.csv"), LOANS_91).unwrap();
    veille(tmp.path(), &["report", "prets_evry.csv", "--out", "out"]);
    let out = tmp.path().join("out");
    let s = |v: &str| v.to_string();
    // Évry (1) + Courcouronnes (2) + its former code 91182 (1) = 4 tablets in Évry-Courcouronnes; Méréville
    // and Estouches = 2 computers in Le Mérévillois; the typo counts for Juvisy-sur-Orge; "Saclax" is as
    // close to Saclas as to Saclay: rejected as ambiguous.
    assert_eq!(
        loans(&out),
        vec![
            (s("91228"), s("commune"), s("tablette"), 4, 0, 4),
            (s("91326"), s("commune"), s("ordinateur"), 1, 0, 1),
            (s("91390"), s("commune"), s("ordinateur"), 2, 0, 2),
        ]
    );
    let found = issues(&out, "prets_evry.csv");
    assert!(has(&found, "8", "error", "ambiguous-commune"), "{found:?}");
    let intake = csv_rows(&out.join("data/intake.csv"));
    assert_eq!(intake[0][2..].to_vec(), vec!["loans", "7", "6", "1", "0"]);
}

const REGISTER_75: &str = "\
Élève;Niveau;Commune;Date de signalement;Adhésion de la famille;Statut
Olga Petit;5e;Paris 15e;18/05/2020;oui;Signalé
Paul Martin;4e;75118;19/05/2020;oui;Renoué
Rita Blanc;3e;Paris;20/05/2020;oui;En cours
Sami Noel;6e;Lyon 3ème;20/05/2020;oui;En cours
";

const PARTNERS_75: &str = "\
Structure;Action;Thématique;Commune;Quartier;Statut;Mise à jour
MJC Brancion;Aide aux devoirs;Soutien scolaire;Paris 15e;;Présentiel;18/05/2020
Centre social;Prêt de livres;Culture;Paris;Belleville;Présentiel;18/05/2020
";

const QUESTIONNAIRES_75: &str = "\
Horodateur,Commune,Structure,Q3. Du matériel informatique a-t-il été prêté ?,Q5. Combien d'élèves n'ont pas répondu aux sollicitations ?
2020/05/18 10:12:00 AM UTC+2,Paris 15e,MJC Brancion,Oui,4
2020/05/19 11:00:00 AM UTC+2,Paris,Centre social,Non,aucun
";

/// The rows of a sheet of the workbook, from its header on (row 3 holds the week, row 4 the header).
fn sheet_rows(out: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(out.join("diagnostic.xlsx")).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

#[test]
fn a_paris_cellule_counts_arrondissements_under_the_city_and_keeps_them_where_a_table_has_room() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("paris");
    veille(tmp.path(), &["init", "paris", "--departement", "75"]);
    std::fs::write(ws.join("entrees/registre_paris.csv"), REGISTER_75).unwrap();
    std::fs::write(ws.join("entrees/partenaires_paris.csv"), PARTNERS_75).unwrap();
    std::fs::write(ws.join("entrees/questionnaires_paris.csv"), QUESTIONNAIRES_75).unwrap();
    veille(&ws, &["report", "entrees", "--out", "out", "--week", "2020-W21"]);
    let out = ws.join("out");
    // Three pupils in Paris (the 15e, the 18e by its code, the city itself); Lyon is outside the territory.
    let lost = csv_rows(&out.join("data/lost_contact_by_commune.csv"));
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert_eq!((lost[0][0].as_str(), lost[0][4].as_str()), ("75056", "3"));
    let found = issues(&out, "registre_paris.csv");
    assert!(has(&found, "2", "info", "municipal-arrondissement") && has(&found, "3", "info", "municipal-arrondissement"), "{found:?}");
    assert!(has(&found, "5", "error", "commune-outside"), "{found:?}");
    // answers.csv keeps the arrondissement of the questionnaire from the 15e in its last column.
    let answers = csv_rows(&out.join("data/answers.csv"));
    let kept: Vec<(&str, &str, &str)> = answers.iter().map(|r| (r[0].as_str(), r[1].as_str(), r[8].as_str())).collect();
    assert_eq!(kept, vec![("R001", "75056", "75115"), ("R001", "75056", "75115"), ("R002", "75056", ""), ("R002", "75056", "")]);
    // The register as the trio follows it keeps each pupil's arrondissement in its last column.
    let followed = sheet_rows(&out, "Suivi des élèves");
    let header = followed.iter().position(|r| r.iter().any(|c| c == "Élève (pseudonyme)")).unwrap();
    assert_eq!(followed[header].last().map(String::as_str), Some("Arrondissement (code INSEE)"));
    let mut kept: Vec<String> = followed[header + 1..].iter().map(|r| r.last().cloned().unwrap_or_default()).collect();
    kept.sort();
    assert_eq!(kept, vec!["", "75115", "75118"]);
    // The répertoire names the arrondissement where the sheet gives no quartier.
    let directory = sheet_rows(&out, "Répertoire");
    let places: Vec<&str> = directory.iter().filter(|r| r.len() > 3 && r[1] != "Structure").map(|r| r[3].as_str()).filter(|p| !p.is_empty()).collect();
    assert!(places.contains(&"Paris 15e Arrondissement") && places.contains(&"Belleville"), "{directory:?}");
}
