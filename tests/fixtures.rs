//! Files written by real producers (LibreOffice, LimeSurvey- and Google-Forms-shaped exports, broken files),
//! read through the whole intake. Every expected figure is worked out by hand from the rows of
//! `scripts/make_fixtures.py` or the CSV files themselves (the derivations are in the comments).

use std::path::PathBuf;
use veille::aggregate::aggregate;
use veille::commands::pipeline::{read_inputs, Intake};
use veille::domain::{Device, IsoWeek, Lender};
use veille::normalize::TableIntake;
use veille::privacy::Pseudonymizer;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

fn read(path: &str) -> Intake {
    read_inputs(&[fixture(path)], None, &Pseudonymizer::new(b"cle-de-test"), None)
}

fn table<'a>(intake: &'a Intake, sheet: &str) -> &'a TableIntake {
    intake.data.intake.iter().find(|t| t.sheet == sheet).unwrap_or_else(|| panic!("no table {sheet}"))
}

fn counts(t: &TableIntake) -> (usize, usize, usize, usize) {
    (t.rows_read, t.rows_accepted, t.rows_rejected, t.rows_ignored)
}

/// (row, column letter, code) of every issue of a sheet, sorted.
fn issues_of(intake: &Intake, sheet: &str) -> Vec<(Option<u32>, String, &'static str)> {
    let mut v: Vec<_> = intake
        .data
        .issues
        .iter()
        .filter(|i| i.location.sheet == sheet)
        .map(|i| (i.location.row, i.location.column.clone().unwrap_or_default(), i.code))
        .collect();
    v.sort();
    v
}

#[test]
fn libreoffice_loans_workbook_reads_the_same_in_xlsx_xls_and_ods() {
    for ext in ["xlsx", "xls", "ods"] {
        let intake = read(&format!("libreoffice/prets_grigny.{ext}"));
        // Rows 5–12 under the header of row 4: 5, 6, 7, 10 accepted; 11 rejected (no date);
        // 8 blank, 9 repeated header, 12 TOTAL ignored.
        assert_eq!(counts(table(&intake, "Prêts")), (8, 4, 1, 3), "{ext}");
        // The hidden sheet is read like the others; the register sheet beside the loans is a second kind.
        assert_eq!(counts(table(&intake, "Archive")), (2, 2, 0, 0), "{ext}");
        assert_eq!(counts(table(&intake, "Registre")), (3, 3, 0, 0), "{ext}");
        let e = |row: u32, col: &str, code: &'static str| (Some(row), col.to_string(), code);
        assert_eq!(
            issues_of(&intake, "Prêts"),
            vec![e(7, "E", "type-error"), e(8, "", "blank-row"), e(9, "", "repeated-header"), e(10, "E", "approximate-number"), e(11, "A", "constraint-error"), e(12, "", "total-row")],
            "{ext}"
        );
        let loans: Vec<_> = intake.data.loans.iter().filter(|l| &*l.source.sheet == "Prêts").collect();
        // =1/0 in row 7 is #DIV/0!: the quantity falls back to 1; "une dizaine" counts 10.
        assert_eq!(loans.iter().map(|l| l.quantity).collect::<Vec<_>>(), vec![2, 1, 1, 10], "{ext}");
        // Rows 5–7 share one merged "Grigny" cell (91286); row 10 is Viry-Châtillon (91687).
        let communes: Vec<&str> = loans.iter().map(|l| l.commune.as_str()).collect();
        assert_eq!(communes, vec!["91286", "91286", "91286", "91687"], "{ext}");
        assert_eq!(loans[1].lender, Lender::Commune);
        assert_eq!(loans[2].device, Device::Connexion);

        // Week 2020-W21 ends Sunday 24/05. Grigny lent 2+1+1 (Prêts) + 3+1 (Archive) = 8; returned by then:
        // row 6 (18/05, 1) and the archive's 3 tablets (04/05) = 4. Viry lent 10, none returned.
        let agg = aggregate(&intake.data, "2020-W21".parse::<IsoWeek>().unwrap()).unwrap();
        let commune = |insee: &str| agg.communes.iter().find(|c| c.insee == insee).unwrap().totals.clone();
        assert_eq!((commune("91286").devices_lent, commune("91286").devices_outstanding), (8, 4), "{ext}");
        assert_eq!((commune("91687").devices_lent, commune("91687").devices_outstanding), (10, 10), "{ext}");
        // "Tom Garnier" and "GARNIER Tom" are one pupil: 2 distinct pupils in the register.
        assert_eq!(agg.totals.register_pupils, 2, "{ext}");
    }
}

