//! The cellule's territory: the départements or communes whose names it resolves first.

use super::{departement_of, edit_distance, name_key, Commune, Reference};
use crate::domain::InseeCode;
use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// One- or several départements, or a list of communes; none of either is the whole of France.
///
/// ```
/// use veille::domain::InseeCode;
/// use veille::reference::Territory;
/// let loire_atlantique = Territory::new(vec!["44".into()], vec![]);
/// assert!(loire_atlantique.contains(&InseeCode::parse("44109").unwrap()));
/// assert!(!loire_atlantique.contains(&InseeCode::parse("91687").unwrap()));
/// assert!(Territory::default().contains(&InseeCode::parse("91687").unwrap())); // Essonne
/// assert_eq!(loire_atlantique.communes().len(), 207);
/// ```
#[derive(Clone)]
pub struct Territory {
    departements: Vec<String>,
    communes: Vec<InseeCode>,
    cache: Arc<Cache>,
}

/// A name of the territory, as compared with what a cell says.
struct Candidate {
    key: String,
    commune: usize,
    /// The official name matched (the commune's, or its alias's).
    name: String,
}

#[derive(Default)]
struct Cache {
    candidates: OnceLock<Vec<Candidate>>,
    /// Typo look-ups already made: the same misspelling usually fills a whole column.
    fuzzy: Mutex<HashMap<String, Vec<(usize, String)>>>,
}

const FUZZY_CACHE_CAP: usize = 100_000;

impl Default for Territory {
    /// Essonne (91), where veille started: workspaces that name no territory keep working unchanged.
    fn default() -> Self {
        Territory::new(vec!["91".into()], Vec::new())
    }
}

impl PartialEq for Territory {
    fn eq(&self, other: &Self) -> bool {
        self.departements == other.departements && self.communes == other.communes
    }
}

impl std::fmt::Debug for Territory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Territory").field("departements", &self.departements).field("communes", &self.communes).finish()
    }
}

/// A département code as written ("44", "091", "2a", "971"), normalised, when some commune has it.
///
/// ```
/// use veille::reference::departement_code;
/// assert_eq!(departement_code("091").as_deref(), Some("91"));
/// assert_eq!(departement_code("2a").as_deref(), Some("2A"));
/// assert_eq!(departement_code("20"), None);
/// ```
pub fn departement_code(text: &str) -> Option<String> {
    let t = text.trim().to_ascii_uppercase();
    let t = if t.len() == 3 && t.starts_with('0') { t[1..].to_string() } else { t };
    let shaped = matches!(t.len(), 2 | 3) && t.chars().all(|c| c.is_ascii_alphanumeric());
    (shaped && Reference::get().communes().iter().any(|c| c.departement() == t)).then_some(t)
}

impl Territory {
    pub fn new(departements: Vec<String>, communes: Vec<InseeCode>) -> Territory {
        Territory { departements, communes, cache: Arc::default() }
    }

    /// The whole of France: names resolve only when one commune of France has them, and no typo is guessed.
    pub fn france() -> Territory {
        Territory::new(Vec::new(), Vec::new())
    }

    /// Whether the territory is narrower than France (then typos are looked for within it).
    pub fn is_bounded(&self) -> bool {
        !self.departements.is_empty() || !self.communes.is_empty()
    }

    pub fn departements(&self) -> &[String] {
        &self.departements
    }

    pub fn listed_communes(&self) -> &[InseeCode] {
        &self.communes
    }

    pub fn contains(&self, insee: &InseeCode) -> bool {
        !self.is_bounded() || self.communes.contains(insee) || self.departements.iter().any(|d| d == departement_of(insee.as_str()))
    }

    /// The communes actuelles of the territory, by name.
    pub fn communes(&self) -> Vec<&'static Commune> {
        let mut all: Vec<&Commune> = Reference::get().communes().iter().filter(|c| self.contains(&c.insee)).collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all
    }

    /// "département 91", "départements 44, 85", "communes 44109, 44143".
    pub fn describe(&self, lang: Lang) -> String {
        let list = |items: Vec<&str>| items.join(", ");
        let departements = list(self.departements.iter().map(String::as_str).collect());
        let communes = list(self.communes.iter().map(InseeCode::as_str).collect());
        let mut parts = Vec::new();
        if !self.departements.is_empty() {
            parts.push(format!("{} {departements}", if self.departements.len() > 1 { "départements" } else { "département" }));
        }
        if !self.communes.is_empty() {
            parts.push(format!("{} {communes}", if self.communes.len() > 1 { "communes" } else { "commune" }));
        }
        if parts.is_empty() {
            return lang.pick("France entière", "all of France").to_string();
        }
        parts.join(lang.pick(" et ", " and "))
    }

    fn candidates(&self) -> &[Candidate] {
        self.cache.candidates.get_or_init(|| {
            let reference = Reference::get();
            let mut all: Vec<Candidate> = Vec::new();
            for (i, c) in reference.communes().iter().enumerate().filter(|(_, c)| self.contains(&c.insee)) {
                all.push(Candidate { key: name_key(&c.name), commune: i, name: c.name.clone() });
            }
            for a in reference.aliases().iter().filter(|a| !a.name.is_empty() && self.contains(&a.current)) {
                if let Some(i) = reference.index_of(&a.current) {
                    all.push(Candidate { key: name_key(&a.name), commune: i, name: a.name.clone() });
                }
            }
            all
        })
    }

    /// The commune of the territory whose name (or alias) appears in a free text ("Cellule de veille –
    /// Viry-Châtillon"); the longest name wins.
    pub fn commune_in_text(&self, text: &str) -> Option<&'static Commune> {
        if !self.is_bounded() {
            return None;
        }
        let key = format!(" {} ", name_key(text));
        let found = self.candidates().iter().filter(|c| key.contains(&format!(" {} ", c.key))).max_by_key(|c| c.key.len())?;
        Reference::get().communes().get(found.commune)
    }

    /// The communes of the territory closest to a name key, within an edit distance scaled to its length
    /// (none under 5 letters, 1 up to 8, else 2), each with the official name matched. Several means a tie.
    pub fn closest(&self, key: &str) -> Vec<(&'static Commune, String)> {
        let communes = Reference::get().communes();
        let resolve = |found: &Vec<(usize, String)>| -> Vec<(&'static Commune, String)> { found.iter().filter_map(|(i, n)| Some((communes.get(*i)?, n.clone()))).collect() };
        if let Some(found) = self.cache.fuzzy.lock().ok().and_then(|m| m.get(key).cloned()) {
            return resolve(&found);
        }
        let found = self.search(key);
        if let Ok(mut cache) = self.cache.fuzzy.lock() {
            if cache.len() < FUZZY_CACHE_CAP {
                cache.insert(key.to_string(), found.clone());
            }
        }
        resolve(&found)
    }

    fn search(&self, key: &str) -> Vec<(usize, String)> {
        let letters = key.chars().filter(|c| *c != ' ').count();
        let max = match letters {
            0..=4 => return Vec::new(),
            5..=8 => 1,
            _ => 2,
        };
        if !self.is_bounded() {
            return Vec::new();
        }
        let mut best = (max + 1, Vec::<(usize, String)>::new());
        for c in self.candidates() {
            let Some(d) = edit_distance(key, &c.key, best.0.min(max)) else { continue };
            if d < best.0 {
                best = (d, Vec::new());
            }
            if !best.1.iter().any(|(i, _)| *i == c.commune) {
                best.1.push((c.commune, c.name.clone()));
            }
        }
        best.1
    }
}
