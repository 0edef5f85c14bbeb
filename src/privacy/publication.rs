//! The publication step: the one place that decides, for an audience, what of the week's figures may be
//! shown. It takes the week's figures, the audience and the history, and answers every question a
//! document asks (is this figure hidden? is this part shown at all? what changed since last week?), so
//! that nothing after it ever looks at the audience.

use super::masking::{mask_with, Masked, SecrecyContext};
use super::{Release, SecrecyRule};
use super::Audience;
use crate::aggregate::{Figure, Totals, Week};
use crate::domain::IsoWeek;
use crate::history::{Archive, RecordedWeek};
use crate::i18n::Lang;

/// A column of `lost_contact_by_commune.csv` that statistical secrecy may hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LostContactFigure {
    Declared,
    RegisterPupils,
    RegisterWithConsent,
    Restored,
    InProgress,
    NoContact,
}

/// A column of `loans_by_commune.csv` that statistical secrecy may hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoanFigure {
    Lent,
    Returned,
    Outstanding,
}

/// A part of the report that only some audiences see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Free-text answers (verbatims, the `text` of answers.csv).
    Verbatims,
    /// The register, pupil by pupil (pseudonyms of consenting families).
    Register,
    /// Lost contact per collège: too fine for other readers.
    Colleges,
    /// Loans by lender across communes: they would add up hidden cells.
    LoansByLender,
    /// The weeks of the history side by side: earlier weeks' exact figures.
    Trend,
    /// The contacts restored across communes, which no secrecy relation protects.
    Restored,
    /// The exact aggregates of each commune (`export/*.veille`), for the trio to send on.
    Exports,
}

/// What changed since the latest recorded week, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub since: IsoWeek,
    /// This week minus that week, per [`Figure`]; `None` when the figure is hidden.
    pub deltas: [Option<i64>; 7],
    /// Contacts restored this week minus that week (trio only).
    pub restored: Option<i64>,
}

/// What an audience may see of one week.
pub struct Publication<'a> {
    pub week: &'a Week<'a>,
    audience: Audience,
    masked: Option<Masked>,
    change: Option<Change>,
    earlier: Vec<RecordedWeek>,
}

