//! The end of the report week (Sunday 23:59), decided here and nowhere else: which questionnaires were
//! returned by then, what state each pupil of the register was in, and which sheet of each partner action
//! was the current one. The polars aggregates and every figure of the report read the week through it.

use crate::domain::{IsoWeek, RegisterStatus};
use crate::normalize::{Normalized, PartnerAction, RegisterEntry, Response};

/// Whether a questionnaire was returned by the end of the week (an undated one always counts).
///
/// ```
/// use veille::aggregate::returned_by;
/// use veille::normalize::Response;
/// let week = "2020-W21".parse().unwrap();
/// assert!(returned_by(&Response::default(), week));
/// ```
pub fn returned_by(response: &Response, week: IsoWeek) -> bool {
    response.returned_at.is_none_or(|t| t <= week.end())
}

/// A register row's status as it stood at the end of the week: a situation closed after that was still
/// in progress then.
///
/// ```
/// use veille::aggregate::status_at;
/// use veille::domain::{InseeCode, Pseudonym, RegisterStatus};
/// use veille::normalize::{RegisterEntry, Source};
/// let entry = |closed: &str| RegisterEntry {
///     source: Source { file: "registre.xlsx".into(), sheet: "Registre".into(), row: 2 },
///     pupil: Pseudonym::from_digest_hex("0123456789abcdef"), school: None, level: None,
///     commune: InseeCode::parse("91687").unwrap(), arrondissement: None, reported_on: "2020-05-04".parse().unwrap(),
///     family_consent: Some(true), status: RegisterStatus::Clos, closed_on: closed.parse().ok(), comment: None,
/// };
/// let week = "2020-W20".parse().unwrap(); // 11 to 17 May 2020
/// assert_eq!(status_at(&entry("2020-05-22"), week), RegisterStatus::EnCours);
/// assert_eq!(status_at(&entry("2020-05-15"), week), RegisterStatus::Clos);
/// ```
pub fn status_at(entry: &RegisterEntry, week: IsoWeek) -> RegisterStatus {
    match (entry.status, entry.closed_on) {
        (RegisterStatus::Clos, Some(closed)) if closed > week.sunday() => RegisterStatus::EnCours,
        (status, _) => status,
    }
}

/// One pupil of the register as of the end of the week: their latest row, and its status then.
#[derive(Debug, Clone, Copy)]
pub struct PupilState<'a> {
    pub entry: &'a RegisterEntry,
    pub status: RegisterStatus,
}

/// What the records say at the end of the week.
#[derive(Debug, Clone)]
pub struct EndOfWeek<'a> {
    pub week: IsoWeek,
    /// The questionnaires returned so far, in input order.
    pub responses: Vec<&'a Response>,
    /// Each pupil signalled by then, latest row first by date of report then input order, in pseudonym order.
    pub register: Vec<PupilState<'a>>,
    /// Each partner action's latest sheet by then, in input order.
    pub actions: Vec<&'a PartnerAction>,
}

impl<'a> EndOfWeek<'a> {
    /// The records as they stood at the end of `week`.
    ///
    /// ```
    /// use veille::aggregate::EndOfWeek;
    /// let data = veille::normalize::Normalized::default();
    /// let end = EndOfWeek::new(&data, "2020-W21".parse().unwrap());
    /// assert!(end.responses.is_empty() && end.register.is_empty() && end.actions.is_empty());
    /// ```
    pub fn new(data: &'a Normalized, week: IsoWeek) -> Self {
        EndOfWeek {
            week,
            responses: data.responses.iter().filter(|r| returned_by(r, week)).collect(),
            register: super::lost_contact::latest_register_states(&data.register, week).into_iter().map(|entry| PupilState { entry, status: status_at(entry, week) }).collect(),
            actions: super::partners::current_actions(&data.partner_actions, week),
        }
    }

    /// The same records, for one commune only (a pupil counts where their latest row puts them).
    pub fn within(&self, insee: &str) -> EndOfWeek<'a> {
        EndOfWeek {
            week: self.week,
            responses: self.responses.iter().copied().filter(|r| r.commune.as_ref().is_some_and(|c| c.as_str() == insee)).collect(),
            register: self.register.iter().copied().filter(|p| p.entry.commune.as_str() == insee).collect(),
            actions: self.actions.iter().copied().filter(|a| a.commune.as_str() == insee).collect(),
        }
    }
}
