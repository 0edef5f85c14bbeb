//! Reading the embedded archive `schemas/reference/france.zip` (deflated CSV tables, ~1 MB for ~3 MB of
//! text): communes and aliases at once, schools when first needed.

use super::{Alias, AliasKind, Commune, Reference};
use crate::domain::InseeCode;
use std::collections::HashMap;
use std::io::{Cursor, Read};

const ARCHIVE: &[u8] = include_bytes!("../../schemas/reference/france.zip");

/// The text of one table of the archive; empty if it cannot be read (the archive is part of the binary,
/// so this only happens to a damaged build, and then every lookup finds nothing rather than panicking).
pub(super) fn entry(name: &str) -> String {
    let mut text = String::new();
    let read = zip::ZipArchive::new(Cursor::new(ARCHIVE))
        .ok()
        .and_then(|mut archive| archive.by_name(name).ok().and_then(|mut file| file.read_to_string(&mut text).ok()));
    if read.is_none() {
        text.clear();
    }
    text
}

/// Calls `each` on every row of a table of the archive after its header, one record reused throughout
/// (the tables hold some 100,000 rows: a record allocated per row was a tenth of a small run).
pub(super) fn for_each_row(text: &str, mut each: impl FnMut(&csv::StringRecord)) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    while let Ok(true) = reader.read_record(&mut record) {
        each(&record);
    }
}

fn alias_kind(letter: &str) -> Option<AliasKind> {
    match letter {
        "d" => Some(AliasKind::Deleguee),
        "a" => Some(AliasKind::Associee),
        "m" => Some(AliasKind::Arrondissement),
        _ => None,
    }
}

/// Communes actuelles, and the déléguées, associées and arrondissements as aliases.
fn communes(text: &str) -> (Vec<Commune>, Vec<Alias>, Vec<(String, InseeCode)>) {
    let (mut communes, mut aliases, mut postal) = (Vec::new(), Vec::new(), Vec::new());
    for_each_row(text, |r| {
        let (Some(code), Some(name), Some(kind)) = (r.get(0).and_then(InseeCode::parse), r.get(1), r.get(2)) else { return };
        let postal_codes: Vec<String> = r.get(4).unwrap_or_default().split_whitespace().map(str::to_string).collect();
        if kind == "c" {
            let population = r.get(5).and_then(|p| p.parse().ok()).unwrap_or(0);
            communes.push(Commune { insee: code, name: name.to_string(), postal_codes, population });
        } else if let (Some(kind), Some(current)) = (alias_kind(kind), r.get(3).and_then(InseeCode::parse)) {
            // An arrondissement's postal code serves its city.
            postal.extend(postal_codes.into_iter().map(|p| (p, current.clone())));
            aliases.push(Alias { code: Some(code), name: name.to_string(), kind, current });
        }
    });
    (communes, aliases, postal)
}

fn former(text: &str, aliases: &mut Vec<Alias>) {
    for_each_row(text, |r| {
        let alias = |current| Some(Alias { code: InseeCode::parse(r.get(0)?), name: r.get(1)?.to_string(), kind: AliasKind::Former, current });
        aliases.extend(r.get(2).and_then(InseeCode::parse).and_then(alias));
    });
}

pub(super) fn build() -> Reference {
    let (communes, mut aliases, extra_postal) = communes(&entry("communes.csv"));
    former(&entry("former.csv"), &mut aliases);
    let by_insee: HashMap<String, usize> = communes.iter().enumerate().map(|(i, c)| (c.insee.as_str().to_string(), i)).collect();
    let mut by_postal: HashMap<String, Vec<usize>> = HashMap::new();
    let mut add_postal = |code: &str, i: usize| {
        let list = by_postal.entry(code.to_string()).or_default();
        if !list.contains(&i) {
            list.push(i);
        }
    };
    for (i, c) in communes.iter().enumerate() {
        c.postal_codes.iter().for_each(|p| add_postal(p, i));
    }
    for (p, current) in &extra_postal {
        if let Some(&i) = by_insee.get(current.as_str()) {
            add_postal(p, i);
        }
    }
    let mut alias_by_code: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in aliases.iter().enumerate() {
        // A déléguée that shares its commune nouvelle's code adds nothing to the code lookup.
        if let Some(code) = a.code.as_ref().filter(|c| *c != &a.current) {
            alias_by_code.entry(code.as_str().to_string()).or_default().push(i);
        }
    }
    Reference {
        communes,
        aliases,
        by_insee,
        alias_by_code,
        by_postal,
        names: Default::default(),
    }
}
