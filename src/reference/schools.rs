//! The collèges and public écoles of France, parsed on the first school lookup.

use super::load::{entry, for_each_row};
use super::{departement_of, school_key, Territory};
use crate::domain::{InseeCode, Uai};
use std::collections::HashMap;
use std::sync::OnceLock;

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

pub(super) struct Schools {
    all: Vec<School>,
    by_uai: HashMap<String, usize>,
    /// The schools of each département, with their index by name.
    departements: HashMap<String, Departement>,
    pupils: HashMap<InseeCode, u32>,
}

/// The schools of one département. Their names are folded on the first look-up by name there: a
/// cellule looks within its own territory, so the 60,000 names of France are not folded for it.
#[derive(Default)]
struct Departement {
    schools: Vec<usize>,
    by_name: OnceLock<HashMap<String, Vec<usize>>>,
}

impl Departement {
    fn by_name(&self, all: &[School]) -> &HashMap<String, Vec<usize>> {
        self.by_name.get_or_init(|| {
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for &i in &self.schools {
                index.entry(school_key(&all[i].name)).or_default().push(i);
            }
            index
        })
    }
}

fn school(r: &csv::StringRecord, is_college: bool) -> Option<School> {
    let flag = |i| r.get(i).is_some_and(|f| f == "1");
    Some(School {
        uai: Uai::parse(r.get(0)?)?,
        name: r.get(1)?.to_string(),
        insee: InseeCode::parse(r.get(2)?)?,
        is_college,
        rep: is_college && flag(3),
        rep_plus: is_college && flag(4),
        pupils: if is_college { r.get(5)?.parse().unwrap_or(0) } else { 0 },
    })
}

impl Schools {
    /// The schools, parsed on first use (apart from the communes: neither waits for the other).
    pub(super) fn get() -> &'static Schools {
        static SCHOOLS: OnceLock<Schools> = OnceLock::new();
        SCHOOLS.get_or_init(Schools::build)
    }

    fn build() -> Schools {
        let mut all = Vec::new();
        for_each_row(&entry("colleges.csv"), |r| all.extend(school(r, true)));
        for_each_row(&entry("ecoles.csv"), |r| all.extend(school(r, false)));
        let mut schools = Schools { by_uai: HashMap::with_capacity(all.len()), departements: HashMap::new(), pupils: HashMap::new(), all: Vec::new() };
        for (i, s) in all.iter().enumerate() {
            schools.by_uai.insert(s.uai.as_str().to_string(), i);
            schools.departements.entry(departement_of(s.insee.as_str()).to_string()).or_default().schools.push(i);
            if s.is_college {
                *schools.pupils.entry(s.insee.clone()).or_default() += s.pupils;
            }
        }
        schools.all = all;
        schools
    }

    pub(super) fn all(&self) -> &[School] {
        &self.all
    }

    pub(super) fn by_uai(&self, uai: &Uai) -> Option<&School> {
        self.by_uai.get(uai.as_str()).map(|&i| &self.all[i])
    }

    /// The schools of the territory whose name has the key of `name`, in the order of the reference.
    pub(super) fn named_in(&self, name: &str, territory: &Territory) -> Vec<&School> {
        let key = school_key(name);
        let mut found: Vec<usize> = Vec::new();
        let mut look_in = |departement: &Departement| found.extend(departement.by_name(&self.all).get(&key).into_iter().flatten());
        if territory.is_bounded() {
            let mut codes: Vec<&str> = territory.departements().iter().map(String::as_str).collect();
            codes.extend(territory.listed_communes().iter().map(|c| departement_of(c.as_str())));
            codes.sort_unstable();
            codes.dedup();
            codes.iter().filter_map(|code| self.departements.get(*code)).for_each(&mut look_in);
        } else {
            use rayon::prelude::*;
            // All of France: every département's names folded at once, on every core.
            self.departements.par_iter().for_each(|(_, d)| {
                d.by_name(&self.all);
            });
            self.departements.values().for_each(&mut look_in);
        }
        found.sort_unstable();
        found.into_iter().map(|i| &self.all[i]).filter(|s| territory.contains(&s.insee)).collect()
    }

    pub(super) fn college_pupils(&self, insee: &InseeCode) -> u32 {
        self.pupils.get(insee).copied().unwrap_or(0)
    }
}