impl<'a> Publication<'a> {
    /// Decides what `audience` may see of `week`: restricted audiences get statistical secrecy by `rule`,
    /// linked to what the same audience was shown before (`earlier`); the history gives the change since
    /// the latest recorded week.
    ///
    /// ```
    /// use veille::aggregate::{week, Figure};
    /// use veille::history::Archive;
    /// use veille::privacy::{Audience, Part, Publication, SecrecyRule};
    /// let mut data = veille::normalize::Normalized::default();
    /// let w = week(&mut data, "2020-W21".parse().unwrap()).unwrap();
    /// let p = Publication::new(&w, Audience::Prefecture, &SecrecyRule::new(5), None, &Archive::default(), veille::i18n::Lang::Fr);
    /// assert_eq!(p.total(Figure::Responses), Some(0));
    /// assert!(!p.shows(Part::Verbatims) && p.change().is_none());
    /// ```
    pub fn new(week: &'a Week<'a>, audience: Audience, rule: &SecrecyRule, earlier: Option<Release>, archive: &Archive, lang: Lang) -> Publication<'a> {
        let previous = archive.previous().map(|p| (p.week, p.totals.clone()));
        let context = SecrecyContext { rule: rule.clone(), previous, earlier, lang };
        let masked = audience.is_restricted().then(|| mask_with(&week.aggregates, &context));
        let mut publication = Publication { week, audience, masked, change: None, earlier: archive.earlier().to_vec() };
        publication.change = archive.previous().map(|before| publication.change_since(before));
        publication
    }

    fn change_since(&self, before: &RecordedWeek) -> Change {
        Change {
            since: before.week,
            deltas: Figure::ALL.map(|f| self.total(f).map(|v| v - before.totals.get(f))),
            restored: self.restored_now().map(|now| now - before.restored),
        }
    }

    /// Whether a part of the report is shown to this audience.
    pub fn shows(&self, part: Part) -> bool {
        match part {
            Part::Verbatims | Part::Register | Part::Colleges | Part::Restored | Part::Exports => !self.audience.is_restricted(),
            Part::LoansByLender | Part::Trend => self.masked.is_none(),
        }
    }

    /// An overall key figure, `None` when hidden.
    pub fn total(&self, figure: Figure) -> Option<i64> {
        let hidden = self.masked.as_ref().is_some_and(|m| total_index(figure).is_some_and(|i| m.totals[i]));
        (!hidden).then(|| self.week.aggregates.totals.get(figure))
    }

    /// A key figure of commune `i` (its index in `aggregates.communes`), `None` when hidden.
    pub fn commune_total(&self, i: usize, figure: Figure) -> Option<i64> {
        let commune = self.week.aggregates.communes.get(i)?;
        let hidden = self.masked.as_ref().is_some_and(|m| total_index(figure).is_some_and(|f| m.communes.get(i).is_some_and(|flags| flags[f])));
        (!hidden).then(|| commune.totals.get(figure))
    }

    /// A cell of row `i` of `lost_contact_by_commune.csv`, `None` when hidden.
    pub fn lost_contact(&self, i: usize, figure: LostContactFigure) -> Option<i64> {
        let r = self.week.aggregates.lost_contact.get(i)?;
        let hidden = self.masked.as_ref().is_some_and(|m| m.lost_contact.get(i).is_some_and(|flags| flags[figure as usize]));
        let value = [r.declared, r.register_pupils, r.register_with_consent, r.restored, r.in_progress, r.no_contact][figure as usize];
        (!hidden).then_some(value)
    }

    /// A cell of row `i` of `loans_by_commune.csv`, `None` when hidden.
    pub fn loan(&self, i: usize, figure: LoanFigure) -> Option<i64> {
        let r = self.week.aggregates.loans.get(i)?;
        let hidden = self.masked.as_ref().is_some_and(|m| m.loans.get(i).is_some_and(|flags| flags[figure as usize]));
        (!hidden).then_some([r.lent, r.returned, r.outstanding][figure as usize])
    }

    /// Contacts restored this week (all communes) and the change since the latest recorded week, when
    /// this audience sees them.
    pub fn restored(&self) -> Option<(i64, Option<i64>)> {
        Some((self.restored_now()?, self.change.as_ref().and_then(|c| c.restored)))
    }

    fn restored_now(&self) -> Option<i64> {
        self.shows(Part::Restored).then(|| self.week.aggregates.lost_contact.iter().map(|r| r.restored).sum())
    }

    /// What changed since the latest recorded week, when the history holds one.
    pub fn change(&self) -> Option<&Change> {
        self.change.as_ref()
    }

    /// The earlier weeks and this one, oldest first, when this audience sees the trend.
    pub fn trend(&self) -> Option<Vec<(IsoWeek, Totals)>> {
        if !self.shows(Part::Trend) || self.earlier.is_empty() {
            return None;
        }
        let mut weeks: Vec<(IsoWeek, Totals)> = self.earlier.iter().map(|w| (w.week, w.totals.clone())).collect();
        weeks.push((self.week.aggregates.week, self.week.aggregates.totals.clone()));
        Some(weeks)
    }

    /// What statistical secrecy hid, for restricted audiences.
    pub fn secrecy(&self) -> Option<&Masked> {
        self.masked.as_ref()
    }

    /// Who the publication is for, as people read it and as summary.json writes it.
    pub fn audience_label(&self, lang: Lang) -> &'static str {
        self.audience.label(lang)
    }

    pub fn audience_code(&self) -> &'static str {
        self.audience.as_str()
    }
}

/// The position of a key figure among the totals that secrecy may hide (questionnaires and partner
/// actions are about organisations, not people: they are never hidden).
fn total_index(figure: Figure) -> Option<usize> {
    match figure {
        Figure::LostContactDeclared => Some(0),
        Figure::RegisterPupils => Some(1),
        Figure::DevicesLent => Some(2),
        Figure::DevicesOutstanding => Some(3),
        Figure::Responses | Figure::PartnerActions | Figure::PartnerActionsSuspended => None,
    }
}
