//! `bilan.xlsx`: the review's workbook, in the diagnostic's style: Synthèse, Semaines (with a native line
//! chart), Communes; A4 landscape, frozen headers, autofilters, page n / N.

use super::bilan::Bilan;
use super::table::Table;
use super::workbook::write_table;
use super::{figure_label, week_label};
use rust_xlsxwriter::{Chart, ChartType, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::path::Path;

const HEADER_ROW: u32 = 3;

fn setup(ws: &mut Worksheet, bilan: &Bilan, landscape: bool) {
    ws.set_paper_size(9).set_print_fit_to_pages(1, 0);
    if landscape {
        ws.set_landscape();
    }
    let period = format!("{} – {}", bilan.first_week(), bilan.last().0);
    ws.set_header(format!("&L{}&R{period}", bilan.lang.pick("Bilan de la cellule de veille", "Review of the watch cell")));
    ws.set_footer("&LCellule de veille pour la continuité éducative&RPage &P / &N");
}

fn header() -> Format {
    Format::new().set_bold().set_background_color("1F4E79").set_font_color("FFFFFF").set_text_wrap().set_align(FormatAlign::Top)
}

/// Writes the review's workbook.
pub fn write(path: &Path, bilan: &Bilan, weeks: &Table, communes: &Table) -> Result<(), XlsxError> {
    let lang = bilan.lang;
    let title = Format::new().set_bold().set_font_size(14);
    let mut wb = Workbook::new();
    let (last_week, totals, details) = bilan.last();
    let first = &bilan.weeks[0];
    let ws = wb.add_worksheet().set_name(lang.pick("Synthèse", "Summary"))?;
    ws.write_string_with_format(0, 0, lang.pick("Bilan de la cellule de veille", "Review of the watch cell"), &title)?;
    ws.write_string(1, 0, format!("{} → {}", week_label(bilan.first_week(), lang), week_label(*last_week, lang)))?;
    for (c, h) in [lang.pick("Indicateur", "Figure"), lang.pick("En fin de période", "At the end"), lang.pick("Évolution sur la période", "Change over the period")].iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &header())?;
    }
    let signed = Format::new().set_num_format("+0;-0;0");
    let mut rows: Vec<(String, i64, i64)> = totals.named().iter().zip(first.1.named()).map(|((k, v), (_, b))| (figure_label(k, lang).to_string(), *v, v - b)).collect();
    rows.push((lang.pick("Contacts renoués", "Contacts restored").into(), details[0], details[0] - first.2[0]));
    for (i, (label, value, change)) in rows.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        ws.write_string(row, 0, label)?;
        ws.write_number(row, 1, *value as f64)?;
        ws.write_number_with_format(row, 2, *change as f64, &signed)?;
    }
    ws.set_column_width(0, 42)?.set_column_width(1, 16)?.set_column_width(2, 22)?;
    setup(ws, bilan, false);

    let sheet = lang.pick("Semaines", "Weeks");
    let ws = wb.add_worksheet().set_name(sheet)?;
    ws.write_string_with_format(0, 0, lang.pick("Semaine après semaine", "Week after week"), &title)?;
    let last = write_table(ws, HEADER_ROW, weeks, lang, &header())?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    setup(ws, bilan, true);
    let mut chart = Chart::new(ChartType::Line);
    chart.title().set_name(lang.pick("Perdus de vue et appareils encore prêtés", "Lost contact and devices still out"));
    // Columns: 0 week, 2 declared, 3 register pupils, 5 devices outstanding.
    for col in [2u16, 3, 5] {
        chart.add_series().set_name((sheet, HEADER_ROW, col)).set_categories((sheet, HEADER_ROW + 1, 0, last, 0)).set_values((sheet, HEADER_ROW + 1, col, last, col));
    }
    chart.set_width(720).set_height(340);
    ws.insert_chart(last + 3, 0, &chart)?;

    let ws = wb.add_worksheet().set_name(lang.pick("Communes", "Communes"))?;
    ws.write_string_with_format(0, 0, lang.pick("Ce que chaque commune a accompli", "What each commune achieved"), &title)?;
    write_table(ws, HEADER_ROW, communes, lang, &header())?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    setup(ws, bilan, true);
    wb.save(path)
}
