//! Stage 7: the outputs of the contract (DESIGN.md, "Outputs"), written atomically: everything goes into a
//! temporary folder beside the target, renamed into place at the end.

mod charts;
mod confidentiality;
mod labels;
mod secrecy;
mod staging;
mod summary;
mod table;
mod tables;
mod validation;
mod workbook;

pub use charts::{axis, BarChart, Series, PALETTE};
pub use confidentiality::{confidentiality_json, confidentiality_lines, PRIVACY_CODES};
pub use labels::{figure_label, week_label};
pub use secrecy::{mask, Masked, LOAN_FIGURES, LOST_CONTACT_FIGURES, TOTAL_FIGURES};
pub use staging::Staging;
pub use summary::summary_json;
pub use table::{column, Column, Table, Value};
pub use tables::{answers_table, intake_table, issues_table, lost_contact_table, loans_table, partners_table, register_table, returned_by};
pub use validation::{group_by_table, validation_json, validation_text, TableReport};
pub use workbook::sheet_names;

use crate::aggregate::Aggregates;
use crate::domain::{Device, IsoWeek, Lender};
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
}

impl ReportInput<'_> {
    /// The communes covered, for page headers: one name, or "3 communes".
    pub fn place_label(&self) -> String {
        match self.aggregates.communes.as_slice() {
            [one] => one.name.clone(),
            many => format!("{} communes", many.len()),
        }
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

/// Lost contact per commune; a hidden figure is drawn as no bar with "s", and the title says so.
fn lost_contact_chart(agg: &Aggregates, masked: Option<&Masked>, lang: Lang) -> BarChart {
    let series = |label: &str, figure: usize, value: fn(&crate::aggregate::LostContactRow) -> i64| {
        let mut s = Series::new(label, agg.lost_contact.iter().map(value).collect());
        s.hidden = (0..agg.lost_contact.len()).map(|i| masked.is_some_and(|m| m.lost_contact[i][figure])).collect();
        s
    };
    let series = vec![
        series(lang.pick("Déclarés dans les questionnaires (Q5)", "Declared in questionnaires (Q5)"), 0, |r| r.declared),
        series(lang.pick("Élèves au registre", "Pupils in the register"), 1, |r| r.register_pupils),
    ];
    let any_hidden = series.iter().any(|s| s.hidden.iter().any(|h| *h));
    let title = lang.pick("Élèves perdus de vue par commune", "Lost-contact pupils per commune");
    let note = lang.pick(" (s : masqué, secret statistique)", " (s: hidden, statistical secrecy)");
    BarChart {
        title: if any_hidden { format!("{title}{note}") } else { title.into() },
        categories: agg.lost_contact.iter().map(|r| r.commune.clone()).collect(),
        series,
        stacked: false,
    }
    .sorted()
}

fn loans_chart(agg: &Aggregates, lang: Lang) -> BarChart {
    let lenders: Vec<Lender> = Lender::ALL.iter().copied().filter(|l| agg.loans.iter().any(|r| r.lender == *l)).collect();
    let devices: Vec<Device> = Device::ALL.iter().copied().filter(|d| agg.loans.iter().any(|r| r.device == *d)).collect();
    let lent = |l: Lender, d: Device| agg.loans.iter().filter(|r| r.lender == l && r.device == d).map(|r| r.lent).sum();
    BarChart {
        title: lang.pick("Appareils prêtés par prêteur et type", "Devices lent by lender and type").into(),
        categories: lenders.iter().map(|l| l.label(lang).to_string()).collect(),
        series: devices.iter().map(|&d| Series::new(d.label(lang), lenders.iter().map(|&l| lent(l, d)).collect())).collect(),
        stacked: true,
    }
    .sorted()
}

/// Writes every output of the contract into `out` (replacing what was there).
pub fn write_report(out: &Path, input: &ReportInput<'_>) -> Result<(), ReportError> {
    let staging = Staging::new(out)?;
    let dir = staging.path().to_path_buf();
    std::fs::create_dir_all(dir.join("data"))?;
    std::fs::create_dir_all(dir.join("charts"))?;
    let tables = Tables::build(input);
    tables.intake.write_csv(&dir.join("data/intake.csv"))?;
    tables.issues.write_csv(&dir.join("data/issues.csv"))?;
    tables.answers.write_csv(&dir.join("data/answers.csv"))?;
    tables.lost_contact.write_csv(&dir.join("data/lost_contact_by_commune.csv"))?;
    tables.loans.write_csv(&dir.join("data/loans_by_commune.csv"))?;
    tables.partners.write_csv(&dir.join("data/partners_by_commune.csv"))?;
    let summary = summary_json(input);
    std::fs::write(dir.join("summary.json"), serde_json::to_string_pretty(&summary)? + "\n")?;
    lost_contact_chart(input.aggregates, input.masked.as_ref(), input.lang).render(&dir.join("charts/lost_contact_by_commune")).map_err(ReportError::Chart)?;
    // Loans by lender add up every commune's cells: for a restricted audience they would give hidden
    // cells away, so that chart is only drawn for the trio.
    if input.masked.is_none() {
        loans_chart(input.aggregates, input.lang).render(&dir.join("charts/loans_by_lender")).map_err(ReportError::Chart)?;
    }
    workbook::write_workbook(&dir.join("diagnostic.xlsx"), input, &tables)?;
    staging.commit()?;
    Ok(())
}
