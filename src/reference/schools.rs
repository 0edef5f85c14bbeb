//! The collèges and public écoles of France, parsed on the first school lookup.

use super::load::{entry, records};
use super::school_key;
use crate::domain::{InseeCode, Uai};
use std::collections::HashMap;

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
    /// Built on the first look-up by name (a UAI needs none), its keys folded on every core.
    by_name: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
    pupils: HashMap<InseeCode, u32>,
}

fn colleges(text: &str) -> impl Iterator<Item = School> + '_ {
    records(text).filter_map(|r| {
        Some(School {
            uai: Uai::parse(r.get(0)?)?,
            name: r.get(1)?.to_string(),
            insee: InseeCode::parse(r.get(2)?)?,
            is_college: true,
            rep: r.get(3)? == "1",
            rep_plus: r.get(4)? == "1",
            pupils: r.get(5)?.parse().unwrap_or(0),
        })
    })
}

fn ecoles(text: &str) -> impl Iterator<Item = School> + '_ {
    records(text).filter_map(|r| {
        Some(School {
            uai: Uai::parse(r.get(0)?)?,
            name: r.get(1)?.to_string(),
            insee: InseeCode::parse(r.get(2)?)?,
            is_college: false,
            rep: false,
            rep_plus: false,
            pupils: 0,
        })
    })
}

impl Schools {
    pub(super) fn build() -> Schools {
        let (college_text, ecole_text) = (entry("colleges.csv"), entry("ecoles.csv"));
        let all: Vec<School> = colleges(&college_text).chain(ecoles(&ecole_text)).collect();
        let mut schools = Schools { by_uai: HashMap::new(), by_name: std::sync::OnceLock::new(), pupils: HashMap::new(), all: Vec::new() };
        for (i, s) in all.iter().enumerate() {
            schools.by_uai.insert(s.uai.as_str().to_string(), i);
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

    pub(super) fn by_name(&self, name: &str) -> Vec<&School> {
        let index = self.by_name.get_or_init(|| {
            use rayon::prelude::*;
            let keys: Vec<String> = self.all.par_iter().map(|s| school_key(&s.name)).collect();
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, key) in keys.into_iter().enumerate() {
                index.entry(key).or_default().push(i);
            }
            index
        });
        index.get(&school_key(name)).map(|v| v.iter().map(|&i| &self.all[i]).collect()).unwrap_or_default()
    }

    pub(super) fn college_pupils(&self, insee: &InseeCode) -> u32 {
        self.pupils.get(insee).copied().unwrap_or(0)
    }
}
