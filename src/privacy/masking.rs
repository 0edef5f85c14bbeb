//! Which figures of a report are hidden for the partenaires and prefecture audiences. Every count about
//! pupils and families (lost contact, register, devices lent) is a cell of a [`Release`];
//! [`crate::privacy::protect`] chooses the hidden cells (minimal secondary suppression, linked to what the
//! same audience was shown the week the deltas refer to) and audits them. Counts of questionnaires and
//! partner actions are about organisations, not people: they stay shown.

use crate::aggregate::{Aggregates, Totals};
use crate::domain::IsoWeek;
use crate::i18n::Lang;
use crate::privacy::{findings, protect, CommuneFigures, Deltas, Shown, LoanFigures, LostContactFigures, Protected, Release, SecrecyRule};

use crate::privacy::TOTAL_FIGURES;

/// The audit's verdict on a restricted publication.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Verdict {
    /// No hidden cell can be pinned down and no small count is shown.
    #[default]
    Safe,
    /// What an outsider could deduce, cell by cell.
    Leaks(Vec<String>),
    /// The audit could not be run (the solver failed): the publication is not proven safe.
    Failed(String),
}

/// The hidden figures of one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Masked {
    /// Per row of `aggregates.lost_contact`: hidden flags in [`LOST_CONTACT_FIGURES`] order.
    pub lost_contact: Vec<[bool; 6]>,
    /// Per row of `aggregates.loans`: hidden flags in [`LOAN_FIGURES`] order.
    pub loans: Vec<[bool; 3]>,
    /// Per commune of `aggregates.communes`: hidden flags in [`TOTAL_FIGURES`] order.
    pub communes: Vec<[bool; 4]>,
    /// The overall totals: hidden flags in [`TOTAL_FIGURES`] order.
    pub totals: [bool; 4],
    /// How many shown cells were hidden because they were small (primary) or to protect them (secondary).
    pub primary: usize,
    pub secondary: usize,
    pub min_count: i64,
    /// Of the published counts of at least `min_count`, how many are still shown, and how many there are.
    pub large_shown: usize,
    pub large: usize,
    pub verdict: Verdict,
    /// What the audience is shown (the history keeps it, to link next week's publication to this one).
    pub publication: Release,
    /// The earlier week of the same audience this publication was linked to, if any.
    pub linked_week: Option<String>,
}

impl Masked {
    /// Whether a total of summary.json is hidden (`commune` = index in `aggregates.communes`, or overall).
    ///
    /// ```
    /// let m = veille::privacy::Masked { totals: [false, true, false, false], ..Default::default() };
    /// assert!(m.total_hidden(None, "register_pupils") && !m.total_hidden(Some(0), "register_pupils"));
    /// ```
    pub fn total_hidden(&self, commune: Option<usize>, figure: &str) -> bool {
        let Some(i) = TOTAL_FIGURES.iter().position(|f| *f == figure) else { return false };
        match commune {
            Some(c) => self.communes.get(c).is_some_and(|flags| flags[i]),
            None => self.totals[i],
        }
    }

    /// Every hidden cell, primary and secondary.
    ///
    /// ```
    /// assert_eq!(veille::privacy::Masked { primary: 2, secondary: 1, ..Default::default() }.hidden_cells(), 3);
    /// ```
    pub fn hidden_cells(&self) -> usize {
        self.primary + self.secondary
    }
}

/// What the masking needs besides the aggregates.
#[derive(Debug, Clone)]
pub struct SecrecyContext {
    pub rule: SecrecyRule,
    /// The week summary.json's deltas refer to, with its totals (`ReportInput::previous`).
    pub previous: Option<(IsoWeek, Totals)>,
    /// What the same audience was last shown (from the history), if anything.
    pub earlier: Option<Release>,
    pub lang: Lang,
}

fn figures<const N: usize>(values: [i64; N]) -> [Shown; N] {
    values.map(Shown::shown)
}

fn protected_totals(t: &Totals) -> [i64; 4] {
    [t.lost_contact_declared, t.register_pupils, t.devices_lent, t.devices_outstanding]
}

/// The protected figures of `agg`, all shown, with the deltas against `previous`.
///
/// ```
/// use veille::aggregate::{Aggregates, Totals};
/// let agg = Aggregates { week: "2020-W21".parse().unwrap(), lost_contact: vec![], loans: vec![], partners: vec![], responses: vec![], totals: Totals::default(), communes: vec![] };
/// let p = veille::privacy::publication_of(&agg, None);
/// assert_eq!((p.week.as_str(), p.deltas.is_none()), ("2020-W21", true));
/// ```
pub fn publication_of(agg: &Aggregates, previous: Option<&(IsoWeek, Totals)>) -> Release {
    let lost_contact = agg.lost_contact.iter().map(|r| LostContactFigures {
        insee: r.commune_insee.clone(),
        figures: figures([r.declared, r.register_pupils, r.register_with_consent, r.restored, r.in_progress, r.no_contact]),
    });
    let loans = agg.loans.iter().map(|r| LoanFigures { insee: r.commune_insee.clone(), lender: r.lender.as_str().into(), device: r.device.as_str().into(), figures: figures([r.lent, r.returned, r.outstanding]) });
    let communes = agg.communes.iter().map(|c| CommuneFigures { insee: c.insee.clone(), figures: figures(protected_totals(&c.totals)) });
    let now = protected_totals(&agg.totals);
    let deltas = previous.map(|(week, before)| {
        let before = protected_totals(before);
        Deltas { previous_week: week.to_string(), figures: figures(std::array::from_fn(|k| now[k] - before[k])) }
    });
    Release { week: agg.week.to_string(), lost_contact: lost_contact.collect(), loans: loans.collect(), communes: communes.collect(), totals: figures(now), deltas }
}

