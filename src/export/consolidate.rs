//! Many exports put side by side: each one read and checked, a bad one set aside with its issue while the
//! others go on, two exports of the same commune and week settled (the later one wins, the issue names
//! both), and every week's communes added up.

use super::{read_export, Export, Refusal};
use crate::aggregate::{Aggregates, Tallies};
use crate::domain::{InseeCode, IsoWeek};
use crate::ingest::collect_inputs;
use crate::issues::{Issue, Location, Severity};
use crate::normalize::{Normalized, TableIntake};
use crate::reference::Territory;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The exports read, week by week.
pub struct Consolidation {
    /// Every week found, all its communes added up.
    pub weeks: BTreeMap<IsoWeek, (Aggregates, Tallies)>,
    /// One intake row per export (a commune is a row) and the issues of those set aside.
    pub data: Normalized,
    /// How many files were given or found.
    pub files: usize,
}

/// The largest export read (a consolidation of 194 communes × 20 weeks is a few megabytes).
const MAX_EXPORT_BYTES: u64 = 256 << 20;

struct Kept {
    file: String,
    made_at: String,
    aggregates: Aggregates,
    tallies: Tallies,
}

fn issue(file: &str, severity: Severity, code: &'static str, fr: String, en: String) -> Issue {
    Issue::new(Location::file(file), severity, code, fr, en)
}

fn intake(file: &str, read: usize, accepted: usize, rejected: usize, ignored: usize) -> TableIntake {
    TableIntake { file: file.into(), sheet: String::new(), kind: None, rows_read: read, rows_accepted: accepted, rows_rejected: rejected, rows_ignored: ignored }
}

fn read(path: &std::path::Path) -> Result<Export, Refusal> {
    let too_big = std::fs::metadata(path).map(|m| m.len() > MAX_EXPORT_BYTES).unwrap_or(false);
    let bytes = if too_big { Vec::new() } else { std::fs::read(path).unwrap_or_default() };
    read_export(&bytes)
}

/// Reads every export given (folders: every `.veille` file in them) for the territory.
pub fn consolidate(paths: &[PathBuf], territory: &Territory) -> Consolidation {
    let collected = collect_inputs(paths);
    let mut data = Normalized::default();
    let files = collected.files.len() + collected.failures.len();
    for (file, problem) in collected.failures {
        data.intake.push(intake(&file, 0, 0, 0, 0));
        data.issues.push(problem);
    }
    let given: Vec<&PathBuf> = paths.iter().filter(|p| p.is_file()).collect();
    let mut kept: BTreeMap<(IsoWeek, String), Kept> = BTreeMap::new();
    for input in collected.files.iter().filter(|f| given.contains(&&f.path) || f.path.extension().is_some_and(|e| e == "veille")) {
        let file = input.display.as_str();
        let export = match read(&input.path) {
            Ok(export) => export,
            Err(r) => {
                data.intake.push(intake(file, 0, 0, 0, 0));
                data.issues.push(issue(file, Severity::Error, r.code, r.fr, r.en));
                continue;
            }
        };
        let (mut accepted, mut rejected, mut ignored) = (0, 0, 0);
        let read = export.communes.len();
        for (insee, (aggregates, tallies)) in export.communes {
            if !InseeCode::parse(&insee).is_some_and(|c| territory.contains(&c)) {
                rejected += 1;
                let t = territory.describe(crate::i18n::Lang::Fr);
                let te = territory.describe(crate::i18n::Lang::En);
                data.issues.push(issue(file, Severity::Error, "export-outside", format!("commune {insee} hors du territoire ({t}) : export écarté ; élargir `territoire` dans veille.toml si elle doit compter"), format!("commune {insee} outside the territory ({te}): export set aside; widen `territoire` in veille.toml if it should count")));
                continue;
            }
            let candidate = Kept { file: file.into(), made_at: export.manifest.made_at.clone(), aggregates, tallies };
            match kept.remove(&(export.week, insee.clone())) {
                Some(earlier) => {
                    let (winner, loser) = if candidate.made_at >= earlier.made_at { (candidate, earlier) } else { (earlier, candidate) };
                    data.issues.push(issue(file, Severity::Warning, "export-duplicate", format!("deux exports pour la commune {insee} et la semaine {} : {} (fait le {}) l'emporte sur {} (fait le {})", export.week, winner.file, winner.made_at, loser.file, loser.made_at), format!("two exports for commune {insee} and week {}: {} (made {}) wins over {} (made {})", export.week, winner.file, winner.made_at, loser.file, loser.made_at)));
                    ignored += 1;
                    kept.insert((export.week, insee), winner);
                }
                None => {
                    accepted += 1;
                    kept.insert((export.week, insee), candidate);
                }
            }
        }
        data.intake.push(intake(file, read, accepted, rejected, ignored));
    }
    Consolidation { weeks: add_up(kept), data, files }
}

/// Each week's communes added up, communes in code order.
fn add_up(kept: BTreeMap<(IsoWeek, String), Kept>) -> BTreeMap<IsoWeek, (Aggregates, Tallies)> {
    let mut weeks: BTreeMap<IsoWeek, (Aggregates, Vec<Tallies>)> = BTreeMap::new();
    for ((week, _), k) in kept {
        let empty = || (Aggregates { week, lost_contact: Vec::new(), loans: Vec::new(), partners: Vec::new(), responses: Vec::new(), totals: Default::default(), communes: Vec::new() }, Vec::new());
        let (agg, tallies) = weeks.entry(week).or_insert_with(empty);
        agg.lost_contact.extend(k.aggregates.lost_contact);
        agg.loans.extend(k.aggregates.loans);
        agg.partners.extend(k.aggregates.partners);
        agg.responses.extend(k.aggregates.responses);
        tallies.push(k.tallies);
    }
    weeks
        .into_iter()
        .map(|(week, (mut agg, tallies))| {
            agg.assemble();
            (week, (agg, Tallies::merge(tallies)))
        })
        .collect()
}
