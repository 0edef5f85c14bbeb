//! The embedded reference tables of Essonne: communes, collèges and écoles (see
//! `schemas/reference/PROVENANCE.md`). Loaded once, then shared read-only.
//!
//! ```
//! use veille::reference::Reference;
//! let r = Reference::get();
//! let viry = r.commune_by_name("VIRY CHATILLON").unwrap();
//! assert_eq!(viry.insee.as_str(), "91687");
//! assert_eq!(viry.population, 30838);
//! ```

mod load;

use crate::domain::{InseeCode, Uai};
use crate::text::words;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A commune of Essonne.
#[derive(Debug, Clone)]
pub struct Commune {
    pub insee: InseeCode,
    pub name: String,
    pub postal_codes: Vec<String>,
    pub population: u32,
}

/// A collège or école with its education-priority flags.
#[derive(Debug, Clone)]
pub struct School {
    pub uai: Uai,
    pub name: String,
    pub insee: InseeCode,
    pub is_college: bool,
    pub rep: bool,
    pub rep_plus: bool,
    /// Head-count (collèges only; 0 when unknown).
    pub pupils: u32,
}

/// All reference tables with their lookup indexes.
pub struct Reference {
    communes: Vec<Commune>,
    by_insee: HashMap<String, usize>,
    by_postal: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, usize>,
    schools: Vec<School>,
    school_by_uai: HashMap<String, usize>,
    school_by_name: HashMap<String, Vec<usize>>,
}

/// A commune name reduced to its comparison key: folded, `st`/`ste` expanded, hyphens as spaces.
///
/// ```
/// use veille::reference::name_key;
/// assert_eq!(name_key("St-Michel-s/-Orge"), name_key("Saint-Michel-sur-Orge"));
/// ```
pub fn name_key(name: &str) -> String {
    words(name)
        .into_iter()
        .map(|w| match w.as_str() {
            "st" => "saint".to_string(),
            "ste" => "sainte".to_string(),
            "s" => "sur".to_string(),
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A school name without its kind ("Collège", "École élémentaire", "privé"...), for matching.
///
/// ```
/// use veille::reference::school_key;
/// assert_eq!(school_key("Collège Les Sablons"), school_key("LES SABLONS"));
/// assert_eq!(school_key("clg Olivier-de-Serres"), "olivier de serres");
/// ```
pub fn school_key(name: &str) -> String {
    const KIND_WORDS: &[&str] = &[
        "college", "clg", "ecole", "elementaire", "maternelle", "primaire", "prive", "privee", "public",
        "publique", "groupe", "scolaire", "ee", "em", "ep", "gs",
    ];
    words(name).into_iter().filter(|w| !KIND_WORDS.contains(&w.as_str())).collect::<Vec<_>>().join(" ")
}

impl Reference {
    /// The reference tables, parsed on first use.
    pub fn get() -> &'static Reference {
        static REFERENCE: OnceLock<Reference> = OnceLock::new();
        REFERENCE.get_or_init(load::build)
    }

    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    pub fn commune(&self, insee: &InseeCode) -> Option<&Commune> {
        self.by_insee.get(insee.as_str()).map(|&i| &self.communes[i])
    }

    /// The communes served by a postal code (several share some codes).
    pub fn communes_by_postal(&self, code: &str) -> Vec<&Commune> {
        self.by_postal.get(code.trim()).map(|v| v.iter().map(|&i| &self.communes[i]).collect()).unwrap_or_default()
    }

    /// A commune by name, in any case, accent or hyphen spelling.
    pub fn commune_by_name(&self, name: &str) -> Option<&Commune> {
        self.by_name.get(&name_key(name)).map(|&i| &self.communes[i])
    }

    /// The commune whose name appears in a free text ("Cellule de veille – Viry-Châtillon"); the longest wins.
    pub fn commune_in_text(&self, text: &str) -> Option<&Commune> {
        let key = format!(" {} ", name_key(text));
        self.by_name
            .iter()
            .filter(|(name, _)| key.contains(&format!(" {name} ")))
            .max_by_key(|(name, _)| name.len())
            .map(|(_, &i)| &self.communes[i])
    }

    pub fn school(&self, uai: &Uai) -> Option<&School> {
        self.school_by_uai.get(uai.as_str()).map(|&i| &self.schools[i])
    }

    /// The schools whose name matches, optionally only within one commune.
    pub fn schools_by_name(&self, name: &str, within: Option<&InseeCode>) -> Vec<&School> {
        let found = self.school_by_name.get(&school_key(name));
        found
            .map(|v| v.iter().map(|&i| &self.schools[i]).filter(|s| within.is_none_or(|c| &s.insee == c)).collect())
            .unwrap_or_default()
    }

    pub fn colleges(&self) -> impl Iterator<Item = &School> {
        self.schools.iter().filter(|s| s.is_college)
    }

    /// The head-count of a commune's collèges (the base of the rates per 1,000 collège pupils).
    ///
    /// ```
    /// use veille::domain::InseeCode;
    /// use veille::reference::Reference;
    /// let viry = InseeCode::parse("91687").unwrap();
    /// assert!(Reference::get().college_pupils(&viry) > 1000);
    /// ```
    pub fn college_pupils(&self, insee: &InseeCode) -> u32 {
        self.colleges().filter(|s| &s.insee == insee).map(|s| s.pupils).sum()
    }
}
