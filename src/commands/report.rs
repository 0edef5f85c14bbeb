//! `veille report INPUT...`: the weekly diagnostic (its options: [`super::cli`]).
//!
//! Reads every file and folder given (recursively), writes the outputs of DESIGN.md into DIR
//! (default `reports/<week>`), and exits 0 when the report was written, 3 with `--strict` when an
//! error-level issue exists, 1 when nothing could be written.

use super::{exit, notice, VeilleError};
use super::pipeline::{read_inputs_with, report_week, ReadSettings};
use crate::aggregate::week as figures_of_week;
use crate::diagnostic::diagnostic;
use crate::history::{self, Archive};
use crate::domain::{InseeCode, IsoWeek, TableKind};
use crate::i18n::Lang;
use crate::export::commune_exports;
use crate::privacy::{load_key, Audience, KeyOrigin, Part, Publication, Pseudonymizer, Release, SecrecyRule};
use crate::ingest::Limits;
use crate::report::{prepare, Outputs, Staging};
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
pub fn pseudonymizer(state: &std::path::Path, lang: Lang) -> Result<Pseudonymizer, VeilleError> {
    let env_key = std::env::var("VEILLE_KEY").ok();
    let (key, origin) = load_key(state, env_key.as_deref()).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    if let KeyOrigin::Created(path) = origin {
        notice(
            lang,
            &format!("nouvelle clé de pseudonymisation créée dans {} : la sauvegarder, elle sert chaque semaine", path.display()),
            &format!("new pseudonymisation key created in {}: back it up, it is needed every week", path.display()),
        );
    }
    Ok(Pseudonymizer::new(&key))
}

/// Holds the state folder for this run, or says who does.
pub fn lock_state(state: &std::path::Path, wait: std::time::Duration) -> Result<StateLock, VeilleError> {
    let lock = StateLock::acquire(state, wait).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    // What a killed run left half-done is swept while no other run can be writing.
    crate::state::sweep(state);
    crash_point();
    Ok(lock)
}

/// When an export is made: now, in UTC.
pub fn made_at() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// What the same restricted audience was shown before `week` (none for the trio).
pub fn earlier_release(state: &std::path::Path, audience: Audience, week: IsoWeek) -> Result<Option<Release>, VeilleError> {
    if !audience.is_restricted() {
        return Ok(None);
    }
    history::publication_before(state, audience.as_str(), week).map_err(|e| VeilleError::from_message(|l| e.message(l)))
}

/// For a restricted audience: the audit of the staged folder (nothing is written on a leak), then what
/// the audience is shown recorded in the history, so that next week's publication is linked to it.
pub fn gate_and_record(publication: &Publication<'_>, staging: &Staging, earlier: Option<&Release>, rule: &SecrecyRule, state: &std::path::Path, lang: Lang) -> Result<(), VeilleError> {
    let Some(masked) = publication.secrecy() else { return Ok(()) };
    let audience = publication.audience_code();
    super::audit::gate(masked, staging.path(), earlier, rule, audience, lang)?;
    history::record_publication(state, audience, &masked.publication).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    Ok(())
}

fn cannot_write(out: &std::path::Path, e: &dyn std::fmt::Display) -> VeilleError {
    VeilleError::failure(
        format!("impossible d'écrire le rapport dans {} ({e}) : rien n'a été modifié (disque plein ou droits insuffisants ?)", out.display()),
        format!("cannot write the report into {} ({e}): nothing was changed (disk full or missing permission?)", out.display()),
    )
}

