//! The sheets of a template: the table to fill (one row per record), the one-page questionnaire form,
//! the "Mode d'emploi" and the hidden lists.

use super::validation::{validation_for, LISTS_SHEET};
use crate::detect::{schema, Field};
use crate::domain::TableKind;
use crate::reference::Commune;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError};

/// How many rows of a table template carry the validations and are left unlocked.
pub const TABLE_ROWS: u32 = 500;
/// The 0-based row of a table template's header (below a title and an instruction line).
pub const HEADER_ROW: u32 = 2;
const A4: u8 = 9;
/// The name and first cell of the guide sheet.
pub const GUIDE_SHEET: &str = "Mode d'emploi";
/// The first cell of the lists sheet.
pub const LISTS_TITLE: &str = "Communes du territoire";
/// The title templates written before the territory existed carry (still recognised as a template aid).
pub const LEGACY_LISTS_TITLE: &str = "Communes de l'Essonne";

fn title_format() -> Format {
    Format::new().set_bold().set_font_size(14)
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDDE7F3))
        .set_border(FormatBorder::Thin)
}

fn input_format() -> Format {
    Format::new().set_unlocked().set_text_wrap().set_border(FormatBorder::Hair)
}

fn date_input_format() -> Format {
    input_format().set_num_format("dd/mm/yyyy")
}

fn is_date(field: &Field) -> bool {
    field.normalize.as_deref() == Some("date")
}

fn column_width(field: &Field) -> f64 {
    match field.normalize.as_deref() {
        Some("date") | Some("boolean") | Some("count") => 14.0,
        Some("themes") | None if field.name.starts_with('q') => 40.0,
        _ => 22.0,
    }
}

/// Print setup shared by every sheet: A4, fit to one page wide, header and footer.
fn print_setup(sheet: &mut Worksheet, title: &str, place: &str, landscape: bool) {
    sheet.set_paper_size(A4).set_print_fit_to_pages(1, 0);
    if landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_header(format!("&L{title}&R{place}"));
    sheet.set_footer("&LCellule de veille pour la continuité éducative&RPage &P / &N");
}

/// Protection that keeps the header and titles as they are but lets people fill, format and add rows.
fn protect(sheet: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
}

