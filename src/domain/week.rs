//! ISO weeks, the unit of the weekly report.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An ISO 8601 week such as `2020-W21`.
///
/// ```
/// use veille::domain::IsoWeek;
/// use chrono::NaiveDate;
/// let w: IsoWeek = "2020-W21".parse().unwrap();
/// assert_eq!(w.monday(), NaiveDate::from_ymd_opt(2020, 5, 18).unwrap());
/// assert_eq!(w.sunday(), NaiveDate::from_ymd_opt(2020, 5, 24).unwrap());
/// assert_eq!(IsoWeek::of(NaiveDate::from_ymd_opt(2020, 5, 24).unwrap()), w);
/// assert_eq!(w.to_string(), "2020-W21");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// The ISO week a date falls in.
    pub fn of(date: NaiveDate) -> IsoWeek {
        let iso = date.iso_week();
        IsoWeek { year: iso.year(), week: iso.week() }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn week(self) -> u32 {
        self.week
    }

    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or_default()
    }

    pub fn sunday(self) -> NaiveDate {
        self.monday() + Duration::days(6)
    }

    /// The last instant of the week (Sunday 23:59:59): figures are "as of" this moment.
    pub fn end(self) -> NaiveDateTime {
        self.sunday().and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default())
    }

    /// The week before this one.
    pub fn previous(self) -> IsoWeek {
        IsoWeek::of(self.monday() - Duration::days(7))
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl FromStr for IsoWeek {
    type Err = String;

    /// Accepts `2020-W21`, `2020W21` and `2020-21`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_uppercase();
        let (y, w) = t
            .split_once("-W")
            .or_else(|| t.split_once('W'))
            .or_else(|| t.split_once('-'))
            .ok_or_else(|| format!("semaine « {s} » illisible : écrire par exemple 2020-W21"))?;
        let year: i32 = y.parse().map_err(|_| format!("année illisible dans « {s} »"))?;
        let week: u32 = w.parse().map_err(|_| format!("numéro de semaine illisible dans « {s} »"))?;
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .map(|_| IsoWeek { year, week })
            .ok_or_else(|| format!("la semaine {week} n'existe pas en {year}"))
    }
}
