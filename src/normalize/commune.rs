//! Communes from an INSEE code, a postal code or a name in any spelling.

use crate::domain::InseeCode;
use crate::ingest::Cell;
use crate::reference::Reference;

/// What a commune cell resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommuneMatch {
    Found(InseeCode),
    /// A postal code shared by several communes, or a code that is both one commune's INSEE code and
    /// another's postal code.
    Ambiguous(Vec<InseeCode>),
    Unknown,
    Blank,
}

/// Resolves a commune cell against the Essonne reference.
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
/// assert_eq!(r("Paris"), CommuneMatch::Unknown);
/// ```
pub fn resolve_commune(cell: &Cell) -> CommuneMatch {
    let text = cell.to_text();
    if text.trim().is_empty() {
        return CommuneMatch::Blank;
    }
    resolve_text(&text)
}

fn resolve_code(code: &str) -> CommuneMatch {
    let reference = Reference::get();
    let by_insee = InseeCode::parse(code).and_then(|c| reference.commune(&c)).map(|c| c.insee.clone());
    let by_postal: Vec<InseeCode> =
        reference.communes_by_postal(code).into_iter().map(|c| c.insee.clone()).collect();
    match (by_insee, by_postal.len()) {
        (Some(insee), 0) => CommuneMatch::Found(insee),
        (None, 1) => CommuneMatch::Found(by_postal[0].clone()),
        (None, 0) => CommuneMatch::Unknown,
        (Some(insee), _) => {
            let mut all = vec![insee];
            all.extend(by_postal);
            CommuneMatch::Ambiguous(all)
        }
        (None, _) => CommuneMatch::Ambiguous(by_postal),
    }
}

fn resolve_text(text: &str) -> CommuneMatch {
    let reference = Reference::get();
    let t = text.trim();
    if t.len() == 5 && t.chars().all(|c| c.is_ascii_alphanumeric()) && t.chars().take(2).all(|c| c.is_ascii_digit()) {
        return resolve_code(t);
    }
    if let Some(c) = reference.commune_by_name(t) {
        return CommuneMatch::Found(c.insee.clone());
    }
    // "Viry-Châtillon (91170)", "91170 Viry-Châtillon": a name with a code beside it.
    let name: String = t.chars().filter(|c| !c.is_ascii_digit() && *c != '(' && *c != ')').collect();
    if let Some(c) = reference.commune_by_name(&name) {
        return CommuneMatch::Found(c.insee.clone());
    }
    let code: String = t.chars().filter(char::is_ascii_digit).collect();
    if code.len() == 5 {
        return resolve_code(&code);
    }
    CommuneMatch::Unknown
}
