//! The stages every reading command shares: ingest → detect → normalize (names pseudonymised on the way).

use super::intake::{FileIntake, PseudonymMemo, Shared};
use crate::detect::ColumnSettings;
use crate::domain::{InseeCode, IsoWeek, TableKind};
use crate::ingest::{collect_inputs, drop_identical, read_all_into, Limits};
use crate::issues::Issue;
use crate::normalize::{Normalized, TableIntake};
use crate::privacy::{apply_charter, Pseudonymizer};
use crate::progress::Stage;
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
/// Files are read in parallel, each normalised while it is read ([`FileIntake`]); their parts are joined
/// in input order.
pub fn read_inputs_with(paths: &[PathBuf], forced: Option<TableKind>, pseudonymizer: &Pseudonymizer, default_commune: Option<InseeCode>, settings: &ReadSettings) -> Intake {
    let (limits, territory) = (&settings.limits, &settings.territory);
    crate::reference::Reference::warm_up();
    let collected = collect_inputs(paths);
    let found = collected.files.len();
    let (inputs, copies) = drop_identical(collected.files, limits);
    let reading = Stage::start("Lecture des fichiers", "Reading files", inputs.len() as u64);
    let rows = Stage::start("Lecture des lignes", "Reading rows", 0);
    let shared = Shared { pseudonymizer, default_commune, territory, columns: &settings.columns, forced, rows: &rows };
    let read = read_all_into(&inputs, limits, &|| reading.advance(1), &|_| FileIntake::new(&shared));
    reading.finish();
    rows.finish();
    let mut data = Normalized::default();
    let files = found + collected.failures.len();
    let mut parts = Vec::new();
    let mut failures: Vec<(String, Issue)> = collected.failures.into_iter().chain(copies).collect();
    let mut notes = collected.notes;
    for (display, result) in read {
        match result {
            Ok((_, 0, mut issues)) if !issues.is_empty() => {
                failures.push((display, issues.remove(0)));
                notes.extend(issues);
            }
            Ok((file, sheets, issues)) => {
                notes.extend(issues);
                parts.push((display, sheets, file));
            }
            Err(issue) => failures.push((display, issue)),
        }
    }
    for (file, issue) in failures {
        data.intake.push(TableIntake::unreadable(&file));
        data.issues.push(issue);
    }
    for issue in notes {
        data.issues.push(issue);
    }
    for (display, sheets, file) in &parts {
        if *sheets > 0 && !file.has_data {
            data.add_empty_workbook(display);
        }
    }
    let names = PseudonymMemo::default();
    for (_, _, file) in parts {
        data.append(file.part);
        names.absorb(file.names);
    }
    data.finish();
    apply_charter(&mut data, &names.registry());
    crate::normalize::classify_themes(&mut data.responses);
    Intake { data, files }
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
