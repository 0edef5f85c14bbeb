//! `veille template [--out DIR] [--commune 91687]`: the blank input workbooks.
//!
//! Usage: veille template [--out DIR] [--commune CODE|NAME] [--lang fr|en]
//!
//! Writes `questionnaire.xlsx`, `questionnaire_formulaire.xlsx`, `disponibilites_partenaires.xlsx`,
//! `prets_materiel.xlsx` and `registre_perdus_de_vue.xlsx` into DIR (default `templates/`). The commune
//! (default: the first of `veille.toml`) is named in the titles and on the form's "Commune :" line.

use super::exit;
use crate::domain::InseeCode;
use crate::i18n::Lang;
use crate::ingest::Cell;
use crate::normalize::{resolve_commune, CommuneMatch};
use crate::templates::write_templates;
use std::path::{Path, PathBuf};

/// Resolves a `--commune` argument, or says why it cannot be used.
pub fn commune_argument(text: &str, lang: Lang) -> Result<InseeCode, String> {
    match resolve_commune(&Cell::Text(text.to_string())) {
        CommuneMatch::Found(insee) => Ok(insee),
        _ => Err(match lang {
            Lang::Fr => format!("commune « {text} » inconnue ou ambiguë en Essonne : donner son code INSEE (par exemple 91687)"),
            Lang::En => format!("commune \"{text}\" unknown or ambiguous in Essonne: give its INSEE code (for example 91687)"),
        }),
    }
}

/// Writes the templates and lists them; the exit code.
pub fn write_and_list(out: &Path, commune: Option<&InseeCode>, lang: Lang) -> u8 {
    match write_templates(out, commune) {
        Ok(files) => {
            for file in files {
                println!("{} {}", lang.pick("modèle écrit :", "template written:"), file.display());
            }
            exit::OK
        }
        Err(e) => {
            eprintln!("veille: {} {} ({e})", lang.pick("impossible d'écrire les modèles dans", "cannot write the templates into"), out.display());
            exit::FAILURE
        }
    }
}

pub fn run(out: Option<PathBuf>, commune: Option<String>, default_commune: Option<InseeCode>, lang: Lang) -> u8 {
    let commune = match commune.map(|c| commune_argument(&c, lang)).transpose() {
        Ok(c) => c.or(default_commune),
        Err(message) => {
            eprintln!("veille: {message}");
            return exit::USAGE;
        }
    };
    write_and_list(&out.unwrap_or_else(|| PathBuf::from("templates")), commune.as_ref(), lang)
}