/// The kind's table: title, instruction, protected header row, validated and unlocked data rows.
pub fn table_sheet(workbook: &mut Workbook, kind: TableKind, name: &str, title: &str, place: &str, note: &str, communes: usize) -> Result<(), XlsxError> {
    let fields = &schema(kind).fields;
    let sheet = workbook.add_worksheet().set_name(name)?;
    let last = (fields.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last, title, &title_format())?;
    sheet.merge_range(1, 0, 1, last, note, &Format::new().set_italic().set_text_wrap())?;
    sheet.set_row_height(1, 30)?;
    sheet.set_row_height(HEADER_ROW, 32)?;
    for (col, field) in fields.iter().enumerate() {
        let col = col as u16;
        sheet.write_with_format(HEADER_ROW, col, field.title.as_str(), &header_format())?;
        sheet.set_column_width(col, column_width(field))?;
        let format = if is_date(field) { date_input_format() } else { input_format() };
        sheet.set_column_format(col, &format)?;
        sheet.add_data_validation(HEADER_ROW + 1, col, HEADER_ROW + TABLE_ROWS, col, &validation_for(field, communes)?)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    print_setup(sheet, title, place, fields.len() > 6);
    protect(sheet);
    Ok(())
}

/// The label of a questionnaire field on the one-page form: the question itself for the nine questions,
/// the follow-up wording for their sub-questions (each reads back through the header matcher).
pub fn form_label(field: &Field) -> String {
    match field.name.as_str() {
        "horodatage" => "Date".into(),
        "q1_lequel" => "Si oui, lequel ?".into(),
        "q3_preteurs" => "Si oui, par qui ?".into(),
        "q5_quels_eleves" => "Quels élèves ?".into(),
        "q4_quantite" => "Q4 En quelle quantité ?".into(),
        name if name.starts_with('q') => {
            let number = field.title.split_whitespace().next().unwrap_or_default();
            format!("{number} {}", field.description)
        }
        _ => field.title.clone(),
    }
}

/// The one-page questionnaire: question in column A, answer in column B; the commune on its own line.
pub fn form_sheet(workbook: &mut Workbook, title: &str, place: Option<&str>, communes: usize) -> Result<Vec<(u32, &'static str)>, XlsxError> {
    let fields = &schema(TableKind::Questionnaire).fields;
    let sheet = workbook.add_worksheet().set_name("Questionnaire")?;
    sheet.set_column_width(0, 60)?.set_column_width(1, 60)?;
    sheet.write_with_format(0, 0, title, &title_format())?;
    let note = "Un questionnaire par structure. Répondre dans la colonne B ; ne jamais écrire le nom d'un élève.";
    sheet.write_with_format(1, 0, note, &Format::new().set_italic())?;
    let label_format = Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    let mut row = 3;
    let mut answers = Vec::new();
    for field in fields {
        if field.name == "commune" {
            if let Some(name) = place {
                sheet.write_with_format(row, 0, format!("Commune : {name}"), &label_format)?;
                row += 1;
                continue;
            }
        }
        if field.name == "q1_travail_commun" {
            row += 1;
        }
        sheet.write_with_format(row, 0, form_label(field), &label_format)?;
        let format = if is_date(field) { date_input_format() } else { input_format() };
        sheet.write_blank(row, 1, &format)?;
        sheet.add_data_validation(row, 1, row, 1, &validation_for(field, communes)?)?;
        if field.name.starts_with('q') {
            sheet.set_row_height(row, 45)?;
        }
        answers.push((row, field.name.as_str()));
        row += 1;
    }
    print_setup(sheet, title, place.unwrap_or(""), false);
    protect(sheet);
    Ok(answers)
}

/// The hidden sheet of long drop-down lists: the communes of the territory.
pub fn lists_sheet(workbook: &mut Workbook, communes: &[&Commune]) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet().set_name(LISTS_SHEET)?;
    sheet.write_with_format(0, 0, LISTS_TITLE, &Format::new().set_bold())?;
    let mut names: Vec<&str> = communes.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    for (i, name) in names.iter().enumerate() {
        sheet.write(i as u32 + 1, 0, *name)?;
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_hidden(true);
    Ok(())
}

/// The "Mode d'emploi": what the file is for, each column explained, the charter's reminders.
pub fn guide_sheet(workbook: &mut Workbook, kind: TableKind, purpose: &str, form: bool) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet().set_name(GUIDE_SHEET)?;
    sheet.set_column_width(0, 28)?.set_column_width(1, 60)?.set_column_width(2, 14)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.write_with_format(0, 0, GUIDE_SHEET, &title_format())?;
    sheet.merge_range(1, 0, 1, 2, purpose, &wrap)?;
    sheet.set_row_height(1, 45)?;
    let reminders = [
        if form { "Remplir la colonne B de la feuille « Questionnaire » ; les questions sont en colonne A." } else { "Remplir une ligne par enregistrement sous la ligne d'en-tête, sans la modifier." },
        "Les listes déroulantes proposent les valeurs attendues ; une bulle explique chaque colonne.",
        "Charte de la cellule : aucune donnée de santé, religion, origine, opinion ou situation judiciaire ; des commentaires neutres et factuels.",
        "Les noms d'élèves ne quittent jamais ce fichier : veille les remplace par un pseudonyme dès la lecture.",
        "Renvoyer le fichier tel quel (xlsx) à la cellule de veille, sans le protéger par un mot de passe.",
    ];
    for (i, text) in reminders.iter().enumerate() {
        sheet.merge_range(3 + i as u32, 0, 3 + i as u32, 2, &format!("• {text}"), &wrap)?;
        sheet.set_row_height(3 + i as u32, 30)?;
    }
    let first = 3 + reminders.len() as u32 + 1;
    sheet.write_with_format(first, 0, "Les colonnes", &header_format())?;
    // One cell per column, never "title | description" pairs: a sheet of such pairs would read as a
    // questionnaire in form layout.
    for (i, field) in schema(kind).fields.iter().enumerate() {
        let row = first + 1 + i as u32;
        let required = if field.constraints.required { " (obligatoire)" } else { "" };
        sheet.merge_range(row, 0, row, 2, &format!("Colonne « {} »{required} — {}", field.title, field.description), &wrap)?;
        sheet.set_row_height(row, 30)?;
    }
    sheet.set_paper_size(A4).set_print_fit_to_pages(1, 0).set_portrait();
    sheet.set_footer("&LCellule de veille pour la continuité éducative&RPage &P / &N");
    Ok(())
}
