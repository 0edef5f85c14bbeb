//! The command line: every command and option of `veille`. Their help texts, in French and in English,
//! live in one place, [`super::help`], and are set on these definitions for the language asked.

use crate::domain::{IsoWeek, TableKind};
use crate::i18n::Lang;
use crate::privacy::Audience;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "veille", version)]
pub struct Cli {
    #[arg(long, global = true)]
    pub lang: Option<Lang>,
    #[arg(long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    Report {
        inputs: Vec<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        week: Option<IsoWeek>,
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<TableKind>,
        #[arg(long)]
        strict: bool,
        #[arg(long, default_value = "trio")]
        audience: Audience,
        #[arg(long = "colonne", value_name = "EN-TÊTE=CHAMP")]
        colonnes: Vec<String>,
    },
    Validate {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<TableKind>,
        #[arg(long = "colonne", value_name = "EN-TÊTE=CHAMP")]
        colonnes: Vec<String>,
    },
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long)]
        commune: Option<String>,
        #[arg(long)]
        departement: Vec<String>,
    },
    Template {
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        commune: Option<String>,
    },
    Bilan {
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long)]
        from: Option<IsoWeek>,
        #[arg(long)]
        to: Option<IsoWeek>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    Purge {
        inputs: Vec<PathBuf>,
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long)]
        before: Option<chrono::NaiveDate>,
        #[arg(long)]
        dry_run: bool,
    },
    Consolider {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        week: Option<IsoWeek>,
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long, default_value = "prefecture")]
        audience: Audience,
    },
    Audit {
        dir: PathBuf,
        #[arg(long)]
        precedent: Option<PathBuf>,
    },
    Schema {
        kind: Option<String>,
    },
}

pub fn parse_kind(s: &str) -> Result<TableKind, String> {
    TableKind::parse(s).ok_or_else(|| format!("type inconnu « {s} » (questionnaire, partners, loans, register)"))
}
