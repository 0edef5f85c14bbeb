//! The command line's help: French by default, English with `--lang en`, for every command.

use std::process::Command;

fn help(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_veille")).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_command_has_its_help_in_both_languages() {
    for sub in ["report", "validate", "init", "template", "bilan", "purge", "schema"] {
        let fr = help(&[sub, "--help"]);
        let en = help(&["--lang", "en", sub, "--help"]);
        assert_ne!(fr, en, "{sub}");
        // French words that only the untranslated help would hold.
        for word in ["défaut", "Dossier", "Fichiers", "Affiche", "Écrit", "Crée", "Semaine", "Langue", "Produit", "Vérifie", "Efface", "Bilan"] {
            assert!(!en.contains(word), "{sub}: \"{word}\" in the English help:\n{en}");
        }
    }
    assert!(help(&["--help"]).contains("Diagnostic hebdomadaire"));
    assert!(help(&["--lang=en", "--help"]).contains("Weekly diagnostic"));
}
