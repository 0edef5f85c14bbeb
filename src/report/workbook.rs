//! `diagnostic.xlsx`: one sheet per section, tables with autofilter and frozen headers, a native Excel
//! chart, A4 print setup.

use super::labels::{figure_label, week_label};
use super::table::{Table, Value};
use super::ReportInput;
use crate::i18n::Lang;
use rust_xlsxwriter::{Chart, ChartType, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// Sheet names in their order, also used by tests that read the workbook back. "Collèges" and "Suivi des
/// élèves" are for the trio only, "Comparaison" only when several communes are covered.
pub fn sheet_names(lang: Lang) -> [&'static str; 13] {
    [
        lang.pick("Synthèse", "Summary"),
        lang.pick("Questionnaire", "Questionnaire"),
        lang.pick("Perdus de vue", "Lost contact"),
        lang.pick("Collèges", "Collèges"),
        lang.pick("Prêts", "Loans"),
        lang.pick("Partenaires", "Partners"),
        lang.pick("Répertoire", "Directory"),
        lang.pick("Couverture", "Coverage"),
        lang.pick("Comparaison", "Comparison"),
        lang.pick("Réponses", "Answers"),
        lang.pick("Qualité des données", "Data quality"),
        lang.pick("Suivi des élèves", "Pupils followed"),
        lang.pick("Confidentialité", "Confidentiality"),
    ]
}

const HEADER_ROW: u32 = 3;

struct Styles {
    title: Format,
    header: Format,
    bold: Format,
}

fn styles() -> Styles {
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        header: Format::new().set_bold().set_background_color("1F4E79").set_font_color("FFFFFF").set_text_wrap().set_align(FormatAlign::Top),
        bold: Format::new().set_bold(),
    }
}

fn print_setup(ws: &mut Worksheet, input: &ReportInput<'_>, landscape: bool) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    let place = input.place_label();
    ws.set_header(format!("&L{}&R{}", place.replace('&', "&&"), input.week));
    ws.set_footer(format!("&L{}&RPage &P / &N", input.lang.pick("veille — diagnostic hebdomadaire", "veille — weekly diagnostic")));
    Ok(())
}

pub(super) fn write_value(ws: &mut Worksheet, row: u32, col: u16, value: &Value) -> Result<(), XlsxError> {
    match value {
        // write_string never turns "=..." into a formula: free text stays text.
        Value::Text(t) => ws.write_string(row, col, t).map(|_| ()),
        Value::Int(i) => ws.write_number(row, col, *i as f64).map(|_| ()),
        Value::Float(f) => ws.write_number(row, col, *f).map(|_| ()),
        Value::Empty => Ok(()),
        Value::Hidden => ws.write_string_with_format(row, col, "s", &Format::new().set_align(FormatAlign::Right)).map(|_| ()),
    }
}

/// Writes a table with its header at `top`, an autofilter, and column widths from the content.
pub(super) fn write_table(ws: &mut Worksheet, top: u32, table: &Table, lang: Lang, header: &Format) -> Result<u32, XlsxError> {
    for (c, label) in table.labels(lang).iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *label, header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            write_value(ws, top + 1 + r as u32, c as u16, value)?;
        }
    }
    let last = top + table.rows.len() as u32;
    if !table.columns.is_empty() {
        ws.autofilter(top, 0, last.max(top + 1), table.columns.len() as u16 - 1)?;
    }
    for (c, label) in table.labels(lang).iter().enumerate() {
        let longest = table.rows.iter().map(|r| r.get(c).map(|v| v.to_csv().chars().count()).unwrap_or(0)).max().unwrap_or(0);
        let width = longest.max(label.chars().count().min(18)).clamp(8, 60);
        ws.set_column_width(c as u16, width as f64 + 2.0)?;
    }
    Ok(last)
}

/// A second table on a sheet: its title on the row above `top`, its header at `top`. Returns its last row.
fn write_block(ws: &mut Worksheet, top: u32, title: &str, table: &Table, lang: Lang, s: &Styles) -> Result<u32, XlsxError> {
    ws.write_string_with_format(top - 1, 0, title, &s.bold)?;
    for (c, label) in table.labels(lang).iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *label, &s.header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            write_value(ws, top + 1 + r as u32, c as u16, value)?;
        }
    }
    Ok(top + table.rows.len() as u32)
}

