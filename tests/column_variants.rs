//! The header-variant matrix: for every field that feeds a figure, many wordings nobody taught veille as
//! such (suffixes, parentheses, abbreviations, numbering, word order, a header missing). Each variant
//! replaces one header of a base table; the table must be read with every column on its own field and
//! give the base table's figures, and no column may ever land on another field (a wrong placement is
//! worse than none). The matrix's size and score are printed (`cargo test --release --test
//! column_variants -- --nocapture`).

mod common;

use common::variants::{base_tables, variants, BaseTable, Figures};
use veille::detect::detect;
use veille::ingest::{Cell, RawTable};
use veille::normalize::{NormalizeOptions, Normalized};
use veille::privacy::Pseudonymizer;

fn raw(headers: &[String], rows: &[Vec<&str>]) -> RawTable {
    let text = |s: &str| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) };
    let mut all = vec![vec![Cell::Text("Cellule de veille – suivi hebdomadaire".into())], headers.iter().map(|h| text(h)).collect()];
    all.extend(rows.iter().map(|r| r.iter().map(|c| text(c)).collect()));
    RawTable { file: "variante.xlsx".into(), sheet: "Feuil1".into(), first_row: 1, first_col: 0, rows: all }
}

/// Reads one table as `veille report` would, and returns its figures, or why it could not.
fn read(base: &BaseTable, headers: &[String]) -> Result<(Vec<(usize, &'static str)>, Figures), String> {
    let table = raw(headers, &base.rows);
    let found = detect(&table, None).ok_or("no table detected")?;
    if found.kind != base.kind {
        return Err(format!("read as {:?}", found.kind));
    }
    let pseudonymizer = Pseudonymizer::new(b"cle-de-test");
    let pseudonymize = |n: &str| pseudonymizer.pseudonym(n);
    let mut data = Normalized::default();
    let territory = veille::reference::Territory::default();
    data.add_table(&table, &found, &NormalizeOptions { pseudonymize: &pseudonymize, default_commune: None, territory: &territory });
    Ok((found.columns.clone(), Figures::of(&data)))
}

#[test]
fn every_variant_is_read_into_its_field_and_gives_the_same_figures() {
    let (mut total, mut right, mut wrong) = (0, 0, 0);
    let mut failures = Vec::new();
    for base in base_tables() {
        let base_headers: Vec<String> = base.fields.iter().map(|(_, h)| h.to_string()).collect();
        let (placed, expected) = read(&base, &base_headers).expect("the base table reads");
        assert_eq!(placed.len(), base.fields.len(), "{:?}: every base column placed: {placed:?}", base.kind);
        for (field, wordings) in variants(base.kind) {
            let col = base.fields.iter().position(|(f, _)| *f == field).expect("variant of a base field");
            for wording in wordings {
                total += 1;
                let mut headers = base_headers.clone();
                headers[col] = wording.to_string();
                match read(&base, &headers) {
                    Ok((placed, figures)) => {
                        let misplaced: Vec<_> = placed.iter().filter(|(c, f)| base.fields[*c].0 != *f).collect();
                        wrong += misplaced.len();
                        let ok = misplaced.is_empty() && placed.contains(&(col, field)) && figures == expected;
                        if ok {
                            right += 1;
                        } else {
                            failures.push(format!("{:?} {field} ← «{wording}»: placed {placed:?}, misplaced {misplaced:?}, figures {}", base.kind, if figures == expected { "same" } else { "differ" }));
                        }
                    }
                    Err(e) => failures.push(format!("{:?} {field} ← «{wording}»: {e}", base.kind)),
                }
            }
        }
    }
    println!("variant matrix: {total} variants, {right} read into the right field with the right figures, {wrong} wrong placements");
    assert_eq!(wrong, 0, "wrong placements:\n{}", failures.join("\n"));
    assert!(failures.is_empty(), "{} of {total} variants not read right:\n{}", failures.len(), failures.join("\n"));
    assert!(total >= 300, "the matrix holds {total} variants");
}

#[test]
fn every_figure_field_has_at_least_eight_wordings() {
    for base in base_tables() {
        for (field, wordings) in variants(base.kind) {
            assert!(wordings.len() >= 8, "{:?} {field}: {} wordings", base.kind, wordings.len());
        }
    }
}

#[test]
fn a_column_whose_header_says_nothing_is_placed_by_its_values() {
    // One header at a time made blank or a placeholder: the column's values alone must place it.
    let value_only: &[(&str, &[&str])] = &[
        ("loans", &["etablissement", "preteur", "materiel", "commune", "beneficiaire"]),
        ("register", &["adhesion_famille", "statut", "etablissement", "eleve", "commune"]),
        ("partners", &["statut", "mise_a_jour", "telephone", "courriel", "commune"]),
        ("questionnaire", &["commune", "horodatage"]),
    ];
    let mut count = 0;
    for base in base_tables() {
        let base_headers: Vec<String> = base.fields.iter().map(|(_, h)| h.to_string()).collect();
        let (_, expected) = read(&base, &base_headers).unwrap();
        let fields = value_only.iter().find(|(k, _)| *k == base.kind.as_str()).map(|(_, f)| *f).unwrap();
        for field in fields {
            let col = base.fields.iter().position(|(f, _)| f == field).unwrap();
            for placeholder in ["", "Colonne 7", "Unnamed: 3"] {
                count += 1;
                let mut headers = base_headers.clone();
                headers[col] = placeholder.to_string();
                let (placed, figures) = read(&base, &headers).unwrap_or_else(|e| panic!("{field} «{placeholder}»: {e}"));
                assert!(placed.contains(&(col, *field)), "{:?} {field} «{placeholder}»: {placed:?}", base.kind);
                assert_eq!(figures, expected, "{:?} {field} «{placeholder}»", base.kind);
            }
        }
    }
    println!("value-only columns: {count} placed");
}

#[test]
fn a_decoy_column_is_never_placed_and_changes_no_figure() {
    // Columns that look like a field but are not one: a planned return date, a birth date, a row number,
    // a parent's phone number in a loans list, a creation date beside an availability sheet.
    let decoys: &[(&str, &str, &[&str])] = &[
        ("loans", "Date de retour prévue", &["30/06/2020", "30/06/2020", "30/06/2020", "30/06/2020"]),
        ("loans", "Date de naissance", &["12/03/2008", "01/09/2009", "23/11/2007", "05/05/2010"]),
        ("loans", "N°", &["1", "2", "3", "4"]),
        ("loans", "Observations", &["RAS", "", "à relancer", "RAS"]),
        ("register", "Date de naissance", &["12/03/2008", "01/09/2009", "23/11/2007", "05/05/2010"]),
        ("register", "Téléphone des parents", &["06 12 34 56 78", "0169000000", "", "07 11 22 33 44"]),
        ("partners", "Date de création", &["01/01/1998", "15/06/2005", "01/09/2012"]),
        ("partners", "Capacité d'accueil", &["12", "30", "8"]),
        ("questionnaire", "Nombre de salariés", &["12", "40", "7"]),
        ("questionnaire", "Téléphone", &["01 69 12 34 56", "", "06 12 34 56 78"]),
    ];
    for (kind, header, values) in decoys {
        let base = base_tables().into_iter().find(|b| b.kind.as_str() == *kind).unwrap();
        let mut headers: Vec<String> = base.fields.iter().map(|(_, h)| h.to_string()).collect();
        let (_, expected) = read(&base, &headers).unwrap();
        headers.push(header.to_string());
        let rows: Vec<Vec<&str>> = base.rows.iter().zip(values.iter()).map(|(r, v)| r.iter().copied().chain(std::iter::once(*v)).collect()).collect();
        let with_decoy = BaseTable { kind: base.kind, fields: base.fields.clone(), rows };
        let (placed, figures) = read(&with_decoy, &headers).unwrap();
        let decoy_col = headers.len() - 1;
        assert!(placed.iter().all(|(c, f)| *c != decoy_col && base.fields[*c].0 == *f), "{kind} «{header}»: {placed:?}");
        assert_eq!(figures, expected, "{kind} «{header}»");
    }
}
