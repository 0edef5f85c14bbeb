//! `veille template [--out DIR] [--commune 91687]`: the blank input workbooks.
//!
//! Its options and their help: [`super::cli`].
//!
//! Writes `questionnaire.xlsx`, `questionnaire_formulaire.xlsx`, `disponibilites_partenaires.xlsx`,
//! `prets_materiel.xlsx` and `registre_perdus_de_vue.xlsx` into DIR (default `templates/`). The commune
//! (default: the first of `veille.toml`) is named in the titles and on the form's "Commune :" line.

use super::{exit, VeilleError};
use crate::domain::InseeCode;
use crate::i18n::Lang;
use crate::ingest::Cell;
use crate::normalize::{resolve_commune_in, CommuneResolution};
use crate::reference::Territory;
use crate::templates::write_templates_in;
use std::path::{Path, PathBuf};

/// Resolves a `--commune` argument within the territory (a code anywhere), or says why it cannot be used.
/// `anywhere`: a name outside the territory is accepted when one commune of France bears it (`veille init`
/// without `--departement` takes the territory from the commune).
pub fn commune_argument(text: &str, territory: &Territory, anywhere: bool, lang: Lang) -> Result<InseeCode, String> {
    let t = territory.describe(lang);
    match resolve_commune_in(&Cell::Text(text.to_string()), territory) {
        CommuneResolution::Found(insee, _) => Ok(insee),
        CommuneResolution::Outside(mut all) if anywhere && all.len() == 1 => Ok(all.remove(0)),
        CommuneResolution::Outside(_) => Err(match lang {
            Lang::Fr => format!("commune « {text} » hors du territoire ({t}) : l'ajouter à `territoire` dans veille.toml"),
            Lang::En => format!("commune \"{text}\" outside the territory ({t}): add it to `territoire` in veille.toml"),
        }),
        _ => Err(match lang {
            Lang::Fr => format!("commune « {text} » inconnue ou ambiguë ({t}) : donner son code INSEE (par exemple 91687)"),
            Lang::En => format!("commune \"{text}\" unknown or ambiguous ({t}): give its INSEE code (for example 91687)"),
        }),
    }
}

/// Writes the templates and lists them.
pub fn write_and_list(out: &Path, commune: Option<&InseeCode>, territory: &Territory, lang: Lang) -> Result<u8, VeilleError> {
    let files = write_templates_in(out, commune, territory).map_err(|e| {
        VeilleError::failure(format!("impossible d'écrire les modèles dans {} ({e})", out.display()), format!("cannot write the templates into {} ({e})", out.display()))
    })?;
    for file in files {
        println!("{} {}", lang.pick("modèle écrit :", "template written:"), file.display());
    }
    Ok(exit::OK)
}

pub fn run(out: Option<PathBuf>, commune: Option<String>, default_commune: Option<InseeCode>, territory: &Territory, lang: Lang) -> Result<u8, VeilleError> {
    let commune = commune.map(|c| commune_argument(&c, territory, false, lang)).transpose().map_err(VeilleError::usage_said)?.or(default_commune);
    write_and_list(&out.unwrap_or_else(|| PathBuf::from("templates")), commune.as_ref(), territory, lang)
}
