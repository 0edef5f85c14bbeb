//! `veille report INPUT...`: the weekly diagnostic.
//!
//! Usage: veille report [INPUT...] [--out DIR] [--week 2020-W21] [--audience trio|partenaires|prefecture] [--lang fr|en] [--state DIR] [--kind KIND] [--colonne "En-tête=champ"]... [--strict]
//!
//! Reads every file and folder given (recursively), writes the outputs of DESIGN.md into DIR
//! (default `reports/<week>`), and exits 0 when the report was written, 3 with `--strict` when an
//! error-level issue exists, 1 when nothing could be written.

use super::exit;
use super::pipeline::{read_inputs_with, report_week, ReadSettings};
use crate::aggregate::aggregate;
use crate::history;
use crate::domain::{InseeCode, IsoWeek, TableKind};
use crate::i18n::Lang;
use crate::privacy::{load_key, Audience, KeyOrigin, Pseudonymizer};
use crate::ingest::Limits;
use crate::report::{mask_with, prepare_report, ReportInput, SecrecyContext};
use crate::state::{crash_point, StateLock};
use std::path::PathBuf;

/// The options of `veille report`.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub inputs: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub week: Option<IsoWeek>,
    pub lang: Lang,
    pub state: PathBuf,
    pub kind: Option<TableKind>,
    pub strict: bool,
    /// The commune of rows and files that name none (`veille.toml`).
    pub default_commune: Option<InseeCode>,
    /// The cellule's territory (`veille.toml`, Essonne by default): names resolve within it first.
    pub territory: crate::reference::Territory,
    /// Where reports go when `--out` is not given: `<reports>/<week>`.
    pub reports: PathBuf,
    /// Who the report is for.
    pub audience: Audience,
    /// The statistical-secrecy threshold of restricted audiences (`veille.toml`, default 5).
    pub min_count: u32,
    /// The whole secrecy rule of restricted audiences (`min_count` and `[secret]` of veille.toml).
    pub secrecy: crate::privacy::SecrecyRule,
    /// Which header holds which field, as the user said (`[colonnes]`, `--colonne`).
    pub columns: crate::detect::ColumnSettings,
    /// The caps on each input file (`[limits]` of veille.toml).
    pub limits: Limits,
    /// How long to wait for another run to release the state folder.
    pub lock_wait: std::time::Duration,
}

/// Loads the pseudonymisation key, saying so when a new one is created.
pub fn pseudonymizer(state: &std::path::Path, lang: Lang) -> Result<Pseudonymizer, u8> {
    let env_key = std::env::var("VEILLE_KEY").ok();
    match load_key(state, env_key.as_deref()) {
        Ok((key, origin)) => {
            if let KeyOrigin::Created(path) = origin {
                eprintln!(
                    "{}",
                    lang.pick(
                        &format!("veille: nouvelle clé de pseudonymisation créée dans {} : la sauvegarder, elle sert chaque semaine", path.display()),
                        &format!("veille: new pseudonymisation key created in {}: back it up, it is needed every week", path.display()),
                    )
                );
            }
            Ok(Pseudonymizer::new(&key))
        }
        Err(e) => {
            eprintln!("veille: {}", e.message(lang));
            Err(exit::FAILURE)
        }
    }
}

/// Holds the state folder for this run, or says who does.
pub fn lock_state(state: &std::path::Path, wait: std::time::Duration, lang: Lang) -> Result<StateLock, u8> {
    match StateLock::acquire(state, wait) {
        Ok(lock) => {
            // What a killed run left half-done is swept while no other run can be writing.
            crate::state::sweep(state);
            crash_point();
            Ok(lock)
        }
        Err(e) => {
            eprintln!("veille: {}", e.message(lang));
            Err(exit::FAILURE)
        }
    }
}

