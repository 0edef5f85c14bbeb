//! `veille report INPUT...`: the weekly diagnostic.
//!
//! Usage: veille report [INPUT...] [--out DIR] [--week 2020-W21] [--audience trio|partenaires|prefecture] [--lang fr|en] [--state DIR] [--kind KIND] [--strict]
//!
//! Reads every file and folder given (recursively), writes the outputs of DESIGN.md into DIR
//! (default `reports/<week>`), and exits 0 when the report was written, 3 with `--strict` when an
//! error-level issue exists, 1 when nothing could be written.

use super::exit;
use super::pipeline::{read_inputs_in, report_week};
use crate::aggregate::aggregate;
use crate::history;
use crate::domain::{InseeCode, IsoWeek, TableKind};
use crate::i18n::Lang;
use crate::privacy::{load_key, Audience, KeyOrigin, Pseudonymizer};
use crate::report::{mask, write_report, ReportInput};
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

pub fn run(options: &ReportOptions) -> u8 {
    let lang = options.lang;
    let pseudonymizer = match pseudonymizer(&options.state, lang) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let intake = read_inputs_in(&options.inputs, options.kind, &pseudonymizer, options.default_commune.clone(), &options.territory);
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
    let masked = options.audience.is_restricted().then(|| mask(&aggregates, i64::from(options.min_count)));
    let earlier = history::weeks(&options.state).map(|weeks| weeks.into_iter().filter(|w| *w < week).collect::<Vec<_>>()).unwrap_or_default();
    let history: Vec<_> = earlier.into_iter().filter_map(|w| history::totals(&options.state, w).ok().map(|t| (w, t))).collect();
    let previous_restored = previous.as_ref().and_then(|(w, _)| history::series(&options.state, Some(*w), Some(*w)).ok()).map(|rows| rows.iter().map(|r| r.details[0]).sum());
    let input = ReportInput { week, lang, files: intake.files, data: &intake.data, aggregates: &aggregates, previous, audience: options.audience, masked, history, previous_restored };
    if let Err(e) = write_report(&out, &input) {
        eprintln!("veille: {} {} ({e})", lang.pick("impossible d'écrire le rapport dans", "cannot write the report into"), out.display());
        return exit::FAILURE;
    }
    if let Err(e) = history::record(&options.state, &aggregates) {
        eprintln!("veille: {}", e.message(lang));
        return exit::FAILURE;
    }
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
