//! What the detected columns mean for the figures, said as issues: a column that holds data and was not
//! read names the nearest field and the veille.toml line that would read it; a missing column that feeds
//! a figure names that figure; two columns for one field name both and the one kept.

use crate::detect::{pairing_text, schema, setting_line, values_text, ColumnReport, Detected, Field, Outcome};
use crate::domain::TableKind;
use crate::i18n::Lang;
use crate::ingest::RawTable;
use crate::issues::{column_letter, IssueLog, Location};

/// The columns of one table and what became of them, for `validate` and the quality section.
#[derive(Debug, Clone)]
pub struct TableColumns {
    pub file: String,
    pub sheet: String,
    pub kind: TableKind,
    /// The header's row number, as the user sees it.
    pub header_row: u32,
    /// The 0-based index of the table's first column in the sheet.
    pub first_col: usize,
    pub columns: Vec<ColumnReport>,
}

impl TableColumns {
    pub fn of(table: &RawTable, detected: &Detected) -> TableColumns {
        TableColumns {
            file: table.file.clone(),
            sheet: table.sheet.clone(),
            kind: detected.kind,
            header_row: table.row_number(detected.header_index),
            first_col: table.first_col,
            columns: detected.report.clone(),
        }
    }

    /// The column's letter as the user sees it ("F").
    pub fn letter(&self, col: usize) -> String {
        column_letter(self.first_col + col)
    }

    /// One line per column: letter, header, field (or "—"), why.
    pub fn lines(&self, lang: Lang) -> Vec<[String; 4]> {
        self.columns
            .iter()
            .map(|c| [self.letter(c.col), c.header.clone(), c.field().unwrap_or("—").to_string(), c.explain(lang, |k| self.letter(k))])
            .collect()
    }
}

fn title(kind: TableKind, field: &str) -> String {
    schema(kind).fields.iter().find(|f| f.name == field).map(|f| f.title.clone()).unwrap_or_default()
}

fn header_of(columns: &TableColumns, col: usize) -> String {
    columns.columns.iter().find(|c| c.col == col).map(|c| c.header.clone()).unwrap_or_default()
}

/// The unread column whose nearest field is `field`, with the line that would read it.
fn hint_for(columns: &TableColumns, field: &str) -> Option<(String, String)> {
    columns.columns.iter().find_map(|c| match &c.outcome {
        Outcome::Unplaced { nearest: Some((f, _)) } if *f == field => Some((columns.letter(c.col), setting_line(columns.kind, &c.header, field))),
        _ => None,
    })
}

