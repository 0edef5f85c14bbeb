//! The `veille` command line: parses arguments and hands over to `veille::commands`.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use veille::commands::{bilan, exit, help, init, purge, report, schema, template, validate};
use veille::config::Config;
use veille::privacy::Audience;
use veille::domain::{IsoWeek, TableKind};
use veille::i18n::Lang;

#[derive(Parser)]
#[command(name = "veille", version, about = "Diagnostic hebdomadaire de la cellule de veille pour la continuité éducative", long_about = None)]
struct Cli {
    /// Langue des messages et du rapport : fr (défaut, ou celle de veille.toml) ou en
    #[arg(long, global = true)]
    lang: Option<Lang>,
    /// N'affiche aucune barre de progression
    #[arg(long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Produit le diagnostic hebdomadaire à partir des fichiers reçus
    Report {
        /// Fichiers ou dossiers à lire (xlsx, xlsm, xls, xlsb, ods, csv), dossiers lus récursivement (défaut : inputs de veille.toml)
        inputs: Vec<PathBuf>,
        /// Dossier de sortie (défaut : reports/<semaine>)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Semaine du rapport, par exemple 2020-W21 (défaut : semaine de la date la plus récente des fichiers)
        #[arg(long)]
        week: Option<IsoWeek>,
        /// Dossier d'état : clé de pseudonymisation et historique (défaut : .veille)
        #[arg(long)]
        state: Option<PathBuf>,
        /// Force le type des tableaux : questionnaire, partners, loans ou register
        #[arg(long, value_parser = parse_kind)]
        kind: Option<TableKind>,
        /// Code de sortie 3 si une erreur a été relevée dans les fichiers
        #[arg(long)]
        strict: bool,
        /// Public du rapport : trio (défaut, tout), partenaires ou prefecture (agrégats, petits effectifs masqués)
        #[arg(long, default_value = "trio")]
        audience: Audience,
        /// Dit quel champ contient un en-tête, par exemple "Restitué le=date_retour" (l'emporte sur veille.toml et la détection)
        #[arg(long = "colonne", value_name = "EN-TÊTE=CHAMP")]
        colonnes: Vec<String>,
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
        /// Dit quel champ contient un en-tête, par exemple "Restitué le=date_retour" (l'emporte sur veille.toml et la détection)
        #[arg(long = "colonne", value_name = "EN-TÊTE=CHAMP")]
        colonnes: Vec<String>,
    },
    /// Crée un espace de travail : veille.toml, entrees/, templates/, .veille/ (clé)
    Init {
        /// Dossier de l'espace de travail (défaut : dossier courant)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Commune de la cellule (code INSEE, code postal ou nom)
        #[arg(long)]
        commune: Option<String>,
        /// Département(s) du territoire de la cellule (par exemple 44 ; répétable)
        #[arg(long)]
        departement: Vec<String>,
    },
    /// Écrit les modèles vierges à remplir (questionnaire, partenaires, prêts, registre)
    Template {
        /// Dossier de sortie (défaut : templates)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Commune nommée dans les modèles (défaut : celle de veille.toml)
        #[arg(long)]
        commune: Option<String>,
    },
    /// Bilan de la période (revue de septembre) à partir de l'historique seul
    Bilan {
        /// Dossier d'état (défaut : .veille)
        #[arg(long)]
        state: Option<PathBuf>,
        /// Première semaine, par exemple 2020-W12 (défaut : la plus ancienne enregistrée)
        #[arg(long)]
        from: Option<IsoWeek>,
        /// Dernière semaine, par exemple 2020-W38 (défaut : la plus récente enregistrée)
        #[arg(long)]
        to: Option<IsoWeek>,
        /// Dossier de sortie (défaut : reports/bilan)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Efface l'historique plus ancien que la durée de conservation (charte, article 7)
    Purge {
        /// Fichiers du registre à vérifier (défaut : inputs de veille.toml)
        inputs: Vec<PathBuf>,
        /// Dossier d'état (défaut : .veille)
        #[arg(long)]
        state: Option<PathBuf>,
        /// Date limite, par exemple 2021-05-01 (défaut : aujourd'hui moins retention_days)
        #[arg(long)]
        before: Option<chrono::NaiveDate>,
        /// Dit ce qui serait effacé, sans rien effacer
        #[arg(long)]
        dry_run: bool,
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

/// veille.toml's `[colonnes]`, with the command line's `--colonne` winning over it; `None` (and the reason
/// printed) when a header names an unknown field.
fn column_settings(config: &Config, arguments: &[String]) -> Option<veille::detect::ColumnSettings> {
    let read = || -> Result<veille::detect::ColumnSettings, String> {
        let mut settings = config.column_settings().map_err(|e| format!("veille.toml : {e}"))?;
        let mut given = veille::detect::ColumnSettings::default();
        for argument in arguments {
            given.add_argument(argument)?;
        }
        settings.prefer(given);
        Ok(settings)
    };
    read().map_err(|e| eprintln!("veille: {e}")).ok()
}

/// Parses the command line, with the help in English when `--lang en` is given.
fn parse() -> Cli {
    let args: Vec<String> = std::env::args().collect();
    if !help::wants_english(&args) {
        return Cli::parse();
    }
    let matches = help::english(Cli::command()).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

fn main() -> ExitCode {
    let cli = parse();
    let config = match Config::load(std::path::Path::new(".")) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("veille: veille.toml : {e}");
            return ExitCode::from(exit::USAGE);
        }
    };
    let lang = cli.lang.unwrap_or_else(|| config.language());
    veille::progress::configure(cli.quiet, lang);
    let code = match cli.command {
        Command::Report { inputs, out, week, state, kind, strict, audience, colonnes } => {
            let Some(columns) = column_settings(&config, &colonnes) else { return ExitCode::from(exit::USAGE) };
            let inputs = if inputs.is_empty() { config.inputs.clone() } else { inputs };
            if inputs.is_empty() {
                eprintln!("veille: {}", lang.pick("aucun fichier à lire : donner des fichiers ou dossiers, ou `inputs` dans veille.toml", "no input: give files or folders, or `inputs` in veille.toml"));
                return ExitCode::from(exit::USAGE);
            }
            let state = state.unwrap_or_else(|| config.state.clone());
            let default_commune = config.default_commune();
            let reports = config.reports.clone();
            let lock_wait = std::time::Duration::from_secs(config.lock_wait_seconds);
            let limits = config.limits.clone();
            let territory = config.territory();
            let options = report::ReportOptions { inputs, out, week, lang, state, kind, strict, default_commune, territory, reports, audience, min_count: config.min_count, columns, limits, lock_wait };
            report::run(&options)
        }
        Command::Validate { inputs, json, kind, colonnes } => {
            let Some(columns) = column_settings(&config, &colonnes) else { return ExitCode::from(exit::USAGE) };
            let limits = config.limits.clone();
            validate::run(&validate::ValidateOptions { inputs, json, lang, kind, default_commune: config.default_commune(), columns, limits, territory: config.territory() })
        }
        Command::Init { dir, commune, departement } => init::run(&dir, commune, &departement, lang),
        Command::Template { out, commune } => template::run(out, commune, config.default_commune(), &config.territory(), lang),
        Command::Bilan { state, from, to, out } => {
            let state = state.unwrap_or_else(|| config.state.clone());
            let out = out.unwrap_or_else(|| config.reports.join("bilan"));
            bilan::run(&bilan::BilanOptions { state, from, to, out, lang })
        }
        Command::Purge { inputs, state, before, dry_run } => {
            let today = chrono::Local::now().date_naive();
            let before = before.unwrap_or_else(|| purge::default_before(today, config.retention_days));
            let inputs = if inputs.is_empty() { config.inputs.clone() } else { inputs };
            let state = state.unwrap_or_else(|| config.state.clone());
            let lock_wait = std::time::Duration::from_secs(config.lock_wait_seconds);
            purge::run(&purge::PurgeOptions { state, before, dry_run, inputs, lang, lock_wait })
        }
        Command::Schema { kind } => schema::run(kind.as_deref(), lang),
    };
    ExitCode::from(code)
}
