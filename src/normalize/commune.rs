//! Communes from an INSEE code, a postal code or a name in any spelling, as people write them: former
//! names and codes, communes déléguées and associées, arrondissements municipaux, small typos.
//!
//! Names resolve within the cellule's territory first (1,441 names are shared by several communes of
//! France); codes and postal codes resolve anywhere. A real commune outside the territory is told apart from
//! a name that matches nothing, so the user learns how to widen the territory.

use crate::domain::InseeCode;
use crate::ingest::Cell;
use crate::reference::{name_key, AliasKind, Reference, Territory};

/// What a commune cell resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommuneMatch {
    Found(InseeCode),
    /// A postal code shared by several communes, or a code that is both one commune's INSEE code and
    /// another's postal code, or a name several communes bear.
    Ambiguous(Vec<InseeCode>),
    Unknown,
    Blank,
}

/// How a found commune was read, for the issue that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// Its current name, code or postal code.
    Exact,
    /// Another name or code of it: `name` is the alias's official name (or code when it has none),
    /// `code` its own code when it has one (an arrondissement's `75115`, a former commune's `91182`).
    Alias { kind: AliasKind, name: String, code: Option<InseeCode> },
    /// A misspelling of `matched` (the official name of the commune or of one of its aliases).
    Typo { matched: String },
}

/// What a commune cell resolved to, within a territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommuneResolution {
    Found(InseeCode, Via),
    /// Real communes, all outside the territory.
    Outside(Vec<InseeCode>),
    /// Several communes of the territory fit (a shared postal code, two equally close names).
    Ambiguous(Vec<InseeCode>),
    Unknown,
    Blank,
}

/// Resolves a commune cell, names within Essonne first, else anywhere in France when one commune bears the
/// name; codes and postal codes anywhere. It answers "which commune is this?" without a territory (column
/// scoring, `veille.toml`); rows are resolved with [`resolve_commune_in`].
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::{resolve_commune, CommuneMatch};
/// let r = |s: &str| resolve_commune(&Cell::Text(s.into()));
/// let viry = veille::domain::InseeCode::parse("91687").unwrap();
/// assert_eq!(r("91687"), CommuneMatch::Found(viry.clone()));
/// assert_eq!(r("91170"), CommuneMatch::Found(viry.clone()));
/// assert_eq!(r("VIRY CHATILLON"), CommuneMatch::Found(viry.clone()));
/// assert_eq!(r("Viry-Châtillon (91170)"), CommuneMatch::Found(viry));
/// assert!(matches!(r("91150"), CommuneMatch::Ambiguous(_)));
/// assert_eq!(r("Nantes"), CommuneMatch::Found(veille::domain::InseeCode::parse("44109").unwrap()));
/// assert_eq!(r("Nowhere-sur-Mer"), CommuneMatch::Unknown);
/// ```
pub fn resolve_commune(cell: &Cell) -> CommuneMatch {
    static ESSONNE: std::sync::OnceLock<Territory> = std::sync::OnceLock::new();
    match resolve_commune_in(cell, ESSONNE.get_or_init(Territory::default)) {
        CommuneResolution::Found(insee, _) => CommuneMatch::Found(insee),
        CommuneResolution::Outside(mut all) if all.len() == 1 => CommuneMatch::Found(all.remove(0)),
        CommuneResolution::Outside(all) | CommuneResolution::Ambiguous(all) => CommuneMatch::Ambiguous(all),
        CommuneResolution::Unknown => CommuneMatch::Unknown,
        CommuneResolution::Blank => CommuneMatch::Blank,
    }
}

/// Resolves a commune cell within the cellule's territory.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::{resolve_commune_in, CommuneResolution, Via};
/// use veille::reference::{AliasKind, Territory};
/// let essonne = Territory::default();
/// let r = |s: &str| resolve_commune_in(&Cell::Text(s.into()), &essonne);
/// let code = |c: &str| veille::domain::InseeCode::parse(c).unwrap();
/// let former = Via::Alias { kind: AliasKind::Former, name: "Courcouronnes".into(), code: Some(code("91182")) };
/// assert_eq!(r("91182"), CommuneResolution::Found(code("91228"), former));
/// let by_name = r("Courcouronnes");
/// assert!(matches!(by_name, CommuneResolution::Found(c, Via::Alias { kind: AliasKind::Former, .. }) if c == code("91228")));
/// assert_eq!(r("Viry-Chatilon"), CommuneResolution::Found(code("91687"), Via::Typo { matched: "Viry-Châtillon".into() }));
/// assert_eq!(r("Nantes"), CommuneResolution::Outside(vec![code("44109")]));
/// assert_eq!(r("44109"), CommuneResolution::Outside(vec![code("44109")]));
/// ```
pub fn resolve_commune_in(cell: &Cell, territory: &Territory) -> CommuneResolution {
    let text = cell.to_text();
    let t = text.trim();
    if t.is_empty() {
        return CommuneResolution::Blank;
    }
    if is_code(t) {
        return resolve_code(t, territory);
    }
    let whole = resolve_name(t, territory);
    if whole != CommuneResolution::Unknown || !t.chars().any(|c| c.is_ascii_digit()) {
        return whole;
    }
    // "Viry-Châtillon (91170)", "91170 Viry-Châtillon": a name with a code beside it.
    let name: String = t.chars().filter(|c| !c.is_ascii_digit() && *c != '(' && *c != ')').collect();
    let by_name = resolve_name(&name, territory);
    if by_name != CommuneResolution::Unknown {
        return by_name;
    }
    let code: String = t.chars().filter(char::is_ascii_digit).collect();
    if code.len() == 5 {
        return resolve_code(&code, territory);
    }
    CommuneResolution::Unknown
}

