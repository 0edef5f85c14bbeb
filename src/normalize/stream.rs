//! One detected table normalised as its rows arrive: the head (where the header was found), then chunk
//! after chunk ([`crate::ingest::TableSink`]), with the table's accounting, memoised normalisers and issues
//! carried from one chunk to the next. The records, the intake row and the column issues join a
//! [`Normalized`] when the table ends.

use super::columns::report_columns;
use super::memo::Memo;
use super::records::{Loan, PartnerAction, RegisterEntry, Response};
use super::rows::{read_chunk, read_form, RowState, TableContext};
use super::{find_date_in_text, join, kinds, parse_lender, NormalizeOptions, Normalized};
use crate::detect::{schema, Detected, Outcome};
use crate::domain::{InseeCode, Lender, TableKind};
use crate::ingest::{Cell, RawTable};
use crate::issues::IssueLog;
use chrono::NaiveDate;

/// The records of one table, of its kind.
enum Records {
    Responses(Vec<Response>),
    Partners(Vec<PartnerAction>),
    Loans(Vec<Loan>),
    Register(Vec<RegisterEntry>),
}

/// A detected table being normalised.
///
/// ```
/// use veille::detect::detect;
/// use veille::ingest::{Cell, RawTable};
/// use veille::normalize::{NormalizeOptions, Normalized, TableStream};
/// use veille::reference::Territory;
/// let text = |s: &str| Cell::Text(s.to_string());
/// let rows = |first_row, rows| RawTable { file: "prets.csv".into(), sheet: String::new(), first_row, first_col: 0, rows };
/// let head = rows(1, vec![
///     vec![text("Date du prêt"), text("Matériel"), text("Commune")],
///     vec![text("12/05/2020"), text("tablette"), text("Grigny")],
/// ]);
/// let territory = Territory::default();
/// let pseudonymize = |name: &str| veille::privacy::Pseudonymizer::new(b"k").pseudonym(name);
/// let options = NormalizeOptions { pseudonymize: &pseudonymize, default_commune: None, territory: &territory };
/// let mut stream = TableStream::new(&head, detect(&head, None).unwrap(), &options);
/// stream.rows(&rows(3, vec![vec![text("13/05/2020"), text("PC"), text("Viry-Châtillon")]]), &options);
/// let mut data = Normalized::default();
/// stream.finish(&mut data);
/// assert_eq!((data.loans.len(), data.intake[0].rows_read, data.loans[1].source.row), (2, 2, 3));
/// ```
pub struct TableStream {
    shape: RawTable,
    origin: (std::sync::Arc<str>, std::sync::Arc<str>),
    detected: Detected,
    title_commune: Option<InseeCode>,
    title_date: Option<NaiveDate>,
    title_lender: Option<Lender>,
    memo: Memo,
    state: RowState,
    records: Records,
    issues: IssueLog,
    /// Values met below the head in the columns left unread, whose issues say how many they hold.
    filled: Vec<(usize, usize)>,
}

impl TableStream {
    /// Starts the table whose head is `head` (its header found there by `detected`) and reads the head's rows.
    pub fn new(head: &RawTable, detected: Detected, options: &NormalizeOptions<'_>) -> TableStream {
        let titles = detected.title_lines.iter().chain(std::iter::once(&head.sheet));
        let title_commune = titles.clone().find_map(|l| options.territory.commune_in_text(l)).map(|c| c.insee.clone());
        let records = match detected.kind {
            TableKind::Questionnaire => Records::Responses(Vec::new()),
            TableKind::Partners => Records::Partners(Vec::new()),
            TableKind::Loans => Records::Loans(Vec::new()),
            TableKind::Register => Records::Register(Vec::new()),
        };
        let filled = detected.report.iter().filter(|r| matches!(r.outcome, Outcome::Unplaced { .. })).map(|r| (r.col, 0)).collect();
        let shape = RawTable { rows: Vec::new(), ..RawTable::empty(&head.file, &head.sheet) };
        let mut stream = TableStream {
            origin: (head.file.as_str().into(), head.sheet.as_str().into()),
            shape: RawTable { first_row: head.first_row, first_col: head.first_col, ..shape },
            title_date: detected.title_lines.iter().find_map(|l| find_date_in_text(l)),
            title_lender: detected.title_lines.iter().find_map(|l| parse_lender(l)),
            title_commune,
            memo: Memo::default(),
            state: RowState::placeholder(),
            records,
            issues: IssueLog::default(),
            filled,
            detected,
        };
        stream.state = RowState::new(&stream.context(head, options));
        stream.read(head, stream.detected.header_index + 1, options);
        stream
    }

