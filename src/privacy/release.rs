//! A restricted publication as its reader sees it: the figures of `lost_contact_by_commune.csv`,
//! `loans_by_commune.csv` and summary.json that statistical secrecy may hide, each a number or `s`. The
//! report builds one from its aggregates, `veille audit` reads one from a report folder, and the history
//! keeps one per audience and week (no name: commune codes, lenders and devices only).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The lost-contact columns that can be hidden, in `lost_contact_by_commune.csv` order after `declared`.
pub const LOST_CONTACT_FIGURES: [&str; 6] = ["declared", "register_pupils", "register_with_consent", "restored", "in_progress", "no_contact"];
/// The loan columns that can be hidden.
pub const LOAN_FIGURES: [&str; 3] = ["lent", "returned", "outstanding"];
/// The totals of summary.json that can be hidden.
pub const TOTAL_FIGURES: [&str; 4] = ["lost_contact_declared", "register_pupils", "devices_lent", "devices_outstanding"];

/// One figure: its value and whether it is hidden (`s`). A figure read from a published file has the
/// value 0 when hidden: only the report knows it.
///
/// ```
/// use veille::privacy::Shown;
/// assert_eq!(serde_json::to_string(&[Shown::shown(7), Shown::hidden(3)]).unwrap(), r#"[7,"s"]"#);
/// let read: Vec<Shown> = serde_json::from_str(r#"[7,"s"]"#).unwrap();
/// assert_eq!(read, vec![Shown::shown(7), Shown::hidden(0)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shown {
    pub value: i64,
    pub hidden: bool,
}

impl Shown {
    /// A shown figure.
    pub fn shown(value: i64) -> Self {
        Shown { value, hidden: false }
    }

    /// A hidden figure (its true value, when known).
    pub fn hidden(value: i64) -> Self {
        Shown { value, hidden: true }
    }

    /// What a reader sees: the number, or `s`.
    ///
    /// ```
    /// assert_eq!(veille::privacy::Shown::hidden(2).text(), "s");
    /// ```
    pub fn text(&self) -> String {
        if self.hidden { "s".into() } else { self.value.to_string() }
    }

    /// A figure as written in a CSV cell or a JSON string: a whole number or `s`; `None` otherwise.
    ///
    /// ```
    /// use veille::privacy::Shown;
    /// assert_eq!(Shown::parse(" 12 "), Some(Shown::shown(12)));
    /// assert_eq!(Shown::parse("s"), Some(Shown::hidden(0)));
    /// assert_eq!(Shown::parse("douze"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "s" => Some(Shown::hidden(0)),
            t => t.parse().ok().map(Shown::shown),
        }
    }
}

impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.hidden { s.serialize_str("s") } else { s.serialize_i64(self.value) }
    }
}

impl<'de> Deserialize<'de> for Shown {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        match value {
            serde_json::Value::Number(n) => n.as_i64().map(Shown::shown).ok_or_else(|| serde::de::Error::custom("not a whole number")),
            serde_json::Value::String(s) => Shown::parse(&s).ok_or_else(|| serde::de::Error::custom("neither a number nor \"s\"")),
            _ => Err(serde::de::Error::custom("neither a number nor \"s\"")),
        }
    }
}

/// One row of `lost_contact_by_commune.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LostContactFigures {
    pub insee: String,
    /// In [`LOST_CONTACT_FIGURES`] order.
    pub figures: [Shown; 6],
}

/// One row of `loans_by_commune.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LoanFigures {
    pub insee: String,
    pub lender: String,
    pub device: String,
    /// In [`LOAN_FIGURES`] order.
    pub figures: [Shown; 3],
}

/// One commune's totals in summary.json.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CommuneFigures {
    pub insee: String,
    /// In [`TOTAL_FIGURES`] order.
    pub figures: [Shown; 4],
}

/// summary.json's `deltas`: this week's totals minus those of `previous_week`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Deltas {
    pub previous_week: String,
    /// In [`TOTAL_FIGURES`] order.
    pub figures: [Shown; 4],
}

/// Everything a restricted publication shows of the protected figures.
///
/// ```
/// use veille::privacy::{Shown, Release};
/// let p = Release { week: "2020-W21".into(), totals: [Shown::shown(3); 4], ..Default::default() };
/// let text = serde_json::to_string(&p).unwrap();
/// assert_eq!(serde_json::from_str::<Release>(&text).unwrap(), p);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Release {
    pub week: String,
    pub lost_contact: Vec<LostContactFigures>,
    pub loans: Vec<LoanFigures>,
    pub communes: Vec<CommuneFigures>,
    /// In [`TOTAL_FIGURES`] order.
    pub totals: [Shown; 4],
    pub deltas: Option<Deltas>,
}

impl Release {
    /// The same publication as its reader has it: hidden values forgotten.
    ///
    /// ```
    /// use veille::privacy::{Shown, Release};
    /// let p = Release { totals: [Shown::hidden(3); 4], ..Default::default() };
    /// assert_eq!(p.as_read().totals[0], Shown::hidden(0));
    /// ```
    pub fn as_read(&self) -> Release {
        let forget = |f: &Shown| if f.hidden { Shown::hidden(0) } else { *f };
        let mut read = self.clone();
        read.lost_contact.iter_mut().for_each(|r| r.figures = r.figures.map(|f| forget(&f)));
        read.loans.iter_mut().for_each(|r| r.figures = r.figures.map(|f| forget(&f)));
        read.communes.iter_mut().for_each(|r| r.figures = r.figures.map(|f| forget(&f)));
        read.totals = read.totals.map(|f| forget(&f));
        if let Some(d) = read.deltas.as_mut() {
            d.figures = d.figures.map(|f| forget(&f));
        }
        read
    }
}
