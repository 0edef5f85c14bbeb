//! Finding vocabulary terms in free text: the engine behind lenders, devices, statuses and themes.
//!
//! A term is a phrase of folded words; a word ending in `*` matches any word it starts
//! (`numeri*` matches "numérique"). At each position the longest term wins, so "caisse des écoles"
//! (a commune lender) is not read as "écoles" (a school).

use crate::text::words;

/// A vocabulary: phrases and the value each one means.
pub struct Terms<T: Copy + 'static> {
    entries: Vec<(Vec<String>, T)>,
}

impl<T: Copy + 'static> Terms<T> {
    /// Builds a vocabulary from `(phrase, value)` pairs; phrases are folded like the text they match.
    ///
    /// ```
    /// use veille::normalize::Terms;
    /// let t = Terms::new(&[("caisse des ecoles", 1), ("ecole*", 2)]);
    /// assert_eq!(t.find_all("Caisse des Écoles, école Jules Verne"), vec![1, 2]);
    /// ```
    pub fn new(pairs: &[(&str, T)]) -> Self {
        let mut entries: Vec<(Vec<String>, T)> = pairs
            .iter()
            .map(|(phrase, value)| {
                let ws = phrase.split_whitespace().map(|w| {
                    let star = w.ends_with('*');
                    let mut folded = words(w.trim_end_matches('*')).join(" ");
                    if star {
                        folded.push('*');
                    }
                    folded
                });
                (ws.collect(), *value)
            })
            .collect();
        // Longest phrases first, so they win over their own sub-phrases.
        entries.sort_by_key(|(ws, _)| std::cmp::Reverse(ws.len()));
        Terms { entries }
    }

    fn word_matches(pattern: &str, word: &str) -> bool {
        match pattern.strip_suffix('*') {
            Some(prefix) => word.starts_with(prefix),
            None => pattern == word,
        }
    }

    fn match_at(&self, ws: &[String], at: usize) -> Option<(usize, T)> {
        self.entries.iter().find_map(|(phrase, value)| {
            let fits = at + phrase.len() <= ws.len()
                && phrase.iter().zip(&ws[at..]).all(|(p, w)| Self::word_matches(p, w));
            fits.then_some((phrase.len(), *value))
        })
    }

    /// Every value found, in order of appearance, with repeats.
    pub fn find_all(&self, text: &str) -> Vec<T> {
        self.find_positions(&words(text)).into_iter().map(|(_, v)| v).collect()
    }

    /// Values found in already-split words, with the index of the word each starts at.
    pub fn find_positions(&self, ws: &[String]) -> Vec<(usize, T)> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < ws.len() {
            match self.match_at(ws, at) {
                Some((len, value)) => {
                    found.push((at, value));
                    at += len;
                }
                None => at += 1,
            }
        }
        found
    }

    /// The first value found.
    pub fn find_first(&self, text: &str) -> Option<T> {
        self.find_all(text).into_iter().next()
    }
}
