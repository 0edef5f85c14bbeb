//! A loan or register row found in two different files (a list saved twice under two names, an export
//! merged into another) is counted once. Rows match when everything that counts is the same: for a loan,
//! the beneficiary's pseudonym, the dates, the lender, the device, the quantity and the commune; for the
//! register, the pupil's pseudonym, the dates and the status. The row read first is kept; the other moves
//! from accepted to ignored in its table's intake, with a `duplicate-row` warning naming both places.
//! Rows repeated inside one file are left alone: two identical loans in one list are two loans.

use super::duplicates::describe;
use super::records::{Loan, RegisterEntry, Source};
use super::TableIntake;
use crate::issues::{IssueLog, Location};
use std::collections::HashMap;

fn loan_key(loan: &Loan) -> Option<String> {
    let who = loan.beneficiary.as_ref()?;
    Some(format!("{who:?}|{}|{:?}|{:?}|{:?}|{}|{}", loan.lent_on, loan.returned_on, loan.lender, loan.device, loan.quantity, loan.commune.as_str()))
}

fn register_key(entry: &RegisterEntry) -> Option<String> {
    Some(format!("{:?}|{}|{:?}|{:?}", entry.pupil, entry.reported_on, entry.closed_on, entry.status))
}

/// Which records repeat one read earlier from another file: index → source of the one kept.
fn repeats<T>(records: &[T], key: impl Fn(&T) -> Option<String>, source: impl Fn(&T) -> &Source) -> HashMap<usize, Source> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut dropped = HashMap::new();
    // Rows of one file are never repeats of each other: a single list (a million loans) costs nothing.
    if records.windows(2).all(|w| source(&w[0]).file == source(&w[1]).file) {
        return dropped;
    }
    for (index, record) in records.iter().enumerate() {
        let Some(k) = key(record) else { continue };
        match first.get(&k) {
            Some(&kept) if source(&records[kept]).file != source(record).file => {
                dropped.insert(index, source(&records[kept]).clone());
            }
            Some(_) => {}
            None => {
                first.insert(k, index);
            }
        }
    }
    dropped
}

fn report(dropped: &Source, kept: &Source, intake: &mut [TableIntake], issues: &mut IssueLog) {
    if let Some(table) = intake.iter_mut().find(|t| *t.file == *dropped.file && *t.sheet == *dropped.sheet) {
        table.rows_accepted = table.rows_accepted.saturating_sub(1);
        table.rows_ignored += 1;
    }
    let (kept_fr, kept_en) = describe(&Some(kept.clone()));
    issues.warning(
        Location::sheet(&dropped.file, &dropped.sheet).at_row(dropped.row),
        "duplicate-row",
        format!("ligne déjà lue dans un autre fichier ({kept_fr}) : comptée une seule fois"),
        format!("row already read in another file ({kept_en}): counted once"),
    );
}

fn drop_repeats<T>(records: &mut Vec<T>, dropped: HashMap<usize, Source>, source: impl Fn(&T) -> &Source, intake: &mut [TableIntake], issues: &mut IssueLog) {
    let mut index = 0;
    records.retain(|record| {
        index += 1;
        match dropped.get(&(index - 1)) {
            Some(kept) => {
                report(source(record), kept, intake, issues);
                false
            }
            None => true,
        }
    });
}

/// Drops the loans and register rows already read from another file.
pub(super) fn drop_duplicate_rows(loans: &mut Vec<Loan>, register: &mut Vec<RegisterEntry>, intake: &mut [TableIntake], issues: &mut IssueLog) {
    let dropped = repeats(loans, loan_key, |l| &l.source);
    drop_repeats(loans, dropped, |l| &l.source, intake, issues);
    let dropped = repeats(register, register_key, |e| &e.source);
    drop_repeats(register, dropped, |e| &e.source, intake, issues);
}
