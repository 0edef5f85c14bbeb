//! The validation report of `veille validate`, a document of its own: every table's row accounting and its issues, grouped by file
//! and sheet, as text for people or JSON for machines.

use crate::i18n::{counted, Lang};
use crate::issues::{Issue, Severity};
use crate::detect::Outcome;
use crate::normalize::{Normalized, TableColumns, TableIntake};
use serde_json::{json, Value as Json};

mod columns;

pub use columns::columns_table;

/// One file's sheet (or a CSV file) with the issues found in it.
pub struct TableReport<'a> {
    pub file: &'a str,
    pub sheet: &'a str,
    pub intake: Option<&'a TableIntake>,
    pub issues: Vec<&'a Issue>,
}

/// Groups the issues by file and sheet, in the order the tables were read; issues about a sheet that has
/// no intake row (a sheet that could not be read) get a group of their own.
pub fn group_by_table(data: &Normalized) -> Vec<TableReport<'_>> {
    let mut groups: Vec<TableReport<'_>> = data
        .intake
        .iter()
        .map(|i| TableReport { file: &i.file, sheet: &i.sheet, intake: Some(i), issues: Vec::new() })
        .collect();
    for issue in data.issues.sorted() {
        let (file, sheet) = (issue.location.file.as_str(), issue.location.sheet.as_str());
        match groups.iter_mut().find(|g| g.file == file && g.sheet == sheet) {
            Some(group) => group.issues.push(issue),
            None => groups.push(TableReport { file, sheet, intake: None, issues: vec![issue] }),
        }
    }
    groups
}

fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => lang.pick("erreur", "error"),
        Severity::Warning => lang.pick("avertissement", "warning"),
        Severity::Info => lang.pick("information", "info"),
    }
}

fn count(severity: Severity, data: &Normalized) -> usize {
    data.issues.iter().filter(|i| i.severity == severity).count()
}

fn totals(data: &Normalized) -> [usize; 4] {
    let sum = |f: fn(&TableIntake) -> usize| data.intake.iter().map(f).sum();
    [sum(|i| i.rows_read), sum(|i| i.rows_accepted), sum(|i| i.rows_rejected), sum(|i| i.rows_ignored)]
}

fn heading(group: &TableReport<'_>, lang: Lang) -> String {
    let unrecognised = group.issues.iter().any(|i| i.code == "unknown-table");
    let kind = match group.intake.and_then(|i| i.kind) {
        Some(kind) => kind.label(lang),
        None if unrecognised => lang.pick("non reconnu", "not recognised"),
        None => lang.pick("non lu", "not read"),
    };
    match group.sheet {
        "" => format!("{} — {kind}", group.file),
        sheet => format!("{}, {} « {sheet} » — {kind}", group.file, lang.pick("feuille", "sheet")),
    }
}

fn issue_line(issue: &Issue, lang: Lang) -> String {
    let mut place = match issue.location.row {
        Some(row) => format!("{} {row}", lang.pick("ligne", "row")),
        None => String::new(),
    };
    if let Some(column) = &issue.location.column {
        place = if place.is_empty() { format!("col. {column}") } else { format!("{place}, col. {column}") };
    }
    format!("  {place:<16} {:<14} {:<20} {}", severity_label(issue.severity, lang), issue.code, issue.message(lang))
}