fn table_sheet(wb: &mut Workbook, name: &str, title: &str, table: &Table, input: &ReportInput<'_>, s: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, title, &s.title)?;
    ws.write_string(1, 0, week_label(input.week, input.lang))?;
    write_table(ws, HEADER_ROW, table, input.lang, &s.header)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    print_setup(ws, input, table.columns.len() > 6)
}

fn summary_sheet(wb: &mut Workbook, name: &str, input: &ReportInput<'_>, s: &Styles) -> Result<(), XlsxError> {
    let lang = input.lang;
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, lang.pick("Diagnostic de la cellule de veille", "Diagnostic of the watch cell"), &s.title)?;
    ws.write_string(1, 0, format!("{} ({})", week_label(input.week, lang), input.week))?;
    ws.write_string_with_format(HEADER_ROW, 0, lang.pick("Indicateur", "Figure"), &s.header)?;
    ws.write_string_with_format(HEADER_ROW, 1, lang.pick("Valeur", "Value"), &s.header)?;
    if let Some((week, _)) = &input.previous {
        let label = match lang {
            Lang::Fr => format!("Évolution depuis la semaine {}", week.week()),
            Lang::En => format!("Change since week {}", week.week()),
        };
        ws.write_string_with_format(HEADER_ROW, 2, label, &s.header)?;
    }
    let signed = Format::new().set_num_format("+0;-0;0");
    for (i, (key, value)) in input.aggregates.totals.named().iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        ws.write_string(row, 0, figure_label(key, lang))?;
        if input.masked.as_ref().is_some_and(|m| m.total_hidden(None, key)) {
            ws.write_string_with_format(row, 1, "s", &s.bold.clone().set_align(FormatAlign::Right))?;
            continue;
        }
        ws.write_number_with_format(row, 1, *value as f64, &s.bold)?;
        if let Some((_, before)) = &input.previous {
            let old = before.named().iter().find(|(k, _)| k == key).map_or(0, |(_, v)| *v);
            ws.write_number_with_format(row, 2, (value - old) as f64, &signed)?;
        }
    }
    if let Some((now, change)) = input.restored() {
        let row = HEADER_ROW + 1 + input.aggregates.totals.named().len() as u32;
        ws.write_string(row, 0, lang.pick("Contacts renoués (registre)", "Contacts restored (register)"))?;
        ws.write_number_with_format(row, 1, now as f64, &s.bold)?;
        if let Some(delta) = change {
            ws.write_number_with_format(row, 2, delta as f64, &signed)?;
        }
    }
    ws.set_column_width(0, 42)?;
    ws.set_column_width(1, 12)?;
    ws.set_column_width(2, 30)?;
    print_setup(ws, input, false)
}

/// A native clustered bar chart of lost contact per commune, on the lost-contact sheet.
fn lost_contact_chart(wb: &mut Workbook, sheet: &str, rows: u32, lang: Lang) -> Result<(), XlsxError> {
    if rows == 0 {
        return Ok(());
    }
    let mut chart = Chart::new(ChartType::Bar);
    chart.title().set_name(lang.pick("Élèves perdus de vue par commune", "Lost-contact pupils per commune"));
    let (first, last) = (HEADER_ROW + 1, HEADER_ROW + rows);
    // Columns: 1 commune, 2 declared, 4 register pupils.
    chart.add_series().set_name((sheet, HEADER_ROW, 2)).set_categories((sheet, first, 1, last, 1)).set_values((sheet, first, 2, last, 2));
    chart.add_series().set_name((sheet, HEADER_ROW, 4)).set_categories((sheet, first, 1, last, 1)).set_values((sheet, first, 4, last, 4));
    chart.set_width(720).set_height(360);
    let ws = wb.worksheet_from_name(sheet)?;
    ws.insert_chart(HEADER_ROW + rows + 3, 0, &chart)?;
    Ok(())
}

