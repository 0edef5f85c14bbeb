//! Fuzzing on stable Rust: proptest feeds every reader hostile input, for a bounded number of cases (about
//! twenty seconds in all): CSV bytes, the zip and XML of xlsx, the XML of ods, the BIFF records and the
//! compound file of xls. Whatever it is given, a reader must return (tables or an issue) without taking
//! the process down, and never hold a sheet past `max_cells`. A reader that panics is tolerated only as
//! an issue; an abort (an allocation past the machine) ends this test binary, which fails the test.
//!
//! Each crash found becomes a file of `tests/fixtures/fuzz/`, read by `tests/hostile_folder.rs`.

mod common;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use veille::ingest::{read_file, InputFile, Limits};

static PANICS: AtomicUsize = AtomicUsize::new(0);

const LIMITS: Limits = Limits { max_file_mb: 16, max_inflated_mb: 16, max_cells: 200_000, max_seconds: 20 };

/// Reads `bytes` as a file named `name`; fails the case when a cap is broken or a panic was not turned
/// into an issue.
fn survives(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let panics = PANICS.load(Ordering::SeqCst);
    let result = read_file(&InputFile { path, display: name.into() }, &LIMITS);
    let panicked = PANICS.load(Ordering::SeqCst) > panics;
    match result {
        Ok((tables, _)) => {
            prop_assert!(!panicked, "a reader panicked but its tables were kept");
            for t in tables {
                let area = t.rows.len() * t.rows.iter().map(Vec::len).max().unwrap_or(0);
                prop_assert!(area as u64 <= LIMITS.max_cells, "{name}: a sheet of {area} cells was held");
            }
        }
        Err(issue) => prop_assert!(!issue.code.is_empty()),
    }
    Ok(())
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config { cases, max_shrink_iters: 200, failure_persistence: None, ..Config::default() })
}

fn column(n: u32) -> String {
    veille::issues::column_letter(n as usize)
}

/// A cell of a generated sheet: a reference near or very far, a type, and a value that may be garbage.
fn xlsx_cell() -> impl Strategy<Value = String> {
    let reference = prop_oneof![
        (0u32..30, 1u32..60).prop_map(|(c, r)| format!("{}{r}", column(c))),
        (0u32..20_000, 1u32..2_000_000).prop_map(|(c, r)| format!("{}{r}", column(c))),
        "[A-Z]{0,4}[0-9]{0,11}",
    ];
    let typed = prop_oneof![
        Just(("", "1".to_string())),
        "[0-9eE.+-]{0,12}".prop_map(|v| ("", v)),
        (0u32..5).prop_map(|i| (" t=\"s\"", i.to_string())),
        "[a-zé ]{0,12}".prop_map(|v| (" t=\"str\"", v)),
        Just((" t=\"b\"", "1".to_string())),
        "[#A-Z/0!?]{0,8}".prop_map(|v| (" t=\"e\"", v)),
        "[0-9TZ:-]{0,20}".prop_map(|v| (" t=\"d\"", v)),
    ];
    (reference, typed).prop_map(|(r, (t, v))| format!("<c r=\"{r}\"{t}><v>{v}</v></c>"))
}

fn xlsx_case() -> impl Strategy<Value = Vec<u8>> {
    let dimension = prop_oneof![Just(String::new()), "[A-Z]{1,3}[0-9]{1,8}(:[A-Z]{1,4}[0-9]{1,9})?".prop_map(|r| format!("<dimension ref=\"{r}\"/>"))];
    let rows = prop::collection::vec((0u32..3_000_000, prop::collection::vec(xlsx_cell(), 0..6)), 0..8)
        .prop_map(|rows| rows.into_iter().map(|(r, cells)| format!("<row r=\"{r}\">{}</row>", cells.concat())).collect::<String>());
    let shared = prop_oneof![
        Just(None),
        (0u64..10_000_000_000, 0usize..4).prop_map(|(count, n)| Some(format!("<sst uniqueCount=\"{count}\">{}</sst>", "<si><t>x</t></si>".repeat(n)))),
    ];
    (dimension, rows, shared, any::<prop::sample::Index>(), any::<bool>()).prop_map(|(d, rows, shared, cut, truncate)| {
        let bytes = common::xlsx(&d, &rows, shared.as_deref());
        if truncate { bytes[..cut.index(bytes.len())].to_vec() } else { bytes }
    })
}

