//! The embedded national reference: every commune of the COG (with its communes déléguées and associées,
//! arrondissements municipaux, postal codes, populations, former names and codes), the collèges and the
//! public écoles of France (see `schemas/reference/PROVENANCE.md`). The archive is inflated and parsed once,
//! on first use; the name and school indexes are built only when first asked for.
//!
//! ```
//! use veille::domain::InseeCode;
//! use veille::reference::Reference;
//! let r = Reference::get();
//! let viry = r.commune(&InseeCode::parse("91687").unwrap()).unwrap();
//! assert_eq!((viry.name.as_str(), viry.population, viry.departement()), ("Viry-Châtillon", 30838, "91"));
//! assert_eq!(r.communes_named("Nantes")[0].insee.as_str(), "44109");
//! ```

mod keys;
mod load;
mod names;
mod schools;
mod territory;

pub use keys::{name_key, school_key};
pub use names::{edit_distance, Alias, AliasKind};
pub use schools::School;
pub use territory::{departement_code, Territory};

use crate::domain::InseeCode;
use names::NameIndex;
use schools::Schools;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A commune actuelle of the COG.
#[derive(Debug, Clone)]
pub struct Commune {
    pub insee: InseeCode,
    pub name: String,
    pub postal_codes: Vec<String>,
    /// Population municipale (0 when unknown).
    pub population: u32,
}

impl Commune {
    /// The département code: two characters, three overseas ("971"), `2A` / `2B` in Corsica.
    ///
    /// ```
    /// use veille::reference::departement_of;
    /// assert_eq!((departement_of("97101"), departement_of("2A004"), departement_of("44109")), ("971", "2A", "44"));
    /// ```
    pub fn departement(&self) -> &str {
        departement_of(self.insee.as_str())
    }
}

/// The département of an INSEE commune code (see [`Commune::departement`]).
pub fn departement_of(insee: &str) -> &str {
    let len = if insee.starts_with("97") { 3 } else { 2 };
    insee.get(..len).unwrap_or(insee)
}

/// All reference tables with their lookup indexes.
pub struct Reference {
    communes: Vec<Commune>,
    /// Other names and codes of the communes: former communes, déléguées, associées, arrondissements.
    aliases: Vec<Alias>,
    by_insee: HashMap<String, usize>,
    /// Codes of aliases (former codes, déléguées, arrondissements) → indexes into `aliases`.
    alias_by_code: HashMap<String, Vec<usize>>,
    /// Postal codes → current communes (an arrondissement's code counts for its city).
    by_postal: HashMap<String, Vec<usize>>,
    names: OnceLock<NameIndex>,
}

impl Reference {
    /// The reference tables, parsed on first use.
    pub fn get() -> &'static Reference {
        static REFERENCE: OnceLock<Reference> = OnceLock::new();
        REFERENCE.get_or_init(load::build)
    }

    /// Every commune actuelle of France.
    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    pub fn commune(&self, insee: &InseeCode) -> Option<&Commune> {
        self.by_insee.get(insee.as_str()).map(|&i| &self.communes[i])
    }

    /// The index of a commune in [`Reference::communes`].
    pub(crate) fn index_of(&self, insee: &InseeCode) -> Option<usize> {
        self.by_insee.get(insee.as_str()).copied()
    }

    /// The communes served by a postal code (several share some codes).
    pub fn communes_by_postal(&self, code: &str) -> Vec<&Commune> {
        self.by_postal.get(code.trim()).map(|v| v.iter().map(|&i| &self.communes[i]).collect()).unwrap_or_default()
    }

    /// The aliases that carry a code: former codes, codes of déléguées, associées and arrondissements.
    pub fn aliases_by_code(&self, code: &str) -> Vec<&Alias> {
        self.alias_by_code.get(code.trim()).map(|v| v.iter().map(|&i| &self.aliases[i]).collect()).unwrap_or_default()
    }

    pub fn aliases(&self) -> &[Alias] {
        &self.aliases
    }

    fn names(&self) -> &NameIndex {
        self.names.get_or_init(|| NameIndex::build(&self.communes, &self.aliases))
    }

    /// The communes actuelles of that name, in any case, accent or hyphen spelling (several share a name).
    pub fn communes_named(&self, name: &str) -> Vec<&Commune> {
        self.names().communes(&name_key(name)).iter().map(|&i| &self.communes[i]).collect()
    }

    /// The commune of that name when exactly one commune of France has it.
    pub fn commune_by_name(&self, name: &str) -> Option<&Commune> {
        match self.communes_named(name).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The aliases of that name (former names, déléguées, associées, arrondissements, "Paris 15e").
    pub fn aliases_named(&self, name: &str) -> Vec<&Alias> {
        self.names().aliases(&name_key(name)).into_iter().map(|i| &self.aliases[i]).collect()
    }

    fn schools(&self) -> &'static Schools {
        Schools::get()
    }

    /// Starts building the reference on threads of its own: the communes and their names on one, the
    /// schools on another. The caller goes on at once; the first cell that needs the reference waits only
    /// for what is not built yet (one thread building it all while the files wait was a quarter of a
    /// small weekly run).
    pub fn warm_up() {
        let builds: [fn(); 2] = [|| _ = Reference::get().names(), || _ = Schools::get()];
        for build in builds {
            // Without a thread, the first lookup builds what it needs, as before.
            let _ = std::thread::Builder::new().name("veille-reference".into()).spawn(build);
        }
    }

    pub fn school(&self, uai: &crate::domain::Uai) -> Option<&School> {
        self.schools().by_uai(uai)
    }

    /// The schools of the territory whose name matches ("Collège Les Sablons", "LES SABLONS").
    ///
    /// ```
    /// use veille::reference::{Reference, Territory};
    /// // The collège and two écoles of Essonne are called "Les Sablons"; none elsewhere is looked at.
    /// let found = Reference::get().schools_named_in("clg les sablons", &Territory::default());
    /// assert_eq!(found.iter().map(|s| s.uai.as_str()).collect::<Vec<_>>(), ["0910971L", "0911474H", "0911477L"]);
    /// assert_eq!(found.iter().filter(|s| s.is_college).count(), 1);
    /// ```
    pub fn schools_named_in(&self, name: &str, territory: &Territory) -> Vec<&School> {
        self.schools().named_in(name, territory)
    }

    /// Every collège of France.
    pub fn colleges(&self) -> impl Iterator<Item = &School> {
        self.schools().all().iter().filter(|s| s.is_college)
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
        self.schools().college_pupils(insee)
    }
}

/// The current name of the commune of INSEE code `insee`, else the code itself.
///
/// ```
/// assert_eq!(veille::reference::commune_name("91687"), "Viry-Châtillon");
/// assert_eq!(veille::reference::commune_name("99999"), "99999");
/// ```
pub fn commune_name(insee: &str) -> String {
    crate::domain::InseeCode::parse(insee).and_then(|c| Reference::get().commune(&c).map(|c| c.name.clone())).unwrap_or_else(|| insee.to_string())
}
