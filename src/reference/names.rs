//! The other names a commune goes by, and the index that finds communes and aliases by name.

use super::{name_key, Commune};
use crate::domain::InseeCode;
use std::collections::HashMap;

/// What an alias is to the commune it now counts under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    /// A commune that merged into another or was renamed (an older COG), or a former code.
    Former,
    /// A commune déléguée of a commune nouvelle.
    Deleguee,
    /// A commune associée.
    Associee,
    /// An arrondissement municipal of Paris, Lyon or Marseille.
    Arrondissement,
}

/// Another name or code of a current commune.
#[derive(Debug, Clone)]
pub struct Alias {
    /// The alias's own code, when it has one (a former code, a déléguée's code, `75115`).
    pub code: Option<InseeCode>,
    /// Its name; empty for a former code known without a name.
    pub name: String,
    pub kind: AliasKind,
    /// The commune actuelle it counts under.
    pub current: InseeCode,
}

/// Names (as [`name_key`]s) → communes and aliases; built on the first name lookup.
pub(super) struct NameIndex {
    communes: HashMap<String, Vec<usize>>,
    aliases: HashMap<String, Vec<usize>>,
    /// (city key, arrondissement number) → alias index: "Paris 15e", "Lyon 3ème", "Marseille 13".
    arrondissements: HashMap<(String, u32), usize>,
}

impl NameIndex {
    pub(super) fn build(communes: &[Commune], aliases: &[Alias]) -> NameIndex {
        let mut index = NameIndex { communes: HashMap::new(), aliases: HashMap::new(), arrondissements: HashMap::new() };
        // On this thread only: the index is built inside a OnceLock that rayon's workers may be waiting on
        // (reading files), so work handed to them would never run. `Reference::warm_up` builds it beside
        // the schools instead.
        let commune_keys: Vec<String> = communes.iter().map(|c| name_key(&c.name)).collect();
        let alias_keys: Vec<String> = aliases.iter().map(|a| name_key(&a.name)).collect();
        for (i, key) in commune_keys.into_iter().enumerate() {
            index.communes.entry(key).or_default().push(i);
        }
        for ((i, a), key) in aliases.iter().enumerate().zip(alias_keys).filter(|((_, a), _)| !a.name.is_empty()) {
            if a.kind == AliasKind::Arrondissement {
                if let Some(place) = arrondissement_spelling(&key) {
                    index.arrondissements.insert(place, i);
                }
            }
            index.aliases.entry(key).or_default().push(i);
        }
        index
    }

    pub(super) fn communes(&self, key: &str) -> &[usize] {
        self.communes.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    pub(super) fn aliases(&self, key: &str) -> Vec<usize> {
        if let Some(found) = self.aliases.get(key) {
            return found.clone();
        }
        arrondissement_spelling(key).and_then(|place| self.arrondissements.get(&place)).map(|&i| vec![i]).unwrap_or_default()
    }
}

/// Reads "paris 15e arrondissement", "lyon 3eme", "marseille 1er arr", "paris 15" as (city, number).
fn arrondissement_spelling(key: &str) -> Option<(String, u32)> {
    let words: Vec<&str> = key.split(' ').collect();
    let (city, number, rest) = match words.as_slice() {
        [city, number, rest @ ..] if ["paris", "lyon", "marseille"].contains(city) => (*city, *number, rest),
        _ => return None,
    };
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &number[digits.len()..];
    let fillers = ["arrondissement", "arrondissements", "arr", "arrdt", "ardt", "e", "eme", "er"];
    let ok = !digits.is_empty() && ["", "e", "er", "eme", "ieme", "em"].contains(&suffix) && rest.iter().all(|w| fillers.contains(w));
    ok.then(|| digits.parse().ok().map(|n| (city.to_string(), n))).flatten()
}

/// The edit (Levenshtein) distance between two keys, or `None` when it exceeds `max`.
///
/// ```
/// use veille::reference::edit_distance;
/// assert_eq!(edit_distance("viry chatilon", "viry chatillon", 2), Some(1));
/// assert_eq!(edit_distance("juvisy sur orges", "juvisy sur orge", 2), Some(1));
/// assert_eq!(edit_distance("grigny", "savigny", 2), None);
/// ```
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        // Every later row is at least the smallest value of this one: stop early when it is too far.
        if current.iter().min().is_some_and(|&m| m > max) {
            return None;
        }
        previous = current;
    }
    previous.last().copied().filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::arrondissement_spelling;

    #[test]
    fn arrondissements_as_people_write_them() {
        let paris15 = Some(("paris".to_string(), 15));
        assert_eq!(arrondissement_spelling("paris 15e arrondissement"), paris15);
        assert_eq!(arrondissement_spelling("paris 15eme"), paris15);
        assert_eq!(arrondissement_spelling("paris 15"), paris15);
        assert_eq!(arrondissement_spelling("marseille 1er arr"), Some(("marseille".to_string(), 1)));
        assert_eq!(arrondissement_spelling("paris plage"), None);
        assert_eq!(arrondissement_spelling("lyon 3e gare"), None);
    }
}
