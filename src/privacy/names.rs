//! Names that slip into free text. Every pupil or family name read from a `beneficiaire` or `eleve` column
//! is remembered (in memory only, for the run) with its pseudonym; free text that mentions one is rewritten:
//! the whole name becomes the pseudonym, a lone word of it becomes "[nom masqué]".

use crate::domain::Pseudonym;
use crate::text::fold;
use std::cell::RefCell;
use std::collections::HashMap;

/// The names read in this run, folded and sorted, with their pseudonyms. Never written anywhere.
#[derive(Default)]
pub struct NameRegistry {
    names: RefCell<HashMap<Vec<String>, Pseudonym>>,
    /// Built at the first scrub after a name is remembered: the words of the names (3 letters or more) and
    /// the distinct numbers of words of a name, longest first.
    index: RefCell<Option<(std::collections::HashSet<String>, Vec<usize>)>>,
}

/// Words written beside a name that are not part of it ("Famille Diallo", "Mme Durand", "fils de…").
const NOT_NAMES: &[&str] = &[
    "famille", "familles", "mme", "mr", "m", "mlle", "madame", "monsieur", "mademoiselle", "enfant", "enfants", "eleve", "fils",
    "fille", "mere", "pere", "parent", "parents", "frere", "soeur", "et", "de", "du", "des", "le", "la", "les",
];

/// The words of a text with their byte spans, folded.
fn spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    out
}

impl NameRegistry {
    /// Remembers a name read from a person column.
    pub fn remember(&self, name: &str, pseudonym: &Pseudonym) {
        let mut words: Vec<String> =
            spans(name).into_iter().map(|(_, _, w)| w).filter(|w| !w.is_empty() && !NOT_NAMES.contains(&w.as_str())).collect();
        words.sort();
        if !words.is_empty() {
            self.names.borrow_mut().insert(words, pseudonym.clone());
            *self.index.borrow_mut() = None;
        }
    }

    fn build_index(names: &HashMap<Vec<String>, Pseudonym>) -> (std::collections::HashSet<String>, Vec<usize>) {
        let words = names.keys().flatten().filter(|w| w.chars().count() >= 3).cloned().collect();
        let mut lengths: Vec<usize> = names.keys().map(Vec::len).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        (words, lengths)
    }

    /// The text without any remembered name, and whether anything was replaced.
    ///
    /// ```
    /// use veille::privacy::{NameRegistry, Pseudonymizer};
    /// let p = Pseudonymizer::new(b"k");
    /// let names = NameRegistry::default();
    /// names.remember("Léa MARTINOT", &p.pseudonym("Léa MARTINOT"));
    /// let (text, changed) = names.scrub("Appel de la mère de martinot léa ; Martinot absente");
    /// assert!(changed && !text.to_lowercase().contains("martinot") && !text.contains("Léa"));
    /// assert!(text.contains(p.pseudonym("Léa Martinot").as_str()));
    /// ```
    pub fn scrub(&self, text: &str) -> (String, bool) {
        let names = self.names.borrow();
        if names.is_empty() {
            return (text.to_string(), false);
        }
        let words = spans(text);
        let mut index = self.index.borrow_mut();
        let (name_words, lengths) = index.get_or_insert_with(|| Self::build_index(&names));
        let mut replacements: Vec<(usize, usize, String)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // The longest remembered name that the words from here spell, in any order.
            let whole = lengths.iter().find_map(|&n| {
                let mut window: Vec<String> = words.get(i..i + n)?.iter().map(|(_, _, w)| w.clone()).collect();
                window.sort();
                names.get(&window).map(|pseudonym| (n, pseudonym.as_str().to_string()))
            });
            match whole {
                Some((n, pseudonym)) => {
                    replacements.push((words[i].0, words[i + n - 1].1, pseudonym));
                    i += n;
                }
                None => {
                    if name_words.contains(words[i].2.as_str()) {
                        replacements.push((words[i].0, words[i].1, "[nom masqué]".to_string()));
                    }
                    i += 1;
                }
            }
        }
        if replacements.is_empty() {
            return (text.to_string(), false);
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end, with) in replacements {
            out.push_str(&text[at..start]);
            out.push_str(&with);
            at = end;
        }
        out.push_str(&text[at..]);
        (out, true)
    }
}
