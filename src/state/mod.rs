//! The state folder shared by the runs of one cellule (`.veille/` by default: key, history, lock):
//! one run at a time ([`StateLock`]), files never half-written ([`write_atomic`], [`create_private`]),
//! and numbered crash points that let a test kill a run at every step ([`crash_point`]).

mod atomic;
mod lock;

pub use atomic::{create_private, sweep, sync_dir, write_atomic};
pub use lock::{Holder, LockError, StateLock, LOCK_FILE};

use std::sync::atomic::{AtomicU32, Ordering};

/// The environment variable that makes a run kill itself (SIGKILL) at its n-th crash point.
pub const KILL_AT: &str = "VEILLE_TEST_KILL_AT";

static REACHED: AtomicU32 = AtomicU32::new(0);

/// A point where a crash must leave the previous report and history as they were. When `VEILLE_TEST_KILL_AT`
/// is `n`, the n-th point reached kills the process with SIGKILL, as a power cut or `kill -9` would: no
/// destructor runs, nothing is cleaned up. Tests use it to prove crash safety at every step; unset, it
/// costs one atomic increment.
pub fn crash_point() {
    let reached = REACHED.fetch_add(1, Ordering::SeqCst) + 1;
    let Some(target) = std::env::var(KILL_AT).ok().and_then(|v| v.trim().parse::<u32>().ok()) else { return };
    if reached == target {
        kill_self();
    }
}

#[cfg(unix)]
fn kill_self() {
    // SAFETY: kill(2) on our own pid, with a signal that cannot be caught; no memory is touched.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGKILL);
    }
}

#[cfg(not(unix))]
fn kill_self() {
    std::process::abort();
}