#[test]
fn form_layout_questionnaire_is_one_response() {
    for ext in ["xlsx", "ods"] {
        let intake = read(&format!("libreoffice/questionnaire_formulaire_grigny.{ext}"));
        assert_eq!(counts(table(&intake, "Questionnaire")), (1, 1, 0, 0), "{ext}");
        let r = &intake.data.responses[0];
        // "Commune : Grigny" on one line of its own.
        assert_eq!(r.commune.as_ref().map(|c| c.as_str()), Some("91286"));
        assert_eq!(r.structure.as_deref(), Some("Centre social des Tuileries"));
        assert_eq!(r.returned_at.map(|d| d.date().to_string()).as_deref(), Some("2020-05-20"));
        assert_eq!((r.q1_joint_work, r.q3_devices_lent), (Some(true), Some(true)));
        assert_eq!(r.q3_lenders, vec![Lender::Departement, Lender::Commune]);
        let q4 = r.q4_quantities.as_ref().unwrap();
        assert_eq!(q4.items, vec![(Device::Tablette, 6), (Device::Ordinateur, 2)]);
        let q5 = r.q5_no_answer.unwrap();
        assert_eq!((q5.value, q5.approximate), (12, true));
        assert!(r.q2_support.as_deref().unwrap().contains("\net visites"), "line break kept: {:?}", r.q2_support);
        assert_eq!(r.q9_summer.as_deref(), Some("Sorties à la base de loisirs"));
        // The approximate count is reported at its own cell: row 14, column B.
        assert_eq!(issues_of(&intake, "Questionnaire"), vec![(Some(14), "B".to_string(), "approximate-number")]);
    }
}

#[test]
fn libreoffice_csv_in_windows_1252_with_semicolons_and_line_breaks() {
    let intake = read("libreoffice/questionnaires_mjc.csv");
    assert_eq!(counts(table(&intake, "")), (2, 2, 0, 0));
    let r = &intake.data.responses;
    assert_eq!(r[0].structure.as_deref(), Some("MJC Aimé Césaire"));
    assert_eq!(r[0].q6_to_amplify.as_deref(), Some("Les ateliers d'écriture,\nà poursuivre"));
    // "5" and "aucun" (0): both count as answers.
    assert_eq!(r.iter().map(|r| r.q5_no_answer.map(|c| c.value)).collect::<Vec<_>>(), vec![Some(5), Some(0)]);
    assert!(r.iter().all(|r| r.commune.as_ref().map(|c| c.as_str()) == Some("91687")));
    assert_eq!(r[1].q3_lenders, vec![Lender::Region]);
}

#[test]
fn limesurvey_export_with_choice_columns_and_incomplete_responses() {
    let intake = read("exports/limesurvey_questionnaire.csv");
    // Response 13 is incomplete (LimeSurvey keeps it with N/A answers): ignored, not rejected.
    assert_eq!(counts(table(&intake, "")), (3, 2, 0, 1));
    let r = &intake.data.responses;
    // "6 - Par qui ? [Conseil départemental]" and "[Association]" ticked "Oui"; [Commune ou CCAS] empty.
    assert_eq!(r[0].q3_lenders, vec![Lender::Departement, Lender::Association]);
    assert_eq!(r[0].q5_no_answer.map(|c| (c.value, c.approximate)), Some((20, true)));
    // "3 en 6e et 2 en 5e" adds up to 5, exact; the N/A choices tick nothing.
    assert_eq!(r[1].q5_no_answer.map(|c| (c.value, c.approximate)), Some((5, false)));
    assert!(r[1].q3_lenders.is_empty());
    assert_eq!(r[1].q7_school_support, None, "N/A is a missing value");
    let codes: Vec<_> = intake.data.issues.iter().map(|i| i.code).collect();
    assert!(!codes.contains(&"type-error"), "N/A must not be a type error: {codes:?}");
}

#[test]
fn google_forms_export_keeps_the_latest_of_a_questionnaire_sent_twice() {
    let intake = read("exports/google_forms_questionnaire.csv");
    // Rows 2 and 4 come from the same address (and the same structure and commune): row 4, later, is kept.
    assert_eq!(counts(table(&intake, "")), (3, 2, 0, 1));
    let dup: Vec<_> = intake.data.issues.iter().filter(|i| i.code == "duplicate-response").collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].location.row, Some(2));
    let r = &intake.data.responses;
    assert_eq!(r.len(), 2);
    assert_eq!(r.iter().map(|r| r.q5_no_answer.map(|c| c.value)).collect::<Vec<_>>(), vec![Some(0), Some(18)]);
    assert_eq!(r[1].returned_at.map(|d| d.to_string()).as_deref(), Some("2020-05-21 09:40:00"));
    assert_eq!(r.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["R001", "R002"]);
}