    fn context<'a>(&'a self, table: &'a RawTable, options: &NormalizeOptions<'a>) -> TableContext<'a> {
        TableContext {
            table,
            origin: &self.origin,
            detected: &self.detected,
            title_commune: self.title_commune.clone(),
            title_date: self.title_date,
            title_lender: self.title_lender,
            default_commune: options.default_commune.clone(),
            territory: options.territory,
            pseudonymize: options.pseudonymize,
            memo: &self.memo,
        }
    }

    fn read(&mut self, table: &RawTable, start: usize, options: &NormalizeOptions<'_>) {
        let (mut state, mut issues) = (std::mem::replace(&mut self.state, RowState::placeholder()), std::mem::take(&mut self.issues));
        let mut records = std::mem::replace(&mut self.records, Records::Loans(Vec::new()));
        let ctx = self.context(table, options);
        let form = ctx.detected.form.is_some();
        match &mut records {
            Records::Responses(r) if form => state.intake = read_form(&ctx, &mut issues, r, kinds::read_response),
            Records::Responses(r) => read_chunk(&ctx, start, &mut state, &mut issues, r, kinds::read_response),
            Records::Partners(r) => read_chunk(&ctx, start, &mut state, &mut issues, r, kinds::read_partner_action),
            Records::Loans(r) => read_chunk(&ctx, start, &mut state, &mut issues, r, kinds::read_loan),
            Records::Register(r) => read_chunk(&ctx, start, &mut state, &mut issues, r, kinds::read_register_entry),
        }
        (self.state, self.issues, self.records) = (state, issues, records);
    }

    /// Reads the next rows of the table.
    pub fn rows(&mut self, chunk: &RawTable, options: &NormalizeOptions<'_>) {
        // A form holds one record, read from the head; the rows below it are not data.
        if self.detected.form.is_some() {
            return;
        }
        let missing = &schema(self.detected.kind).missing_values;
        for (col, n) in &mut self.filled {
            *n += chunk.rows.iter().filter_map(|r| r.get(*col)).filter(|c| is_value(c, missing)).count();
        }
        self.read(chunk, 0, options);
    }

    /// The table has ended: its records, intake row, columns and issues join `data`.
    pub fn finish(mut self, data: &mut Normalized) {
        for report in &mut self.detected.report {
            if let Some((_, n)) = self.filled.iter().find(|(c, _)| *c == report.col) {
                report.values.filled += n;
            }
        }
        let (title_date, title_lender) = (self.title_date.is_some(), self.title_lender.is_some());
        // The title rows give every row its date ("Mise à jour du 19/05/2020") or lender ("Prêts du CD91").
        let provided = |f: &crate::detect::Field| match crate::detect::ValueKind::of_field(f) {
            crate::detect::ValueKind::Date => title_date,
            crate::detect::ValueKind::Lender => title_lender,
            _ => false,
        };
        let columns = report_columns(&self.shape, &self.detected, provided, &mut data.issues);
        if !columns.columns.is_empty() {
            data.columns.push(columns);
        }
        match self.records {
            Records::Responses(r) => join(&mut data.responses, r),
            Records::Partners(r) => join(&mut data.partner_actions, r),
            Records::Loans(r) => join(&mut data.loans, r),
            Records::Register(r) => join(&mut data.register, r),
        }
        data.intake.push(self.state.intake);
        data.issues.extend(self.issues);
    }
}

/// A cell that holds a value: not blank, not one of the schema's missing values.
fn is_value(cell: &Cell, missing: &[String]) -> bool {
    !cell.is_blank() && !matches!(cell, Cell::Text(t) if missing.iter().any(|m| m.eq_ignore_ascii_case(t.trim())))
}
