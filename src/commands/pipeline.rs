//! The stages every reading command shares: ingest → detect → normalize (names pseudonymised on the way).

use crate::detect::detect;
use crate::domain::{InseeCode, IsoWeek, TableKind};
use crate::ingest::{collect_inputs, read_all, Cell};
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

/// Reads every input and normalises every recognised table, for a cellule of Essonne (the default territory).
pub fn read_inputs(paths: &[PathBuf], forced: Option<TableKind>, pseudonymizer: &Pseudonymizer, default_commune: Option<InseeCode>) -> Intake {
    read_inputs_in(paths, forced, pseudonymizer, default_commune, &Territory::default())
}

/// Reads every input and normalises every recognised table; commune and school names resolve within the
/// territory first.
pub fn read_inputs_in(paths: &[PathBuf], forced: Option<TableKind>, pseudonymizer: &Pseudonymizer, default_commune: Option<InseeCode>, territory: &Territory) -> Intake {
    let (inputs, missing) = collect_inputs(paths);
    let ingested = read_all(&inputs);
    let mut data = Normalized::default();
    let files = inputs.len() + missing.len();
    for (file, issue) in missing.into_iter().chain(ingested.failures) {
        data.intake.push(TableIntake::unreadable(&file));
        data.issues.push(issue);
    }
    for issue in ingested.issues {
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
        match detect(table, forced) {
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
