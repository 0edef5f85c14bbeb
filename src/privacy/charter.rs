//! The charter's article 6 (forbidden data) and article 9 (neutral comments), from two documented word
//! lists in `schemas/`: `sensitive_terms.csv` (the sensitive categories; a term starting with `^` only
//! marks a column header, as "origine" alone is common in comments) and `non_neutral_terms.csv`
//! (subjective or insulting wording). Terms are folded like the text they match; `*` ends a prefix.

use crate::normalize::Terms;
use std::sync::OnceLock;

const SENSITIVE: &str = include_str!("../../schemas/sensitive_terms.csv");
const NON_NEUTRAL: &str = include_str!("../../schemas/non_neutral_terms.csv");

/// A sensitive category of article 6 (santé, religion, origine…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub code: String,
    pub label: String,
}

struct Lists {
    categories: Vec<Category>,
    in_headers: Terms<usize>,
    in_text: Terms<usize>,
    non_neutral: Terms<()>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut categories = Vec::new();
        let (mut headers, mut text): (Vec<(String, usize)>, Vec<(String, usize)>) = (Vec::new(), Vec::new());
        for record in csv::Reader::from_reader(SENSITIVE.as_bytes()).records().filter_map(Result::ok) {
            let index = categories.len();
            categories.push(Category { code: record.get(0).unwrap_or("").into(), label: record.get(1).unwrap_or("").into() });
            for term in record.get(2).unwrap_or("").split('|') {
                match term.strip_prefix('^') {
                    Some(header_only) => headers.push((header_only.to_string(), index)),
                    None => {
                        headers.push((term.to_string(), index));
                        text.push((term.to_string(), index));
                    }
                }
            }
        }
        let as_terms = |v: &[(String, usize)]| Terms::new(&v.iter().map(|(t, i)| (t.as_str(), *i)).collect::<Vec<_>>());
        let non_neutral: Vec<String> =
            csv::Reader::from_reader(NON_NEUTRAL.as_bytes()).records().filter_map(Result::ok).filter_map(|r| r.get(0).map(str::to_string)).collect();
        Lists {
            in_headers: as_terms(&headers),
            in_text: as_terms(&text),
            non_neutral: Terms::new(&non_neutral.iter().map(|t| (t.as_str(), ())).collect::<Vec<_>>()),
            categories,
        }
    })
}

/// The sensitive category a column header names: such a column is never read (`forbidden-column`).
///
/// ```
/// use veille::privacy::forbidden_header;
/// assert_eq!(forbidden_header("Suivi médical").map(|c| c.code.as_str()), Some("sante"));
/// assert_eq!(forbidden_header("Origine").map(|c| c.code.as_str()), Some("origine"));
/// assert_eq!(forbidden_header("Commune"), None);
/// ```
pub fn forbidden_header(header: &str) -> Option<&'static Category> {
    let l = lists();
    l.in_headers.find_first(header).and_then(|i| l.categories.get(i))
}

/// The sensitive category a comment mentions: the comment is blanked (`sensitive-value`).
///
/// ```
/// use veille::privacy::sensitive_category;
/// assert_eq!(sensitive_category("Hospitalisé depuis avril").map(|c| c.code.as_str()), Some("sante"));
/// assert_eq!(sensitive_category("à l'origine du signalement : le CPE"), None);
/// ```
pub fn sensitive_category(text: &str) -> Option<&'static Category> {
    let l = lists();
    l.in_text.find_first(text).and_then(|i| l.categories.get(i))
}

/// Whether a comment uses subjective or insulting wording (`non-neutral-comment`).
///
/// ```
/// use veille::privacy::is_non_neutral;
/// assert!(is_non_neutral("Famille démissionnaire, élève fainéant"));
/// assert!(!is_non_neutral("Pas de réponse aux appels du 12 et du 15 mai"));
/// ```
pub fn is_non_neutral(text: &str) -> bool {
    lists().non_neutral.find_first(text).is_some()
}
