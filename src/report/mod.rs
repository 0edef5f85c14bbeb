//! Stage 7: the outputs of the contract (DESIGN.md, "Outputs"), written atomically: everything goes into a
//! temporary folder beside the target, renamed into place at the end.

mod bilan;
mod bilan_workbook;
mod charts;
mod columns;
mod confidentiality;
mod figures;
mod fonts;
mod labels;
mod pdf;
mod sections;
mod secrecy;
mod staging;
mod summary;
mod table;
mod tables;
mod validation;
mod workbook;

pub use bilan::{detail_label, Bilan};
pub use charts::{axis, BarChart, Series, PALETTE};
pub use confidentiality::{confidentiality_json, confidentiality_lines, PRIVACY_CODES};
pub use fonts::text_width;
pub use labels::{figure_label, week_label};
pub use sections::{colleges_table, comparison_table, coverage_table, declared_devices_table, issues_by_code_table, questions_table, repertoire_table, top_themes};
pub use secrecy::{mask, mask_with, publication_of, Masked, SecrecyContext, Verdict, LOAN_FIGURES, LOST_CONTACT_FIGURES, TOTAL_FIGURES};
pub use staging::Staging;
pub use summary::summary_json;
pub use table::{column, Column, Table, Value};
pub use columns::columns_table;
pub use tables::{answers_table, intake_table, issues_table, lost_contact_table, loans_table, partners_table, register_table, returned_by};
pub use validation::{group_by_table, validation_json, validation_text, TableReport};
pub use workbook::sheet_names;

use crate::aggregate::Aggregates;
use crate::domain::IsoWeek;
use crate::i18n::Lang;
use crate::normalize::Normalized;
use std::path::Path;

/// Everything a report is made from.
pub struct ReportInput<'a> {
    pub week: IsoWeek,
    pub lang: Lang,
    /// How many input files were given (readable or not).
    pub files: usize,
    pub data: &'a Normalized,
    pub aggregates: &'a Aggregates,
    /// The latest earlier week of the history and its totals, when there is one.
    pub previous: Option<(IsoWeek, crate::aggregate::Totals)>,
    /// Who the report is for.
    pub audience: crate::privacy::Audience,
    /// The figures hidden by statistical secrecy (restricted audiences only).
    pub masked: Option<Masked>,
    /// The earlier weeks of the history with their totals, oldest first (for the trend chart).
    pub history: Vec<(IsoWeek, crate::aggregate::Totals)>,
    /// Contacts restored in the previous recorded week (all communes), when the history has it.
    pub previous_restored: Option<i64>,
}

impl ReportInput<'_> {
    /// The communes covered, for page headers: one name, or "3 communes".
    pub fn place_label(&self) -> String {
        match self.aggregates.communes.as_slice() {
            [one] => one.name.clone(),
            many => format!("{} communes", many.len()),
        }
    }

    /// Contacts restored this week (all communes) and the change since the previous recorded week. Only
    /// for the trio: a total of restored contacts across communes is not one of the protected figures.
    pub fn restored(&self) -> Option<(i64, Option<i64>)> {
        if self.audience.is_restricted() {
            return None;
        }
        let now: i64 = self.aggregates.lost_contact.iter().map(|r| r.restored).sum();
        let change = self.previous.as_ref().and(self.previous_restored).map(|before| now - before);
        Some((now, change))
    }

    /// The Synthèse's line on contacts restored: ("Contacts renoués (registre)", "4   (+1 depuis la semaine 21)").
    pub fn restored_line(&self) -> Option<(String, String)> {
        let (now, change) = self.restored()?;
        let since = match (change, &self.previous) {
            (Some(delta), Some((week, _))) => match self.lang {
                crate::i18n::Lang::Fr => format!("   ({delta:+} depuis la semaine {})", week.week()),
                crate::i18n::Lang::En => format!("   ({delta:+} since week {})", week.week()),
            },
            _ => String::new(),
        };
        Some((self.lang.pick("Contacts renoués (registre)", "Contacts restored (register)").to_string(), format!("{now}{since}")))
    }
}

/// The tables of the report, built once and written to CSV and to the workbook.
pub struct Tables {
    pub intake: Table,
    pub issues: Table,
    pub answers: Table,
    pub lost_contact: Table,
    pub loans: Table,
    pub partners: Table,
    /// The pupils followed, for the trio only.
    pub register: Option<Table>,
    pub questions: Table,
    pub declared_devices: Table,
    /// Lost contact per collège, for the trio only.
    pub colleges: Option<Table>,
    pub repertoire: Table,
    pub coverage: Table,
    /// Communes side by side, when there are several.
    pub comparison: Option<Table>,
    pub issues_by_code: Table,
    /// Each column of each table read, and the field it was read as.
    pub columns: Table,
    /// The same, only the columns not read by a known header (for the PDF).
    pub columns_to_check: Table,
}

