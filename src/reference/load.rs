//! Parsing of the embedded reference CSV files.

use super::{name_key, school_key, Commune, Reference, School};
use crate::domain::{InseeCode, Uai};
use std::collections::HashMap;

const COMMUNES: &str = include_str!("../../schemas/reference/communes.csv");
const COLLEGES: &str = include_str!("../../schemas/reference/colleges.csv");
const ECOLES: &str = include_str!("../../schemas/reference/ecoles.csv");

fn records(text: &str) -> impl Iterator<Item = csv::StringRecord> + '_ {
    csv::Reader::from_reader(text.as_bytes()).into_records().filter_map(Result::ok)
}

fn communes() -> Vec<Commune> {
    records(COMMUNES)
        .filter_map(|r| {
            Some(Commune {
                insee: InseeCode::parse(r.get(0)?)?,
                name: r.get(1)?.to_string(),
                postal_codes: r.get(2)?.split_whitespace().map(str::to_string).collect(),
                population: r.get(3)?.parse().unwrap_or(0),
            })
        })
        .collect()
}

fn schools() -> Vec<School> {
    let colleges = records(COLLEGES).filter_map(|r| {
        Some(School {
            uai: Uai::parse(r.get(0)?)?,
            name: r.get(1)?.to_string(),
            insee: InseeCode::parse(r.get(2)?)?,
            is_college: true,
            rep: r.get(3)? == "1",
            rep_plus: r.get(4)? == "1",
            pupils: r.get(5)?.parse().unwrap_or(0),
        })
    });
    let ecoles = records(ECOLES).filter_map(|r| {
        Some(School {
            uai: Uai::parse(r.get(0)?)?,
            name: r.get(1)?.to_string(),
            insee: InseeCode::parse(r.get(2)?)?,
            is_college: false,
            rep: false,
            rep_plus: false,
            pupils: 0,
        })
    });
    colleges.chain(ecoles).collect()
}

pub(super) fn build() -> Reference {
    let communes = communes();
    let mut by_insee = HashMap::new();
    let mut by_postal: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_name = HashMap::new();
    for (i, c) in communes.iter().enumerate() {
        by_insee.insert(c.insee.as_str().to_string(), i);
        by_name.insert(name_key(&c.name), i);
        for code in &c.postal_codes {
            by_postal.entry(code.clone()).or_default().push(i);
        }
    }
    let schools = schools();
    let mut school_by_uai = HashMap::new();
    let mut school_by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in schools.iter().enumerate() {
        school_by_uai.insert(s.uai.as_str().to_string(), i);
        school_by_name.entry(school_key(&s.name)).or_default().push(i);
    }
    Reference { communes, by_insee, by_postal, by_name, schools, school_by_uai, school_by_name }
}
