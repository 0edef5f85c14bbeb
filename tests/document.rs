//! One document, rendered everywhere: every chart of the report is an SVG, a PNG, a picture in the PDF and
//! a native Excel chart on its section's sheet; and the end of the week is decided once, so that a
//! situation closed after Sunday counts the same per collège and per commune.

use calamine::{open_workbook, Data, Reader, Xlsx};
use std::io::Read;
use std::path::Path;
use std::process::Command;

fn report(args: &[&str], out: &Path, state: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_veille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("VEILLE_KEY", "cle-document")
        .arg("report")
        .args(args)
        .args(["--out", out.to_str().unwrap(), "--state", state.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

/// The native charts of a workbook: (sheet file, chart title) for each.
fn native_charts(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().filter_map(|n| n.ok().map(|n| n.to_string())).filter(|n| n.starts_with("xl/charts/chart")).collect();
    names
        .iter()
        .map(|n| {
            let mut xml = String::new();
            zip.by_name(n).unwrap().read_to_string(&mut xml).unwrap();
            // The title is the first text run of the chart.
            xml.split("<a:t>").nth(1).and_then(|t| t.split("</a:t>").next()).unwrap_or("").to_string()
        })
        .collect()
}

fn svg_titles(dir: &Path) -> Vec<String> {
    let mut titles: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "svg") && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("map_")))
        .map(|p| std::fs::read_to_string(&p).unwrap())
        .map(|svg| svg.split("<text").nth(1).and_then(|t| t.split('>').nth(1)).and_then(|t| t.split('<').next()).unwrap_or("").trim().to_string())
        .collect();
    titles.sort();
    titles
}

#[test]
fn every_chart_is_a_native_excel_chart_with_the_same_title() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    // Two weeks, so that the week-after-week chart exists too.
    report(&["sample_data", "--week", "2020-W20"], &tmp.path().join("w20"), &state);
    for audience in ["trio", "prefecture"] {
        let out = tmp.path().join(audience);
        report(&["sample_data", "--week", "2020-W21", "--audience", audience], &out, &state);
        let mut native = native_charts(&out.join("diagnostic.xlsx"));
        native.sort();
        let pictures = svg_titles(&out.join("charts"));
        assert!(pictures.len() >= 5, "{audience}: {pictures:?}");
        assert_eq!(native.len(), pictures.len(), "{audience}: one native chart per chart: {native:?} / {pictures:?}");
        // The SVG escapes its text; compare the titles through their first words.
        for (n, p) in native.iter().zip(&pictures) {
            assert_eq!(n.split(' ').next(), p.split(' ').next(), "{audience}");
        }
    }
    // The maps of the communes are pictures: an SVG and a PNG each, and an image in the workbook.
    for map in ["map_pupils_91", "map_inhabitants_91"] {
        assert!(tmp.path().join(format!("prefecture/charts/{map}.svg")).exists() && tmp.path().join(format!("prefecture/charts/{map}.png")).exists(), "{map}");
    }
    let zip = zip::ZipArchive::new(std::fs::File::open(tmp.path().join("prefecture/diagnostic.xlsx")).unwrap()).unwrap();
    assert_eq!(zip.file_names().filter(|n| n.as_ref().is_ok_and(|n| n.starts_with("xl/media/image"))).count(), 2, "the two maps as images");
    // The trio sees the loans by lender and the weeks; the préfecture does not.
    assert!(tmp.path().join("trio/charts/weeks.svg").exists() && tmp.path().join("trio/charts/loans_by_lender.svg").exists());
    assert!(!tmp.path().join("prefecture/charts/weeks.svg").exists() && !tmp.path().join("prefecture/charts/loans_by_lender.svg").exists());
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    range.get((row, col)).map(|d| d.to_string()).unwrap_or_default()
}

/// Two pupils of one collège; one situation was closed on Friday 22 May, after the Sunday of week 20.
const REGISTER: &str = "Élève;Établissement;Commune;Date de signalement;Adhésion de la famille;Statut;Date de clôture\n\
Lucie Exemple;0910971L;Viry-Châtillon;04/05/2020;oui;clos;22/05/2020\n\
Paul Exemple;0910971L;Viry-Châtillon;05/05/2020;oui;en cours;\n";

