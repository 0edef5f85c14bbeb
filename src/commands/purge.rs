//! `veille purge [--before DATE] [--dry-run]`: retention (charter, article 7).
//!
//! Its options and their help: [`super::cli`].
//!
//! Deletes the weekly snapshots of the history whose week ended before DATE (default: today minus
//! `retention_days` of `veille.toml`, 365 by default) and says how many. veille never copies register
//! rows into its state; the register files themselves belong to the cellule, so for the INPUT files given
//! (default: `inputs` of veille.toml) it counts the register rows past retention (reported before DATE,
//! or closed before DATE) file by file, for the trio to delete. Counts only, never names.

use super::{exit, VeilleError};
use super::pipeline::read_inputs;
use crate::history;
use crate::i18n::Lang;
use crate::privacy::Pseudonymizer;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The options of `veille purge`.
pub struct PurgeOptions {
    pub state: PathBuf,
    pub before: NaiveDate,
    pub dry_run: bool,
    pub inputs: Vec<PathBuf>,
    pub lang: Lang,
    /// How long to wait for another run to release the state folder.
    pub lock_wait: std::time::Duration,
}

fn register_rows_past(inputs: &[PathBuf], before: NaiveDate) -> BTreeMap<String, usize> {
    let mut by_file = BTreeMap::new();
    if inputs.is_empty() {
        return by_file;
    }
    let intake = read_inputs(inputs, None, &Pseudonymizer::ephemeral(), None);
    for entry in &intake.data.register {
        let closed_long_ago = entry.closed_on.is_some_and(|d| d < before);
        if entry.reported_on < before || closed_long_ago {
            *by_file.entry(format!("{} ({})", entry.source.file, entry.source.sheet)).or_insert(0) += 1;
        }
    }
    by_file
}

pub fn run(options: &PurgeOptions) -> Result<u8, VeilleError> {
    let lang = options.lang;
    let _lock = super::report::lock_state(&options.state, options.lock_wait)?;
    let weeks = history::purge(&options.state, options.before, options.dry_run).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    let verb = match (options.dry_run, lang) {
        (true, Lang::Fr) => "à effacer",
        (false, Lang::Fr) => "effacées",
        (true, Lang::En) => "to delete",
        (false, Lang::En) => "deleted",
    };
    let listed: Vec<String> = weeks.iter().map(|w| w.to_string()).collect();
    match lang {
        Lang::Fr => println!("Historique : {} semaine(s) antérieure(s) au {} {verb}{}", weeks.len(), options.before.format("%d/%m/%Y"), if listed.is_empty() { String::new() } else { format!(" ({})", listed.join(", ")) }),
        Lang::En => println!("History: {} week(s) before {} {verb}{}", weeks.len(), options.before, if listed.is_empty() { String::new() } else { format!(" ({})", listed.join(", ")) }),
    }
    println!("{}", lang.pick(
        "Registre : veille n'en garde aucune ligne dans son dossier d'état (seulement des totaux par commune).",
        "Register: veille keeps none of its rows in its state folder (only per-commune totals).",
    ));
    for (file, n) in register_rows_past(&options.inputs, options.before) {
        match lang {
            Lang::Fr => println!("  {file} : {n} ligne(s) du registre au-delà de la durée de conservation, à supprimer du fichier"),
            Lang::En => println!("  {file}: {n} register row(s) past the retention period, to delete from the file"),
        }
    }
    Ok(exit::OK)
}

/// The default cut-off: `retention_days` before `today`.
pub fn default_before(today: NaiveDate, retention_days: u32) -> NaiveDate {
    today - chrono::Duration::days(i64::from(retention_days))
}