/// Works out the hidden figures of `agg` for a restricted audience, on its own (no earlier week).
///
/// ```
/// use veille::aggregate::{Aggregates, CommuneTotals, LostContactRow, Totals};
/// use veille::domain::IsoWeek;
/// use veille::privacy::mask;
/// let row = |insee: &str, register: i64| LostContactRow {
///     commune_insee: insee.into(), commune: insee.into(), declared: 0, declared_respondents: 0,
///     register_pupils: register, register_with_consent: 0, restored: register, in_progress: 0, no_contact: 0,
/// };
/// let totals = |register: i64| Totals { register_pupils: register, ..Totals::default() };
/// let agg = Aggregates {
///     week: "2020-W21".parse::<IsoWeek>().unwrap(),
///     lost_contact: vec![row("91687", 3), row("91286", 12)], loans: vec![], partners: vec![], responses: vec![],
///     totals: totals(15),
///     communes: [("91687", 3), ("91286", 12)].map(|(c, n)| CommuneTotals { insee: c.into(), name: c.into(), totals: totals(n) }).to_vec(),
/// };
/// let m = mask(&agg, 5);
/// // 3 is hidden (primary). To protect it, hiding the total of 15 costs one cell; hiding 12 would cost
/// // two (its CSV row and its commune total in summary.json).
/// assert!(m.lost_contact[0][1] && !m.lost_contact[1][1] && m.totals[1]);
/// assert_eq!((m.primary, m.secondary), (3, 1));
/// ```
pub fn mask(agg: &Aggregates, min_count: i64) -> Masked {
    mask_with(agg, &SecrecyContext { rule: SecrecyRule::new(min_count), previous: None, earlier: None, lang: Lang::Fr })
}

/// The same, with the rule of veille.toml and the same audience's earlier publication.
///
/// ```
/// use veille::aggregate::{Aggregates, Totals};
/// use veille::privacy::{mask_with, SecrecyContext, Verdict};
/// let agg = Aggregates { week: "2020-W21".parse().unwrap(), lost_contact: vec![], loans: vec![], partners: vec![], responses: vec![], totals: Totals::default(), communes: vec![] };
/// let context = SecrecyContext { rule: veille::privacy::SecrecyRule::new(5), previous: None, earlier: None, lang: veille::i18n::Lang::Fr };
/// assert_eq!(mask_with(&agg, &context).verdict, Verdict::Safe);
/// ```
pub fn mask_with(agg: &Aggregates, context: &SecrecyContext) -> Masked {
    let all = publication_of(agg, context.previous.as_ref());
    let rule = &context.rule;
    match protect(&all, context.earlier.as_ref(), rule) {
        Ok(p) => masked_from(&p, &all, context),
        // Not proven safe: everything non-zero is hidden and the report refuses to write it.
        Err(e) => Masked { verdict: Verdict::Failed(e.to_string()), ..hide_all(&all, rule.min_count) },
    }
}

fn masked_from(p: &Protected, all: &Release, context: &SecrecyContext) -> Masked {
    let (primary, secondary) = p.counts(&context.rule);
    let (large_shown, large) = p.large_shown(&context.rule);
    let shown = &p.publication;
    let verdict = if p.audit.is_safe() {
        Verdict::Safe
    } else {
        let earlier = context.earlier.as_ref().map(Release::as_read);
        Verdict::Leaks(findings(&p.layout, all, earlier.as_ref(), &p.audit, &context.rule, false, context.lang))
    };
    let masked = Masked { primary, secondary, min_count: context.rule.min_count, large_shown, large, verdict, ..Masked::default() };
    Masked { linked_week: p.layout.previous.as_ref().and(context.earlier.as_ref()).map(|e| e.week.clone()), ..flagged(shown, masked) }
}

/// `masked` with the hidden flags of `shown`, and `shown` as its reader has it.
fn flagged(shown: &Release, masked: Masked) -> Masked {
    Masked {
        lost_contact: shown.lost_contact.iter().map(|r| r.figures.map(|f| f.hidden)).collect(),
        loans: shown.loans.iter().map(|r| r.figures.map(|f| f.hidden)).collect(),
        communes: shown.communes.iter().map(|r| r.figures.map(|f| f.hidden)).collect(),
        totals: shown.totals.map(|f| f.hidden),
        publication: shown.as_read(),
        ..masked
    }
}

fn hide_all(all: &Release, min_count: i64) -> Masked {
    let hide = |f: Shown| if f.value != 0 { Shown::hidden(f.value) } else { f };
    let mut shown = all.clone();
    shown.lost_contact.iter_mut().for_each(|r| r.figures = r.figures.map(hide));
    shown.loans.iter_mut().for_each(|r| r.figures = r.figures.map(hide));
    shown.communes.iter_mut().for_each(|r| r.figures = r.figures.map(hide));
    shown.totals = shown.totals.map(hide);
    flagged(&shown, Masked { min_count, ..Masked::default() })
}
