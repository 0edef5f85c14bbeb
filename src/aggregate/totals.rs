//! The key figures of summary.json, for all communes or one, addressed by [`Figure`].

use serde::Serialize;

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

/// A key figure of summary.json: what [`Totals`] holds, addressed by name rather than position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    Responses,
    LostContactDeclared,
    RegisterPupils,
    DevicesLent,
    DevicesOutstanding,
    PartnerActions,
    PartnerActionsSuspended,
}

impl Figure {
    /// Every key figure, in summary.json order.
    pub const ALL: [Figure; 7] = [
        Figure::Responses,
        Figure::LostContactDeclared,
        Figure::RegisterPupils,
        Figure::DevicesLent,
        Figure::DevicesOutstanding,
        Figure::PartnerActions,
        Figure::PartnerActionsSuspended,
    ];

    /// Its name in summary.json and the history.
    ///
    /// ```
    /// use veille::aggregate::Figure;
    /// assert_eq!(Figure::DevicesOutstanding.name(), "devices_outstanding");
    /// ```
    pub fn name(self) -> &'static str {
        Totals::names()[self as usize]
    }

    /// What people read.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Figure::Responses => lang.pick("Questionnaires retournés", "Questionnaires returned"),
            Figure::LostContactDeclared => lang.pick("Élèves sans réponse déclarés (Q5)", "Pupils without answer declared (Q5)"),
            Figure::RegisterPupils => lang.pick("Élèves au registre des perdus de vue", "Pupils in the lost-contact register"),
            Figure::DevicesLent => lang.pick("Appareils prêtés", "Devices lent"),
            Figure::DevicesOutstanding => lang.pick("Appareils encore en prêt", "Devices still on loan"),
            Figure::PartnerActions => lang.pick("Actions des partenaires", "Partner actions"),
            Figure::PartnerActionsSuspended => lang.pick("Actions suspendues", "Actions suspended"),
        }
    }
}

impl Totals {
    /// One key figure.
    ///
    /// ```
    /// use veille::aggregate::{Figure, Totals};
    /// let t = Totals { devices_lent: 12, ..Totals::default() };
    /// assert_eq!(t.get(Figure::DevicesLent), 12);
    /// ```
    pub fn get(&self, figure: Figure) -> i64 {
        self.named()[figure as usize].1
    }

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

