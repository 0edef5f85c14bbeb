//! The command line's help in English (`veille --lang en --help`): clap's texts are written in French in
//! `main.rs`; this table gives each one its English wording.

use clap::Command;

/// (subcommand or "" for the top level, argument id or "" for the command itself, English text).
const ENGLISH: &[(&str, &str, &str)] = &[
    ("", "", "Weekly diagnostic of the educational-continuity watch cell"),
    ("", "lang", "Language of messages and reports: fr (default, or veille.toml's) or en"),
    ("", "quiet", "Shows no progress bar"),
    ("report", "", "Builds the weekly diagnostic from the files that came back"),
    ("report", "inputs", "Files or folders to read (xlsx, xlsm, xls, xlsb, ods, csv), folders recursively (default: inputs of veille.toml)"),
    ("report", "out", "Output folder (default: reports/<week>)"),
    ("report", "week", "Report week, e.g. 2020-W21 (default: the week of the latest date in the files)"),
    ("report", "state", "State folder: pseudonymisation key and history (default: .veille)"),
    ("report", "kind", "Forces the kind of the tables: questionnaire, partners, loans or register"),
    ("report", "strict", "Exit code 3 when an error was found in the files"),
    ("report", "audience", "Audience: trio (default, everything), partenaires or prefecture (aggregates, small counts hidden)"),
    ("report", "colonnes", "Says which field a header holds, e.g. \"Restitué le=date_retour\" (wins over veille.toml and detection)"),
    ("validate", "", "Checks the files that came back and prints the issues by file and sheet (exit 1 on an error)"),
    ("validate", "inputs", "Files or folders to read (xlsx, xlsm, xls, xlsb, ods, csv), folders recursively"),
    ("validate", "json", "The report as JSON (for machines)"),
    ("validate", "kind", "Forces the kind of the tables: questionnaire, partners, loans or register"),
    ("validate", "colonnes", "Says which field a header holds, e.g. \"Restitué le=date_retour\" (wins over veille.toml and detection)"),
    ("init", "", "Creates a workspace: veille.toml, entrees/, templates/, .veille/ (key)"),
    ("init", "dir", "Workspace folder (default: the current folder)"),
    ("init", "commune", "The cellule's commune (INSEE code, postal code or name)"),
    ("init", "departement", "Département(s) of the cellule's territory (for example 44; repeatable)"),
    ("template", "", "Writes the blank workbooks to fill (questionnaire, partners, loans, register)"),
    ("template", "out", "Output folder (default: templates)"),
    ("template", "commune", "Commune named in the templates (default: veille.toml's)"),
    ("bilan", "", "Review of the period (September meeting) from the history alone"),
    ("bilan", "state", "State folder (default: .veille)"),
    ("bilan", "from", "First week, e.g. 2020-W12 (default: the oldest recorded)"),
    ("bilan", "to", "Last week, e.g. 2020-W38 (default: the latest recorded)"),
    ("bilan", "out", "Output folder (default: reports/bilan)"),
    ("purge", "", "Deletes history older than the retention period (charter, article 7)"),
    ("purge", "inputs", "Register files to check (default: inputs of veille.toml)"),
    ("purge", "state", "State folder (default: .veille)"),
    ("purge", "before", "Cut-off date, e.g. 2021-05-01 (default: today minus retention_days)"),
    ("purge", "dry_run", "Says what would be deleted, deletes nothing"),
    ("schema", "", "Prints the Table Schema of a kind of table (or the list of kinds)"),
    ("schema", "kind", "questionnaire, partners, loans or register"),
];

fn translate(mut cmd: Command, sub: &str) -> Command {
    for (_, arg, text) in ENGLISH.iter().filter(|(s, _, _)| *s == sub) {
        cmd = if arg.is_empty() { cmd.about(*text) } else { cmd.mut_arg(*arg, |a| a.help(*text)) };
    }
    cmd
}

/// The command line with its help in English.
pub fn english(cmd: Command) -> Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = translate(cmd, "");
    for name in names {
        cmd = cmd.mut_subcommand(name.clone(), |sub| translate(sub, &name));
    }
    cmd
}

/// Whether the command line asks for English (`--lang en` or `--lang=en`, anywhere).
pub fn wants_english(args: &[String]) -> bool {
    args.windows(2).any(|w| w[0] == "--lang" && w[1].eq_ignore_ascii_case("en")) || args.iter().any(|a| a.eq_ignore_ascii_case("--lang=en"))
}
