//! Stage 5: the week's figures, computed with polars queries from the normalised records.
//!
//! Figures are "as of" the end of the report week (Sunday 23:59): questionnaires returned so far, loans made
//! and returned by then, each partner action's latest sheet, the register's state.

mod figures;
mod frames;
mod loans;
mod lost_contact;
mod partners;
mod tallies;
mod totals;
mod week;

pub use figures::{CollegeRow, CoverageRow, Declared, Priority, Question, QuestionRow, RepertoireRow, ThemeCount};
pub use tallies::Tallies;
pub use totals::{CommuneTotals, Figure, Totals};
pub use week::{returned_by, status_at, EndOfWeek, PupilState};

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

pub(crate) use crate::reference::commune_name;

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

/// What the reference knows of a commune, the bases of its rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CommuneBase {
    pub population: u32,
    pub college_pupils: u32,
}

impl CommuneBase {
    fn of(insee: &str) -> CommuneBase {
        let reference = Reference::get();
        let code = InseeCode::parse(insee);
        CommuneBase {
            population: code.as_ref().and_then(|c| reference.commune(c)).map_or(0, |c| c.population),
            college_pupils: code.as_ref().map_or(0, |c| reference.college_pupils(c)),
        }
    }
}

/// The week's figures: the contract's tables, and a typed row for every other figure the report shows,
/// all as of the end of the week. The report reads the week from here only.
pub struct Week<'a> {
    pub aggregates: Aggregates,
    /// The records as they stood at the end of the week.
    pub end: EndOfWeek<'a>,
    /// What was read: intake, issues, columns (for the quality section).
    pub data: &'a Normalized,
    /// What adds up across communes: questions, declared devices, themes, collèges.
    pub tallies: Tallies,
    pub repertoire: Vec<RepertoireRow<'a>>,
    pub coverage: Vec<CoverageRow>,
    /// Per commune of `aggregates.communes`, in the same order.
    pub bases: Vec<CommuneBase>,
}

/// Computes every figure of the week, and releases the loan records: nothing after aggregation reads a
/// loan (the figures carry their totals), and at prefecture scale the million loans are most of the
/// memory the report would otherwise hold while it is drawn.
///
/// ```
/// use veille::normalize::Normalized;
/// let mut data = Normalized::default();
/// let week = veille::aggregate::week(&mut data, "2020-W21".parse().unwrap()).unwrap();
/// assert_eq!(week.tallies.questions.len(), 9);
/// assert!(week.aggregates.communes.is_empty() && week.tallies.colleges.is_empty());
/// assert!(week.data.loans.is_empty());
/// ```
pub fn week(data: &mut Normalized, week: IsoWeek) -> PolarsResult<Week<'_>> {
    let aggregates = aggregate(data, week)?;
    // Freed on a thread of their own, while the figures below are computed (a million records take a
    // few hundredths of a second to free); if no thread can be started they are freed here.
    let loans = std::mem::take(&mut data.loans);
    let _ = std::thread::Builder::new().name("veille-free".into()).spawn(move || drop(loans));
    let data: &Normalized = data;
    let end = EndOfWeek::new(data, week);
    Ok(Week {
        bases: aggregates.communes.iter().map(|c| CommuneBase::of(&c.insee)).collect(),
        tallies: Tallies::of(&end),
        repertoire: figures::repertoire(&end),
        coverage: figures::coverage(&end),
        aggregates,
        end,
        data,
    })
}

impl Aggregates {
    /// Fills the per-commune and overall totals from the rows: every commune seen in any table.
    pub fn assemble(&mut self) {
        let mut communes: BTreeSet<String> = BTreeSet::new();
        communes.extend(self.lost_contact.iter().map(|r| r.commune_insee.clone()));
        communes.extend(self.responses.iter().map(|(c, _)| c.clone()));
        communes.extend(self.loans.iter().map(|r| r.commune_insee.clone()));
        communes.extend(self.partners.iter().map(|r| r.commune_insee.clone()));
        self.communes = communes.iter().map(|c| CommuneTotals { insee: c.clone(), name: commune_name(c), totals: commune_totals(c, self) }).collect();
        self.totals = self.communes.iter().fold(Totals::default(), |mut t, c| {
            t += &c.totals;
            t
        });
    }

    /// One commune's rows and totals.
    pub fn of_commune(&self, insee: &str) -> Aggregates {
        let mut one = Aggregates {
            week: self.week,
            lost_contact: self.lost_contact.iter().filter(|r| r.commune_insee == insee).cloned().collect(),
            loans: self.loans.iter().filter(|r| r.commune_insee == insee).cloned().collect(),
            partners: self.partners.iter().filter(|r| r.commune_insee == insee).cloned().collect(),
            responses: self.responses.iter().filter(|(c, _)| c == insee).cloned().collect(),
            totals: Totals::default(),
            communes: Vec::new(),
        };
        one.assemble();
        one
    }
}

impl<'a> Week<'a> {
    /// What adds up, for one commune: its questionnaires, the pupils whose latest row names it, its actions.
    pub fn tallies_of(&self, insee: &str) -> Tallies {
        Tallies::of(&self.end.within(insee))
    }

    /// The week of figures that were added up elsewhere (consolidation of exports): no record behind them,
    /// so no répertoire and no coverage of quartiers; `data` says what was read.
    pub fn from_tallies(aggregates: Aggregates, tallies: Tallies, data: &'a Normalized) -> Week<'a> {
        Week {
            bases: aggregates.communes.iter().map(|c| CommuneBase::of(&c.insee)).collect(),
            end: EndOfWeek { week: aggregates.week, responses: Vec::new(), register: Vec::new(), actions: Vec::new() },
            tallies,
            repertoire: Vec::new(),
            coverage: Vec::new(),
            aggregates,
            data,
        }
    }
}

/// Computes the week's figures.
pub fn aggregate(data: &Normalized, week: IsoWeek) -> PolarsResult<Aggregates> {
    // The loans (a million rows at a préfecture) are grouped while the other tables are.
    let (loans, others) = rayon::join(
        || loans::loans_by_commune(&data.loans, week),
        || -> PolarsResult<_> {
            let responses = lost_contact::responses_by_commune(&data.responses, week)?;
            let partners = partners::partners_by_commune(&data.partner_actions, week)?;
            let register = lost_contact::register_by_commune(&EndOfWeek::new(data, week).register)?;
            Ok((responses, partners, register))
        },
    );
    let (responses, partners, register) = others?;
    let mut agg = Aggregates {
        week,
        lost_contact: Vec::new(),
        loans: loans?,
        partners,
        responses: responses.iter().map(|r| (r.commune.clone(), r.responses)).collect(),
        totals: Totals::default(),
        communes: Vec::new(),
    };
    let mut communes: BTreeSet<String> = BTreeSet::new();
    communes.extend(responses.iter().map(|r| r.commune.clone()));
    communes.extend(register.iter().map(|r| r.commune_insee.clone()));
    communes.extend(agg.loans.iter().map(|r| r.commune_insee.clone()));
    communes.extend(agg.partners.iter().map(|r| r.commune_insee.clone()));
    agg.lost_contact = lost_contact::merge(&communes, &responses, &register);
    agg.assemble();
    Ok(agg)
}
