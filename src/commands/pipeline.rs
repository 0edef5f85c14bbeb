//! The stages every reading command shares: ingest → detect → normalize (names pseudonymised on the way).

use crate::detect::{detect_with, ColumnSettings};
use crate::domain::{InseeCode, IsoWeek, Pseudonym, TableKind};
use crate::ingest::{collect_inputs, drop_identical, read_all_observed, Cell, Limits};
use crate::normalize::{NormalizeOptions, Normalized, TableIntake};
use crate::privacy::{apply_charter, drop_forbidden_columns, NameRegistry, Pseudonymizer};
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
pub fn read_inputs_with(paths: &[PathBuf], forced: Option<TableKind>, pseudonymizer: &Pseudonymizer, default_commune: Option<InseeCode>, settings: &ReadSettings) -> Intake {
    let (limits, territory) = (&settings.limits, &settings.territory);
    let collected = collect_inputs(paths);
    let found = collected.files.len();
    let (inputs, copies) = drop_identical(collected.files, limits);
    let reading = Stage::start("Lecture des fichiers", "Reading files", inputs.len() as u64);
    let ingested = read_all_observed(&inputs, limits, &|| reading.advance(1));
    reading.finish();
    let mut data = Normalized::default();
    let files = found + collected.failures.len();
    for (file, issue) in collected.failures.into_iter().chain(copies).chain(ingested.failures) {
        data.intake.push(TableIntake::unreadable(&file));
        data.issues.push(issue);
    }
    for issue in collected.notes.into_iter().chain(ingested.issues) {
        data.issues.push(issue);
    }
    let pseudonyms = PseudonymMemo::new(pseudonymizer);
    let pseudonymize = |name: &str| pseudonyms.get(name);
    let options = NormalizeOptions { pseudonymize: &pseudonymize, default_commune, territory };
    for input in &inputs {
        let has_data = |t: &&crate::ingest::RawTable| t.file == input.display && !is_blank_table(t);
        let read = ingested.tables.iter().any(|t| t.file == input.display);
        if read && !ingested.tables.iter().any(|t| has_data(&t)) {
            data.add_empty_workbook(&input.display);
        }
    }
    let rows = ingested.tables.iter().map(|t| t.rows.len() as u64).sum();
    let normalising = Stage::start("Lecture des lignes", "Reading rows", rows);
    // Each table is dropped once normalised: its cells are not held while the next one is read.
    for table in ingested.tables {
        normalising.advance(table.rows.len() as u64);
        if is_blank_table(&table) || crate::templates::is_template_aid(&table) {
            continue;
        }
        match detect_with(&table, forced, &settings.columns) {
            Some(mut found) => {
                for issue in drop_forbidden_columns(&table, &mut found) {
                    data.issues.push(issue);
                }
                data.add_table(&table, &found, &options);
            }
            None => data.add_unrecognised(&table),
        }
    }
    normalising.finish();
    data.finish();
    apply_charter(&mut data, &pseudonyms.registry());
    crate::normalize::classify_themes(&mut data.responses);
    Intake { data, files }
}

/// A pseudonym computed once per distinct name as written. Names are remembered for the run only, to
/// find them again in free text (privacy stage), in the order of their last occurrence, as if each row
/// had been remembered in turn.
struct PseudonymMemo<'a> {
    pseudonymizer: &'a Pseudonymizer,
    seen: std::cell::RefCell<(u64, std::collections::HashMap<String, (Pseudonym, u64)>)>,
}

impl<'a> PseudonymMemo<'a> {
    fn new(pseudonymizer: &'a Pseudonymizer) -> Self {
        PseudonymMemo { pseudonymizer, seen: Default::default() }
    }

    fn get(&self, name: &str) -> Pseudonym {
        let mut seen = self.seen.borrow_mut();
        let (count, names) = &mut *seen;
        *count += 1;
        if let Some((pseudonym, last)) = names.get_mut(name) {
            *last = *count;
            return pseudonym.clone();
        }
        let pseudonym = self.pseudonymizer.pseudonym(name);
        names.insert(name.to_string(), (pseudonym.clone(), *count));
        pseudonym
    }

    fn registry(&self) -> NameRegistry {
        let registry = NameRegistry::default();
        let seen = self.seen.borrow();
        let mut names: Vec<(&String, &(Pseudonym, u64))> = seen.1.iter().collect();
        names.sort_by_key(|(_, (_, last))| *last);
        for (name, (pseudonym, _)) in names {
            registry.remember(name, pseudonym);
        }
        registry
    }
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
