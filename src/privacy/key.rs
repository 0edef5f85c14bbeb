//! The pseudonymisation key: `VEILLE_KEY`, else `<state>/key`, created on first use (mode 0600).
//! A state folder that already holds history but no readable key is an error: a new key would silently
//! break week-to-week counting.

use crate::i18n::Lang;
use std::path::{Path, PathBuf};

/// Where the key came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyOrigin {
    Environment,
    File(PathBuf),
    /// A new key was written there (the first run of a workspace).
    Created(PathBuf),
}

/// Why no key could be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("unreadable key {path}: {source}")]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("history without key in {0}")]
    HistoryWithoutKey(PathBuf),
    #[error("cannot create key {path}: {source}")]
    Create { path: PathBuf, source: std::io::Error },
}

impl KeyError {
    /// What the user reads, with what to do.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (KeyError::Unreadable { path, source }, Lang::Fr) => format!("la clé de pseudonymisation {} est illisible ({source}) : restaurer le fichier depuis une sauvegarde ou définir VEILLE_KEY", path.display()),
            (KeyError::Unreadable { path, source }, Lang::En) => format!("the pseudonymisation key {} is unreadable ({source}): restore the file from a backup or set VEILLE_KEY", path.display()),
            (KeyError::HistoryWithoutKey(dir), Lang::Fr) => format!("le dossier d'état {} contient un historique mais pas de clé : une nouvelle clé casserait le décompte d'une semaine à l'autre. Restaurer {}/key depuis une sauvegarde ou définir VEILLE_KEY", dir.display(), dir.display()),
            (KeyError::HistoryWithoutKey(dir), Lang::En) => format!("the state folder {} holds history but no key: a new key would break week-to-week counting. Restore {}/key from a backup or set VEILLE_KEY", dir.display(), dir.display()),
            (KeyError::Create { path, source }, Lang::Fr) => format!("impossible de créer la clé {} ({source}) : vérifier les droits du dossier ou utiliser --state", path.display()),
            (KeyError::Create { path, source }, Lang::En) => format!("cannot create the key {} ({source}): check the folder's permissions or use --state", path.display()),
        }
    }
}

fn holds_history(state: &Path) -> bool {
    std::fs::read_dir(state.join("history")).map(|mut entries| entries.next().is_some()).unwrap_or(false)
}

fn new_key() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The key bytes and where they came from. `env_key` is the value of `VEILLE_KEY`, if set.
///
/// ```
/// use veille::privacy::{load_key, KeyOrigin};
/// let dir = tempfile::tempdir().unwrap();
/// let state = dir.path().join(".veille");
/// let (first, origin) = load_key(&state, None).unwrap();
/// assert!(matches!(origin, KeyOrigin::Created(_)));
/// let (again, origin) = load_key(&state, None).unwrap();
/// assert_eq!((first, origin), (again, KeyOrigin::File(state.join("key"))));
/// ```
pub fn load_key(state: &Path, env_key: Option<&str>) -> Result<(Vec<u8>, KeyOrigin), KeyError> {
    if let Some(k) = env_key.map(str::trim).filter(|k| !k.is_empty()) {
        return Ok((k.as_bytes().to_vec(), KeyOrigin::Environment));
    }
    let path = state.join("key");
    if path.exists() {
        let text = std::fs::read_to_string(&path).map_err(|source| KeyError::Unreadable { path: path.clone(), source })?;
        let key = text.trim();
        if key.is_empty() {
            let source = std::io::Error::new(std::io::ErrorKind::InvalidData, "fichier vide / empty file");
            return Err(KeyError::Unreadable { path, source });
        }
        return Ok((key.as_bytes().to_vec(), KeyOrigin::File(path)));
    }
    if holds_history(state) {
        return Err(KeyError::HistoryWithoutKey(state.to_path_buf()));
    }
    std::fs::create_dir_all(state).map_err(|source| KeyError::Create { path: path.clone(), source })?;
    let key = new_key();
    // Written whole or not at all: a run killed here leaves no empty or partial key behind.
    match crate::state::create_private(&path, format!("{key}\n").as_bytes()) {
        Ok(()) => Ok((key.into_bytes(), KeyOrigin::Created(path))),
        // Another run created it first: that key is the one to use.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => load_key(state, None),
        Err(source) => Err(KeyError::Create { path, source }),
    }
}
