//! `diagnostic.pdf`: A4 pages, every section, the key figures in its text (extracted with pdf-extract),
//! embedded fonts, page numbers; and every chart is a valid SVG and PNG.

use std::path::Path;
use std::process::Command;

fn report(out: &Path, state: &Path, week: &str, audience: &str) {
    let run = Command::new(env!("CARGO_BIN_EXE_veille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("VEILLE_KEY", "k")
        .args(["report", "sample_data", "--week", week, "--audience", audience, "--out"])
        .arg(out)
        .arg("--state")
        .arg(state)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

fn text_of(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    pdf_extract::extract_text_from_mem(&bytes).unwrap()
}

#[test]
fn the_pdf_holds_every_section_and_the_key_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    report(&tmp.path().join("w21"), &state, "2020-W21", "trio");
    report(&tmp.path().join("w22"), &state, "2020-W22", "trio");
    let text = text_of(&tmp.path().join("w22/diagnostic.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for section in ["Synthèse", "Questionnaire de la préfecture", "Élèves perdus de vue", "Prêts de matériel", "Partenaires", "Répertoire des dispositifs", "Couverture des quartiers", "Comparaison des communes", "Qualité des données", "Confidentialité"] {
        assert!(flat.contains(section), "section {section} missing");
    }
    assert!(flat.contains("semaine du 25 au 31 mai 2020"), "week label");
    // Key figures of week 22 (tests/golden_sample.rs derives them): 84 declared, 23 lent, 20 out; the
    // history holds week 21, so the change shows.
    for figure in ["84 (+15 depuis la semaine 21)", "23 (+5 depuis la semaine 21)", "20 (+3 depuis la semaine 21)"] {
        assert!(flat.contains(figure), "{figure} missing");
    }
    // Collèges with their education-priority flag, phones in display form in the directory.
    assert!(flat.contains("Collège Les Sablons") && flat.contains("REP+"), "collèges");
    assert!(flat.contains("01 69 12 34 56"), "phone in display form");
    assert!(flat.contains("Page 1 / ") && !flat.contains("Page 0"), "page numbers");
}

#[test]
fn the_prefecture_pdf_hides_what_the_csv_hides() {
    let tmp = tempfile::tempdir().unwrap();
    report(&tmp.path().join("p"), &tmp.path().join("state"), "2020-W22", "prefecture");
    let flat = text_of(&tmp.path().join("p/diagnostic.pdf")).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Non diffusé pour ce public"), "no per-collège counts");
    assert!(!flat.contains("Quelques réponses"), "no verbatims");
    assert!(flat.contains("Grigny 12 2 s s s s s"), "hidden cells shown as s: {flat}");
}

#[test]
fn the_pdf_is_a4_with_embedded_fonts() {
    let tmp = tempfile::tempdir().unwrap();
    report(&tmp.path().join("r"), &tmp.path().join("state"), "2020-W22", "trio");
    let doc = lopdf::Document::load(tmp.path().join("r/diagnostic.pdf")).unwrap();
    let pages = doc.get_pages();
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for id in pages.values() {
        let page = doc.get_dictionary(*id).unwrap();
        let media: Vec<f32> = page.get(b"MediaBox").unwrap().as_array().unwrap().iter().map(|v| v.as_float().unwrap()).collect();
        assert!((media[2] - 595.28).abs() < 0.1 && (media[3] - 841.89).abs() < 0.1, "A4: {media:?}");
    }
    let embedded = doc.objects.values().filter_map(|o| o.as_dict().ok()).filter(|d| d.has(b"FontFile2")).count();
    assert!(embedded >= 2, "regular and bold DejaVu embedded: {embedded}");
    let mut names: Vec<String> = std::fs::read_dir(tmp.path().join("r/charts"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".svg").map(str::to_string))
        .filter(|n| !n.starts_with("map_"))
        .collect();
    names.sort();
    assert_eq!(names, ["communes_ranked", "loans_by_lender", "lost_contact_by_commune", "partner_actions_by_status", "themes_cited", "yes_no_answers"]);
    // The maps of the communes, drawn at their own size.
    for map in ["map_inhabitants_91", "map_pupils_91"] {
        assert!(tmp.path().join(format!("r/charts/{map}.svg")).exists() && tmp.path().join(format!("r/charts/{map}.png")).exists(), "{map}");
    }
    for name in &names {
        let svg = std::fs::read_to_string(tmp.path().join(format!("r/charts/{name}.svg"))).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{name}.svg");
        let png = std::fs::read(tmp.path().join(format!("r/charts/{name}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}.png");
        assert_eq!(u32::from_be_bytes([png[16], png[17], png[18], png[19]]), 960, "{name}.png width");
        // The PNG's height is the SVG's: both drawn at the chart's own size.
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert!(svg.contains(&format!("height=\"{height}\"")), "{name}: PNG height {height}");
    }
}
