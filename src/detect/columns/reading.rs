//! Reading a header the way a person does: "N° UAI du collège", "Date de retour (JJ/MM/AAAA)",
//! "Q3 - Par qui ?", "Action menée / projet". The header is folded and split into parts; parentheses that
//! only say how to fill the cell ("(oui/non)", "(JJ/MM/AAAA)") are hints about the values, a leading
//! question number is kept apart, and common abbreviations are expanded.

use super::values::ValueKind;
use crate::text::fold;

/// Words too common to tell two fields apart.
pub(super) const STOPWORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "d", "l", "a", "au", "aux", "et", "en", "pour", "ont", "ils", "elles", "il",
    "un", "une", "qui", "que", "quels", "quelles", "quel", "quelle", "ce", "ces", "se", "sa", "son", "ses", "par",
    "sur", "dans", "votre", "vos", "t", "y", "si", "oui", "ou", "non", "sont", "est", "elle", "on", "avez", "etes",
    "etre", "leur", "leurs", "cette", "cet", "avec", "s", "the", "of",
];

/// Abbreviations people write in headers, and what they stand for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("nb", "nombre"), ("nbr", "nombre"), ("nbre", "nombre"), ("qte", "quantite"), ("qt", "quantite"),
    ("tel", "telephone"), ("tph", "telephone"), ("etab", "etablissement"), ("etabl", "etablissement"),
    ("etablt", "etablissement"), ("ets", "etablissement"), ("maj", "mise a jour"), ("dt", "date"),
    ("n", "numero"), ("no", "numero"), ("num", "numero"), ("cp", "code postal"), ("coll", "college"),
    ("adr", "adresse"), ("ref", "referent"), ("obs", "observation"), ("resp", "responsable"),
    ("ident", "identite"), ("mel", "courriel"), ("uai", "uai"), ("rne", "rne"),
];

/// Placeholder headers that say nothing about the column ("Colonne 7", "Unnamed: 3", "Champ 2").
const PLACEHOLDERS: &[&str] = &["colonne", "column", "col", "unnamed", "champ", "sans titre", "field", "untitled"];

/// A question number at the start of a header: "Q5", "Q05[SQ001]", "Question 5" (explicit) or "5." (bare).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionNumber {
    pub number: u8,
    /// Written with "Q" or "Question": surely a question number; a bare "5." may number a form's items.
    pub explicit: bool,
}

/// A header, read.
#[derive(Debug, Clone, Default)]
pub struct HeaderReading {
    /// The header as written, trimmed.
    pub text: String,
    /// The whole header folded, without its question number.
    pub folded: String,
    /// The folded parts between "/", " - ", ":" and parentheses, hints left out.
    pub parts: Vec<String>,
    /// The significant words, abbreviations expanded, hints and question number left out.
    pub words: Vec<String>,
    /// Every word, small ones too ("prêté par"), abbreviations expanded: key words are looked for here.
    pub all_words: Vec<String>,
    /// The folded header's significant words, sorted and distinct (to compare with whole questions).
    pub distinct: Vec<String>,
    /// What the hints say the values are.
    pub hints: Vec<ValueKind>,
    pub question: Option<QuestionNumber>,
    /// Blank or a placeholder: the header says nothing, only the values can tell.
    pub says_nothing: bool,
}

fn hint_of(folded: &str) -> Option<ValueKind> {
    let words: Vec<&str> = folded.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if (has("oui") && has("non")) || folded == "o n" || folded == "x" {
        Some(ValueKind::Bool)
    } else if has("jj") || has("aaaa") || (has("aa") && has("mm")) || folded == "date" {
        Some(ValueKind::Date)
    } else if matches!(folded, "nombre" | "nb" | "en chiffres" | "chiffre" | "en nombre") {
        Some(ValueKind::Count)
    } else {
        None
    }
}

/// The question number at the start of the folded header, and how many words it takes.
fn question_number(folded: &str) -> (Option<QuestionNumber>, usize) {
    let tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    let number = |s: &str| s.parse::<u8>().ok().filter(|n| (1..=20).contains(n));
    let explicit = |n: u8| QuestionNumber { number: n, explicit: true };
    let found = match tokens.as_slice() {
        [first, ..] if first.len() > 1 && first.starts_with('q') && first[1..].chars().all(|c| c.is_ascii_digit()) => {
            number(&first[1..]).map(|n| (explicit(n), 1))
        }
        ["question", "n" | "no", n, ..] => number(n).map(|n| (explicit(n), 3)),
        ["question", n, ..] => number(n).map(|n| (explicit(n), 2)),
        [first, _, ..] if first.len() <= 2 && first.chars().all(|c| c.is_ascii_digit()) => {
            number(first).map(|n| (QuestionNumber { number: n, explicit: false }, 1))
        }
        _ => None,
    };
    match found {
        Some((question, used)) => (Some(question), used),
        None => (None, 0),
    }
}

