//! One file per command; [`cli`] defines the command line, [`help`] its help in French and English,
//! [`settings`] resolves each command's options once, and every command returns its exit status or one
//! [`VeilleError`], which `main` prints.

pub mod audit;
pub mod bilan;
pub mod cli;
pub mod consolider;
mod error;
pub mod help;
pub mod init;
mod intake;
pub mod pipeline;
pub mod purge;
pub mod report;
pub mod schema;
pub mod settings;
pub mod template;
pub mod validate;

pub use error::{notice, VeilleError};

/// Exit codes of DESIGN.md.
pub mod exit {
    /// The report was written (rejected rows are in issues.csv).
    pub const OK: u8 = 0;
    /// Nothing could be written (or `validate` found an error-level issue).
    pub const FAILURE: u8 = 1;
    /// A wrong command line.
    pub const USAGE: u8 = 2;
    /// `--strict` and at least one error-level issue.
    pub const STRICT: u8 = 3;
}
