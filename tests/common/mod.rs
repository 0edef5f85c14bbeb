//! Shared by integration tests: builders of small workbooks, well-formed or hostile (hostile-folder and
//! fuzzing tests), and the base tables and header wordings of the column-variant matrix.
#![allow(dead_code)]

pub mod variants;

use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A zip of (name, content) parts, deflated.
pub fn zip_of(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, content) in parts {
            let method = if *name == "mimetype" { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
            zip.start_file(*name, SimpleFileOptions::default().compression_method(method)).unwrap();
            zip.write_all(content).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// An xlsx of one sheet: `sheet_data` goes inside `<sheetData>`, `before` before it (a `<dimension>`),
/// and `shared` is the whole sharedStrings.xml when given.
pub fn xlsx(before: &str, sheet_data: &str, shared: Option<&str>) -> Vec<u8> {
    let mut types = format!(r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#);
    let mut rels = format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>"#);
    if shared.is_some() {
        types.push_str(r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#);
        rels.push_str(&format!(r#"<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>"#));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let mut parts = vec![
        ("[Content_Types].xml", types.into_bytes()),
        ("_rels/.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes()),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>"#).into_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.into_bytes()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{before}<sheetData>{sheet_data}</sheetData></worksheet>"#).into_bytes()),
    ];
    if let Some(shared) = shared {
        parts.push(("xl/sharedStrings.xml", shared.as_bytes().to_vec()));
    }
    zip_of(&parts)
}

/// A numeric cell at a reference such as "A1".
pub fn number_cell(reference: &str, value: f64) -> String {
    format!(r#"<c r="{reference}"><v>{value}</v></c>"#)
}

/// An ods of one sheet whose `<table:table>` holds `rows`.
pub fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Feuille1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
        ("content.xml", content.into_bytes()),
    ])
}

/// One BIFF record.
pub fn biff(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut r = typ.to_le_bytes().to_vec();
    r.extend((data.len() as u16).to_le_bytes());
    r.extend(data);
    r
}

/// A BIFF8 NUMBER record at (row, col).
pub fn biff_number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut data = row.to_le_bytes().to_vec();
    data.extend(col.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(value.to_le_bytes());
    biff(0x0203, &data)
}

/// A BIFF8 DIMENSIONS record: rows first..last (last exclusive), columns first..last.
pub fn biff_dimensions(first_row: u32, last_row: u32, first_col: u16, last_col: u16) -> Vec<u8> {
    let mut data = first_row.to_le_bytes().to_vec();
    data.extend(last_row.to_le_bytes());
    data.extend(first_col.to_le_bytes());
    data.extend(last_col.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    biff(0x0200, &data)
}

/// An xls file (compound file) whose Workbook stream is `stream`.
pub fn xls(path: &Path, stream: &[u8]) {
    let mut compound = cfb::create(path).unwrap();
    let mut workbook = compound.create_stream("/Workbook").unwrap();
    workbook.write_all(stream).unwrap();
    drop(workbook);
    compound.flush().unwrap();
}

/// A BIFF8 globals substream with one sheet whose own substream starts at `sheet_offset`, then the sheet.
pub fn xls_stream(sheet_records: &[u8]) -> Vec<u8> {
    let bof = |kind: u16| biff(0x0809, &[&[0x00, 0x06][..], &kind.to_le_bytes(), &[0; 12]].concat());
    let name = b"Feuil1";
    let boundsheet_len = 4 + 8 + name.len();
    let globals_len = bof(5).len() + boundsheet_len + biff(0x000A, &[]).len();
    let mut boundsheet = (globals_len as u32).to_le_bytes().to_vec();
    boundsheet.extend([0, 0, name.len() as u8, 0]);
    boundsheet.extend(name);
    let mut stream = bof(5);
    stream.extend(biff(0x0085, &boundsheet));
    stream.extend(biff(0x000A, &[]));
    stream.extend(bof(0x10));
    stream.extend(sheet_records);
    stream.extend(biff(0x000A, &[]));
    stream
}