#[test]
fn a_situation_closed_after_sunday_counts_the_same_per_college_and_per_commune() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("registre.csv");
    std::fs::write(&input, REGISTER).unwrap();
    for (week, restored, in_progress) in [("2020-W20", "0", "2"), ("2020-W22", "1", "1")] {
        let out = tmp.path().join(week);
        report(&[input.to_str().unwrap(), "--week", week], &out, &tmp.path().join("state"));
        let csv = std::fs::read_to_string(out.join("data/lost_contact_by_commune.csv")).unwrap();
        let viry: Vec<&str> = csv.lines().find(|l| l.starts_with("91687")).unwrap().split(',').collect();
        assert_eq!((viry[6], viry[7]), (restored, in_progress), "{week}: per commune");
        let mut wb: Xlsx<_> = open_workbook(out.join("diagnostic.xlsx")).unwrap();
        let colleges = wb.worksheet_range("Collèges").unwrap();
        let row = (4..colleges.height()).find(|&r| cell(&colleges, r, 0) == "0910971L").unwrap();
        assert_eq!((cell(&colleges, row, 5), cell(&colleges, row, 6), cell(&colleges, row, 7)), ("2".into(), restored.into(), in_progress.into()), "{week}: per collège");
        // The pupils followed carry the status as of Sunday too.
        let followed = wb.worksheet_range("Suivi des élèves").unwrap();
        let statuses: Vec<String> = (4..followed.height()).map(|r| cell(&followed, r, 5)).collect();
        assert_eq!(statuses.iter().filter(|s| *s == "Clos").count(), restored.parse::<usize>().unwrap(), "{week}: {statuses:?}");
    }
}

/// Two rows of one pupil on the same day, in two files read in the opposite of their name order: the
/// latest row is chosen in one place, so the commune counts and the pupils followed name the same commune.
#[test]
fn the_latest_register_row_is_the_same_for_the_commune_counts_and_the_pupils_followed() {
    use veille::domain::{InseeCode, Pseudonym, RegisterStatus};
    use veille::normalize::{Normalized, RegisterEntry, Source};
    let row = |file: &str, insee: &str, status| RegisterEntry {
        source: Source { file: file.into(), sheet: "Registre".into(), row: 2 },
        pupil: Pseudonym::from_digest_hex("0123456789abcdef"),
        school: None,
        level: None,
        commune: InseeCode::parse(insee).unwrap(),
        arrondissement: None,
        reported_on: "2020-05-18".parse().unwrap(),
        family_consent: Some(true),
        status,
        closed_on: None,
        comment: None,
    };
    let data = Normalized { register: vec![row("b.xlsx", "91687", RegisterStatus::Renoue), row("a.xlsx", "91286", RegisterStatus::SansContact)], ..Default::default() };
    let week = "2020-W21".parse().unwrap();
    let followed = veille::aggregate::EndOfWeek::new(&data, week);
    let counted = veille::aggregate::aggregate(&data, week).unwrap();
    assert_eq!(followed.register.len(), 1);
    let chosen = followed.register[0].entry.commune.as_str();
    let with_pupils: Vec<(&str, i64, i64)> = counted.lost_contact.iter().filter(|r| r.register_pupils > 0).map(|r| (r.commune_insee.as_str(), r.register_pupils, r.restored)).collect();
    let restored = i64::from(followed.register[0].status == RegisterStatus::Renoue);
    assert_eq!(with_pupils, vec![(chosen, 1, restored)]);
}

/// Two communes each with a "Centre-ville": two places, each named with its commune; an action citing two
/// themes is one action.
const PARTNERS: &str = "Structure;Action;Thématique;Commune;Quartier;Statut;Mise à jour\n\
MJC;Aide aux devoirs;Soutien scolaire;Viry-Châtillon;Centre-ville;Présentiel;18/05/2020\n\
CCAS;Colis;Alimentaire;Grigny;Centre-ville;Présentiel;18/05/2020\n\
Médiathèque;Lecture et devoirs;Culture, Soutien scolaire;Viry-Châtillon;Centre-ville;Présentiel;18/05/2020\n";

#[test]
fn the_coverage_of_quartiers_keeps_the_communes_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("partenaires.csv");
    std::fs::write(&input, PARTNERS).unwrap();
    let out = tmp.path().join("out");
    report(&[input.to_str().unwrap(), "--week", "2020-W21"], &out, &tmp.path().join("state"));
    let mut wb: Xlsx<_> = open_workbook(out.join("diagnostic.xlsx")).unwrap();
    let range = wb.worksheet_range("Couverture").unwrap();
    let header = (0..range.height()).find(|&r| cell(&range, r, 0) == "Quartier").unwrap();
    let rows: Vec<(String, String, String)> = (header + 1..range.height()).map(|r| (cell(&range, r, 0), cell(&range, r, 1), cell(&range, r, 3))).filter(|r| !r.0.is_empty()).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!((rows[0].0.as_str(), rows[0].1.as_str(), rows[0].2.as_str()), ("Centre-ville (Grigny)", "1", ""));
    assert_eq!((rows[1].0.as_str(), rows[1].1.as_str()), ("Centre-ville (Viry-Châtillon)", "2"));
    assert!(rows[1].2.to_lowercase().contains("soutien scolaire"), "{rows:?}");
}
