//! `veille consolider EXPORT...`: the report of many communes from their `.veille` exports, never from a
//! nominative file (charter, article 8). The same outputs as `veille report`, statistical secrecy applied
//! once on the added-up tables, every week found recorded in this state folder's history (so that
//! `veille bilan` works at the département's level), and, for the trio, one export of the whole
//! consolidation (`export/<territoire>-<week>.veille`) that can be consolidated again.

use super::report::{earlier_release, gate_and_record, lock_state, made_at};
use super::{exit, VeilleError};
use crate::aggregate::Week;
use crate::diagnostic::diagnostic;
use crate::domain::IsoWeek;
use crate::export::{consolidate, export_bytes};
use crate::history::{self, Archive};
use crate::i18n::Lang;
use crate::privacy::{Audience, Part, Publication};
use crate::report::{prepare, Outputs};
use std::path::PathBuf;

/// The options of `veille consolider`.
#[derive(Debug, Clone)]
pub struct ConsoliderOptions {
    pub inputs: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub week: Option<IsoWeek>,
    pub audience: Audience,
    pub lang: Lang,
    pub state: PathBuf,
    pub reports: PathBuf,
    pub secrecy: crate::privacy::SecrecyRule,
    pub territory: crate::reference::Territory,
    pub lock_wait: std::time::Duration,
}

fn failed(e: &dyn std::fmt::Display) -> VeilleError {
    VeilleError::failure(format!("impossible d'écrire la consolidation ({e}) : rien n'a été modifié"), format!("cannot write the consolidation ({e}): nothing was changed"))
}

/// What the consolidation's own export is called: its territory ("91", "91-44", or its communes).
fn scope(territory: &crate::reference::Territory) -> String {
    if territory.departements().is_empty() { "communes".to_string() } else { territory.departements().join("-") }
}

pub fn run(options: &ConsoliderOptions) -> Result<u8, VeilleError> {
    let lang = options.lang;
    let _lock = lock_state(&options.state, options.lock_wait)?;
    let mut consolidation = consolidate(&options.inputs, &options.territory);
    let week = options.week.or_else(|| consolidation.weeks.keys().next_back().copied()).ok_or_else(|| {
        VeilleError::failure("aucun export lisible parmi les fichiers donnés (voir les messages ci-dessus)", "no readable export among the files given")
    })?;
    let data = std::mem::take(&mut consolidation.data);
    // Every week found goes into the history: `bilan` then covers the département's whole period.
    for (aggregates, _) in consolidation.weeks.values() {
        history::record(&options.state, aggregates).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    }
    let (aggregates, tallies) = consolidation.weeks.remove(&week).ok_or_else(|| {
        VeilleError::failure(format!("aucun export de la semaine {week} parmi les fichiers donnés"), format!("no export of week {week} among the files given"))
    })?;
    let figures = Week::from_tallies(aggregates, tallies, &data);
    let archive = Archive::open(&options.state, week).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    let earlier = earlier_release(&options.state, options.audience, week)?;
    let publication = Publication::new(&figures, options.audience, &options.secrecy, earlier.clone(), &archive, lang);
    let report = diagnostic(&publication, consolidation.files, lang);
    let mut attachments = Vec::new();
    if publication.shows(Part::Exports) {
        let all: Vec<_> = figures.aggregates.communes.iter().map(|c| (c.insee.clone(), figures.aggregates.of_commune(&c.insee), tallies_of(&figures, &c.insee))).collect();
        let bytes = export_bytes(week, &scope(&options.territory), &all, &made_at()).map_err(|e| failed(&e))?;
        attachments.push((format!("export/{}-{week}.veille", scope(&options.territory)), bytes));
    }
    let out = options.out.clone().unwrap_or_else(|| options.reports.join(format!("consolidation-{week}")));
    let outputs = Outputs { stem: "diagnostic", document: &report.document, data: &report.data, summary: &report.summary, attachments: &attachments, lang };
    let staging = prepare(&out, &outputs).map_err(|e| failed(&e))?;
    gate_and_record(&publication, &staging, earlier.as_ref(), &options.secrecy, &options.state, lang)?;
    staging.commit().map_err(|e| failed(&e))?;
    let (n, issues) = (figures.aggregates.communes.len(), data.issues.len());
    println!(
        "{}",
        match lang {
            Lang::Fr => format!("Consolidation {week} écrite dans {} : {} exports, {n} communes, {} semaines enregistrées dans l'historique, {issues} problèmes (voir data/issues.csv)", out.display(), consolidation.files, consolidation.weeks.len() + 1),
            Lang::En => format!("Consolidation {week} written to {}: {} exports, {n} communes, {} weeks recorded in the history, {issues} issues (see data/issues.csv)", out.display(), consolidation.files, consolidation.weeks.len() + 1),
        }
    );
    Ok(exit::OK)
}

/// One commune's share of the consolidated tallies is not kept apart once added up: the consolidation's
/// own export carries them whole under its first commune (they add up again the same way).
fn tallies_of(week: &Week<'_>, insee: &str) -> crate::aggregate::Tallies {
    if week.aggregates.communes.first().is_some_and(|c| c.insee == insee) { week.tallies.clone() } else { crate::aggregate::Tallies::default() }
}
