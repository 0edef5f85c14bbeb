//! `veille bilan [--from 2020-W12] [--to 2020-W38] --out DIR`: the September review, from the history alone.
//!
//! Usage: veille bilan [--state DIR] [--from WEEK] [--to WEEK] [--out DIR] [--lang fr|en]
//!
//! Reads the weekly snapshots recorded by `veille report` under the state folder (never the inputs) and
//! writes `bilan.xlsx`, `bilan.pdf`, `charts/*.svg|png`, `data/weeks.csv`, `data/communes.csv` and
//! `summary.json` into DIR (default `reports/bilan`). The history holds the trio's figures: the review is
//! for the trio (no statistical secrecy is applied).

use super::exit;
use crate::domain::IsoWeek;
use crate::history;
use crate::i18n::Lang;
use crate::report::Bilan;
use std::path::PathBuf;

/// The options of `veille bilan`.
pub struct BilanOptions {
    pub state: PathBuf,
    pub from: Option<IsoWeek>,
    pub to: Option<IsoWeek>,
    pub out: PathBuf,
    pub lang: Lang,
}

pub fn run(options: &BilanOptions) -> u8 {
    let lang = options.lang;
    let rows = match history::series(&options.state, options.from, options.to) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("veille: {}", e.message(lang));
            return exit::FAILURE;
        }
    };
    let Some(bilan) = Bilan::new(&rows, lang) else {
        eprintln!(
            "veille: {} {}",
            lang.pick("aucune semaine enregistrée dans l'historique de", "no week recorded in the history of"),
            options.state.display()
        );
        eprintln!("{}", lang.pick("  → lancer d'abord `veille report` semaine après semaine (voir le README)", "  → run `veille report` week after week first (see the README)"));
        return exit::FAILURE;
    };
    if let Err(e) = bilan.write(&options.out) {
        eprintln!("veille: {} {} ({e})", lang.pick("impossible d'écrire le bilan dans", "cannot write the review into"), options.out.display());
        return exit::FAILURE;
    }
    let (last, totals, _) = bilan.last();
    match lang {
        Lang::Fr => println!(
            "Bilan {} → {} écrit dans {} : {} semaines, {} communes ; en fin de période {} élèves au registre, {} appareils prêtés",
            bilan.first_week(), last, options.out.display(), bilan.weeks.len(), bilan.communes.len(), totals.register_pupils, totals.devices_lent
        ),
        Lang::En => println!(
            "Review {} → {} written to {}: {} weeks, {} communes; at the end {} register pupils, {} devices lent",
            bilan.first_week(), last, options.out.display(), bilan.weeks.len(), bilan.communes.len(), totals.register_pupils, totals.devices_lent
        ),
    }
    exit::OK
}