/// Writes the whole workbook, one sheet per section.
pub fn write_workbook(path: &Path, input: &ReportInput<'_>, tables: &super::Tables) -> Result<(), XlsxError> {
    let lang = input.lang;
    let s = styles();
    let n = sheet_names(lang);
    let mut wb = Workbook::new();
    summary_sheet(&mut wb, n[0], input, &s)?;
    table_sheet(&mut wb, n[1], lang.pick("Questionnaire de la préfecture, question par question", "The prefecture's questionnaire, question by question"), &tables.questions, input, &s)?;
    {
        // Q3 and Q4 in detail, below the questions.
        let ws = wb.worksheet_from_name(n[1])?;
        let top = HEADER_ROW + tables.questions.rows.len() as u32 + 3;
        let title = lang.pick("Matériel déclaré et prêteurs cités (Q3, Q4)", "Devices declared and lenders cited (Q3, Q4)");
        write_block(ws, top, title, &tables.declared_devices, lang, &s)?;
    }
    let lost_title = lang.pick("Élèves perdus de vue", "Lost-contact pupils");
    table_sheet(&mut wb, n[2], lost_title, &tables.lost_contact, input, &s)?;
    lost_contact_chart(&mut wb, n[2], tables.lost_contact.rows.len() as u32, lang)?;
    if let Some(colleges) = &tables.colleges {
        table_sheet(&mut wb, n[3], lang.pick("Élèves du registre par collège", "Register pupils per collège"), colleges, input, &s)?;
    }
    table_sheet(&mut wb, n[4], lang.pick("Prêts de matériel", "Device loans"), &tables.loans, input, &s)?;
    table_sheet(&mut wb, n[5], lang.pick("Actions des partenaires", "Partner actions"), &tables.partners, input, &s)?;
    table_sheet(&mut wb, n[6], lang.pick("Répertoire des dispositifs", "Directory of actions"), &tables.repertoire, input, &s)?;
    table_sheet(&mut wb, n[7], lang.pick("Couverture des quartiers par thème", "Coverage of neighbourhoods by theme"), &tables.coverage, input, &s)?;
    if let Some(comparison) = &tables.comparison {
        table_sheet(&mut wb, n[8], lang.pick("Comparaison des communes", "Communes compared"), comparison, input, &s)?;
    }
    table_sheet(&mut wb, n[9], lang.pick("Réponses aux questionnaires", "Questionnaire answers"), &tables.answers, input, &s)?;
    quality_sheet(&mut wb, n[10], input, tables, &s)?;
    if let Some(register) = &tables.register {
        let title = lang.pick("Élèves suivis (familles ayant donné leur adhésion)", "Pupils followed (consenting families)");
        table_sheet(&mut wb, n[11], title, register, input, &s)?;
    }
    confidentiality_sheet(&mut wb, n[12], input, &s)?;
    wb.save(path)
}

fn confidentiality_sheet(wb: &mut Workbook, name: &str, input: &ReportInput<'_>, s: &Styles) -> Result<(), XlsxError> {
    let lang = input.lang;
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, lang.pick("Confidentialité : ce que ce rapport masque", "Confidentiality: what this report hides"), &s.title)?;
    ws.write_string(1, 0, week_label(input.week, lang))?;
    for (i, (label, value)) in super::confidentiality_lines(input).iter().enumerate() {
        let row = HEADER_ROW + i as u32;
        ws.write_string(row, 0, label)?;
        ws.write_string_with_format(row, 1, value, &s.bold)?;
    }
    ws.set_column_width(0, 70)?;
    ws.set_column_width(1, 48)?;
    print_setup(ws, input, false)
}

fn quality_sheet(wb: &mut Workbook, name: &str, input: &ReportInput<'_>, tables: &super::Tables, s: &Styles) -> Result<(), XlsxError> {
    let lang = input.lang;
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, lang.pick("Qualité des données : fichiers lus", "Data quality: files read"), &s.title)?;
    ws.write_string(1, 0, week_label(input.week, lang))?;
    let last = write_table(ws, HEADER_ROW, &tables.intake, lang, &s.header)?;
    let by_code = lang.pick("Problèmes relevés, par code", "Issues found, by code");
    let last = write_block(ws, last + 3, by_code, &tables.issues_by_code, lang, s)?;
    let understood = lang.pick("Colonnes lues : chaque en-tête, le champ compris et pourquoi", "Columns read: each header, the field understood and why");
    let last = write_block(ws, last + 3, understood, &tables.columns, lang, s)?;
    write_block(ws, last + 3, lang.pick("Problèmes relevés", "Issues found"), &tables.issues, lang, s)?;
    ws.set_column_width(6, 80)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    print_setup(ws, input, true)
}
