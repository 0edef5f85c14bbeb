//! Atomic output folders: write into a temporary sibling, then swap it into place.

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

impl Staging {
    pub fn new(target: &Path) -> std::io::Result<Staging> {
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("report");
        let temporary = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if temporary.exists() {
            std::fs::remove_dir_all(&temporary)?;
        }
        std::fs::create_dir_all(&temporary)?;
        Ok(Staging { target: target.to_path_buf(), temporary, committed: false })
    }

    pub fn path(&self) -> &Path {
        &self.temporary
    }

    /// Moves the finished folder into place; an earlier report there is replaced.
    pub fn commit(mut self) -> std::io::Result<()> {
        let old = self.temporary.with_extension("old");
        if self.target.exists() {
            std::fs::rename(&self.target, &old)?;
        }
        std::fs::rename(&self.temporary, &self.target)?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        self.committed = true;
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
