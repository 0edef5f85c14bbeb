//! Words of the documents: week spans.

use crate::domain::IsoWeek;
use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};

const MONTHS_FR: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn month(date: NaiveDate, lang: Lang) -> &'static str {
    let i = date.month0() as usize;
    match lang {
        Lang::Fr => MONTHS_FR[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// "semaine du 18 au 24 mai 2020" / "week of 18 to 24 May 2020".
///
/// ```
/// use veille::document::week_label;
/// use veille::i18n::Lang;
/// assert_eq!(week_label("2020-W21".parse().unwrap(), Lang::Fr), "semaine du 18 au 24 mai 2020");
/// assert_eq!(week_label("2020-W18".parse().unwrap(), Lang::Fr), "semaine du 27 avril au 3 mai 2020");
/// ```
pub fn week_label(week: IsoWeek, lang: Lang) -> String {
    let (mon, sun) = (week.monday(), week.sunday());
    let first = if mon.month() == sun.month() {
        format!("{}", mon.day())
    } else if mon.year() == sun.year() {
        format!("{} {}", mon.day(), month(mon, lang))
    } else {
        format!("{} {} {}", mon.day(), month(mon, lang), mon.year())
    };
    match lang {
        Lang::Fr => format!("semaine du {first} au {} {} {}", sun.day(), month(sun, lang), sun.year()),
        Lang::En => format!("week of {first} to {} {} {}", sun.day(), month(sun, lang), sun.year()),
    }
}
