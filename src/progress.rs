//! Progress bars on the terminal, one per stage (files read, rows normalised): drawn on standard error
//! only when it is a terminal and `--quiet` was not given; on a pipe or in a test, nothing is written.
//!
//! ```
//! use veille::i18n::Lang;
//! use veille::progress::{configure, Stage};
//! configure(true, Lang::Fr);
//! let stage = Stage::start("Lecture des fichiers", "Reading files", 3);
//! stage.advance(3);
//! assert!(stage.is_hidden());
//! stage.finish();
//! ```

use crate::i18n::Lang;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

static QUIET: AtomicBool = AtomicBool::new(false);
static ENGLISH: AtomicU8 = AtomicU8::new(0);

/// Says, once per run, whether `--quiet` was given and in which language stages are named.
pub fn configure(quiet: bool, lang: Lang) {
    QUIET.store(quiet, Ordering::Relaxed);
    ENGLISH.store(u8::from(lang == Lang::En), Ordering::Relaxed);
}

fn lang() -> Lang {
    if ENGLISH.load(Ordering::Relaxed) == 1 { Lang::En } else { Lang::Fr }
}

/// Whether bars are drawn: standard error is a terminal and the run is not quiet.
pub fn shown() -> bool {
    !QUIET.load(Ordering::Relaxed) && std::io::stderr().is_terminal()
}

/// One stage's bar: `len` steps (files, rows), advanced from any thread.
pub struct Stage {
    bar: ProgressBar,
}

impl Stage {
    /// Starts a stage named in French and English; hidden when [`shown`] is false.
    pub fn start(fr: &str, en: &str, len: u64) -> Stage {
        if !shown() {
            return Stage { bar: ProgressBar::hidden() };
        }
        let style = ProgressStyle::with_template("{msg:28} [{bar:32}] {human_pos}/{human_len} ({elapsed})")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr()).with_style(style);
        bar.set_message(lang().pick(fr, en).to_string());
        Stage { bar }
    }

    pub fn advance(&self, steps: u64) {
        self.bar.inc(steps);
    }

    /// Adds steps to the stage's length, for work counted as it is found (the rows of a streamed sheet).
    pub fn grow(&self, steps: u64) {
        self.bar.inc_length(steps);
    }

    pub fn is_hidden(&self) -> bool {
        self.bar.is_hidden()
    }

    /// Leaves the finished bar on the terminal.
    pub fn finish(&self) {
        self.bar.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiet_run_draws_nothing_and_counts_still_advance() {
        configure(true, Lang::En);
        assert!(!shown());
        let stage = Stage::start("Lignes", "Rows", 10);
        stage.advance(4);
        assert!(stage.is_hidden());
        assert_eq!(stage.bar.position(), 4);
        assert_eq!(lang(), Lang::En);
        configure(false, Lang::Fr);
        assert_eq!(lang(), Lang::Fr);
    }
}
