//! Dates in every form people and programs write them.

use crate::ingest::Cell;
use crate::text::fold;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1), ("janv", 1), ("jan", 1), ("fevrier", 2), ("fevr", 2), ("fev", 2), ("mars", 3), ("avril", 4),
    ("avr", 4), ("mai", 5), ("juin", 6), ("juillet", 7), ("juil", 7), ("aout", 8), ("septembre", 9), ("sept", 9),
    ("sep", 9), ("octobre", 10), ("oct", 10), ("novembre", 11), ("nov", 11), ("decembre", 12), ("dec", 12),
];

const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %Hh%M", "%d-%m-%Y %H:%M",
];
const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y"];

fn plausible(date: NaiveDate) -> bool {
    (1950..2150).contains(&chrono::Datelike::year(&date))
}

/// Excel serial day numbers of plausible dates (1954 to 2119).
fn from_excel_serial(serial: f64) -> Option<NaiveDateTime> {
    if !(20_000.0..80_000.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let millis = (serial * 86_400_000.0).round() as i64;
    epoch.checked_add_signed(Duration::milliseconds(millis))
}

/// Google Forms: `2020/05/18 10:12:00 AM UTC+2`, `2020/05/18 2:12:00 PM GMT+2`. The offset is dropped:
/// every date is read as local French time.
fn from_google_forms(text: &str) -> Option<NaiveDateTime> {
    let cut = text.find(" UTC").or_else(|| text.find(" GMT")).unwrap_or(text.len());
    let core = text[..cut].trim();
    ["%Y/%m/%d %I:%M:%S %p", "%Y/%m/%d %I:%M %p", "%d/%m/%Y %I:%M:%S %p", "%Y/%m/%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(core, f).ok())
}

/// "4 mai 2020", "lundi 4 mai 2020", "1er juin 2020", "4 mai 20".
fn from_french_words(text: &str) -> Option<NaiveDate> {
    let folded = fold(text);
    let ws: Vec<&str> = folded.split(' ').collect();
    ws.windows(3).find_map(|w| {
        let day: u32 = w[0].trim_end_matches("er").parse().ok()?;
        let month = MONTHS.iter().find(|(name, _)| *name == w[1])?.1;
        let mut year: i32 = w[2].parse().ok()?;
        if year < 100 {
            year += 2000;
        }
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

/// Reads a date and time from a text.
///
/// ```
/// use veille::normalize::parse_datetime_text;
/// let d = |s| parse_datetime_text(s).map(|d| d.to_string());
/// assert_eq!(d("2020/05/18 10:12:00 AM UTC+2").as_deref(), Some("2020-05-18 10:12:00"));
/// assert_eq!(d("2020/05/18 1:05:00 PM UTC+2").as_deref(), Some("2020-05-18 13:05:00"));
/// assert_eq!(d("18/05/2020").as_deref(), Some("2020-05-18 00:00:00"));
/// assert_eq!(d("18/05/20").as_deref(), Some("2020-05-18 00:00:00"));
/// assert_eq!(d("lundi 4 mai 2020").as_deref(), Some("2020-05-04 00:00:00"));
/// assert_eq!(d("2020-05-18 10:12:00").as_deref(), Some("2020-05-18 10:12:00"));
/// assert_eq!(d("43969").as_deref(), Some("2020-05-18 00:00:00"));
/// assert_eq!(d("la semaine prochaine"), None);
/// ```
pub fn parse_datetime_text(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.contains(" AM") || t.contains(" PM") || t.contains(" UTC") || t.contains(" GMT") {
        if let Some(d) = from_google_forms(t) {
            return Some(d);
        }
    }
    if let Some(d) = DATETIME_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok().filter(|d| plausible(d.date())))
    {
        return Some(d);
    }
    let date_part = t.split_whitespace().next().unwrap_or(t);
    // "%d/%m/%Y" reads "18/05/20" as year 20: the plausibility filter lets "%d/%m/%y" take it.
    if let Some(d) =
        DATE_FORMATS.iter().find_map(|f| NaiveDate::parse_from_str(date_part, f).ok().filter(|d| plausible(*d)))
    {
        return Some(d.and_time(NaiveTime::MIN));
    }
    if let Ok(serial) = t.replace(',', ".").parse::<f64>() {
        return from_excel_serial(serial);
    }
    from_french_words(t).map(|d| d.and_time(NaiveTime::MIN))
}

/// Reads a date and time from a cell: a real date, an Excel serial number, or text.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::parse_datetime;
/// assert_eq!(parse_datetime(&Cell::Number(43969.5)).map(|d| d.to_string()).as_deref(),
///            Some("2020-05-18 12:00:00"));
/// ```
pub fn parse_datetime(cell: &Cell) -> Option<NaiveDateTime> {
    match cell {
        Cell::DateTime(d) => Some(*d),
        Cell::Number(n) => from_excel_serial(*n),
        Cell::Text(t) => parse_datetime_text(t),
        _ => None,
    }
}

/// Reads a date (the time of day, if any, is dropped).
pub fn parse_date(cell: &Cell) -> Option<NaiveDate> {
    parse_datetime(cell).map(|d| d.date())
}

/// Finds a date inside a sentence: "Mise à jour du 19/05/2020", "Semaine du 18 mai 2020".
///
/// ```
/// use veille::normalize::find_date_in_text;
/// assert_eq!(find_date_in_text("Mise à jour du 19/05/2020").map(|d| d.to_string()).as_deref(), Some("2020-05-19"));
/// assert_eq!(find_date_in_text("Point au 4 mai 2020 (S19)").map(|d| d.to_string()).as_deref(), Some("2020-05-04"));
/// ```
pub fn find_date_in_text(text: &str) -> Option<NaiveDate> {
    text.split_whitespace()
        .find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '/');
            (w.len() >= 6 && w.chars().filter(|c| *c == '/' || *c == '-').count() == 2)
                .then(|| parse_datetime_text(w))
                .flatten()
        })
        .map(|d| d.date())
        .or_else(|| from_french_words(text))
}
