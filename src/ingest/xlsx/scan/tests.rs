//! The scan against the XML reader: on every piece the scan reads, both give the same cells.

use super::super::book::{Book, NumberKind};
use super::super::cells::parse;
use super::scan;
use proptest::prelude::*;

fn book() -> Book {
    Book {
        strings: vec!["Grigny".into(), "  #N/A ".into(), "_x000D_a".into()],
        kinds: vec![NumberKind::Plain, NumberKind::DateTime, NumberKind::Duration],
        ..Book::default()
    }
}

/// Both readings as text (a NaN is then equal to itself).
fn both(xml: &str, first: bool) -> (Option<String>, String) {
    let book = book();
    let fast = scan(xml.as_bytes(), first, &book).map(|piece| format!("{piece:?}"));
    let slow = match parse(xml.as_bytes(), first, &book) {
        Ok(piece) => format!("{piece:?}"),
        Err(_) => "unreadable".to_string(),
    };
    (fast, slow)
}

#[test]
fn the_shapes_excel_and_rust_xlsxwriter_write_are_scanned_as_the_xml_reader_reads_them() {
    let pieces = [
        (r#"<?xml version="1.0"?><worksheet><dimension ref="A1:C2"/><sheetData><row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>43977</v></c><c r="C1" s="2"><v>1.25</v></c></row>"#, true),
        (r#"<row r="4"><c r="A4" t="inlineStr"><is><t>Conseil départemental</t></is></c><c r="E4"><v>2</v></c><c r="F4" t="inlineStr"><is><t xml:space="preserve"> Zoé </t></is></c></row>"#, false),
        ("<row>\n  <c t=\"b\"><v>1</v></c>\n  <c><f>B2*2</f><v>4</v></c><c t=\"str\"><f t='shared' si='0'/><v>x_x000D_y</v></c><c t=\"e\"><v>#N/A</v></c></row>", false),
        (r#"<row r="9"/><row><c r="C10" s="0"/><c><v>NaN</v></c><c t="s"><v>1</v></c><c t="str"><v/></c><c t="d"><v>2020-05-01</v></c></row></sheetData><ext/>"#, false),
        (r#"<row><c><is><t>  trimmed  </t></is></c><c t="inlineStr"><v>7</v></c><c><v> 3 </v></c><c><v>abc</v></c></row>"#, false),
    ];
    for (xml, first) in pieces {
        let (fast, slow) = both(xml, first);
        assert_eq!(fast.as_deref(), Some(slow.as_str()), "{xml}");
    }
}

#[test]
fn what_the_scan_does_not_know_is_left_to_the_xml_reader() {
    let pieces = [
        r#"<row><c t="inlineStr"><is><t>a &amp; b</t></is></c></row>"#,
        "<row><c><v>1\r\n</v></c></row>",
        r#"<row><c t="inlineStr"><is><r><t>a</t></r></is></c></row>"#,
        r#"<x:row><x:c><x:v>1</x:v></x:c></x:row>"#,
        r#"<row><!-- note --><c><v>1</v></c></row>"#,
        r#"<row r="1" r="2"><c><v>1</v></c></row>"#,
        r#"<row><c r="A1"t="s"><v>0</v></c></row>"#,
        r#"<row><c t="inlineStr"><is><t><![CDATA[a]]></t></is></c></row>"#,
        r#"<row><c r="1A"><v>1</v></c></row>"#,
    ];
    for xml in pieces {
        assert_eq!(both(xml, false).0, None, "{xml}");
    }
    // A comment in the prologue is the XML reader's to skip: the scan starts where it finds the cells.
    let (fast, slow) = both("<worksheet><!-- <sheetData> --><sheetData><row/></sheetData>", true);
    assert_eq!(fast.as_deref(), Some(slow.as_str()));
}

/// Found by review: where the XML reader refuses a piece or reads it otherwise, the scan gives way.
#[test]
fn a_bare_ampersand_an_unmatched_end_an_odd_prologue_and_repeated_attributes_are_left_to_the_xml_reader() {
    let pieces = [
        ("<row>&</row>", false),
        ("<row><c>&<v>1</v></c></row>", false),
        ("<row><c t=\"inlineStr\"><is>&<t>a</t></is></c></row>", false),
        ("<row/>&", false),
        ("</row>", false),
        ("<row/></row>", false),
        ("<sheetData></row></row>", true),
        ("<w a=\"<sheetData>\"><row><c><v>1</v></c></row>", true),
        ("<?x <sheetData>?><row/>", true),
        ("<sheetData/><sheetData><row><c><v>1</v></c></row>", true),
        ("<w></sheetData><sheetData><row><c><v>1</v></c></row>", true),
        ("<w a=\"><sheetData><row/>", true),
        ("<row><c t=\"inlineStr\"><is><t xml:space=\"default\" xml:space=\"preserve\"> a </t></is></c></row>", false),
        ("<row><c t=\"inlineStr\"><is><t a=\"1\" a=\" xml:space='preserve'\"> x </t></is></c></row>", false),
    ];
    for (xml, first) in pieces {
        assert_eq!(both(xml, first).0, None, "{xml}");
    }
    // The prologue as Excel writes it, a byte-order mark included, is still scanned.
    let (fast, slow) = both("\u{feff}<?xml version=\"1.0\"?><worksheet xmlns=\"x\"><sheetPr/><sheetData><row r=\"2\"><c><v>1</v></c></row>", true);
    assert_eq!(fast.as_deref(), Some(slow.as_str()));
    assert_eq!(scan(&[b'<', b'r', b'o', b'w', b'>', 0xff, b'<', b'/', b'r', b'o', b'w', b'>'], false, &book()).map(|p| p.cells.len()), None);
}

/// Values the scan reads, then ones it leaves to the XML reader (with `odd`).
fn value(odd: bool) -> impl Strategy<Value = String> {
    let mut values = vec!["0", "1", "2", "12", "1.5", "43977", "-3e2", "NaN", "abc", "TRUE", "false", "#N/A", "#DIV/0!", " 7 ", "", "_x000D_", "é", "2020-05-01", "9999999999999", " a b "];
    if odd {
        values.extend(["a&amp;b", "x\r\ny", "&#233;"]);
    }
    prop::sample::select(values).prop_map(str::to_string)
}

fn child(odd: bool) -> BoxedStrategy<String> {
    let plain = prop_oneof![
        value(odd).prop_map(|v| format!("<v>{v}</v>")),
        Just("<v/>".to_string()),
        value(odd).prop_map(|v| format!("<is><t>{v}</t></is>")),
        value(odd).prop_map(|v| format!("<is><t xml:space=\"preserve\">{v}</t></is>")),
        value(odd).prop_map(|v| format!("<is>\n<t>{v}</t>\n</is>")),
        Just("<f>B2*2</f>".to_string()),
        Just("<f t=\"shared\" si=\"0\"/>".to_string()),
    ];
    if !odd {
        return plain.boxed();
    }
    let unknown = prop::sample::select(vec![
        "<is><r><t>a</t></r><r><t>b</t></r></is>",
        "<v x=\"1\">3</v>",
        "<foo/>",
        "<!-- c -->",
        "&",
        "</row>",
        "<is><t xml:space=\"default\" xml:space=\"preserve\"> a </t></is>",
    ])
    .prop_map(str::to_string);
    prop_oneof![4 => plain, 1 => unknown].boxed()
}

fn cell(odd: bool) -> impl Strategy<Value = String> {
    let mut refs = vec!["", " r=\"B3\"", " r=\"c12\"", " r=\"A1\"", " r='D4'"];
    let mut styles = vec!["", " s=\"0\"", " s=\"1\"", " s=\"2\"", " s=\"7\"", " s=\"x\""];
    let mut extras = vec!["", " x14ac:dyDescent=\"0.25\"", "  ", " customFormat = '1' "];
    // Types and places the XML reader refuses are refused by the scan, or read alike: both are tried.
    let kinds = vec!["", " t=\"s\"", " t=\"n\"", " t=\"b\"", " t=\"e\"", " t=\"str\"", " t=\"inlineStr\"", " t=\"d\"", " t=\"is\"", " t=\"zz\""];
    if odd {
        refs.extend([" r=\"3B\"", " r=\"B0\""]);
        styles.push(" s=\"&amp;\"");
        extras.extend([" t=\"n\"", "t=\"n\"", " s = '1' "]);
    }
    let children = prop::collection::vec(child(odd), 0..3);
    let space = prop::sample::select(vec!["", "\n  ", " "]);
    let attrs = (prop::sample::select(refs), prop::sample::select(styles), prop::sample::select(kinds), prop::sample::select(extras));
    (attrs, children, space, any::<bool>()).prop_map(|((r, s, t, extra), children, space, closed)| {
        if closed && children.is_empty() {
            format!("<c{r}{s}{t}{extra}/>")
        } else {
            format!("<c{r}{s}{t}{extra}>{}</c>", children.join(space))
        }
    })
}

fn row(odd: bool) -> impl Strategy<Value = String> {
    let mut refs = vec!["", " r=\"5\"", " r=\"1\"", " spans=\"1:3\" r=\"20\""];
    if odd {
        refs.extend([" r=\"x\"", " r=\"0\"", " r=\"1\" r=\"2\""]);
    }
    let cells = prop::collection::vec(cell(odd), 0..4);
    (prop::sample::select(refs), cells, any::<bool>(), prop::sample::select(vec!["", "\n"])).prop_map(|(r, cells, closed, space)| {
        if closed && cells.is_empty() {
            format!("<row{r}/>{space}")
        } else {
            format!("<row{r}>{space}{}</row>{space}", cells.join(space))
        }
    })
}

fn piece(odd: bool) -> impl Strategy<Value = (String, bool)> {
    let mut tails = vec!["", "</sheetData>", "</sheetData><row><c><v>9</v></c></row>", "</sheetData><foo/>"];
    if odd {
        tails.extend(["<!-- x -->", "<foo/>", "<c><v>1</v>", "&", "</row>", "&amp;"]);
    }
    let mut heads = vec!["<?xml version=\"1.0\"?><worksheet><dimension ref=\"A1\"/><sheetData>", "\u{feff}<worksheet xmlns=\"x\">\n<sheetData>"];
    if odd {
        heads.extend(["<w a=\"<sheetData>\"><sheetData>", "<sheetData/><sheetData>", "<!-- c --><sheetData>", "<w></sheetData><sheetData>", "<?x <sheetData>?><sheetData>"]);
    }
    let rows = prop::collection::vec(row(odd), 0..4);
    (rows, any::<bool>(), prop::sample::select(heads), prop::sample::select(tails)).prop_map(|(rows, first, head, tail)| {
        let head = if first { head } else { "" };
        (format!("{head}{}{tail}", rows.concat()), first)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Pieces made only of what the scan knows: it reads every one, as the XML reader does. (A value
    /// the XML reader refuses, `t="zz"`, makes both refuse: the scan then gives way.)
    #[test]
    fn the_scan_reads_the_common_shape_as_the_xml_reader_does((xml, first) in piece(false)) {
        let (fast, slow) = both(&xml, first);
        prop_assert!(fast.is_some() || slow == "unreadable", "not scanned: {}", xml);
        if let Some(fast) = fast {
            prop_assert_eq!(fast, slow, "{}", xml);
        }
    }

    /// Pieces with entities, comments, unknown elements and broken places as well: where the scan still
    /// gives a piece, it is the XML reader's.
    #[test]
    fn where_the_scan_reads_an_odd_piece_it_reads_what_the_xml_reader_reads((xml, first) in piece(true)) {
        let (fast, slow) = both(&xml, first);
        if let Some(fast) = fast {
            prop_assert_eq!(fast, slow, "{}", xml);
        }
    }
}
