//! The `veille` command line: parses the arguments, hands over to `veille::commands`, and prints the one
//! error a command may end with, prefixed with `veille:`.

use clap::FromArgMatches;
use std::process::ExitCode;
use veille::commands::{cli::Cli, exit, help, settings};
use veille::config::Config;

/// mimalloc rather than glibc's malloc: a préfecture's run allocates and frees tens of millions of small
/// values, many freed on another thread than the one that made them (a sheet's cells are parsed on one
/// thread and normalised on another). Measured on the prefecture set: the whole report 15 % faster, the
/// 2,000 questionnaires 12 %; peak memory the same on the loans, 397 → 425 MiB on the whole set (README,
/// "Speed"). Transparent huge pages are left off: with them the system time doubled.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let asked = settings::early_language(&args);
    let matches = help::command(asked).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let config = match Config::load(std::path::Path::new(".")) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("veille: veille.toml : {e}");
            return ExitCode::from(exit::USAGE);
        }
    };
    let lang = cli.lang.unwrap_or_else(|| config.language());
    veille::progress::configure(cli.quiet, lang);
    match settings::run(cli, &config) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("veille: {}", e.message(lang));
            ExitCode::from(e.exit_code())
        }
    }
}
