//! Whole processes timed and weighed: wall time, CPU time and peak resident memory of a child, read from
//! `wait4`'s resource usage (`ru_maxrss`), and a bare calamine read to compare with.

use calamine::{open_workbook_auto, Data, Reader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// What one child process cost.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    pub seconds: f64,
    pub cpu_seconds: f64,
    pub peak_mib: f64,
}

impl std::fmt::Display for Cost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:6.2} s wall, {:6.2} s CPU, peak RSS {:5.0} MiB", self.seconds, self.cpu_seconds, self.peak_mib)
    }
}

/// Runs `command` to its end, its output discarded, and says what it cost.
pub fn run(mut command: Command) -> Cost {
    command.stdout(Stdio::null()).stderr(Stdio::null());
    let start = Instant::now();
    let Ok(child) = command.spawn() else {
        eprintln!("could not start {command:?}");
        return Cost { seconds: f64::NAN, cpu_seconds: f64::NAN, peak_mib: f64::NAN };
    };
    let mut status = 0;
    // SAFETY: rusage is plain data, and the child is ours to reap (its `Child` is never waited on).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    if reaped != pid {
        eprintln!("wait4 failed for {command:?}");
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Cost { seconds, cpu_seconds: secs(usage.ru_utime) + secs(usage.ru_stime), peak_mib: usage.ru_maxrss as f64 / 1024.0 }
}

/// Every workbook under `paths` (files, or folders read one level deep), sorted.
pub fn workbooks(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(entries) => found.extend(entries.filter_map(|e| e.ok().map(|e| e.path()))),
            Err(_) => found.push(path.clone()),
        }
    }
    found.sort();
    found
}

/// The bare read: every sheet through `worksheet_range`, every cell walked. Returns the non-empty cells.
pub fn bare_read(path: &Path) -> usize {
    let Ok(mut workbook) = open_workbook_auto(path) else { return 0 };
    let mut cells = 0;
    for sheet in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&sheet) else { continue };
        cells += range.rows().flat_map(|r| r.iter()).filter(|c| !matches!(c, Data::Empty)).count();
    }
    cells
}
