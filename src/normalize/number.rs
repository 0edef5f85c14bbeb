//! Numbers and counts as people write them: "12", "1 200", "12,5", "une quinzaine", "10 à 15",
//! "au moins 10", "3 en 6e et 2 en 5e", "aucun".

use crate::ingest::Cell;
use unicode_normalization::UnicodeNormalization;

/// A count read from an answer; `approximate` when it came from words, a range or a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count {
    pub value: u32,
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Number(f64),
    Word(String),
    Dash,
}

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("un", 1.0), ("une", 1.0), ("deux", 2.0), ("trois", 3.0), ("quatre", 4.0), ("cinq", 5.0), ("six", 6.0),
    ("sept", 7.0), ("huit", 8.0), ("neuf", 9.0), ("dix", 10.0), ("onze", 11.0), ("douze", 12.0), ("treize", 13.0),
    ("quatorze", 14.0), ("quinze", 15.0), ("seize", 16.0), ("vingt", 20.0),
];
const COLLECTIVES: &[(&str, f64)] = &[
    ("dizaine", 10.0), ("douzaine", 12.0), ("quinzaine", 15.0), ("vingtaine", 20.0), ("trentaine", 30.0),
    ("quarantaine", 40.0), ("cinquantaine", 50.0), ("soixantaine", 60.0), ("centaine", 100.0),
];
const ZERO_WORDS: &[&str] = &["aucun", "aucune", "neant", "personne", "zero", "nul", "nulle"];
const BOUND_WORDS: &[&str] =
    &["moins", "plus", "environ", "pres", "approximativement", "presque", "quasiment", "peu", "approx", "env"];
const RANGE_WORDS: &[&str] = &["a", "ou"];
/// Words after a number that make it something other than a count (dates, times, ages, percentages).
const NOT_A_COUNT_AFTER: &[&str] = &[
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
    "decembre", "h", "heure", "heures", "ans", "an", "pourcent", "pour", "min", "minutes", "jours", "semaines", "mois",
];
const ORDINAL_SUFFIXES: &[&str] = &["e", "eme", "emes", "er", "ere", "eres", "nd", "nde", "de", "es"];

fn strip_accents_lower(text: &str) -> String {
    text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}'
}

/// Reads digits with French thousands separators (space, non-breaking space, dot) and a decimal comma.
fn read_number(chars: &[char], mut i: usize) -> (f64, usize) {
    let mut digits = String::new();
    while i < chars.len() && chars[i].is_ascii_digit() {
        digits.push(chars[i]);
        i += 1;
    }
    loop {
        let group = i + 4 <= chars.len()
            && (is_space(chars[i]) || chars[i] == '.')
            && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if !group {
            break;
        }
        digits.extend(&chars[i + 1..i + 4]);
        i += 4;
    }
    if i + 1 < chars.len() && (chars[i] == ',' || chars[i] == '.') && chars[i + 1].is_ascii_digit() {
        digits.push('.');
        i += 1;
        while i < chars.len() && chars[i].is_ascii_digit() {
            digits.push(chars[i]);
            i += 1;
        }
    }
    (digits.parse().unwrap_or(0.0), i)
}

pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = strip_accents_lower(text).chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let (value, end) = read_number(&chars, i);
            let mut j = end;
            while j < chars.len() && chars[j].is_alphabetic() {
                j += 1;
            }
            let suffix: String = chars[end..j].iter().collect();
            if suffix.is_empty() {
                tokens.push(Token::Number(value));
            } else if !ORDINAL_SUFFIXES.contains(&suffix.as_str()) {
                // "4g", "12tablettes": a unit glued to the number.
                tokens.push(Token::Word(chars[i..j].iter().collect()));
            }
            i = j;
        } else if c.is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            tokens.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            match c {
                '-' | '–' => tokens.push(Token::Dash),
                '+' | '>' => tokens.push(Token::Word("plus".into())),
                '<' => tokens.push(Token::Word("moins".into())),
                '~' | '≈' => tokens.push(Token::Word("environ".into())),
                _ => {}
            }
            i += 1;
        }
    }
    tokens
}

/// One number found in a text, with the token index just after it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Amount {
    pub value: f64,
    pub approximate: bool,
    pub start: usize,
    pub end: usize,
}

fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i) {
        Some(Token::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

fn value_at(tokens: &[Token], i: usize) -> Option<(f64, bool)> {
    match tokens.get(i)? {
        Token::Number(n) => Some((*n, false)),
        Token::Word(w) => {
            let base = NUMBER_WORDS.iter().find(|(n, _)| n == w)?.1;
            // "dix-sept", "dix huit", "dix neuf".
            let teen = (base == 10.0)
                .then(|| {
                    let next = if tokens.get(i + 1) == Some(&Token::Dash) { i + 2 } else { i + 1 };
                    word_at(tokens, next).and_then(|w| ["sept", "huit", "neuf"].iter().position(|t| *t == w))
                })
                .flatten();
            Some((teen.map(|p| 17.0 + p as f64).unwrap_or(base), true))
        }
        Token::Dash => None,
    }
}

fn collective(word: Option<&str>) -> Option<f64> {
    let w = word?.trim_end_matches('s');
    COLLECTIVES.iter().find(|(c, _)| *c == w).map(|(_, v)| *v)
}

/// Every number in the tokens, with ranges read as their upper bound and "une dizaine" as 10.
pub(crate) fn amounts(tokens: &[Token]) -> Vec<Amount> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = i;
        let bounded = (1..=2).any(|back| i >= back && word_at(tokens, i - back).is_some_and(|w| BOUND_WORDS.contains(&w)));
        if let Some(c) = collective(word_at(tokens, i)) {
            found.push(Amount { value: c, approximate: true, start, end: i + 1 });
            i += 1;
            continue;
        }
        let Some((mut value, mut approximate)) = value_at(tokens, i) else {
            i += 1;
            continue;
        };
        if value >= 17.0 && value <= 19.0 && approximate {
            i += if tokens.get(i + 1) == Some(&Token::Dash) { 2 } else { 1 };
        }
        let mut next = i + 1;
        let denominator = start > 0 && word_at(tokens, start - 1) == Some("sur");
        if word_at(tokens, next).is_some_and(|w| NOT_A_COUNT_AFTER.contains(&w)) || denominator {
            i = next;
            continue;
        }
        if let Some(c) = collective(word_at(tokens, next)) {
            value *= c;
            approximate = true;
            next += 1;
        } else if (tokens.get(next) == Some(&Token::Dash) || word_at(tokens, next).is_some_and(|w| RANGE_WORDS.contains(&w)))
            && value_at(tokens, next + 1).is_some()
        {
            // "10 à 15", "10-15": the upper bound.
            value = value_at(tokens, next + 1).map(|(v, _)| v.max(value)).unwrap_or(value);
            approximate = true;
            next += 2;
        } else if start > 0 && word_at(tokens, start - 1) == Some("et") && start > 2 && word_at(tokens, start - 3) == Some("entre") {
            // "entre 10 et 15": the first bound was already counted; keep only the upper one.
            if let Some(last) = found.last_mut() {
                last.value = last.value.max(value);
                last.approximate = true;
                last.end = next;
                i = next;
                continue;
            }
        }
        found.push(Amount { value, approximate: approximate || bounded, start, end: next });
        i = next;
    }
    found
}

/// Reads a count from a text: digits or words, a range's upper bound, several quantities added.
///
/// ```
/// use veille::normalize::{parse_count_text, Count};
/// let c = |s| parse_count_text(s);
/// assert_eq!(c("12"), Some(Count { value: 12, approximate: false }));
/// assert_eq!(c("1 200"), Some(Count { value: 1200, approximate: false }));
/// assert_eq!(c("une quinzaine"), Some(Count { value: 15, approximate: true }));
/// assert_eq!(c("10 à 15"), Some(Count { value: 15, approximate: true }));
/// assert_eq!(c("entre 10 et 15"), Some(Count { value: 15, approximate: true }));
/// assert_eq!(c("au moins 10"), Some(Count { value: 10, approximate: true }));
/// assert_eq!(c("3 en 6e et 2 en 5e"), Some(Count { value: 5, approximate: false }));
/// assert_eq!(c("aucun"), Some(Count { value: 0, approximate: false }));
/// assert_eq!(c("je ne sais pas"), None);
/// ```
pub fn parse_count_text(text: &str) -> Option<Count> {
    let tokens = tokenize(text);
    let found = amounts(&tokens);
    if found.is_empty() {
        let zero = tokens.iter().any(|t| matches!(t, Token::Word(w) if ZERO_WORDS.contains(&w.as_str())));
        return zero.then_some(Count { value: 0, approximate: false });
    }
    let total: f64 = found.iter().map(|a| a.value).sum();
    Some(Count { value: total.round().clamp(0.0, u32::MAX as f64) as u32, approximate: found.iter().any(|a| a.approximate) })
}

/// Reads a count from a cell; a negative or fractional number is not a count.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::parse_count;
/// assert_eq!(parse_count(&Cell::Number(7.0)).map(|c| c.value), Some(7));
/// assert_eq!(parse_count(&Cell::Number(-2.0)), None);
/// ```
pub fn parse_count(cell: &Cell) -> Option<Count> {
    match cell {
        Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < u32::MAX as f64 => {
            Some(Count { value: *n as u32, approximate: false })
        }
        Cell::Text(t) => parse_count_text(t),
        _ => None,
    }
}