fn ods_case() -> impl Strategy<Value = Vec<u8>> {
    let repeat = prop_oneof![Just(1u64), 1u64..40, 1u64..5_000_000_000];
    let cell = (repeat.clone(), any::<bool>(), "[a-z0-9]{0,6}").prop_map(|(n, filled, v)| {
        if filled {
            format!("<table:table-cell table:number-columns-repeated=\"{n}\" office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>")
        } else {
            format!("<table:table-cell table:number-columns-repeated=\"{n}\"/>")
        }
    });
    let row = (repeat, prop::collection::vec(cell, 0..5)).prop_map(|(n, cells)| format!("<table:table-row table:number-rows-repeated=\"{n}\">{}</table:table-row>", cells.concat()));
    (prop::collection::vec(row, 0..6), any::<prop::sample::Index>(), any::<bool>()).prop_map(|(rows, cut, truncate)| {
        let bytes = common::ods(&rows.concat());
        if truncate { bytes[..cut.index(bytes.len())].to_vec() } else { bytes }
    })
}

/// BIFF records of the types the readers care about, with lengths and contents that may be wrong.
fn biff_record() -> impl Strategy<Value = Vec<u8>> {
    let typ = prop::sample::select(vec![0x0200u16, 0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x00BD, 0x0006, 0x0207, 0x00FC, 0x00E5, 0x0042, 0x0085, 0x0809, 0x000A, 0x003C]);
    (typ, prop::collection::vec(any::<u8>(), 0..40)).prop_map(|(t, data)| common::biff(t, &data))
}

fn xls_case(dir: PathBuf) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(biff_record(), 0..12).prop_map(move |records| {
        let path = dir.join("built.xls");
        common::xls(&path, &common::xls_stream(&records.concat()));
        std::fs::read(&path).unwrap()
    })
}

/// A file of the repository with a few bytes changed, or cut short.
fn mutated(file: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let original = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    (prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12), any::<prop::sample::Index>(), any::<bool>()).prop_map(move |(flips, cut, truncate)| {
        let mut bytes = original.clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate { bytes.truncate(cut.index(bytes.len()).max(1)) }
        bytes
    })
}

fn csv_case() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        "(\u{feff})?([a-zé0-9 \"]{0,8}[;,\t\r\n]){0,200}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u16>(), 0..512).prop_map(|units| [&[0xFF, 0xFE][..], &units.iter().flat_map(|u| u.to_le_bytes()).collect::<Vec<_>>()].concat()),
    ]
}

#[test]
fn every_reader_survives_hostile_bytes() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // FUZZ_ONLY=fuzz.xls runs one target; after an abort, its last input is still in this folder.
    let only = std::env::var("FUZZ_ONLY").ok();
    eprintln!("fuzzing in {}", dir.display());
    let check = |name: &'static str, strategy: BoxedStrategy<Vec<u8>>, cases: u32| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        runner(cases).run(&strategy, |bytes| survives(dir, name, &bytes)).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    check("fuzz.csv", csv_case().boxed(), 400);
    check("fuzz.xlsx", xlsx_case().boxed(), 400);
    check("fuzz.ods", ods_case().boxed(), 300);
    check("fuzz.xls", xls_case(dir.to_path_buf()).boxed(), 300);
    check("mutated.xlsx", mutated("tests/fixtures/libreoffice/prets_grigny.xlsx").boxed(), 300);
    check("mutated.ods", mutated("tests/fixtures/libreoffice/prets_grigny.ods").boxed(), 200);
    check("mutated.xls", mutated("tests/fixtures/libreoffice/prets_grigny.xls").boxed(), 300);
    eprintln!("fuzzing: {} reader panics caught and turned into issues", PANICS.load(Ordering::SeqCst));
}
