//! A published report folder read back as its reader has it: `data/lost_contact_by_commune.csv`,
//! `data/loans_by_commune.csv` and `summary.json`, where `s` is a hidden figure.

use super::release::{CommuneFigures, Deltas, Shown, LoanFigures, LostContactFigures, Release, LOAN_FIGURES, LOST_CONTACT_FIGURES, TOTAL_FIGURES};
use crate::i18n::Lang;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Why a folder could not be read as a report.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("not a report folder: {} missing", .missing.join(", "))]
    NotAReport { dir: PathBuf, missing: Vec<String> },
    #[error("{path}: {detail}")]
    Malformed { path: PathBuf, detail: String },
}

impl FolderError {
    /// What the user reads.
    ///
    /// ```
    /// use veille::i18n::Lang;
    /// let e = veille::privacy::FolderError::NotAReport { dir: "x".into(), missing: vec!["summary.json".into()] };
    /// assert!(e.message(Lang::Fr).contains("n'est pas un dossier de rapport"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FolderError::NotAReport { dir, missing }, Lang::Fr) => format!("{} n'est pas un dossier de rapport de veille : il y manque {}", dir.display(), missing.join(", ")),
            (FolderError::NotAReport { dir, missing }, Lang::En) => format!("{} is not a veille report folder: {} missing", dir.display(), missing.join(", ")),
            (FolderError::Malformed { path, detail }, Lang::Fr) => format!("{} illisible : {detail}", path.display()),
            (FolderError::Malformed { path, detail }, Lang::En) => format!("{} unreadable: {detail}", path.display()),
        }
    }
}

const FILES: [&str; 3] = ["data/lost_contact_by_commune.csv", "data/loans_by_commune.csv", "summary.json"];

fn malformed(path: &Path, detail: impl std::fmt::Display) -> FolderError {
    FolderError::Malformed { path: path.to_path_buf(), detail: detail.to_string() }
}

/// The rows of a CSV file, each as the values of the `columns` asked for (by header name).
fn csv_rows(path: &Path, columns: &[&str]) -> Result<Vec<Vec<String>>, FolderError> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| malformed(path, e))?;
    let headers = reader.headers().map_err(|e| malformed(path, e))?.clone();
    let index: Vec<usize> = columns
        .iter()
        .map(|c| headers.iter().position(|h| h == *c).ok_or_else(|| malformed(path, format!("column {c} missing"))))
        .collect::<Result<_, _>>()?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| malformed(path, e))?;
        rows.push(index.iter().map(|&i| record.get(i).unwrap_or_default().to_string()).collect());
    }
    Ok(rows)
}

fn figures<const N: usize>(path: &Path, texts: &[String]) -> Result<[Shown; N], FolderError> {
    let parsed: Vec<Shown> = texts.iter().map(|t| Shown::parse(t).ok_or_else(|| malformed(path, format!("« {t} » is neither a count nor s")))).collect::<Result<_, _>>()?;
    parsed.try_into().map_err(|_| malformed(path, "wrong number of columns"))
}

fn json_figures(path: &Path, object: &Value, what: &str) -> Result<[Shown; 4], FolderError> {
    let one = |key: &str| {
        let value = &object[key];
        serde_json::from_value::<Shown>(value.clone()).map_err(|_| malformed(path, format!("{what}.{key}: neither a count nor \"s\"")))
    };
    Ok([one(TOTAL_FIGURES[0])?, one(TOTAL_FIGURES[1])?, one(TOTAL_FIGURES[2])?, one(TOTAL_FIGURES[3])?])
}

fn summary(path: &Path, publication: &mut Release) -> Result<(), FolderError> {
    let text = std::fs::read_to_string(path).map_err(|e| malformed(path, e))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| malformed(path, e))?;
    publication.week = json["week"].as_str().ok_or_else(|| malformed(path, "no week"))?.to_string();
    publication.totals = json_figures(path, &json["totals"], "totals")?;
    for commune in json["communes"].as_array().ok_or_else(|| malformed(path, "no communes"))? {
        let insee = commune["insee"].as_str().ok_or_else(|| malformed(path, "a commune without insee"))?;
        publication.communes.push(CommuneFigures { insee: insee.into(), figures: json_figures(path, commune, "communes")? });
    }
    if let Some(previous) = json["previous_week"].as_str() {
        publication.deltas = Some(Deltas { previous_week: previous.into(), figures: json_figures(path, &json["deltas"], "deltas")? });
    }
    Ok(())
}

/// Reads the protected figures of a report folder.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let e = veille::privacy::read_folder(dir.path()).unwrap_err();
/// assert!(matches!(e, veille::privacy::FolderError::NotAReport { .. }));
/// ```
pub fn read_folder(dir: &Path) -> Result<Release, FolderError> {
    let missing: Vec<String> = FILES.iter().filter(|f| !dir.join(f).is_file()).map(|f| f.to_string()).collect();
    if !missing.is_empty() {
        return Err(FolderError::NotAReport { dir: dir.to_path_buf(), missing });
    }
    let mut publication = Release::default();
    let path = dir.join(FILES[0]);
    let columns: Vec<&str> = std::iter::once("commune_insee").chain(LOST_CONTACT_FIGURES).collect();
    for row in csv_rows(&path, &columns)? {
        publication.lost_contact.push(LostContactFigures { insee: row[0].clone(), figures: figures(&path, &row[1..])? });
    }
    let path = dir.join(FILES[1]);
    let columns: Vec<&str> = ["commune_insee", "lender", "device"].into_iter().chain(LOAN_FIGURES).collect();
    for row in csv_rows(&path, &columns)? {
        publication.loans.push(LoanFigures { insee: row[0].clone(), lender: row[1].clone(), device: row[2].clone(), figures: figures(&path, &row[3..])? });
    }
    summary(&dir.join(FILES[2]), &mut publication)?;
    Ok(publication)
}
