//! Yes/no answers: oui/non, o/n, x/empty, vrai/faux, yes/no, 1/0.

use crate::ingest::Cell;
use crate::text::fold;

/// Reads a yes/no cell. `None` for a blank or an answer that is neither.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::parse_bool;
/// assert_eq!(parse_bool(&Cell::Text("Oui, avec la MJC".into())), Some(true));
/// assert_eq!(parse_bool(&Cell::Text("x".into())), Some(true));
/// assert_eq!(parse_bool(&Cell::Text("NON".into())), Some(false));
/// assert_eq!(parse_bool(&Cell::Number(0.0)), Some(false));
/// assert_eq!(parse_bool(&Cell::Text("peut-être".into())), None);
/// ```
pub fn parse_bool(cell: &Cell) -> Option<bool> {
    match cell {
        Cell::Bool(b) => Some(*b),
        Cell::Number(n) if *n == 1.0 => Some(true),
        Cell::Number(n) if *n == 0.0 => Some(false),
        Cell::Text(t) => parse_bool_text(t),
        _ => None,
    }
}

fn parse_bool_text(text: &str) -> Option<bool> {
    let folded = fold(text);
    let first = folded.split(' ').next().unwrap_or("");
    match first {
        "oui" | "o" | "yes" | "y" | "x" | "vrai" | "true" | "1" | "ok" => Some(true),
        "non" | "n" | "no" | "faux" | "false" | "0" => Some(false),
        _ => None,
    }
}
