//! `veille init` and `veille template`, then the round trip: each blank workbook is filled the way a
//! person fills it (cells typed into the template's own sheet, every validation and protection kept) and
//! `veille report` reads the filled files with zero issues and the figures worked out below.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output};
use veille::templates::choices;

fn veille(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veille")).current_dir(cwd).env("VEILLE_KEY", "cle-de-test").args(args).output().unwrap()
}

/// A typed value: text, or a number (dates as Excel serials, as Excel stores them).
enum V {
    T(&'static str),
    N(f64),
}

fn cell_xml(reference: &str, style: Option<&str>, value: &V) -> String {
    let s = style.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
    match value {
        V::T(t) => format!("<c r=\"{reference}\"{s} t=\"inlineStr\"><is><t>{t}</t></is></c>"),
        V::N(n) => format!("<c r=\"{reference}\"{s}><v>{n}</v></c>"),
    }
}

fn column(index: usize) -> String {
    veille::issues::column_letter(index)
}

/// Rewrites `xl/worksheets/sheet1.xml` of a package with `edit`, copying every other part unchanged.
fn fill(template: &Path, filled: &Path, edit: impl Fn(String) -> String) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(template).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(filled).unwrap());
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

/// Appends rows below the header (row 3) of a table template.
fn fill_rows(template: &Path, filled: &Path, rows: &[Vec<V>]) {
    fill(template, filled, |xml| {
        let mut new_rows = String::new();
        for (i, row) in rows.iter().enumerate() {
            let r = 4 + i;
            let cells: String = row.iter().enumerate().map(|(c, v)| cell_xml(&format!("{}{r}", column(c)), None, v)).collect();
            new_rows.push_str(&format!("<row r=\"{r}\">{cells}</row>"));
        }
        xml.replace("</sheetData>", &format!("{new_rows}</sheetData>"))
    });
}

/// Types answers into column B of the form, next to the question labels of column A.
fn fill_form(template: &Path, filled: &Path, answers: &[(&str, V)]) {
    fill(template, filled, |mut xml| {
        for (reference, value) in answers {
            let blank = regex_lite_find(&xml, reference);
            let (start, end, style) = blank.unwrap_or_else(|| panic!("no blank cell {reference}"));
            xml.replace_range(start..end, &cell_xml(reference, Some(&style), value));
        }
        xml
    });
}

/// Finds `<c r="B7" s="5"/>`: its span and style.
fn regex_lite_find(xml: &str, reference: &str) -> Option<(usize, usize, String)> {
    let start = xml.find(&format!("<c r=\"{reference}\" s=\""))?;
    let end = start + xml[start..].find("/>")? + 2;
    let style = xml[start..end].split("s=\"").nth(1)?.split('"').next()?.to_string();
    Some((start, end, style))
}

fn label(kind: &str, fr: &str) -> &'static str {
    let fold = veille::text::fold;
    choices(kind).unwrap().into_iter().find(|l| fold(l).contains(&fold(fr))).unwrap_or_else(|| panic!("{kind}: no {fr}"))
}

#[test]
fn init_twice_changes_nothing_and_keeps_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("cellule");
    let first = Command::new(env!("CARGO_BIN_EXE_veille")).args(["init", ws.to_str().unwrap(), "--commune", "91687"]).output().unwrap();
    assert!(first.status.success());
    let key = std::fs::read(ws.join(".veille/key")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(ws.join(".veille/key")).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let config = veille::config::Config::load(&ws).unwrap();
    assert_eq!(config.default_commune().map(|c| c.to_string()).as_deref(), Some("91687"));
    assert_eq!((config.min_count, config.retention_days), (5, 365));
    assert_eq!(std::fs::read_dir(ws.join("templates")).unwrap().count(), 5);
    let second = Command::new(env!("CARGO_BIN_EXE_veille")).args(["init", ws.to_str().unwrap()]).output().unwrap();
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("Rien n'a changé"));
    assert_eq!(std::fs::read(ws.join(".veille/key")).unwrap(), key, "the key is never overwritten");
}

