//! Schools from a UAI or a name, checked against the national collèges and écoles.

use crate::domain::{InseeCode, Uai};
use crate::ingest::Cell;
use crate::reference::{Reference, School, Territory};

/// What a school cell resolved to.
#[derive(Debug, Clone)]
pub enum SchoolMatch {
    Found(&'static School),
    /// A well-formed UAI that no reference file holds (a lycée, a private école, a new school): kept.
    UnknownUai(Uai),
    /// UAI-shaped, but its check letter is wrong: a typo.
    InvalidUai,
    /// A name that matches no school, or several.
    Unknown,
    Blank,
}

/// Resolves a school cell: a UAI anywhere in France, a name within Essonne (the default territory);
/// `commune` narrows a name shared by schools of several communes. Rows are resolved with
/// [`resolve_school_in`], within the cellule's territory.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::{resolve_school, SchoolMatch};
/// let found = |s: &str| match resolve_school(&Cell::Text(s.into()), None) {
///     SchoolMatch::Found(school) => Some(school.uai.to_string()),
///     _ => None,
/// };
/// assert_eq!(found("0910971L").as_deref(), Some("0910971L"));
/// assert!(matches!(resolve_school(&Cell::Text("0910971M".into()), None), SchoolMatch::InvalidUai));
/// ```
pub fn resolve_school(cell: &Cell, commune: Option<&InseeCode>) -> SchoolMatch {
    static ESSONNE: std::sync::OnceLock<Territory> = std::sync::OnceLock::new();
    resolve_school_in(cell, commune, ESSONNE.get_or_init(Territory::default))
}

/// Resolves a school cell: a UAI anywhere, a name within the territory, narrowed by the row's commune.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::{resolve_school_in, SchoolMatch};
/// use veille::reference::Territory;
/// let essonne = Territory::default();
/// let found = |s: &str| match resolve_school_in(&Cell::Text(s.into()), None, &essonne) {
///     SchoolMatch::Found(school) => Some(school.uai.to_string()),
///     _ => None,
/// };
/// assert_eq!(found("Collège Les Sablons").as_deref(), Some("0910971L"));
/// // A valid UAI that no reference file holds (a lycée, a private école) is kept as it is.
/// assert!(matches!(resolve_school_in(&Cell::Text("0910625K".into()), None, &essonne), SchoolMatch::UnknownUai(_)));
/// ```
pub fn resolve_school_in(cell: &Cell, commune: Option<&InseeCode>, territory: &Territory) -> SchoolMatch {
    let text = cell.to_text();
    let t = text.trim();
    if t.is_empty() {
        return SchoolMatch::Blank;
    }
    let reference = Reference::get();
    if Uai::looks_like(t) {
        return match Uai::parse(t) {
            Some(uai) => reference.school(&uai).map(SchoolMatch::Found).unwrap_or(SchoolMatch::UnknownUai(uai)),
            None => SchoolMatch::InvalidUai,
        };
    }
    let candidates: Vec<&School> = reference.schools_named_in(t, territory);
    let narrowed: Vec<&School> = match commune {
        Some(c) if candidates.len() > 1 => candidates.iter().copied().filter(|s| &s.insee == c).collect(),
        _ => candidates.clone(),
    };
    // Prefer a collège when a name is shared by a collège and an école of the same commune.
    let colleges: Vec<&School> = narrowed.iter().copied().filter(|s| s.is_college).collect();
    match (narrowed.as_slice(), colleges.as_slice()) {
        ([one], _) | (_, [one]) => SchoolMatch::Found(one),
        _ => SchoolMatch::Unknown,
    }
}
