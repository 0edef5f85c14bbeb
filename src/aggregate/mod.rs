//! Stage 5: the week's figures, computed with polars queries from the normalised records.
//!
//! Figures are "as of" the end of the report week (Sunday 23:59): questionnaires returned so far, loans made
//! and returned by then, each partner action's latest sheet, the register's state.

mod frames;
mod loans;
mod lost_contact;
mod partners;

pub use lost_contact::latest_register_states;
pub use partners::current_actions;

use crate::domain::{Device, InseeCode, IsoWeek, Lender, PartnerStatus};
use crate::normalize::Normalized;
use crate::reference::Reference;
use polars::prelude::PolarsResult;
use serde::Serialize;
use std::collections::BTreeSet;

/// One row of `lost_contact_by_commune.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LostContactRow {
    pub commune_insee: String,
    pub commune: String,
    pub declared: i64,
    pub declared_respondents: i64,
    pub register_pupils: i64,
    pub register_with_consent: i64,
    pub restored: i64,
    pub in_progress: i64,
    pub no_contact: i64,
}

/// One row of `loans_by_commune.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoanRow {
    pub commune_insee: String,
    pub commune: String,
    pub lender: Lender,
    pub device: Device,
    pub lent: i64,
    pub returned: i64,
    pub outstanding: i64,
}

/// One row of `partners_by_commune.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerRow {
    pub commune_insee: String,
    pub commune: String,
    pub status: PartnerStatus,
    pub actions: i64,
    pub stale_actions: i64,
}

/// The key figures of summary.json, for all communes or one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub responses: i64,
    pub lost_contact_declared: i64,
    pub register_pupils: i64,
    pub devices_lent: i64,
    pub devices_outstanding: i64,
    pub partner_actions: i64,
    pub partner_actions_suspended: i64,
}

impl Totals {
    /// The figures in a fixed order, with their summary.json names.
    pub fn named(&self) -> [(&'static str, i64); 7] {
        [
            ("responses", self.responses),
            ("lost_contact_declared", self.lost_contact_declared),
            ("register_pupils", self.register_pupils),
            ("devices_lent", self.devices_lent),
            ("devices_outstanding", self.devices_outstanding),
            ("partner_actions", self.partner_actions),
            ("partner_actions_suspended", self.partner_actions_suspended),
        ]
    }
}

impl Totals {
    /// The summary.json names of the figures, in the order of [`Totals::named`].
    pub fn names() -> [&'static str; 7] {
        Totals::default().named().map(|(name, _)| name)
    }

    /// Totals from values in the order of [`Totals::named`].
    pub fn from_values(v: [i64; 7]) -> Totals {
        Totals {
            responses: v[0],
            lost_contact_declared: v[1],
            register_pupils: v[2],
            devices_lent: v[3],
            devices_outstanding: v[4],
            partner_actions: v[5],
            partner_actions_suspended: v[6],
        }
    }
}

impl std::ops::AddAssign<&Totals> for Totals {
    fn add_assign(&mut self, other: &Totals) {
        self.responses += other.responses;
        self.lost_contact_declared += other.lost_contact_declared;
        self.register_pupils += other.register_pupils;
        self.devices_lent += other.devices_lent;
        self.devices_outstanding += other.devices_outstanding;
        self.partner_actions += other.partner_actions;
        self.partner_actions_suspended += other.partner_actions_suspended;
    }
}

/// One commune's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommuneTotals {
    pub insee: String,
    pub name: String,
    #[serde(flatten)]
    pub totals: Totals,
}

/// Everything the report shows for one week.
#[derive(Debug, Clone)]
pub struct Aggregates {
    pub week: IsoWeek,
    pub lost_contact: Vec<LostContactRow>,
    pub loans: Vec<LoanRow>,
    pub partners: Vec<PartnerRow>,
    /// Responses returned by the end of the week, per commune (INSEE code, count).
    pub responses: Vec<(String, i64)>,
    pub totals: Totals,
    pub communes: Vec<CommuneTotals>,
}

pub(crate) fn commune_name(insee: &str) -> String {
    InseeCode::parse(insee)
        .and_then(|c| Reference::get().commune(&c).map(|c| c.name.clone()))
        .unwrap_or_else(|| insee.to_string())
}

fn commune_totals(insee: &str, agg: &Aggregates) -> Totals {
    let lc = agg.lost_contact.iter().filter(|r| r.commune_insee == insee);
    let loans = agg.loans.iter().filter(|r| r.commune_insee == insee);
    let partners = agg.partners.iter().filter(|r| r.commune_insee == insee);
    Totals {
        responses: agg.responses.iter().filter(|(c, _)| c == insee).map(|(_, n)| n).sum(),
        lost_contact_declared: lc.clone().map(|r| r.declared).sum(),
        register_pupils: lc.map(|r| r.register_pupils).sum(),
        devices_lent: loans.clone().map(|r| r.lent).sum(),
        devices_outstanding: loans.map(|r| r.outstanding).sum(),
        partner_actions: partners.clone().map(|r| r.actions).sum(),
        partner_actions_suspended: partners.filter(|r| r.status == PartnerStatus::Suspendu).map(|r| r.actions).sum(),
    }
}

/// Computes the week's figures.
pub fn aggregate(data: &Normalized, week: IsoWeek) -> PolarsResult<Aggregates> {
    let responses = lost_contact::responses_by_commune(&data.responses, week)?;
    let mut agg = Aggregates {
        week,
        lost_contact: Vec::new(),
        loans: loans::loans_by_commune(&data.loans, week)?,
        partners: partners::partners_by_commune(&data.partner_actions, week)?,
        responses: responses.iter().map(|r| (r.commune.clone(), r.responses)).collect(),
        totals: Totals::default(),
        communes: Vec::new(),
    };
    let register = lost_contact::register_by_commune(&data.register, week)?;
    let mut communes: BTreeSet<String> = BTreeSet::new();
    communes.extend(responses.iter().map(|r| r.commune.clone()));
    communes.extend(register.iter().map(|r| r.commune_insee.clone()));
    communes.extend(agg.loans.iter().map(|r| r.commune_insee.clone()));
    communes.extend(agg.partners.iter().map(|r| r.commune_insee.clone()));
    agg.lost_contact = lost_contact::merge(&communes, &responses, &register);
    agg.communes = communes
        .iter()
        .map(|c| CommuneTotals { insee: c.clone(), name: commune_name(c), totals: commune_totals(c, &agg) })
        .collect();
    agg.totals = agg.communes.iter().fold(Totals::default(), |mut t, c| {
        t += &c.totals;
        t
    });
    Ok(agg)
}
