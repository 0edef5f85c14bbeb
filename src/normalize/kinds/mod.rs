//! One reader per input kind: a detected row to a typed record.

mod loans;
mod partners;
mod questionnaire;
mod register;

pub(crate) use loans::read_loan;
pub(crate) use partners::read_partner_action;
pub(crate) use questionnaire::read_response;
pub(crate) use register::read_register_entry;

use super::records::Source;
use super::rows::RowCtx;

pub(crate) fn source(row: &RowCtx<'_, '_>) -> Source {
    Source { file: row.table.origin.0.clone(), sheet: row.table.origin.1.clone(), row: row.number() }
}
