//! One run at a time per state folder: an exclusive lock on `<state>/lock` (flock through fs2).
//!
//! The operating system releases the lock when the process ends, however it ends, so a run that was
//! killed never leaves the folder locked. The file also says who holds it (pid, user, host, since when),
//! for the message of the run that has to wait.

use fs2::FileExt;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock file's name in the state folder.
pub const LOCK_FILE: &str = "lock";

/// The state folder, held by this run until dropped.
#[derive(Debug)]
pub struct StateLock {
    file: File,
}

/// Why the state folder could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("state folder busy: {holder:?}")]
    Busy { state: PathBuf, holder: Holder },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

impl LockError {
    /// What the user reads, with what to do.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            LockError::Busy { state, holder } => lang.pick(
                &format!("le dossier d'état {} est utilisé par un autre traitement veille ({}) : attendre qu'il se termine, puis relancer. Un traitement interrompu libère le dossier de lui-même", state.display(), holder.describe(crate::i18n::Lang::Fr)),
                &format!("the state folder {} is in use by another veille run ({}): wait for it to end, then run again. A run that was interrupted releases the folder by itself", state.display(), holder.describe(crate::i18n::Lang::En)),
            ).to_string(),
            LockError::Io { path, source } => lang.pick(
                &format!("impossible de verrouiller le dossier d'état ({}: {source}) : vérifier ses droits ou utiliser --state", path.display()),
                &format!("cannot lock the state folder ({}: {source}): check its permissions or use --state", path.display()),
            ).to_string(),
        }
    }
}

fn host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".into())
}

fn user() -> String {
    ["USER", "USERNAME", "LOGNAME"].iter().find_map(|k| std::env::var(k).ok()).unwrap_or_else(|| "?".into())
}

/// Who holds the lock, as the holder wrote it in the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: String,
    pub user: String,
    pub host: String,
    /// Local time, `2020-05-18 10:12:03 +02:00`.
    pub since: String,
}

impl Holder {
    fn read(file: &mut File) -> Holder {
        let mut text = String::new();
        let _ = file.rewind().and_then(|()| file.read_to_string(&mut text));
        let field = |key: &str| text.lines().find_map(|l| l.strip_prefix(key)).map(|v| v.trim().to_string()).unwrap_or_else(|| "?".into());
        Holder { pid: field("pid="), user: field("user="), host: field("host="), since: field("since=") }
    }

    /// "pid 1234, marie sur poste-accueil, depuis le 18/05/2020 à 10:12:03".
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        let at = self.since.get(..19).and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").ok());
        match lang {
            crate::i18n::Lang::Fr => {
                let since = at.map_or(self.since.clone(), |t| t.format("%d/%m/%Y à %H:%M:%S").to_string());
                format!("pid {}, utilisateur {} sur {}, depuis le {since}", self.pid, self.user, self.host)
            }
            crate::i18n::Lang::En => format!("pid {}, user {} on {}, since {}", self.pid, self.user, self.host, self.since),
        }
    }
}

impl StateLock {
    /// Locks `state` (created if missing), waiting up to `wait` for another run to release it.
    ///
    /// ```
    /// use std::time::Duration;
    /// use veille::state::{LockError, StateLock};
    /// let dir = tempfile::tempdir().unwrap();
    /// let held = StateLock::acquire(dir.path(), Duration::ZERO).unwrap();
    /// assert!(matches!(StateLock::acquire(dir.path(), Duration::ZERO), Err(LockError::Busy { .. })));
    /// drop(held);
    /// assert!(StateLock::acquire(dir.path(), Duration::ZERO).is_ok());
    /// ```
    pub fn acquire(state: &Path, wait: Duration) -> Result<StateLock, LockError> {
        let path = state.join(LOCK_FILE);
        let io = |source| LockError::Io { path: path.clone(), source };
        std::fs::create_dir_all(state).map_err(io)?;
        // Never truncated on open: the holder's lines must stay readable by those who wait.
        let mut file = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).map_err(io)?;
        let start = Instant::now();
        loop {
            match file.try_lock_exclusive() {
                Ok(()) => break,
                Err(e) if e.kind() == fs2::lock_contended_error().kind() || e.kind() == std::io::ErrorKind::WouldBlock => {
                    if start.elapsed() >= wait {
                        return Err(LockError::Busy { state: state.to_path_buf(), holder: Holder::read(&mut file) });
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => return Err(io(e)),
            }
        }
        let since = chrono::Local::now().format("%Y-%m-%d %H:%M:%S %:z");
        let text = format!("pid={}\nuser={}\nhost={}\nsince={since}\n", std::process::id(), user(), host());
        let written = file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(text.as_bytes()));
        written.map_err(io)?;
        Ok(StateLock { file })
    }
}

impl Drop for StateLock {
    fn drop(&mut self) {
        // The lines would name a run that is over; the lock itself goes with the file handle.
        let _ = self.file.set_len(0);
    }
}
