//! `veille init [DIR]`: a workspace for a cellule.
//!
//! Its options and their help: [`super::cli`].
//!
//! The territory written in `veille.toml` is the `--departement`s given, else the commune's département,
//! else none (Essonne, the default).
//! Creates in DIR (default: the current folder) what is missing of: a commented `veille.toml`, the
//! `entrees/` folder for returned files, `templates/` with the blank workbooks, and `.veille/` with the
//! pseudonymisation key (mode 0600). What exists is never touched, a key never overwritten; running it
//! twice changes nothing and says so.

use super::{exit, VeilleError};
use super::template::{commune_argument, write_and_list};
use crate::config::{commented_config_in, CONFIG_FILE};
use crate::domain::InseeCode;
use crate::reference::{departement_code, departement_of, Territory};
use crate::i18n::Lang;
use crate::privacy::{load_key, KeyOrigin};
use std::path::Path;

fn say(lang: Lang, created: bool, what: &Path) {
    let verb = if created { lang.pick("créé", "created") } else { lang.pick("déjà présent, inchangé", "already there, unchanged") };
    println!("{verb} : {}", what.display());
}

/// The `--departement`s as codes, or the first that is not one.
fn departements(given: &[String]) -> Result<Vec<String>, String> {
    let mut codes: Vec<String> = Vec::new();
    for d in given {
        let code = departement_code(d).ok_or_else(|| d.clone())?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// The commune, and the territory to write: the départements given, else the commune's.
fn territory(commune: Option<String>, given: &[String], lang: Lang) -> Result<(Option<InseeCode>, Territory, Vec<String>), String> {
    let codes = departements(given).map_err(|d| format!("{} « {d} »", lang.pick("département inconnu", "unknown département")))?;
    let search = if codes.is_empty() { Territory::default() } else { Territory::new(codes.clone(), Vec::new()) };
    let commune = commune.map(|c| commune_argument(&c, &search, codes.is_empty(), lang)).transpose()?;
    let written = match (&commune, codes.is_empty()) {
        (Some(c), true) => vec![departement_of(c.as_str()).to_string()],
        _ => codes,
    };
    let territory = if written.is_empty() { Territory::default() } else { Territory::new(written.clone(), Vec::new()) };
    Ok((commune, territory, written))
}

pub fn run(dir: &Path, commune: Option<String>, given_departements: &[String], lang: Lang) -> Result<u8, VeilleError> {
    let (commune, territory, written) = territory(commune, given_departements, lang).map_err(VeilleError::usage_said)?;
    let failed = |what: &Path, e: &dyn std::fmt::Display| {
        Err(VeilleError::failure(format!("impossible de créer {} ({e})", what.display()), format!("cannot create {} ({e})", what.display())))
    };
    let mut created = 0;
    let config = dir.join(CONFIG_FILE);
    if !config.exists() {
        let communes: Vec<String> = commune.iter().map(|c| c.to_string()).collect();
        let text = commented_config_in(&communes, &written);
        if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&config, text)) {
            return failed(&config, &e);
        }
        created += 1;
    }
    say(lang, created == 1, &config);
    let inputs = dir.join("entrees");
    let new_inputs = !inputs.exists();
    if let Err(e) = std::fs::create_dir_all(&inputs) {
        return failed(&inputs, &e);
    }
    created += usize::from(new_inputs);
    say(lang, new_inputs, &inputs);
    let templates = dir.join("templates");
    if templates.exists() {
        say(lang, false, &templates);
    } else {
        write_and_list(&templates, commune.as_ref(), &territory, lang)?;
        created += 1;
    }
    let state = dir.join(".veille");
    match load_key(&state, None) {
        Ok((_, KeyOrigin::Created(path))) => {
            created += 1;
            say(lang, true, &path);
            println!("{}", lang.pick("  → sauvegarder cette clé : elle sert chaque semaine pour compter chaque élève une seule fois", "  → back this key up: it is needed every week to count each pupil once"));
        }
        Ok((_, _)) => say(lang, false, &state.join("key")),
        Err(e) => return Err(VeilleError::from_message(|l| e.message(l))),
    }
    if created == 0 {
        println!("{}", lang.pick("Rien n'a changé : l'espace de travail existe déjà.", "Nothing changed: the workspace already exists."));
    } else {
        println!("{} {}", lang.pick("Espace de travail prêt dans", "Workspace ready in"), dir.display());
    }
    Ok(exit::OK)
}
