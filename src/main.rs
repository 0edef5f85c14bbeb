//! The `veille` command line: parses arguments and hands over to `veille::commands`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use veille::commands::{report, schema, validate};
use veille::domain::{IsoWeek, TableKind};
use veille::i18n::Lang;

#[derive(Parser)]
#[command(name = "veille", version, about = "Diagnostic hebdomadaire de la cellule de veille pour la continuité éducative", long_about = None)]
struct Cli {
    /// Langue des messages et du rapport : fr (défaut) ou en
    #[arg(long, global = true, default_value = "fr")]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Produit le diagnostic hebdomadaire à partir des fichiers reçus
    Report {
        /// Fichiers ou dossiers à lire (xlsx, xlsm, xls, xlsb, ods, csv), dossiers lus récursivement
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Dossier de sortie (défaut : reports/<semaine>)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Semaine du rapport, par exemple 2020-W21 (défaut : semaine de la date la plus récente des fichiers)
        #[arg(long)]
        week: Option<IsoWeek>,
        /// Dossier d'état : clé de pseudonymisation et historique
        #[arg(long, default_value = ".veille")]
        state: PathBuf,
        /// Force le type des tableaux : questionnaire, partners, loans ou register
        #[arg(long, value_parser = parse_kind)]
        kind: Option<TableKind>,
        /// Code de sortie 3 si une erreur a été relevée dans les fichiers
        #[arg(long)]
        strict: bool,
    },
    /// Vérifie les fichiers reçus et affiche les problèmes par fichier et feuille (code 1 si une erreur)
    Validate {
        /// Fichiers ou dossiers à lire (xlsx, xlsm, xls, xlsb, ods, csv), dossiers lus récursivement
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Rapport au format JSON (pour les machines)
        #[arg(long)]
        json: bool,
        /// Force le type des tableaux : questionnaire, partners, loans ou register
        #[arg(long, value_parser = parse_kind)]
        kind: Option<TableKind>,
    },
    /// Affiche le Table Schema d'un type de tableau (ou la liste des types)
    Schema {
        /// questionnaire, partners, loans ou register
        kind: Option<String>,
    },
}

fn parse_kind(s: &str) -> Result<TableKind, String> {
    TableKind::parse(s).ok_or_else(|| format!("type inconnu « {s} » (questionnaire, partners, loans, register)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Report { inputs, out, week, state, kind, strict } => {
            report::run(&report::ReportOptions { inputs, out, week, lang: cli.lang, state, kind, strict })
        }
        Command::Validate { inputs, json, kind } => {
            validate::run(&validate::ValidateOptions { inputs, json, lang: cli.lang, kind })
        }
        Command::Schema { kind } => schema::run(kind.as_deref(), cli.lang),
    };
    ExitCode::from(code)
}
