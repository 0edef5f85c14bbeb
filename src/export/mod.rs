//! `.veille` exports (charter, article 8): one week's exact aggregates of one or more communes, the only
//! thing that leaves a commune's trio. An export is a zip of Parquet tables (`*.parquet`, every text a
//! code of the vocabularies: no name, no pseudonym, no free text, no row of a register or loan list) and a
//! `manifest.json` with the versions, the communes, the week, when it was made and a SHA-256 checksum of
//! the tables. Consolidation ([`consolidate`]) reads many of them and adds them up again; a consolidation
//! can itself be exported, which is how veille stacks: département, académie, région.

mod consolidate;
mod frames;
mod tables;

pub use consolidate::{consolidate, Consolidation};

use crate::aggregate::{Aggregates, Tallies, Week};
use crate::domain::IsoWeek;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Read, Write};

/// The export format's version: an export of another version is refused with `export-version`.
pub const FORMAT_VERSION: u32 = 1;

/// What an export says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub veille_version: String,
    pub week: String,
    /// What the export covers: a commune's INSEE code, or a consolidation's territory.
    pub scope: String,
    pub communes: Vec<String>,
    /// When it was made (UTC, RFC 3339).
    pub made_at: String,
    /// SHA-256 of each table file.
    pub tables: BTreeMap<String, String>,
    /// SHA-256 of the tables' digests, in name order.
    pub checksum: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn checksum(tables: &BTreeMap<String, String>) -> String {
    let mut hasher = Sha256::new();
    for (name, digest) in tables {
        hasher.update(format!("{name}:{digest}\n").as_bytes());
    }
    hex(&hasher.finalize())
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Table(#[from] polars::prelude::PolarsError),
    #[error("{0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

/// The bytes of an export of some communes' figures for `week`.
///
/// ```
/// use veille::aggregate::week;
/// let mut data = veille::normalize::Normalized::default();
/// let w = week(&mut data, "2020-W21".parse().unwrap()).unwrap();
/// let bytes = veille::export::export_bytes(w.aggregates.week, "91687", &[], "2020-05-25T08:00:00Z").unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn export_bytes(week: IsoWeek, scope: &str, communes: &[(String, Aggregates, Tallies)], made_at: &str) -> Result<Vec<u8>, ExportError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut digests = BTreeMap::new();
    for ((name, _), frame) in tables::SCHEMAS.iter().zip(tables::frames(communes)) {
        let bytes = frame.to_parquet()?;
        digests.insert(format!("{name}.parquet"), hex(&Sha256::digest(&bytes)));
        zip.start_file(format!("{name}.parquet"), options)?;
        zip.write_all(&bytes)?;
    }
    let manifest = Manifest {
        format: "veille-export".into(),
        format_version: FORMAT_VERSION,
        veille_version: env!("CARGO_PKG_VERSION").into(),
        week: week.to_string(),
        scope: scope.into(),
        communes: communes.iter().map(|(c, _, _)| c.clone()).collect(),
        made_at: made_at.into(),
        checksum: checksum(&digests),
        tables: digests,
    };
    zip.start_file("manifest.json", options)?;
    zip.write_all((serde_json::to_string_pretty(&manifest)? + "\n").as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

/// The exports of a report, one per commune: (`export/<insee>-<week>.veille`, bytes).
pub fn commune_exports(week: &Week<'_>, made_at: &str) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    use rayon::prelude::*;
    let w = week.aggregates.week;
    // 194 communes at a préfecture: each its own zip, on every core (order kept).
    week.aggregates
        .communes
        .par_iter()
        .map(|c| {
            let one = vec![(c.insee.clone(), week.aggregates.of_commune(&c.insee), week.tallies_of(&c.insee))];
            Ok((format!("export/{}-{w}.veille", c.insee), export_bytes(w, &c.insee, &one, made_at)?))
        })
        .collect()
}

/// An export read and checked.
#[derive(Debug, Clone)]
pub struct Export {
    pub manifest: Manifest,
    pub week: IsoWeek,
    /// Each commune's figures.
    pub communes: BTreeMap<String, (Aggregates, Tallies)>,
}

/// Why an export was refused: the issue code and what to say.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub code: &'static str,
    pub fr: String,
    pub en: String,
}

fn refuse(code: &'static str, fr: impl Into<String>, en: impl Into<String>) -> Refusal {
    Refusal { code, fr: fr.into(), en: en.into() }
}

/// Reads an export, checking its manifest, versions, checksum and that it holds aggregates only.
pub fn read_export(bytes: &[u8]) -> Result<Export, Refusal> {
    let corrupt = |e: &dyn std::fmt::Display| refuse("export-corrupt", format!("export illisible ou tronqué ({e}) : le redemander à la commune"), format!("unreadable or truncated export ({e}): ask the commune for it again"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| corrupt(&e))?;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| corrupt(&e))?;
        let name = entry.name().map_err(|e| corrupt(&e))?.to_string();
        let mut content = Vec::new();
        // An export of 194 communes × 20 weeks is a few megabytes: 64 MB per entry is a generous cap.
        (&mut entry).take(64 << 20).read_to_end(&mut content).map_err(|e| corrupt(&e))?;
        files.insert(name, content);
    }
    let manifest: Manifest = files.get("manifest.json").ok_or_else(|| corrupt(&"manifest.json absent")).and_then(|m| serde_json::from_slice(m).map_err(|e| corrupt(&e)))?;
    check_version(&manifest)?;
    let week: IsoWeek = manifest.week.parse().map_err(|_| corrupt(&"semaine illisible"))?;
    let expected: Vec<String> = tables::SCHEMAS.iter().map(|(n, _)| format!("{n}.parquet")).collect();
    let extra: Vec<&String> = files.keys().filter(|n| *n != "manifest.json" && !expected.contains(n)).collect();
    if !extra.is_empty() {
        return Err(not_aggregate(&format!("{extra:?}")));
    }
    check_digests(&manifest, &files)?;
    let mut frames = BTreeMap::new();
    for (name, schema) in tables::SCHEMAS {
        let bytes = files.get(&format!("{name}.parquet")).ok_or_else(|| corrupt(&format!("{name}.parquet absent")))?;
        frames.insert(*name, frames::Frame::from_parquet(bytes, schema).map_err(|e| not_aggregate(&format!("{name} : {e}")))?);
    }
    let communes = tables::communes_of(&frames, week).map_err(|place| not_aggregate(&place))?;
    if communes.keys().any(|c| !manifest.communes.contains(c)) {
        return Err(not_aggregate("communes hors du manifeste"));
    }
    Ok(Export { manifest, week, communes })
}

fn not_aggregate(what: &str) -> Refusal {
    refuse(
        "export-not-aggregate",
        format!("export refusé : il contient autre chose que des agrégats ({what}) ; seuls les fichiers .veille écrits par veille sont acceptés"),
        format!("export refused: it holds more than aggregates ({what}); only .veille files written by veille are accepted"),
    )
}

fn check_version(m: &Manifest) -> Result<(), Refusal> {
    if m.format != "veille-export" {
        return Err(refuse("export-corrupt", "ce fichier n'est pas un export veille", "this file is not a veille export"));
    }
    match m.format_version.cmp(&FORMAT_VERSION) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Greater => Err(refuse(
            "export-version",
            format!("export au format {} fait par veille {} : plus récent que ce veille (format {FORMAT_VERSION}) ; mettre veille à jour", m.format_version, m.veille_version),
            format!("export in format {} made by veille {}: newer than this veille (format {FORMAT_VERSION}); update veille", m.format_version, m.veille_version),
        )),
        std::cmp::Ordering::Less => Err(refuse(
            "export-version",
            format!("export au format {} fait par veille {} : trop ancien (format {FORMAT_VERSION} attendu) ; demander à la commune de relancer son rapport", m.format_version, m.veille_version),
            format!("export in format {} made by veille {}: too old (format {FORMAT_VERSION} expected); ask the commune to run its report again", m.format_version, m.veille_version),
        )),
    }
}

fn check_digests(m: &Manifest, files: &BTreeMap<String, Vec<u8>>) -> Result<(), Refusal> {
    let actual: BTreeMap<String, String> = files.iter().filter(|(n, _)| *n != "manifest.json").map(|(n, b)| (n.clone(), hex(&Sha256::digest(b)))).collect();
    if actual != m.tables || checksum(&actual) != m.checksum {
        return Err(refuse(
            "export-checksum",
            "export modifié depuis sa création (somme de contrôle différente) : refusé ; le redemander à la commune",
            "export changed since it was made (checksum mismatch): refused; ask the commune for it again",
        ));
    }
    Ok(())
}
