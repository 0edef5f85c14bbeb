//! `veille validate INPUT...`: the validation report only.
//!
//! Its options and their help: [`super::cli`].
//!
//! Reads every file and folder given (recursively) as `veille report` does, and prints each table's row
//! accounting, what each column was read as (and why), and its issues, grouped by file and sheet. Writes nothing: names are pseudonymised with a key
//! that is never stored, and no history is touched. Exits 1 when any error-level issue exists, else 0.

use super::{exit, VeilleError};
use super::pipeline::{read_inputs_with, ReadSettings};
use crate::domain::{InseeCode, TableKind};
use crate::i18n::Lang;
use crate::privacy::Pseudonymizer;
use crate::validation::{validation_json, validation_text};
use std::path::PathBuf;

/// The options of `veille validate`.
#[derive(Debug, Clone)]
pub struct ValidateOptions {
    pub inputs: Vec<PathBuf>,
    pub json: bool,
    pub lang: Lang,
    pub kind: Option<TableKind>,
    /// The commune of rows and files that name none (`veille.toml`).
    pub default_commune: Option<InseeCode>,
    /// Which header holds which field, as the user said (`[colonnes]`, `--colonne`).
    pub columns: crate::detect::ColumnSettings,
    /// The caps on each input file (`[limits]` of veille.toml).
    pub limits: crate::ingest::Limits,
    /// The cellule's territory (`veille.toml`, Essonne by default): names resolve within it first.
    pub territory: crate::reference::Territory,
}

pub fn run(options: &ValidateOptions) -> Result<u8, VeilleError> {
    let settings = ReadSettings { columns: options.columns.clone(), limits: options.limits.clone(), territory: options.territory.clone() };
    let intake = read_inputs_with(&options.inputs, options.kind, &Pseudonymizer::ephemeral(), options.default_commune.clone(), &settings);
    if options.json {
        let json = validation_json(&intake.data, intake.files, options.lang);
        println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
    } else {
        print!("{}", validation_text(&intake.data, intake.files, options.lang));
    }
    Ok(if intake.data.issues.has_errors() { exit::FAILURE } else { exit::OK })
}