/// An INSEE or postal code: five digits, or Corsica's `2A004`.
fn is_code(t: &str) -> bool {
    (t.len() == 5 && t.chars().all(|c| c.is_ascii_digit())) || InseeCode::parse(t).is_some()
}

/// Keeps the first way each commune was found, then decides by the territory.
fn decide(found: Vec<(InseeCode, Via)>, territory: &Territory) -> CommuneResolution {
    let mut distinct: Vec<(InseeCode, Via)> = Vec::new();
    for (insee, via) in found {
        if !distinct.iter().any(|(i, _)| *i == insee) {
            distinct.push((insee, via));
        }
    }
    let (inside, outside): (Vec<_>, Vec<_>) = distinct.into_iter().partition(|(i, _)| territory.contains(i));
    match (inside.len(), outside.is_empty()) {
        (1, _) => inside.into_iter().next().map_or(CommuneResolution::Unknown, |(i, via)| CommuneResolution::Found(i, via)),
        (0, true) => CommuneResolution::Unknown,
        (0, false) => CommuneResolution::Outside(outside.into_iter().map(|(i, _)| i).collect()),
        _ => CommuneResolution::Ambiguous(inside.into_iter().map(|(i, _)| i).collect()),
    }
}

fn resolve_code(code: &str, territory: &Territory) -> CommuneResolution {
    let reference = Reference::get();
    let mut found: Vec<(InseeCode, Via)> = Vec::new();
    if let Some(c) = InseeCode::parse(code).and_then(|c| reference.commune(&c)) {
        found.push((c.insee.clone(), Via::Exact));
    }
    for a in reference.aliases_by_code(code) {
        let name = if a.name.is_empty() { code.to_string() } else { a.name.clone() };
        found.push((a.current.clone(), Via::Alias { kind: a.kind, name, code: a.code.clone() }));
    }
    found.extend(reference.communes_by_postal(code).into_iter().map(|c| (c.insee.clone(), Via::Exact)));
    decide(found, territory)
}

/// Whether a cell names a commune as written (a code, a postal code, a current or former name), without
/// the search for close spellings: cheap enough to try on every sampled cell of every column.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::names_a_commune;
/// assert!(names_a_commune(&Cell::Text("Viry-Châtillon".into())));
/// assert!(names_a_commune(&Cell::Text("91286".into())));
/// assert!(!names_a_commune(&Cell::Text("Tablette".into())));
/// ```
pub fn names_a_commune(cell: &Cell) -> bool {
    let text = cell.to_text();
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    if matches!(cell, Cell::Number(_)) || t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
        return matches!(resolve_commune(cell), CommuneMatch::Found(_) | CommuneMatch::Ambiguous(_));
    }
    let reference = Reference::get();
    !reference.communes_named(t).is_empty() || !reference.aliases_named(t).is_empty()
}

fn resolve_name(name: &str, territory: &Territory) -> CommuneResolution {
    let reference = Reference::get();
    let key = name_key(name);
    if key.is_empty() {
        return CommuneResolution::Unknown;
    }
    // The current name first, then the aliases: each decided within the territory before looking outside.
    let current: Vec<(InseeCode, Via)> = reference.communes_named(name).into_iter().map(|c| (c.insee.clone(), Via::Exact)).collect();
    let aliases: Vec<(InseeCode, Via)> =
        reference.aliases_named(name).into_iter().map(|a| (a.current.clone(), Via::Alias { kind: a.kind, name: a.name.clone(), code: a.code.clone() })).collect();
    let inside = |list: &[(InseeCode, Via)]| list.iter().filter(|(i, _)| territory.contains(i)).cloned().collect::<Vec<_>>();
    for list in [inside(&current), inside(&aliases)] {
        if !list.is_empty() {
            return decide(list, territory);
        }
    }
    if !current.is_empty() || !aliases.is_empty() {
        return decide(current.into_iter().chain(aliases).collect(), territory);
    }
    let close = territory.closest(&key);
    match close.as_slice() {
        [] => CommuneResolution::Unknown,
        [(commune, matched)] => CommuneResolution::Found(commune.insee.clone(), Via::Typo { matched: matched.clone() }),
        several => CommuneResolution::Ambiguous(several.iter().map(|(c, _)| c.insee.clone()).collect()),
    }
}