pub fn run(options: &ReportOptions) -> Result<u8, VeilleError> {
    let lang = options.lang;
    let _lock = lock_state(&options.state, options.lock_wait)?;
    let pseudonymizer = pseudonymizer(&options.state, lang)?;
    crash_point();
    let settings = ReadSettings { columns: options.columns.clone(), limits: options.limits.clone(), territory: options.territory.clone() };
    let mut intake = read_inputs_with(&options.inputs, options.kind, &pseudonymizer, options.default_commune.clone(), &settings);
    crash_point();
    let week = report_week(options.week, &intake.data).ok_or_else(|| {
        VeilleError::usage("aucune date trouvée dans les fichiers : préciser la semaine avec --week 2020-W21", "no date found in the inputs: give the week with --week 2020-W21")
    })?;
    let figures = figures_of_week(&mut intake.data, week)
        .map_err(|e| VeilleError::failure(format!("le calcul des indicateurs a échoué ({e})"), format!("computing the figures failed ({e})")))?;
    let out = options.out.clone().unwrap_or_else(|| options.reports.join(week.to_string()));
    let archive = Archive::open(&options.state, week).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    let earlier = earlier_release(&options.state, options.audience, week)?;
    let publication = Publication::new(&figures, options.audience, &options.secrecy, earlier.clone(), &archive, lang);
    // The document and the communes' exports need only the figures: the exports are made while the
    // document is made and written (its largest sheet leaves a core free).
    let ((report, staging), exports) = rayon::join(
        || {
            let report = diagnostic(&publication, intake.files, lang);
            let outputs = Outputs { stem: "diagnostic", document: &report.document, data: &report.data, summary: &report.summary, attachments: &[], lang };
            let staging = prepare(&out, &outputs);
            (report, staging)
        },
        || if publication.shows(Part::Exports) { commune_exports(&figures, &made_at()) } else { Ok(Vec::new()) },
    );
    // The report is staged, then audited, then the history recorded, then the report swapped in: a
    // failure or a crash at any step leaves the previous report and the history each as they were.
    let staging = staging.map_err(|e| cannot_write(&out, &e))?;
    staging.add_files(&exports.map_err(|e| cannot_write(&out, &e))?).map_err(|e| cannot_write(&out, &e))?;
    history::record(&options.state, &figures.aggregates).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    gate_and_record(&publication, &staging, earlier.as_ref(), &options.secrecy, &options.state, lang)?;
    crash_point();
    staging.commit().map_err(|e| cannot_write(&out, &e))?;
    crash_point();
    // veille ends when this returns, and the system takes its memory back at once: freeing a préfecture's
    // records and document one value at a time took a tenth of a second.
    std::mem::forget((figures, report));
    println!("{}", written(lang, week, &out, &intake));
    let errors = intake.data.issues.iter().filter(|i| i.severity == crate::issues::Severity::Error).count();
    std::mem::forget(intake);
    Ok(if options.strict && errors > 0 { exit::STRICT } else { exit::OK })
}

/// "Rapport 2020-W21 écrit dans reports/2020-W21 : 7 fichiers, …".
fn written(lang: Lang, week: IsoWeek, out: &std::path::Path, intake: &super::pipeline::Intake) -> String {
    let rows = |f: fn(&crate::normalize::TableIntake) -> usize| intake.data.intake.iter().map(f).sum::<usize>();
    let (read, accepted, rejected, ignored) = (rows(|i| i.rows_read), rows(|i| i.rows_accepted), rows(|i| i.rows_rejected), rows(|i| i.rows_ignored));
    let (files, issues) = (intake.files, intake.data.issues.len());
    let errors = intake.data.issues.iter().filter(|i| i.severity == crate::issues::Severity::Error).count();
    match lang {
        Lang::Fr => format!(
            "Rapport {week} écrit dans {} : {files} fichiers, {read} lignes lues ({accepted} acceptées, {rejected} rejetées, {ignored} ignorées), {issues} problèmes dont {errors} erreurs (voir data/issues.csv)",
            out.display()
        ),
        Lang::En => format!(
            "Report {week} written to {}: {files} files, {read} rows read ({accepted} accepted, {rejected} rejected, {ignored} ignored), {issues} issues of which {errors} errors (see data/issues.csv)",
            out.display()
        ),
    }
}