#[test]
fn broken_files_become_issues_and_the_run_goes_on() {
    let intake = read("broken");
    let issue_of = |name: &str| {
        let i = intake.data.issues.iter().find(|i| i.location.file.ends_with(name)).unwrap();
        (i.code, i.location.row)
    };
    assert_eq!(issue_of("vide.xlsx"), ("source-error", None));
    assert_eq!(issue_of("tronque.xlsx"), ("source-error", None));
    assert_eq!(issue_of("export_web.xls"), ("format-error", None));
    assert_eq!(issue_of("compte_rendu.docx"), ("format-error", None));
    // A workbook renamed .csv: binary, not text.
    assert_eq!(issue_of("classeur_renomme.csv"), ("encoding-error", None));
    for name in ["vide.xlsx", "tronque.xlsx", "export_web.xls", "compte_rendu.docx", "classeur_renomme.csv"] {
        let t = intake.data.intake.iter().find(|t| t.file.ends_with(name)).unwrap();
        assert_eq!(counts(t), (0, 0, 0, 0), "{name}");
    }
    // The Windows-1252 CSV beside them is read: 2 loans, 2 + 1 devices ("1,0" is one); so is Excel's
    // "Texte Unicode" export (UTF-16 with tabs): 2 computers lent by the Région in Juvisy-sur-Orge (91326).
    let quantity = |file: &str| intake.data.loans.iter().filter(|l| l.source.file.ends_with(file)).map(|l| l.quantity).sum::<u32>();
    assert_eq!((quantity("prets_sans_bom_1252.csv"), quantity("prets_texte_unicode.txt")), (3, 2));
    let unicode = intake.data.loans.iter().find(|l| l.source.file.ends_with(".txt")).unwrap();
    assert_eq!((unicode.lender, unicode.commune.as_str()), (Lender::Region, "91326"));
    assert_eq!(intake.files, 7);
}

/// Every table of every fixture balances, and every rejected or ignored row has an issue on that row
/// (or, for a sheet that matched no kind, one issue for the sheet).
#[test]
fn nothing_is_lost_in_any_fixture() {
    let folders = ["libreoffice", "exports", "broken", "real-workbooks"];
    let mut paths: Vec<PathBuf> = folders.iter().map(|f| fixture(f)).collect();
    paths.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_data"));
    for path in paths {
        let intake = read_inputs(&[path.clone()], None, &Pseudonymizer::new(b"k"), None);
        for t in &intake.data.intake {
            assert!(t.balanced(), "{t:?}");
            let here = |i: &&veille::issues::Issue| i.location.file == t.file && i.location.sheet == t.sheet;
            let issues: Vec<_> = intake.data.issues.iter().filter(here).collect();
            if t.kind.is_none() {
                assert!(t.rows_ignored == 0 || issues.iter().any(|i| i.code == "unknown-table"), "{t:?}");
                continue;
            }
            let rows_with = |pred: &dyn Fn(&veille::issues::Issue) -> bool| {
                let mut rows: Vec<u32> = issues.iter().filter(|i| pred(i)).filter_map(|i| i.location.row).collect();
                rows.sort();
                rows.dedup();
                rows.len()
            };
            let rejected = rows_with(&|i| i.severity == veille::issues::Severity::Error && i.code != "missing-label");
            let ignored = rows_with(&|i| ["blank-row", "repeated-header", "total-row", "duplicate-response", "duplicate-row"].contains(&i.code));
            assert_eq!((rejected, ignored), (t.rows_rejected, t.rows_ignored), "{t:?}");
        }
    }
}

/// The real exports of `../shared/reference/form-exports` (not copied here: they carry no licence) show
/// the timestamp forms veille must read. CI has that folder; elsewhere the test says it skipped.
#[test]
fn timestamps_of_real_google_forms_and_limesurvey_exports_parse() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/form-exports");
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    for (file, column) in [("googleforms_direct_export_Mlisande.csv", "Horodateur"), ("limesurvey_fulltext_export_andreldm_head.csv", "Date submitted")] {
        let mut reader = csv::Reader::from_path(dir.join(file)).unwrap();
        let col = reader.headers().unwrap().iter().position(|h| h == column).unwrap();
        let mut parsed = 0;
        for record in reader.records() {
            let value = record.unwrap()[col].to_string();
            if value.is_empty() {
                continue;
            }
            assert!(veille::normalize::parse_datetime_text(&value).is_some(), "{file}: {value}");
            parsed += 1;
        }
        assert!(parsed >= 2, "{file}: {parsed} timestamps");
    }
}