pub fn run(options: &ReportOptions) -> u8 {
    let lang = options.lang;
    let _lock = match lock_state(&options.state, options.lock_wait, lang) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    let pseudonymizer = match pseudonymizer(&options.state, lang) {
        Ok(p) => p,
        Err(code) => return code,
    };
    crash_point();
    let settings = ReadSettings { columns: options.columns.clone(), limits: options.limits.clone(), territory: options.territory.clone() };
    let intake = read_inputs_with(&options.inputs, options.kind, &pseudonymizer, options.default_commune.clone(), &settings);
    crash_point();
    let Some(week) = report_week(options.week, &intake.data) else {
        eprintln!("veille: {}", lang.pick("aucune date trouvée dans les fichiers : préciser la semaine avec --week 2020-W21", "no date found in the inputs: give the week with --week 2020-W21"));
        return exit::USAGE;
    };
    let aggregates = match aggregate(&intake.data, week) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("veille: {} ({e})", lang.pick("le calcul des indicateurs a échoué", "computing the figures failed"));
            return exit::FAILURE;
        }
    };
    let out = options.out.clone().unwrap_or_else(|| options.reports.join(week.to_string()));
    let previous = match history::previous(&options.state, week) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("veille: {}", e.message(lang));
            return exit::FAILURE;
        }
    };
    // Statistical secrecy (issue 14): linked to what the same audience was shown before, audited.
    let earlier_shown = match options.audience.is_restricted().then(|| history::publication_before(&options.state, options.audience.as_str(), week)).transpose() {
        Ok(earlier) => earlier.flatten(),
        Err(e) => {
            eprintln!("veille: {}", e.message(lang));
            return exit::FAILURE;
        }
    };
    let context = SecrecyContext { rule: options.secrecy.clone(), previous: previous.clone(), earlier: earlier_shown.clone(), lang };
    let masked = options.audience.is_restricted().then(|| mask_with(&aggregates, &context));
    let publication = masked.as_ref().map(|m| m.publication.clone());
    let earlier = history::weeks(&options.state).map(|weeks| weeks.into_iter().filter(|w| *w < week).collect::<Vec<_>>()).unwrap_or_default();
    let history: Vec<_> = earlier.into_iter().filter_map(|w| history::totals(&options.state, w).ok().map(|t| (w, t))).collect();
    let previous_restored = previous.as_ref().and_then(|(w, _)| history::series(&options.state, Some(*w), Some(*w)).ok()).map(|rows| rows.iter().map(|r| r.details[0]).sum());
    let input = ReportInput { week, lang, files: intake.files, data: &intake.data, aggregates: &aggregates, previous, audience: options.audience, masked, history, previous_restored };
    // The report is staged, then the history recorded, then the report swapped in: a failure or a
    // crash at any step leaves the previous report and the history each as they were, or whole.
    let cannot_write = |e: &dyn std::fmt::Display| {
        eprintln!("veille: {} {} ({e}) : {}", lang.pick("impossible d'écrire le rapport dans", "cannot write the report into"), out.display(), lang.pick("rien n'a été modifié (disque plein ou droits insuffisants ?)", "nothing was changed (disk full or missing permission?)"));
        exit::FAILURE
    };
    let staging = match prepare_report(&out, &input) {
        Ok(staging) => staging,
        Err(e) => return cannot_write(&e),
    };
    if let Some(m) = &input.masked {
        if let Err(code) = super::audit::gate(m, staging.path(), earlier_shown.as_ref(), &options.secrecy, options.audience.as_str(), lang) {
            return code;
        }
    }
    if let Err(e) = history::record(&options.state, &aggregates) {
        eprintln!("veille: {}", e.message(lang));
        return exit::FAILURE;
    }
    if let Err(e) = publication.as_ref().map(|p| history::record_publication(&options.state, options.audience.as_str(), p)).transpose() {
        eprintln!("veille: {}", e.message(lang));
        return exit::FAILURE;
    }
    crash_point();
    if let Err(e) = staging.commit() {
        return cannot_write(&e);
    }
    crash_point();
    let rows = |f: fn(&crate::normalize::TableIntake) -> usize| intake.data.intake.iter().map(f).sum::<usize>();
    let errors = intake.data.issues.iter().filter(|i| i.severity == crate::issues::Severity::Error).count();
    println!(
        "{}",
        match lang {
            Lang::Fr => format!(
                "Rapport {week} écrit dans {} : {} fichiers, {} lignes lues ({} acceptées, {} rejetées, {} ignorées), {} problèmes dont {errors} erreurs (voir data/issues.csv)",
                out.display(), intake.files, rows(|i| i.rows_read), rows(|i| i.rows_accepted), rows(|i| i.rows_rejected), rows(|i| i.rows_ignored), intake.data.issues.len()
            ),
            Lang::En => format!(
                "Report {week} written to {}: {} files, {} rows read ({} accepted, {} rejected, {} ignored), {} issues of which {errors} errors (see data/issues.csv)",
                out.display(), intake.files, rows(|i| i.rows_read), rows(|i| i.rows_accepted), rows(|i| i.rows_rejected), rows(|i| i.rows_ignored), intake.data.issues.len()
            ),
        }
    );
    if options.strict && errors > 0 { exit::STRICT } else { exit::OK }
}