/// The validation report as text, French or English.
///
/// ```
/// use veille::i18n::Lang;
/// use veille::normalize::Normalized;
/// let text = veille::validation::validation_text(&Normalized::default(), 0, Lang::Fr);
/// assert!(text.starts_with("Validation : 0 fichier, 0 ligne lue"));
/// ```
pub fn validation_text(data: &Normalized, files: usize, lang: Lang) -> String {
    let [read, accepted, rejected, ignored] = totals(data);
    let (errors, warnings, infos) = (count(Severity::Error, data), count(Severity::Warning, data), count(Severity::Info, data));
    let mut out = match lang {
        Lang::Fr => format!(
            "Validation : {}, {} ({accepted} acceptées, {rejected} rejetées, {ignored} ignorées) ; {}, {}, {}\n",
            counted(lang, files, "fichier", "fichiers"), counted(lang, read, "ligne lue", "lignes lues"),
            counted(lang, errors, "erreur", "erreurs"), counted(lang, warnings, "avertissement", "avertissements"), counted(lang, infos, "information", "informations"),
        ),
        Lang::En => format!(
            "Validation: {}, {} ({accepted} accepted, {rejected} rejected, {ignored} ignored); {}, {}, {}\n",
            counted(lang, files, "file", "files"), counted(lang, read, "row read", "rows read"),
            counted(lang, errors, "error", "errors"), counted(lang, warnings, "warning", "warnings"), counted(lang, infos, "info", "infos"),
        ),
    };
    for group in group_by_table(data) {
        out.push('\n');
        out.push_str(&heading(&group, lang));
        out.push('\n');
        if let Some(i) = group.intake {
            out.push_str(&match lang {
                Lang::Fr => format!(
                    "  {} : {}, {}, {}\n",
                    counted(lang, i.rows_read, "ligne lue", "lignes lues"), counted(lang, i.rows_accepted, "acceptée", "acceptées"),
                    counted(lang, i.rows_rejected, "rejetée", "rejetées"), counted(lang, i.rows_ignored, "ignorée", "ignorées"),
                ),
                Lang::En => format!("  {} rows read: {} accepted, {} rejected, {} ignored\n", i.rows_read, i.rows_accepted, i.rows_rejected, i.rows_ignored),
            });
        }
        out.push_str(&columns_text(data, &group, lang));
        for issue in &group.issues {
            out.push_str(&issue_line(issue, lang));
            out.push('\n');
        }
    }
    out
}

fn columns_of<'a>(data: &'a Normalized, group: &TableReport<'_>) -> Option<&'a TableColumns> {
    data.columns.iter().find(|c| c.file == group.file && c.sheet == group.sheet)
}

/// "Colonnes (en-tête ligne 3) :" then one line per column: letter, header → field, why.
fn columns_text(data: &Normalized, group: &TableReport<'_>, lang: Lang) -> String {
    let Some(columns) = columns_of(data, group) else { return String::new() };
    let mut out = match lang {
        Lang::Fr => format!("  Colonnes (en-tête ligne {}) :\n", columns.header_row),
        Lang::En => format!("  Columns (header on row {}):\n", columns.header_row),
    };
    for [letter, header, field, why] in columns.lines(lang) {
        out.push_str(&format!("    {letter:<3} « {header} » → {field} — {why}\n"));
    }
    out
}

fn columns_json(data: &Normalized, group: &TableReport<'_>, lang: Lang) -> Json {
    let Some(columns) = columns_of(data, group) else { return Json::Null };
    let lines: Vec<Json> = columns
        .columns
        .iter()
        .zip(columns.lines(lang))
        .map(|(c, [letter, header, _, why])| {
            let confidence = match &c.outcome {
                Outcome::Placed { pairing, .. } => Some(pairing.confidence()),
                _ => None,
            };
            json!({"column": letter, "header": header, "field": c.field(), "why": why, "confidence": confidence})
        })
        .collect();
    json!({"header_row": columns.header_row, "columns": lines})
}

/// The validation report for machines: the same groups, with Frictionless-style codes.
///
/// ```
/// use veille::i18n::Lang;
/// use veille::normalize::Normalized;
/// let json = veille::validation::validation_json(&Normalized::default(), 0, Lang::En);
/// assert_eq!(json["valid"], true);
/// assert_eq!(json["tables"].as_array().map(Vec::len), Some(0));
/// ```
pub fn validation_json(data: &Normalized, files: usize, lang: Lang) -> Json {
    let [read, accepted, rejected, ignored] = totals(data);
    let tables: Vec<Json> = group_by_table(data)
        .iter()
        .map(|group| {
            let issues: Vec<Json> = group
                .issues
                .iter()
                .map(|i| json!({"row": i.location.row, "column": i.location.column, "severity": i.severity.as_str(), "code": i.code, "message": i.message(lang)}))
                .collect();
            json!({
                "file": group.file, "sheet": group.sheet,
                "kind": group.intake.and_then(|i| i.kind).map(|k| k.as_str()),
                "rows_read": group.intake.map(|i| i.rows_read), "rows_accepted": group.intake.map(|i| i.rows_accepted),
                "rows_rejected": group.intake.map(|i| i.rows_rejected), "rows_ignored": group.intake.map(|i| i.rows_ignored),
                "columns": columns_json(data, group, lang),
                "issues": issues,
            })
        })
        .collect();
    json!({
        "valid": !data.issues.has_errors(),
        "files": files,
        "rows_read": read, "rows_accepted": accepted, "rows_rejected": rejected, "rows_ignored": ignored,
        "errors": count(Severity::Error, data), "warnings": count(Severity::Warning, data), "infos": count(Severity::Info, data),
        "tables": tables,
    })
}