fn column_issues(columns: &TableColumns, report: &ColumnReport, at: Location, issues: &mut IssueLog) {
    let (letter, header, kind) = (columns.letter(report.col), &report.header, columns.kind);
    let values = |lang| values_text(report, lang);
    match &report.outcome {
        Outcome::Unplaced { nearest: Some((field, pairing)) } => {
            let line = setting_line(kind, header, field);
            let t = title(kind, field);
            issues.warning(
                at,
                "extra-label",
                format!("colonne {letter} « {header} » non lue ({}) : le champ le plus proche est « {field} » ({t}, {}) ; si c'est bien lui, ajouter à veille.toml : {line}", values(Lang::Fr), pairing_text(pairing, Lang::Fr)),
                format!("column {letter} \"{header}\" not read ({}): the nearest field is \"{field}\" ({t}, {}); if it is that one, add to veille.toml: {line}", values(Lang::En), pairing_text(pairing, Lang::En)),
            );
        }
        Outcome::Unplaced { nearest: None } => issues.info(
            at,
            "extra-label",
            format!("colonne {letter} « {header} » non lue ({}) : elle ne correspond à aucun champ (voir `veille schema {kind}`)", values(Lang::Fr)),
            format!("column {letter} \"{header}\" not read ({}): it matches no field (see `veille schema {kind}`)", values(Lang::En)),
        ),
        Outcome::Competing { field, kept } => {
            let (k, kept_header, line) = (columns.letter(*kept), header_of(columns, *kept), setting_line(kind, header, field));
            issues.warning(
                at,
                "duplicate-label",
                format!("colonnes {k} « {kept_header} » et {letter} « {header} » : toutes deux pour « {field} » ; {k} est lue, {letter} ne l'est pas (pour lire {letter} : {line})"),
                format!("columns {k} \"{kept_header}\" and {letter} \"{header}\": both for \"{field}\"; {k} is read, {letter} is not (to read {letter}: {line})"),
            );
        }
        Outcome::Names { field } => {
            let line = setting_line(kind, header, field);
            issues.warning(
                at,
                "forbidden-column",
                format!("colonne {letter} « {header} » jamais lue : elle contient des noms de personnes, qui ne quittent pas le registre (charte) ; si ce n'en sont pas, ajouter à veille.toml : {line}"),
                format!("column {letter} \"{header}\" never read: it holds people's names, which never leave the register (charter); if they are not names, add to veille.toml: {line}"),
            );
        }
        Outcome::Placed { field, pairing } if pairing.header.is_none() => issues.info(
            at,
            "column-by-values",
            format!("colonne {letter} (en-tête « {header} ») lue comme « {field} » d'après ses valeurs ({})", pairing_text(pairing, Lang::Fr)),
            format!("column {letter} (header \"{header}\") read as \"{field}\" from its values ({})", pairing_text(pairing, Lang::En)),
        ),
        _ => {}
    }
}

fn missing_required(columns: &TableColumns, field: &Field, at: Location, issues: &mut IssueLog) {
    let (name, t) = (&field.name, &field.title);
    let (fr_hint, en_hint) = match hint_for(columns, name) {
        Some((letter, line)) => (format!(" ; si c'est la colonne {letter}, ajouter à veille.toml : {line}"), format!("; if it is column {letter}, add to veille.toml: {line}")),
        None => (String::new(), String::new()),
    };
    issues.error(
        at,
        "missing-label",
        format!("colonne obligatoire « {name} » introuvable : ajouter une colonne « {t} »{fr_hint}"),
        format!("required column \"{name}\" not found: add a column \"{t}\"{en_hint}"),
    );
}

fn missing_for_figure(columns: &TableColumns, field: &Field, at: Location, issues: &mut IssueLog) {
    let Some(missing) = &field.missing else { return };
    let (fr_hint, en_hint) = match hint_for(columns, &field.name) {
        Some((letter, line)) => (format!(" ; si la colonne {letter} la contient, ajouter à veille.toml : {line}"), format!("; if column {letter} holds it, add to veille.toml: {line}")),
        None => (format!(" (colonne « {} » attendue)", field.title), format!(" (column \"{}\" expected)", field.title)),
    };
    issues.warning(at, "missing-label", format!("{}{fr_hint}", missing.fr), format!("{}{en_hint}", missing.en));
}

/// Reports what the table's columns mean for the figures. `provided` says whether the title rows give a
/// field's value to every row (a date, a lender), so its column is not missed.
pub(crate) fn report_columns(table: &RawTable, detected: &Detected, provided: impl Fn(&Field) -> bool, issues: &mut IssueLog) -> TableColumns {
    let columns = TableColumns::of(table, detected);
    let header_row = table.row_number(detected.header_index);
    let mut header_loc = table.location().at_row(header_row);
    header_loc.column = None;
    for field in detected.missing_required() {
        missing_required(&columns, field, header_loc.clone(), issues);
    }
    for field in detected.missing_for_figures() {
        if !provided(field) {
            missing_for_figure(&columns, field, header_loc.clone(), issues);
        }
    }
    for report in &columns.columns {
        let at = table.location().at_cell(header_row, table.first_col + report.col);
        column_issues(&columns, report, at, issues);
    }
    columns
}
