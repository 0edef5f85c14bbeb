//! `veille init [DIR]`: a workspace for a cellule.
//!
//! Usage: veille init [DIR] [--commune CODE|NAME] [--lang fr|en]
//!
//! Creates in DIR (default: the current folder) what is missing of: a commented `veille.toml`, the
//! `entrees/` folder for returned files, `templates/` with the blank workbooks, and `.veille/` with the
//! pseudonymisation key (mode 0600). What exists is never touched, a key never overwritten; running it
//! twice changes nothing and says so.

use super::exit;
use super::template::{commune_argument, write_and_list};
use crate::config::{commented_config, CONFIG_FILE};
use crate::i18n::Lang;
use crate::privacy::{load_key, KeyOrigin};
use std::path::Path;

fn say(lang: Lang, created: bool, what: &Path) {
    let verb = if created { lang.pick("créé", "created") } else { lang.pick("déjà présent, inchangé", "already there, unchanged") };
    println!("{verb} : {}", what.display());
}

pub fn run(dir: &Path, commune: Option<String>, lang: Lang) -> u8 {
    let commune = match commune.map(|c| commune_argument(&c, lang)).transpose() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("veille: {message}");
            return exit::USAGE;
        }
    };
    let failed = |what: &Path, e: &dyn std::fmt::Display| {
        eprintln!("veille: {} {} ({e})", lang.pick("impossible de créer", "cannot create"), what.display());
        exit::FAILURE
    };
    let mut created = 0;
    let config = dir.join(CONFIG_FILE);
    if !config.exists() {
        let text = commented_config(commune.as_ref().map(|c| c.as_str()));
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
        if write_and_list(&templates, commune.as_ref(), lang) != exit::OK {
            return exit::FAILURE;
        }
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
        Err(e) => {
            eprintln!("veille: {}", e.message(lang));
            return exit::FAILURE;
        }
    }
    if created == 0 {
        println!("{}", lang.pick("Rien n'a changé : l'espace de travail existe déjà.", "Nothing changed: the workspace already exists."));
    } else {
        println!("{} {}", lang.pick("Espace de travail prêt dans", "Workspace ready in"), dir.display());
    }
    exit::OK
}
