//! One file per command; each has its usage text at the top and returns the process exit code.

pub mod audit;
pub mod bilan;
pub mod help;
pub mod init;
pub mod pipeline;
pub mod purge;
pub mod report;
pub mod schema;
pub mod template;
pub mod validate;

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
