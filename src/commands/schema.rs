//! `veille schema [KIND]`: print the Table Schema of an input kind (or list the kinds).
//!
//! Usage: veille schema [questionnaire|partners|loans|register]

use super::exit;
use crate::detect::{schema, schema_json};
use crate::domain::TableKind;
use crate::i18n::Lang;

pub fn run(kind: Option<&str>, lang: Lang) -> u8 {
    match kind.map(|k| (k, TableKind::parse(k))) {
        Some((_, Some(kind))) => {
            print!("{}", schema_json(kind));
            exit::OK
        }
        Some((name, None)) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Fr => format!("veille: type « {name} » inconnu ; types : questionnaire, partners, loans, register"),
                    Lang::En => format!("veille: unknown kind \"{name}\"; kinds: questionnaire, partners, loans, register"),
                }
            );
            exit::USAGE
        }
        None => {
            for kind in TableKind::ALL {
                println!("{:<14} {}", kind.as_str(), schema(kind).title);
            }
            exit::OK
        }
    }
}
