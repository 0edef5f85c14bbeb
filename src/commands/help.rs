//! The command line's help, in French and in English, from one table: each text is set on the command
//! definitions of [`super::cli`] for the language asked (`--lang en`, anywhere on the line).

use super::cli::Cli;
use crate::i18n::Lang;
use clap::{Command, CommandFactory};

/// (subcommand or "" for the top level, argument id or "" for the command itself, French, English).
const HELP: &[(&str, &str, &str, &str)] = &[
    ("", "", "Diagnostic hebdomadaire de la cellule de veille pour la continuité éducative", "Weekly diagnostic of the educational-continuity watch cell"),
    ("", "lang", "Langue des messages et du rapport : fr (défaut, ou celle de veille.toml) ou en", "Language of messages and reports: fr (default, or veille.toml's) or en"),
    ("", "quiet", "N'affiche aucune barre de progression", "Shows no progress bar"),
    ("report", "", "Produit le diagnostic hebdomadaire à partir des fichiers reçus", "Builds the weekly diagnostic from the files that came back"),
    ("report", "inputs", "Fichiers ou dossiers à lire (xlsx, xlsm, xls, xlsb, ods, csv), dossiers lus récursivement (défaut : inputs de veille.toml)", "Files or folders to read (xlsx, xlsm, xls, xlsb, ods, csv), folders recursively (default: inputs of veille.toml)"),
    ("report", "out", "Dossier de sortie (défaut : reports/<semaine>)", "Output folder (default: reports/<week>)"),
    ("report", "week", "Semaine du rapport, par exemple 2020-W21 (défaut : semaine de la date la plus récente des fichiers)", "Report week, e.g. 2020-W21 (default: the week of the latest date in the files)"),
    ("report", "state", "Dossier d'état : clé de pseudonymisation et historique (défaut : .veille)", "State folder: pseudonymisation key and history (default: .veille)"),
    ("report", "kind", "Force le type des tableaux : questionnaire, partners, loans ou register", "Forces the kind of the tables: questionnaire, partners, loans or register"),
    ("report", "strict", "Code de sortie 3 si une erreur a été relevée dans les fichiers", "Exit code 3 when an error was found in the files"),
    ("report", "audience", "Public du rapport : trio (défaut, tout), partenaires ou prefecture (agrégats, petits effectifs masqués)", "Audience: trio (default, everything), partenaires or prefecture (aggregates, small counts hidden)"),
    ("report", "colonnes", "Dit quel champ contient un en-tête, par exemple \"Restitué le=date_retour\" (l'emporte sur veille.toml et la détection)", "Says which field a header holds, e.g. \"Restitué le=date_retour\" (wins over veille.toml and detection)"),
    ("validate", "", "Vérifie les fichiers reçus et affiche les problèmes par fichier et feuille (code 1 si une erreur)", "Checks the files that came back and prints the issues by file and sheet (exit 1 on an error)"),
    ("validate", "inputs", "Fichiers ou dossiers à lire (xlsx, xlsm, xls, xlsb, ods, csv), dossiers lus récursivement", "Files or folders to read (xlsx, xlsm, xls, xlsb, ods, csv), folders recursively"),
    ("validate", "json", "Rapport au format JSON (pour les machines)", "The report as JSON (for machines)"),
    ("validate", "kind", "Force le type des tableaux : questionnaire, partners, loans ou register", "Forces the kind of the tables: questionnaire, partners, loans or register"),
    ("validate", "colonnes", "Dit quel champ contient un en-tête, par exemple \"Restitué le=date_retour\" (l'emporte sur veille.toml et la détection)", "Says which field a header holds, e.g. \"Restitué le=date_retour\" (wins over veille.toml and detection)"),
    ("init", "", "Crée un espace de travail : veille.toml, entrees/, templates/, .veille/ (clé)", "Creates a workspace: veille.toml, entrees/, templates/, .veille/ (key)"),
    ("init", "dir", "Dossier de l'espace de travail (défaut : dossier courant)", "Workspace folder (default: the current folder)"),
    ("init", "commune", "Commune de la cellule (code INSEE, code postal ou nom)", "The cellule's commune (INSEE code, postal code or name)"),
    ("init", "departement", "Département(s) du territoire de la cellule (par exemple 44 ; répétable)", "Département(s) of the cellule's territory (for example 44; repeatable)"),
    ("template", "", "Écrit les modèles vierges à remplir (questionnaire, partenaires, prêts, registre)", "Writes the blank workbooks to fill (questionnaire, partners, loans, register)"),
    ("template", "out", "Dossier de sortie (défaut : templates)", "Output folder (default: templates)"),
    ("template", "commune", "Commune nommée dans les modèles (défaut : celle de veille.toml)", "Commune named in the templates (default: veille.toml's)"),
    ("bilan", "", "Bilan de la période (revue de septembre) à partir de l'historique seul", "Review of the period (September meeting) from the history alone"),
    ("bilan", "state", "Dossier d'état (défaut : .veille)", "State folder (default: .veille)"),
    ("bilan", "from", "Première semaine, par exemple 2020-W12 (défaut : la plus ancienne enregistrée)", "First week, e.g. 2020-W12 (default: the oldest recorded)"),
    ("bilan", "to", "Dernière semaine, par exemple 2020-W38 (défaut : la plus récente enregistrée)", "Last week, e.g. 2020-W38 (default: the latest recorded)"),
    ("bilan", "out", "Dossier de sortie (défaut : reports/bilan)", "Output folder (default: reports/bilan)"),
    ("purge", "", "Efface l'historique plus ancien que la durée de conservation (charte, article 7)", "Deletes history older than the retention period (charter, article 7)"),
    ("purge", "inputs", "Fichiers du registre à vérifier (défaut : inputs de veille.toml)", "Register files to check (default: inputs of veille.toml)"),
    ("purge", "state", "Dossier d'état (défaut : .veille)", "State folder (default: .veille)"),
    ("purge", "before", "Date limite, par exemple 2021-05-01 (défaut : aujourd'hui moins retention_days)", "Cut-off date, e.g. 2021-05-01 (default: today minus retention_days)"),
    ("purge", "dry_run", "Dit ce qui serait effacé, sans rien effacer", "Says what would be deleted, deletes nothing"),
    ("consolider", "", "Rapport de plusieurs communes à partir de leurs exports .veille (jamais de fichier nominatif)", "Report of many communes from their .veille exports (never a nominative file)"),
    ("consolider", "inputs", "Exports .veille ou dossiers qui en contiennent", ".veille exports, or folders holding them"),
    ("consolider", "out", "Dossier de sortie (défaut : reports/consolidation-<semaine>)", "Output folder (default: reports/consolidation-<week>)"),
    ("consolider", "week", "Semaine du rapport (défaut : la plus récente des exports)", "Report week (default: the latest of the exports)"),
    ("consolider", "state", "Dossier d'état de la consolidation : son historique (défaut : .veille)", "The consolidation's state folder: its history (default: .veille)"),
    ("consolider", "audience", "Public : prefecture (défaut), partenaires ou trio (chiffres exacts et export de la consolidation)", "Audience: prefecture (default), partenaires or trio (exact figures and an export of the consolidation)"),
    ("audit", "", "Ce qu'un lecteur peut déduire d'un dossier de rapport publié (code 1 si une cellule masquée peut être recalculée)", "What a reader can deduce from a published report folder (exit 1 when a hidden cell can be recomputed)"),
    ("audit", "dir", "Dossier du rapport (data/lost_contact_by_commune.csv, data/loans_by_commune.csv, summary.json)", "Report folder (data/lost_contact_by_commune.csv, data/loans_by_commune.csv, summary.json)"),
    ("audit", "precedent", "Rapport du même public pour la semaine précédente, lu avec celui-ci (ses écarts « deltas » les relient)", "The same audience's report of the previous week, read with this one (its deltas link them)"),
    ("schema", "", "Affiche le Table Schema d'un type de tableau (ou la liste des types)", "Prints the Table Schema of a kind of table (or the list of kinds)"),
    ("schema", "kind", "questionnaire, partners, loans ou register", "questionnaire, partners, loans or register"),
];

