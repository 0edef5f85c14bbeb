//! `veille bilan [--from 2020-W12] [--to 2020-W38] --out DIR`: the September review, from the history alone.
//! Its options: [`super::cli`].
//!
//! Reads the weekly snapshots recorded by `veille report` under the state folder (never the inputs) and
//! writes `bilan.xlsx`, `bilan.pdf`, `charts/*.svg|png`, `data/weeks.csv`, `data/communes.csv` and
//! `summary.json` into DIR (default `reports/bilan`). The history holds the trio's figures: the review is
//! for the trio (no statistical secrecy is applied).

use super::{exit, VeilleError};
use crate::domain::IsoWeek;
use crate::history;
use crate::i18n::Lang;
use crate::bilan::Bilan;
use std::path::PathBuf;

/// The options of `veille bilan`.
pub struct BilanOptions {
    pub state: PathBuf,
    pub from: Option<IsoWeek>,
    pub to: Option<IsoWeek>,
    pub out: PathBuf,
    pub lang: Lang,
}

pub fn run(options: &BilanOptions) -> Result<u8, VeilleError> {
    let lang = options.lang;
    let rows = history::series(&options.state, options.from, options.to).map_err(|e| VeilleError::from_message(|l| e.message(l)))?;
    let state = options.state.display();
    let bilan = Bilan::new(&rows, lang).ok_or_else(|| {
        VeilleError::failure(
            format!("aucune semaine enregistrée dans l'historique de {state}\n  → lancer d'abord `veille report` semaine après semaine (voir le README)"),
            format!("no week recorded in the history of {state}\n  → run `veille report` week after week first (see the README)"),
        )
    })?;
    let out = options.out.display();
    bilan.write(&options.out).map_err(|e| VeilleError::failure(format!("impossible d'écrire le bilan dans {out} ({e})"), format!("cannot write the review into {out} ({e})")))?;
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
    Ok(exit::OK)
}
