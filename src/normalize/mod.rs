//! Stage 3: typed values. Each detected row becomes a [`Response`], [`PartnerAction`], [`Loan`] or
//! [`RegisterEntry`]; each unusable cell becomes an issue; each table's rows are accounted for in a
//! [`TableIntake`].
//!
//! The normalisers are public so they can be tested and reused one by one:
//!
//! ```
//! use veille::normalize::{parse_count_text, parse_lender};
//! use veille::domain::Lender;
//! assert_eq!(parse_count_text("une vingtaine").map(|c| c.value), Some(20));
//! assert_eq!(parse_lender("Mairie"), Some(Lender::Commune));
//! ```

mod boolean;
mod columns;
mod commune;
mod contact;
mod date;
mod duplicate_rows;
mod duplicates;
mod fields;
mod kinds;
mod memo;
mod number;
mod place;
mod quantities;
mod records;
mod rows;
mod school;
mod stream;
mod terms;
mod themes;
mod vocab;

pub use boolean::parse_bool;
pub use columns::TableColumns;
pub use commune::{names_a_commune, resolve_commune, resolve_commune_in, CommuneMatch, CommuneResolution, Via};
pub use contact::{parse_email, parse_phone, Phone};
pub use date::{find_date_in_text, parse_date, parse_datetime, parse_datetime_text};
pub use number::{parse_count, parse_count_text, Count};
pub use quantities::{parse_quantities, Quantities};
pub use records::{AnswerThemes, Loan, PartnerAction, RegisterEntry, Response, Source};
pub use school::{resolve_school, resolve_school_in, SchoolMatch};
pub use stream::TableStream;
pub use terms::Terms;
pub use themes::{all_themes, classify_themes, theme, themes_of, Theme};
pub use vocab::{parse_device, parse_lender, parse_lenders, parse_partner_status, parse_register_status};

use crate::detect::Detected;
use crate::domain::{InseeCode, Pseudonym, TableKind};
use crate::ingest::RawTable;
use crate::issues::{IssueLog, Location};
use crate::reference::Territory;

/// Appends `more` to `into`; into an empty list, `more` moves whole (a million loans are not copied).
pub(crate) fn join<T>(into: &mut Vec<T>, more: Vec<T>) {
    if into.is_empty() {
        *into = more;
    } else {
        into.extend(more);
    }
}

/// The row accounting of one table: `rows_read = rows_accepted + rows_rejected + rows_ignored`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableIntake {
    pub file: String,
    pub sheet: String,
    /// `None` for a sheet that matched no kind, or a file that could not be read.
    pub kind: Option<TableKind>,
    pub rows_read: usize,
    pub rows_accepted: usize,
    pub rows_rejected: usize,
    pub rows_ignored: usize,
}

impl TableIntake {
    pub fn new(table: &RawTable, kind: Option<TableKind>) -> Self {
        TableIntake {
            file: table.file.clone(),
            sheet: table.sheet.clone(),
            kind,
            rows_read: 0,
            rows_accepted: 0,
            rows_rejected: 0,
            rows_ignored: 0,
        }
    }

    /// A file that could not be opened: one row, nothing read.
    pub fn unreadable(file: &str) -> Self {
        TableIntake { file: file.to_string(), sheet: String::new(), kind: None, rows_read: 0, rows_accepted: 0, rows_rejected: 0, rows_ignored: 0 }
    }

    /// A sheet with content that matched no kind: nothing was read as data, and its one issue says so.
    pub fn unrecognised(table: &RawTable) -> Self {
        TableIntake::new(table, None)
    }

    /// Whether the accounting identity holds.
    pub fn balanced(&self) -> bool {
        self.rows_read == self.rows_accepted + self.rows_rejected + self.rows_ignored
    }
}

/// Everything normalisation produced.
#[derive(Debug, Default)]
pub struct Normalized {
    pub responses: Vec<Response>,
    pub partner_actions: Vec<PartnerAction>,
    pub loans: Vec<Loan>,
    pub register: Vec<RegisterEntry>,
    pub intake: Vec<TableIntake>,
    /// Every table's columns and what became of them.
    pub columns: Vec<TableColumns>,
    pub issues: IssueLog,
}

/// What normalisation needs from outside: the pseudonymiser, the workspace's default commune and the
/// cellule's territory (where names resolve first).
pub struct NormalizeOptions<'a> {
    pub pseudonymize: &'a dyn Fn(&str) -> Pseudonym,
    pub default_commune: Option<InseeCode>,
    pub territory: &'a Territory,
}

impl Normalized {
    /// Normalises one detected table and appends its records, intake row and issues.
    pub fn add_table(&mut self, table: &RawTable, detected: &Detected, options: &NormalizeOptions<'_>) {
        TableStream::new(table, detected.clone(), options).finish(self);
    }

    /// Appends what another part of the inputs gave (the next file's tables), as if read after these.
    pub fn append(&mut self, other: Normalized) {
        join(&mut self.responses, other.responses);
        join(&mut self.partner_actions, other.partner_actions);
        join(&mut self.loans, other.loans);
        join(&mut self.register, other.register);
        join(&mut self.intake, other.intake);
        join(&mut self.columns, other.columns);
        self.issues.extend(other.issues);
    }

    /// Records a sheet that matched no kind.
    pub fn add_unrecognised(&mut self, table: &RawTable) {
        self.intake.push(TableIntake::unrecognised(table));
        self.issues.warning(
            Location::sheet(&table.file, &table.sheet),
            "unknown-table",
            "feuille non reconnue (ni questionnaire, ni partenaires, ni prêts, ni registre) : aucune ligne lue ; vérifier la ligne d'en-tête, utiliser --kind ou [colonnes] dans veille.toml",
            "sheet not recognised (not a questionnaire, partners, loans or register table): no row read; check the header row, use --kind or [colonnes] in veille.toml",
        );
    }

    /// Records a workbook that was opened but whose sheets are all empty.
    pub fn add_empty_workbook(&mut self, file: &str) {
        self.intake.push(TableIntake::unreadable(file));
        self.issues.warning(
            Location::file(file),
            "unknown-table",
            "le classeur ne contient aucune donnée (toutes ses feuilles sont vides)",
            "the workbook holds no data (all its sheets are empty)",
        );
    }

    /// Keeps the latest return of each questionnaire sent twice and counts once a loan or register row
    /// found in two files, then numbers the responses `R001`,
    /// `R002`... in order of return (undated ones last), so ids are stable.
    pub fn finish(&mut self) {
        self.responses.sort_by(|a, b| {
            let key = |r: &Response| (r.returned_at, r.source.clone());
            key(a).cmp(&key(b))
        });
        duplicates::drop_duplicate_responses(&mut self.responses, &mut self.intake, &mut self.issues);
        duplicate_rows::drop_duplicate_rows(&mut self.loans, &mut self.register, &mut self.intake, &mut self.issues);
        self.responses.sort_by(|a, b| {
            let key = |r: &Response| (r.returned_at.is_none(), r.returned_at, r.source.clone());
            key(a).cmp(&key(b))
        });
        for (i, r) in self.responses.iter_mut().enumerate() {
            r.id = format!("R{:03}", i + 1);
        }
    }
}