fn translate(mut cmd: Command, sub: &str, lang: Lang) -> Command {
    for (_, arg, fr, en) in HELP.iter().filter(|(s, _, _, _)| *s == sub) {
        let text = lang.pick(fr, en);
        cmd = if arg.is_empty() { cmd.about(text) } else { cmd.mut_arg(*arg, |a| a.help(text)) };
    }
    cmd
}

/// The command line with its help in `lang`.
///
/// ```
/// use veille::commands::help::command;
/// use veille::i18n::Lang;
/// let english = command(Lang::En);
/// assert_eq!(english.get_about().map(|a| a.to_string()).as_deref(), Some("Weekly diagnostic of the educational-continuity watch cell"));
/// let report = command(Lang::Fr).find_subcommand("report").unwrap().clone();
/// assert!(report.get_about().unwrap().to_string().starts_with("Produit le diagnostic"));
/// ```
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = translate(cmd, "", lang);
    for name in names {
        cmd = cmd.mut_subcommand(name.clone(), |sub| translate(sub, &name, lang));
    }
    cmd
}

/// The language the command line asks for (`--lang en` or `--lang=en`, anywhere), before it is parsed.
pub fn asked_language(args: &[String]) -> Option<Lang> {
    let value = args.windows(2).find(|w| w[0] == "--lang").map(|w| w[1].clone()).or_else(|| args.iter().find_map(|a| a.strip_prefix("--lang=").map(String::from)))?;
    value.parse().ok()
}
