//! Schools from a UAI or a name, checked against the Essonne collèges and écoles.

use crate::domain::{InseeCode, Uai};
use crate::ingest::Cell;
use crate::reference::{Reference, School};

/// What a school cell resolved to.
#[derive(Debug, Clone)]
pub enum SchoolMatch {
    Found(&'static School),
    /// A well-formed UAI that is not in the reference (a school outside Essonne, a new school).
    UnknownUai(Uai),
    /// UAI-shaped, but its check letter is wrong: a typo.
    InvalidUai,
    /// A name that matches no school, or several.
    Unknown,
    Blank,
}

/// Resolves a school cell; `commune` narrows a name shared by schools of several communes.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::{resolve_school, SchoolMatch};
/// let found = |s: &str| match resolve_school(&Cell::Text(s.into()), None) {
///     SchoolMatch::Found(school) => Some(school.uai.to_string()),
///     _ => None,
/// };
/// assert_eq!(found("0910971L").as_deref(), Some("0910971L"));
/// assert_eq!(found("Collège Les Sablons").as_deref(), Some("0910971L"));
/// assert!(matches!(resolve_school(&Cell::Text("0910971M".into()), None), SchoolMatch::InvalidUai));
/// ```
pub fn resolve_school(cell: &Cell, commune: Option<&InseeCode>) -> SchoolMatch {
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
    let candidates = reference.schools_by_name(t, None);
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
