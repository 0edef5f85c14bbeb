//! The memory bound holds for any input on the streaming path, with the default caps: a 1 KB workbook that
//! declares a cell at XFD1048576, and one whose sheet XML declares gigabytes once inflated, each end as a
//! `source-error` naming the cap, while the good file beside them is read in full.

mod common;

use std::process::Command;

/// Sets the declared uncompressed size of the part `name` in a zip's local and central headers.
fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for (signature, name_at, size_at) in [([0x50, 0x4b, 0x03, 0x04], 30, 22), ([0x50, 0x4b, 0x01, 0x02], 46, 24)] {
        let mut i = 0;
        while i + name_at + name.len() <= zip.len() {
            let at_name = &zip[i + name_at..i + name_at + name.len()];
            if zip[i..i + 4] == signature && at_name == name.as_bytes() {
                zip[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
            i += 1;
        }
    }
    assert_eq!(patched, 2, "local and central headers of {name}");
}

fn loans_xlsx() -> Vec<u8> {
    let header = ["Date du prêt", "Prêteur", "Matériel", "Quantité", "Commune"];
    let cell = |r: usize, c: usize, t: &str| format!(r#"<c r="{}{r}" t="inlineStr"><is><t>{t}</t></is></c>"#, (b'A' + c as u8) as char);
    let mut rows = format!("<row r=\"1\">{}</row>", header.iter().enumerate().map(|(c, h)| cell(1, c, h)).collect::<String>());
    for r in 2..=4 {
        let values = ["18/05/2020", "CD91", "tablette", "2", "Grigny"];
        rows.push_str(&format!("<row r=\"{r}\">{}</row>", values.iter().enumerate().map(|(c, v)| cell(r, c, v)).collect::<String>()));
    }
    common::xlsx("", &rows, None)
}

#[test]
fn far_cells_and_gigabytes_of_xml_are_refused_by_name_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("entrees");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("prets.xlsx"), loans_xlsx()).unwrap();
    let far = format!("<row r=\"1\">{}</row><row r=\"1048576\">{}</row>", common::number_cell("A1", 1.0), common::number_cell("XFD1048576", 2.0));
    let far = common::xlsx("", &far, None);
    assert!(far.len() < 2048, "a small file: {} bytes", far.len());
    std::fs::write(inputs.join("lointaine.xlsx"), far).unwrap();
    let mut huge = common::xlsx("", &common::number_cell("A1", 1.0), None);
    declare_size(&mut huge, "xl/worksheets/sheet1.xml", 3 << 30);
    std::fs::write(inputs.join("gigaoctets.xlsx"), huge).unwrap();

    let output = Command::new(env!("CARGO_BIN_EXE_veille"))
        .current_dir(dir.path())
        .args(["validate", "--json", "entrees"])
        .output()
        .unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{:?} {}", output.status, String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = json.to_string();
    let tables = json["tables"].as_array().cloned().unwrap_or_default();
    let of_file = |file: &'static str| tables.iter().filter(move |t| t["file"].as_str().is_some_and(|f| f.ends_with(file)));
    // A file-level issue (the archive) or a sheet-level one (the far cell), as each guard finds it.
    let issue_of = |file: &'static str| -> String {
        let issues: Vec<serde_json::Value> = of_file(file).flat_map(|t| t["issues"].as_array().cloned().unwrap_or_default()).collect();
        let found = issues.iter().find(|i| i["code"] == "source-error");
        found.map(|i| i["message"].as_str().unwrap_or_default().to_string()).unwrap_or_else(|| panic!("no source-error for {file}: {text}"))
    };
    assert!(issue_of("lointaine.xlsx").contains("max_cells = 12000000"), "{}", issue_of("lointaine.xlsx"));
    assert!(issue_of("gigaoctets.xlsx").contains("max_inflated_mb = 1024"), "{}", issue_of("gigaoctets.xlsx"));
    let loans = of_file("prets.xlsx").next().unwrap_or_else(|| panic!("{text}"));
    assert_eq!((loans["rows_read"].as_u64(), loans["rows_accepted"].as_u64()), (Some(3), Some(3)), "{loans}");
}
