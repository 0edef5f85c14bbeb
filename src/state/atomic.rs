//! Files that are never half-written: written beside their place under a temporary name, flushed to the
//! disk (fsync), then renamed over the old one, so a reader, or the next run after a crash, sees the old
//! file or the new one and never part of one. Temporary files of a run that was killed are swept by the
//! next run that holds the state folder's lock.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The prefix of every temporary file veille leaves in a folder while writing.
const TEMPORARY: &str = ".veille-tmp-";

fn temporary_beside(path: &Path, dir: &Path) -> PathBuf {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    dir.join(format!("{TEMPORARY}{}-{name}", std::process::id()))
}

/// Makes a finished rename durable: the folder's entry is flushed too (a no-op where folders cannot be
/// opened).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    let _ = dir;
    Ok(())
}

fn written(temporary: &Path, bytes: &[u8], private: bool) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    }
    let _ = private;
    let mut file = options.open(temporary)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Replaces `path` with `bytes`, atomically. The temporary file lives in `scratch` (a folder on the same
/// disk), so that the folder of `path` only ever holds whole files.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("a.txt");
/// veille::state::write_atomic(&path, dir.path(), b"one").unwrap();
/// veille::state::write_atomic(&path, dir.path(), b"two").unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"two");
/// assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
/// ```
pub fn write_atomic(path: &Path, scratch: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = temporary_beside(path, scratch);
    let result = written(&temporary, bytes, false).and_then(|()| {
        super::crash_point();
        std::fs::rename(&temporary, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result?;
    sync_dir(path.parent().unwrap_or(Path::new(".")))
}

/// Creates `path` with `bytes` (mode 0600) only if it does not exist, atomically: the file appears whole
/// or not at all. Fails with `AlreadyExists` when another run created it first.
pub fn create_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temporary = temporary_beside(path, dir);
    // A hard link never replaces an existing file, unlike a rename.
    let result = written(&temporary, bytes, true).and_then(|()| {
        super::crash_point();
        std::fs::hard_link(&temporary, path)
    });
    let _ = std::fs::remove_file(&temporary);
    result?;
    sync_dir(dir)
}

/// Removes the temporary files that a killed run left in `dir`. Only call it while holding the lock of
/// the state folder `dir` belongs to.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMPORARY) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