#[test]
fn filled_templates_read_back_with_zero_issues() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = veille(root, &["template", "--out", "templates", "--commune", "Viry-Châtillon"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (t, f) = (root.join("templates"), root.join("remplis"));
    std::fs::create_dir_all(&f).unwrap();
    let yes = label("boolean", "oui");
    let no = label("boolean", "non");
    use V::{N, T};
    // Serials: 43967 = 16/05/2020 … 43972 = 21/05/2020; week 2020-W21 ends Sunday 24/05.
    fill_rows(&t.join("questionnaire.xlsx"), &f.join("questionnaire.xlsx"), &[
        vec![N(43969.0), T("Viry-Châtillon"), T("MJC Les Passerelles"), T("Animatrice"), T("mjc@exemple.fr"), T(yes), T("Devoirs partagés avec le collège"), T("Appels aux familles"), T(yes), T(label("lenders", "commune")), T("5 tablettes"), N(7.0), T("6e"), T("Ateliers"), T("Soutien en juillet"), T("Clés 4G"), T("Stages sportifs")],
        vec![N(43971.0), T("Grigny"), T("CCAS de Grigny"), T("Directrice"), T("ccas@exemple.fr"), T(no), T(""), T("Colis"), T(no), T(""), T(""), N(0.0), T(""), T(""), T(""), T(""), T("")],
    ]);
    fill_form(&t.join("questionnaire_formulaire.xlsx"), &f.join("questionnaire_formulaire.xlsx"), &[
        ("B4", N(43972.0)), ("B6", T("Association Réussir")), ("B7", T("Bénévole")), ("B10", T(yes)), ("B11", T("Tutorat")),
        ("B12", T("Soutien à distance")), ("B13", T(yes)), ("B14", T(label("lenders", "département"))), ("B15", T("4 ordinateurs")), ("B16", N(3.0)),
    ]);
    fill_rows(&t.join("disponibilites_partenaires.xlsx"), &f.join("disponibilites_partenaires.xlsx"), &[
        vec![T("MJC Les Passerelles"), T("Aide aux devoirs"), T("soutien scolaire"), T("collégiens"), T("Les Coteaux"), T("Viry-Châtillon"), T("Accueil MJC"), T("01 69 12 34 56"), T("accueil@mjc.example"), T(label("partner-status", "à distance")), T("lundi et jeudi"), N(43970.0)],
        vec![T("CCAS"), T("Colis alimentaires"), T("alimentaire"), T("familles"), T("Centre"), T("Viry-Châtillon"), T(""), T("0169000000"), T(""), T(label("partner-status", "suspendu")), T(""), N(43971.0)],
    ]);
    fill_rows(&t.join("prets_materiel.xlsx"), &f.join("prets_materiel.xlsx"), &[
        vec![N(43967.0), T(""), T(label("lender", "département")), T(label("device", "tablette")), N(2.0), T("Camille Durandet"), T("0910971L"), T("5e"), T("Viry-Châtillon")],
        vec![N(43970.0), N(43972.0), T(label("lender", "commune")), T(label("device", "ordinateur")), N(1.0), T("Hugo Lefortin"), T("Collège Les Sablons"), T("4e"), T("Viry-Châtillon")],
    ]);
    fill_rows(&t.join("registre_perdus_de_vue.xlsx"), &f.join("registre_perdus_de_vue.xlsx"), &[
        vec![T("Camille Durandet"), T("0910971L"), T("5e"), T("Viry-Châtillon"), N(43960.0), T(yes), T("CPE"), T(label("register-status", "renoué")), T(""), T("Contact repris par téléphone")],
        vec![T("Nina Moreaux"), T("0910056S"), T("6e"), T("Viry-Châtillon"), N(43962.0), T(yes), T("CPE"), T(label("register-status", "sans contact")), T(""), T("")],
    ]);

    let report = veille(root, &["report", "remplis", "--week", "2020-W21", "--out", "rapport", "--state", "etat"]);
    assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
    let issues = std::fs::read_to_string(root.join("rapport/data/issues.csv")).unwrap();
    assert_eq!(issues.lines().count(), 1, "zero issues expected:\n{issues}");
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root.join("rapport/summary.json")).unwrap()).unwrap();
    let t = &summary["totals"];
    // 3 questionnaires (2 rows + the form); declared 7 + 0 + 3 = 10; 2 pupils in the register; 2 + 1 devices
    // lent, the computer returned on 21/05 → 2 out; 2 actions, 1 suspended.
    let figures: Vec<i64> = ["responses", "lost_contact_declared", "register_pupils", "devices_lent", "devices_outstanding", "partner_actions", "partner_actions_suspended"]
        .iter()
        .map(|k| t[k].as_i64().unwrap())
        .collect();
    assert_eq!(figures, vec![3, 10, 2, 3, 2, 2, 1]);
    assert_eq!(summary["inputs"]["rows_rejected"], 0);
    assert_eq!(summary["inputs"]["rows_accepted"], 9);
}
