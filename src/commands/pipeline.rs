//! The stages every reading command shares: ingest → detect → normalize (names pseudonymised on the way).

use crate::detect::{detect_with, ColumnSettings};
use crate::domain::{InseeCode, IsoWeek, TableKind};
use crate::ingest::{collect_inputs, drop_identical, read_all_within, Cell, Limits};
use crate::normalize::{NormalizeOptions, Normalized, TableIntake};
use crate::privacy::{apply_charter, drop_forbidden_columns, NameRegistry, Pseudonymizer};
use crate::reference::Territory;
use chrono::NaiveDate;
use std::path::PathBuf;

/// The inputs read and normalised.
pub struct Intake {
    pub data: Normalized,
    /// How many files were given or found (readable or not).
    pub files: usize,
}

/// Reads every input and normalises every recognised table, within the default caps.
pub fn read_inputs(paths: &[PathBuf], forced: Option<TableKind>, pseudonymizer: &Pseudonymizer, default_commune: Option<InseeCode>) -> Intake {
    read_inputs_with(paths, forced, pseudonymizer, default_commune, &ReadSettings::default())
}

/// What the user set for reading: which header holds which field (`[colonnes]`, `--colonne`), the caps
/// on each file (`[limits]`) and the cellule's territory, where commune and school names resolve first.
#[derive(Clone, Default)]
pub struct ReadSettings {
    pub columns: ColumnSettings,
    pub limits: Limits,
    pub territory: Territory,
}

/// Reads every input within the settings' caps and normalises every recognised table, with the user's
/// column settings. Byte-identical copies are read once; every file found, read or not, counts in `files`.
pub fn read_inputs_with(paths: &[PathBuf], forced: Option<TableKind>, pseudonymizer: &Pseudonymizer, default_commune: Option<InseeCode>, settings: &ReadSettings) -> Intake {
    let (limits, territory) = (&settings.limits, &settings.territory);
    let collected = collect_inputs(paths);
    let found = collected.files.len();
    let (inputs, copies) = drop_identical(collected.files, limits);
    let ingested = read_all_within(&inputs, limits);
    let mut data = Normalized::default();
    let files = found + collected.failures.len();
    for (file, issue) in collected.failures.into_iter().chain(copies).chain(ingested.failures) {
        data.intake.push(TableIntake::unreadable(&file));
        data.issues.push(issue);
    }
    for issue in collected.notes.into_iter().chain(ingested.issues) {
        data.issues.push(issue);
    }
    // Names are remembered for the run only, to find them again in free text (privacy stage).
    let names = NameRegistry::default();
    let pseudonymize = |name: &str| {
        let pseudonym = pseudonymizer.pseudonym(name);
        names.remember(name, &pseudonym);
        pseudonym
    };
    let options = NormalizeOptions { pseudonymize: &pseudonymize, default_commune, territory };
    for input in &inputs {
        let has_data = |t: &&crate::ingest::RawTable| t.file == input.display && !is_blank_table(t);
        let read = ingested.tables.iter().any(|t| t.file == input.display);
        if read && !ingested.tables.iter().any(|t| has_data(&t)) {
            data.add_empty_workbook(&input.display);
        }
    }
    for table in &ingested.tables {
        if is_blank_table(table) || crate::templates::is_template_aid(table) {
            continue;
        }
        match detect_with(table, forced, &settings.columns) {
            Some(mut found) => {
                for issue in drop_forbidden_columns(table, &mut found) {
                    data.issues.push(issue);
                }
                data.add_table(table, &found, &options);
            }
            None => data.add_unrecognised(table),
        }
    }
    data.finish();
    apply_charter(&mut data, &names);
    crate::normalize::classify_themes(&mut data.responses);
    Intake { data, files }
}

fn is_blank_table(table: &crate::ingest::RawTable) -> bool {
    table.rows.iter().all(|r| r.iter().all(Cell::is_blank))
}

/// The latest date found in the records: the default report week comes from it, never from the clock.
pub fn latest_date(data: &Normalized) -> Option<NaiveDate> {
    let responses = data.responses.iter().filter_map(|r| r.returned_at.map(|t| t.date()));
    let partners = data.partner_actions.iter().filter_map(|a| a.updated_on);
    let loans = data.loans.iter().flat_map(|l| std::iter::once(l.lent_on).chain(l.returned_on));
    let register = data.register.iter().flat_map(|e| std::iter::once(e.reported_on).chain(e.closed_on));
    responses.chain(partners).chain(loans).chain(register).max()
}

/// The report week: the one asked for, else the week of the latest date in the inputs.
pub fn report_week(asked: Option<IsoWeek>, data: &Normalized) -> Option<IsoWeek> {
    asked.or_else(|| latest_date(data).map(IsoWeek::of))
}
