//! The folder walk of a shared folder: each directory entered once (a symbolic link back up the tree, or
//! to a folder already walked, is not followed again), no FIFO, socket or device ever opened (reading a
//! FIFO waits forever), and byte-identical files read once.

use super::{is_noise, InputFile, Limits};
use crate::issues::{Issue, Location, Severity};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What the walk found: the files to read, the files that will not be read (each gets an intake row and
/// its issue), and remarks on the walk itself (a folder not entered twice).
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<InputFile>,
    pub failures: Vec<(String, Issue)>,
    pub notes: Vec<Issue>,
}

/// The identity of a directory on its device, so that two paths to one folder are walked once.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata, _path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata, path: &Path) -> Option<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::fs::canonicalize(path).ok()?.hash(&mut hasher);
    Some((0, hasher.finish()))
}

/// What kind of special file this is, in French and English, when it is neither a file nor a folder.
fn special_kind(file_type: std::fs::FileType) -> (&'static str, &'static str) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return ("un tube nommé (FIFO)", "a named pipe (FIFO)");
        }
        if file_type.is_socket() {
            return ("une socket", "a socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return ("un périphérique", "a device");
        }
    }
    let _ = file_type;
    ("un fichier spécial", "a special file")
}

fn special(display: &str, file_type: std::fs::FileType) -> (String, Issue) {
    let (fr, en) = special_kind(file_type);
    let issue = Issue::new(
        Location::file(display),
        Severity::Error,
        "source-error",
        format!("{fr}, pas un fichier ordinaire : il n'est jamais lu (le lire bloquerait le traitement)"),
        format!("{en}, not a regular file: it is never read (reading it could block the run)"),
    );
    (display.to_string(), issue)
}

fn not_followed(display: &str, fr: &str, en: &str) -> Issue {
    Issue::new(Location::file(display), Severity::Warning, "source-error", fr, en)
}

/// Whether a followed link leads outside the folder given: such a link (to `/`, to a home folder) would
/// make veille read a whole disk.
fn leaves(root: &Path, link: &Path) -> bool {
    match (std::fs::canonicalize(root), std::fs::canonicalize(link)) {
        (Ok(root), Ok(target)) => !target.starts_with(root),
        _ => true,
    }
}

/// Walks one folder given by the user, depth first in name order.
fn walk(root: &Path, seen: &mut HashSet<(u64, u64)>, out: &mut Collected) {
    let mut entries = WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    while let Some(next) = entries.next() {
        let entry = match next {
            Ok(entry) => entry,
            Err(error) => {
                let display = error.path().map(|p| p.display().to_string()).unwrap_or_default();
                if error.loop_ancestor().is_some() {
                    out.notes.push(not_followed(&display, "lien symbolique vers un dossier parent : non suivi (il ferait lire les mêmes fichiers sans fin)", "symbolic link to a parent folder: not followed (it would read the same files over and over)"));
                } else {
                    let issue = not_followed(&display, "entrée illisible (lien symbolique cassé ou droits insuffisants) : ignorée", "unreadable entry (broken symbolic link or missing permission): skipped");
                    out.failures.push((display, issue));
                }
                continue;
            }
        };
        let path = entry.path();
        let display = path.display().to_string();
        let file_type = entry.file_type();
        if entry.depth() > 0 && is_noise(path) {
            if file_type.is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        if file_type.is_dir() && entry.path_is_symlink() && leaves(root, path) {
            out.notes.push(not_followed(&display, "lien symbolique vers un dossier situé hors du dossier lu : non suivi", "symbolic link to a folder outside the folder read: not followed"));
            entries.skip_current_dir();
        } else if file_type.is_dir() {
            let id = entry.metadata().ok().and_then(|m| identity(&m, path));
            if id.is_some_and(|id| !seen.insert(id)) {
                out.notes.push(not_followed(&display, "dossier déjà parcouru par un autre chemin (lien symbolique) : non relu", "folder already walked through another path (symbolic link): not read again"));
                entries.skip_current_dir();
            }
        } else if file_type.is_file() {
            out.files.push(InputFile { path: path.to_path_buf(), display });
        } else {
            out.failures.push(special(&display, file_type));
        }
    }
}

/// Expands folders recursively (sorted, so runs are reproducible). Paths that do not exist, special
/// files and broken links come back as failures.
pub fn collect_inputs(paths: &[PathBuf]) -> Collected {
    let mut out = Collected::default();
    let mut seen = HashSet::new();
    for path in paths {
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut seen, &mut out),
            Ok(meta) if meta.is_file() => out.files.push(InputFile { path: path.clone(), display }),
            Ok(meta) => out.failures.push(special(&display, meta.file_type())),
            Err(_) => {
                let issue = Issue::new(
                    Location::file(&display),
                    Severity::Error,
                    "source-error",
                    "fichier ou dossier introuvable : vérifier le chemin",
                    "file or folder not found: check the path",
                );
                out.failures.push((display, issue));
            }
        }
    }
    out
}

fn digest(path: &Path) -> Option<[u8; 32]> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buffer).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Some(hasher.finalize().into())
}

/// Keeps one file of each set of byte-identical files: the shortest name ("prets.xlsx" rather than the
/// browser's "prets (1).xlsx"), then the first in name order. The copies come back with a
/// `duplicate-file` issue naming the file kept. Only files of equal size are hashed.
pub fn drop_identical(files: Vec<InputFile>, limits: &Limits) -> (Vec<InputFile>, Vec<(String, Issue)>) {
    let size = |f: &InputFile| std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
    let sizes: Vec<u64> = files.iter().map(size).collect();
    let mut by_size: HashMap<u64, usize> = HashMap::new();
    for s in &sizes {
        *by_size.entry(*s).or_default() += 1;
    }
    let mut groups: HashMap<[u8; 32], Vec<usize>> = HashMap::new();
    for (index, file) in files.iter().enumerate() {
        let s = sizes[index];
        if s == 0 || s > limits.file_bytes() || by_size[&s] < 2 {
            continue;
        }
        if let Some(hash) = digest(&file.path) {
            groups.entry(hash).or_default().push(index);
        }
    }
    let mut kept_for: HashMap<usize, usize> = HashMap::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let keep = *members.iter().min_by_key(|&&i| (files[i].display.len(), files[i].display.clone())).unwrap_or(&members[0]);
        for &copy in members.iter().filter(|&&i| i != keep) {
            kept_for.insert(copy, keep);
        }
    }
    let mut copies = Vec::new();
    let mut kept = Vec::new();
    for (index, file) in files.iter().enumerate() {
        match kept_for.get(&index) {
            Some(&keep) => {
                let original = &files[keep].display;
                let issue = Issue::new(
                    Location::file(&file.display),
                    Severity::Warning,
                    "duplicate-file",
                    format!("copie identique, octet pour octet, de « {original} » : lue une seule fois, sous ce nom-là"),
                    format!("byte-for-byte copy of \"{original}\": read once, under that name"),
                );
                copies.push((file.display.clone(), issue));
            }
            None => kept.push(file.clone()),
        }
    }
    (kept, copies)
}