fn expand(word: &str) -> Vec<String> {
    match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
        Some((_, long)) => long.split(' ').map(str::to_string).collect(),
        None => vec![word.to_string()],
    }
}

/// Splits the header into its parts and its parenthesised groups.
fn split_parts(text: &str) -> (Vec<String>, Vec<String>) {
    let mut outside = String::new();
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut group = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                outside.push('/');
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                groups.push(std::mem::take(&mut group));
            }
            _ if depth > 0 => group.push(c),
            _ => outside.push(c),
        }
    }
    let normalised = outside.replace(" - ", "/").replace(" – ", "/").replace(" — ", "/");
    let parts = normalised.split(['/', ':', '?', ';', '|']).map(fold).filter(|p| !p.is_empty()).collect();
    (parts, groups.iter().map(|g| fold(g)).filter(|g| !g.is_empty()).collect())
}

impl HeaderReading {
    /// Reads one header.
    ///
    /// ```
    /// use veille::detect::HeaderReading;
    /// let h = HeaderReading::read("N° UAI du collège");
    /// assert_eq!(h.words, vec!["numero", "uai", "college"]);
    /// let q = HeaderReading::read("Q05 - Combien d'élèves ?");
    /// assert_eq!(q.question.map(|q| (q.number, q.explicit)), Some((5, true)));
    /// assert_eq!(q.folded, "combien d eleves");
    /// let d = HeaderReading::read("Restitué le (JJ/MM/AAAA)");
    /// assert_eq!(d.parts, vec!["restitue le"]);
    /// assert!(HeaderReading::read("Colonne 7").says_nothing);
    /// ```
    pub fn read(text: &str) -> HeaderReading {
        let text = text.trim().to_string();
        let whole = fold(&text);
        let (mut question, mut used) = question_number(&whole);
        if question.is_some_and(|q| !q.explicit) && !numbers_an_item(&text) {
            (question, used) = (None, 0);
        }
        let (mut parts, groups) = split_parts(&text);
        let mut hints = Vec::new();
        for group in groups {
            match hint_of(&group) {
                Some(kind) => hints.push(kind),
                None => parts.push(group),
            }
        }
        if let Some(first) = parts.first_mut() {
            *first = strip_code(&first.split(' ').skip(used).collect::<Vec<_>>().join(" "));
        }
        parts.retain(|p| !p.is_empty());
        let folded = parts.join(" ");
        if folded.ends_with(" le") || folded == "le" || folded.ends_with(" la date") {
            hints.push(ValueKind::Date);
        }
        let all_words: Vec<String> = folded.split(' ').filter(|w| !w.is_empty()).flat_map(expand).collect();
        let words: Vec<String> = all_words.iter().filter(|w| !STOPWORDS.contains(&w.as_str())).cloned().collect();
        let says_nothing = question.is_none() && is_placeholder(&whole);
        let distinct = super::keywords::distinct_words(&folded);
        HeaderReading { text, folded, parts, words, all_words, distinct, hints, question, says_nothing }
    }
}

/// A bare number numbers an item when a separator or a word follows it: "5.", "5)", "5 -", "5 Combien",
/// not "9/15/2000" or "20171-4600".
fn numbers_an_item(text: &str) -> bool {
    let rest = text.trim_start().trim_start_matches(|c: char| c.is_ascii_digit());
    let mut chars = rest.chars();
    match chars.next() {
        Some('.' | ')' | ':' | '°') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(' ') => {
            let after = rest.trim_start();
            after.starts_with(['-', '–', '—', '.', ')']) || after.starts_with(|c: char| c.is_alphabetic())
        }
        _ => false,
    }
}

/// Drops LimeSurvey's sub-question codes ("SQ001"), which say nothing more.
fn strip_code(part: &str) -> String {
    part.split(' ').filter(|t| !(t.len() > 2 && t.starts_with("sq") && t[2..].chars().all(|c| c.is_ascii_digit()))).collect::<Vec<_>>().join(" ")
}

fn is_placeholder(folded: &str) -> bool {
    if folded.is_empty() || folded.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return true;
    }
    let rest = PLACEHOLDERS.iter().find_map(|p| folded.strip_prefix(p));
    // "Colonne 7", "Unnamed: 3", "Champ", or a lone column letter ("G").
    rest.is_some_and(|r| r.trim().chars().all(|c| c.is_ascii_alphanumeric() && !c.is_ascii_alphabetic() || c == ' ') || r.trim().len() <= 2)
        || (folded.len() == 1 && folded.chars().all(|c| c.is_ascii_alphabetic()))
}
