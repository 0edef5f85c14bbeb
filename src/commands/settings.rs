//! The one step that resolves what a command runs with: the command line first, then `veille.toml`, then
//! the defaults. Each command's options come out whole; nothing after this reads the configuration.

use super::cli::{Cli, Command};
use super::{audit, bilan, consolider, init, purge, report, schema, template, validate, VeilleError};
use crate::config::Config;
use crate::detect::ColumnSettings;
use crate::i18n::Lang;
use std::path::PathBuf;
use std::time::Duration;

/// veille.toml's `[colonnes]`, with the command line's `--colonne` winning over it.
fn column_settings(config: &Config, arguments: &[String]) -> Result<ColumnSettings, VeilleError> {
    let mut settings = config.column_settings().map_err(|e| VeilleError::usage_said(format!("veille.toml : {e}")))?;
    let mut given = ColumnSettings::default();
    for argument in arguments {
        given.add_argument(argument).map_err(VeilleError::usage_said)?;
    }
    settings.prefer(given);
    Ok(settings)
}

/// The inputs given, else veille.toml's.
fn inputs_or_configured(inputs: Vec<PathBuf>, config: &Config) -> Vec<PathBuf> {
    if inputs.is_empty() { config.inputs.clone() } else { inputs }
}

/// Runs the command the line asks for, with its settings resolved; the exit status.
pub fn run(cli: Cli, config: &Config) -> Result<u8, VeilleError> {
    let lang = cli.lang.unwrap_or_else(|| config.language());
    let state = |given: Option<PathBuf>| given.unwrap_or_else(|| config.state.clone());
    let lock_wait = Duration::from_secs(config.lock_wait_seconds);
    match cli.command {
        Command::Report { inputs, out, week, state: given_state, kind, strict, audience, colonnes } => {
            let inputs = inputs_or_configured(inputs, config);
            if inputs.is_empty() {
                return Err(VeilleError::usage("aucun fichier à lire : donner des fichiers ou dossiers, ou `inputs` dans veille.toml", "no input: give files or folders, or `inputs` in veille.toml"));
            }
            report::run(&report::ReportOptions {
                columns: column_settings(config, &colonnes)?,
                inputs, out, week, lang, kind, strict, audience,
                state: state(given_state),
                default_commune: config.default_commune(),
                territory: config.territory(),
                reports: config.reports.clone(),
                secrecy: config.secrecy_rule(),
                limits: config.limits.clone(),
                lock_wait,
            })
        }
        Command::Validate { inputs, json, kind, colonnes } => validate::run(&validate::ValidateOptions {
            columns: column_settings(config, &colonnes)?,
            inputs, json, lang, kind,
            default_commune: config.default_commune(),
            limits: config.limits.clone(),
            territory: config.territory(),
        }),
        Command::Init { dir, commune, departement } => init::run(&dir, commune, &departement, lang),
        Command::Template { out, commune } => template::run(out, commune, config.default_commune(), &config.territory(), lang),
        Command::Bilan { state: given_state, from, to, out } => {
            let out = out.unwrap_or_else(|| config.reports.join("bilan"));
            bilan::run(&bilan::BilanOptions { state: state(given_state), from, to, out, lang })
        }
        Command::Purge { inputs, state: given_state, before, dry_run } => {
            let today = chrono::Local::now().date_naive();
            let before = before.unwrap_or_else(|| purge::default_before(today, config.retention_days));
            let inputs = inputs_or_configured(inputs, config);
            purge::run(&purge::PurgeOptions { state: state(given_state), before, dry_run, inputs, lang, lock_wait })
        }
        Command::Consolider { inputs, out, week, state: given_state, audience } => consolider::run(&consolider::ConsoliderOptions {
            inputs, out, week, audience, lang,
            state: state(given_state),
            reports: config.reports.clone(),
            secrecy: config.secrecy_rule(),
            territory: config.territory(),
            lock_wait,
        }),
        Command::Audit { dir, precedent } => audit::run(&audit::AuditOptions { dir, previous: precedent, rule: config.secrecy_rule(), lang }),
        Command::Schema { kind } => schema::run(kind.as_deref()),
    }
}

/// The language of messages before the command line could be read: `--lang` if it can be found, else French.
pub fn early_language(args: &[String]) -> Lang {
    super::help::asked_language(args).unwrap_or_default()
}
