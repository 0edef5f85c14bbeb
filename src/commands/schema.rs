//! `veille schema [KIND]`: print the Table Schema of an input kind (or list the kinds).
//!
//! Its options and their help: [`super::cli`].

use super::{exit, VeilleError};
use crate::detect::{schema, schema_json};
use crate::domain::TableKind;

pub fn run(kind: Option<&str>) -> Result<u8, VeilleError> {
    match kind.map(|k| (k, TableKind::parse(k))) {
        Some((_, Some(kind))) => print!("{}", schema_json(kind)),
        Some((name, None)) => {
            return Err(VeilleError::usage(
                format!("type « {name} » inconnu ; types : questionnaire, partners, loans, register"),
                format!("unknown kind \"{name}\"; kinds: questionnaire, partners, loans, register"),
            ))
        }
        None => {
            for kind in TableKind::ALL {
                println!("{:<14} {}", kind.as_str(), schema(kind).title);
            }
        }
    }
    Ok(exit::OK)
}
