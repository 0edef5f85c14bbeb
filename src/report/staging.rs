//! Atomic output folders: write into a temporary sibling, flush it to the disk, then swap it into place.
//!
//! On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at every instant the target is either the
//! previous report or the new one, whole, even if the run is killed. Elsewhere (or on a file system
//! without it) the old folder is first renamed aside; a run killed between the two renames leaves it
//! there, and the next run puts it back before anything else.

use crate::state::{crash_point, sync_dir};
use std::path::{Path, PathBuf};

/// A temporary folder that becomes `target` on [`Staging::commit`], and is removed if dropped before.
///
/// ```
/// use veille::report::Staging;
/// let dir = tempfile::tempdir().unwrap();
/// let target = dir.path().join("reports/2020-W21");
/// let staging = Staging::new(&target).unwrap();
/// std::fs::write(staging.path().join("a.txt"), "x").unwrap();
/// assert!(!target.exists());
/// staging.commit().unwrap();
/// assert!(target.join("a.txt").exists());
/// ```
pub struct Staging {
    target: PathBuf,
    temporary: PathBuf,
    committed: bool,
}

fn parent_of(target: &Path) -> &Path {
    target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn prefix(target: &Path) -> String {
    format!(".{}.tmp-", target.file_name().and_then(|n| n.to_str()).unwrap_or("report"))
}

/// Whether the run of this pid is still going (always "yes" where it cannot be told).
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Clears what a killed run left beside `target`: its staging folder is deleted, and a previous report
/// it had moved aside is put back when no report took its place.
fn recover(target: &Path) {
    let parent = parent_of(target);
    let prefix = prefix(target);
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else { continue };
        let (pid, moved_aside) = match rest.strip_suffix(".old") {
            Some(pid) => (pid, true),
            None => (rest, false),
        };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid == std::process::id() || alive(pid) {
            continue;
        }
        if moved_aside && !target.exists() {
            let _ = std::fs::rename(entry.path(), target);
        } else {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Flushes every file of a folder to the disk, then the folders, deepest first, so that the swap never
/// exposes data still in memory. Each flush waits on the disk: a préfecture's 200 exports are flushed
/// several at a time.
fn sync_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let (mut files, mut folders) = (Vec::new(), Vec::new());
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_dir() {
            folders.push(entry.into_path());
        } else {
            files.push(entry.into_path());
        }
    }
    files.par_iter().try_for_each(|file| std::fs::File::open(file)?.sync_all())?;
    folders.iter().rev().try_for_each(|folder| sync_dir(folder))
}

/// Swaps two paths in one step (Linux 3.15+); false when the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (std::ffi::CString::new(a.as_os_str().as_bytes()), std::ffi::CString::new(b.as_os_str().as_bytes())) else {
        return false;
    };
    // SAFETY: two valid NUL-terminated paths, resolved from the current directory.
    let done = unsafe { libc::syscall(libc::SYS_renameat2, libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    done == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

impl Staging {
    pub fn new(target: &Path) -> std::io::Result<Staging> {
        let parent = parent_of(target);
        std::fs::create_dir_all(parent)?;
        recover(target);
        let temporary = parent.join(format!("{}{}", prefix(target), std::process::id()));
        if temporary.exists() {
            std::fs::remove_dir_all(&temporary)?;
        }
        std::fs::create_dir_all(&temporary)?;
        Ok(Staging { target: target.to_path_buf(), temporary, committed: false })
    }

    pub fn path(&self) -> &Path {
        &self.temporary
    }

    /// Writes files given by their path within the folder (the exports), making their folders.
    pub fn add_files(&self, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
        for (path, bytes) in files {
            let target = self.temporary.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(target, bytes)?;
        }
        Ok(())
    }

    /// Moves the finished folder into place; an earlier report there is replaced.
    pub fn commit(mut self) -> std::io::Result<()> {
        sync_tree(&self.temporary)?;
        crash_point();
        let parent = parent_of(&self.target).to_path_buf();
        if self.target.exists() && exchange(&self.temporary, &self.target) {
            // The staging path now holds the previous report.
            self.committed = true;
            sync_dir(&parent)?;
            crash_point();
            std::fs::remove_dir_all(&self.temporary)?;
            return Ok(());
        }
        let mut old = self.temporary.clone().into_os_string();
        old.push(".old");
        let old = PathBuf::from(old);
        if self.target.exists() {
            std::fs::rename(&self.target, &old)?;
            crash_point();
        }
        std::fs::rename(&self.temporary, &self.target)?;
        self.committed = true;
        sync_dir(&parent)?;
        crash_point();
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temporary);
        }
    }
}