impl Tables {
    pub fn build(input: &ReportInput<'_>) -> Tables {
        Tables {
            intake: intake_table(&input.data.intake),
            issues: issues_table(&input.data.issues, input.lang),
            answers: answers_table(&input.data.responses, input.week, !input.audience.is_restricted()),
            lost_contact: masked_lost_contact(input),
            loans: masked_loans(input),
            partners: partners_table(input.aggregates),
            register: (!input.audience.is_restricted()).then(|| register_table(&input.data.register, input.week, input.lang)),
            questions: questions_table(input),
            declared_devices: declared_devices_table(input),
            colleges: (!input.audience.is_restricted()).then(|| colleges_table(input)),
            repertoire: repertoire_table(input),
            coverage: coverage_table(input),
            comparison: (input.aggregates.communes.len() > 1).then(|| comparison_table(input)),
            issues_by_code: issues_by_code_table(input),
            columns: columns_table(&input.data.columns, input.lang, false),
            columns_to_check: columns_table(&input.data.columns, input.lang, true),
        }
    }
}

/// Replaces the hidden figures of a table by `s`: `flags[row][i]` hides the column named `names[i]`.
fn hide_figures<const N: usize>(mut table: Table, flags: Option<&Vec<[bool; N]>>, names: &[&str; N]) -> Table {
    for (row, row_flags) in flags.into_iter().flatten().enumerate() {
        for (name, _) in names.iter().zip(row_flags).filter(|(_, hidden)| **hidden) {
            table.hide(row, name);
        }
    }
    table
}

fn masked_lost_contact(input: &ReportInput<'_>) -> Table {
    hide_figures(lost_contact_table(input.aggregates), input.masked.as_ref().map(|m| &m.lost_contact), &LOST_CONTACT_FIGURES)
}

fn masked_loans(input: &ReportInput<'_>) -> Table {
    hide_figures(loans_table(input.aggregates), input.masked.as_ref().map(|m| &m.loans), &LOAN_FIGURES)
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error("{0}")]
    Chart(String),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

/// One chart of the report: its file name, SVG text and size in pixels.
pub struct RenderedChart {
    pub name: &'static str,
    pub svg: String,
    pub size: (u32, u32),
}

/// Draws every chart of the report into `dir` (SVG and PNG) and keeps the SVG for the PDF.
fn render_charts(input: &ReportInput<'_>, dir: &Path) -> Result<Vec<RenderedChart>, ReportError> {
    let lang = input.lang;
    let mut charts: Vec<(&'static str, BarChart)> = vec![("lost_contact_by_commune", figures::lost_contact_chart(input.aggregates, input.masked.as_ref(), lang))];
    // Loans by lender add up every commune's cells: for a restricted audience they would give hidden
    // cells away, so that chart is only drawn for the trio.
    if input.masked.is_none() {
        charts.push(("loans_by_lender", figures::loans_chart(input.aggregates, lang)));
    }
    if input.aggregates.communes.len() > 1 {
        charts.push(("communes_ranked", figures::ranking_chart(input)));
    }
    charts.push(("partner_actions_by_status", figures::partners_chart(input.aggregates, lang)));
    charts.push(("yes_no_answers", figures::yes_no_chart(input)));
    charts.push(("themes_cited", figures::themes_chart(input)));
    if !input.history.is_empty() && input.masked.is_none() {
        let mut weeks = input.history.clone();
        weeks.push((input.week, input.aggregates.totals.clone()));
        charts.push(("weeks", figures::trend_chart(&weeks, lang)));
    }
    charts
        .into_iter()
        .map(|(name, chart)| {
            let svg = chart.render(&dir.join(name)).map_err(ReportError::Chart)?;
            crate::state::crash_point();
            Ok(RenderedChart { name, svg, size: chart.size() })
        })
        .collect()
}

/// Writes every output of the contract into `out` (replacing what was there).
pub fn write_report(out: &Path, input: &ReportInput<'_>) -> Result<(), ReportError> {
    prepare_report(out, input)?.commit()?;
    Ok(())
}

/// Writes every output of the contract into a staging folder that becomes `out` when committed: a
/// caller can record the history in between, so that a failure leaves both as they were.
pub fn prepare_report(out: &Path, input: &ReportInput<'_>) -> Result<Staging, ReportError> {
    use crate::state::crash_point;
    let staging = Staging::new(out)?;
    let dir = staging.path().to_path_buf();
    std::fs::create_dir_all(dir.join("data"))?;
    std::fs::create_dir_all(dir.join("charts"))?;
    let tables = Tables::build(input);
    crash_point();
    tables.intake.write_csv(&dir.join("data/intake.csv"))?;
    tables.columns.write_csv(&dir.join("data/columns.csv"))?;
    tables.issues.write_csv(&dir.join("data/issues.csv"))?;
    crash_point();
    tables.answers.write_csv(&dir.join("data/answers.csv"))?;
    tables.lost_contact.write_csv(&dir.join("data/lost_contact_by_commune.csv"))?;
    tables.loans.write_csv(&dir.join("data/loans_by_commune.csv"))?;
    tables.partners.write_csv(&dir.join("data/partners_by_commune.csv"))?;
    crash_point();
    let summary = summary_json(input);
    std::fs::write(dir.join("summary.json"), serde_json::to_string_pretty(&summary)? + "\n")?;
    crash_point();
    let charts = render_charts(input, &dir.join("charts"))?;
    crash_point();
    workbook::write_workbook(&dir.join("diagnostic.xlsx"), input, &tables)?;
    crash_point();
    let pdf = pdf::diagnostic_pdf(input, &tables, &charts).map_err(ReportError::Chart)?;
    std::fs::write(dir.join("diagnostic.pdf"), pdf)?;
    crash_point();
    Ok(staging)
}
