//! What a header says, worked out once per distinct header text for the whole run.
//!
//! Choosing a table's header row reads every text cell of its first rows against every field of the
//! four kinds; two thousand questionnaires sent back on the same template repeat the same sixteen
//! headers two thousand times. The reading and the words' evidence depend on the text alone (the
//! user's column settings are applied after, in [`super::place_columns`]), so they are kept here, shared
//! by every file and thread, and the answer is the same as working them out again.

use super::keywords::{header_evidence, HeaderWhy};
use super::reading::HeaderReading;
use crate::detect::schema::schema;
use crate::domain::TableKind;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

/// Distinct texts kept at most. Beyond it (a run over thousands of differently worded files) a text is
/// read again each time it comes: slower, never wrong, and the memory stays bounded (a few MB).
const MEMO_LIMIT: usize = 20_000;

/// The words' evidence of one header for each field of a kind, by field index.
pub type Evidence = Vec<Option<(f64, HeaderWhy)>>;

/// One header text, read, with its evidence for each kind worked out on first use.
#[derive(Debug)]
pub struct KnownHeader {
    pub reading: HeaderReading,
    evidence: [OnceLock<Evidence>; 4],
}

impl KnownHeader {
    /// The header `text`, from the run's memo or read now.
    ///
    /// ```
    /// use veille::detect::KnownHeader;
    /// use veille::domain::TableKind;
    /// let first = KnownHeader::of("Date de retour (JJ/MM/AAAA)");
    /// let again = KnownHeader::of("Date de retour (JJ/MM/AAAA)");
    /// assert!(std::sync::Arc::ptr_eq(&first, &again));
    /// assert_eq!(first.reading.folded, "date de retour");
    /// assert!(first.evidence(TableKind::Loans).iter().any(Option::is_some));
    /// ```
    pub fn of(text: &str) -> Arc<KnownHeader> {
        static MEMO: OnceLock<RwLock<HashMap<Box<str>, Arc<KnownHeader>>>> = OnceLock::new();
        let memo = MEMO.get_or_init(RwLock::default);
        // A poisoned lock only means another thread panicked mid-insert: the map itself is whole.
        if let Some(known) = memo.read().unwrap_or_else(|e| e.into_inner()).get(text) {
            return Arc::clone(known);
        }
        let known = Arc::new(KnownHeader { reading: HeaderReading::read(text), evidence: Default::default() });
        let mut map = memo.write().unwrap_or_else(|e| e.into_inner());
        if map.len() < MEMO_LIMIT {
            return Arc::clone(map.entry(text.into()).or_insert(known));
        }
        known
    }

    /// For each field of `kind`, what the header's words say of it ([`header_evidence`]).
    pub fn evidence(&self, kind: TableKind) -> &[Option<(f64, HeaderWhy)>] {
        let slot = TableKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        self.evidence[slot].get_or_init(|| {
            let s = schema(kind);
            (0..s.fields.len()).map(|f| header_evidence(s, f, &self.reading)).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_gives_what_reading_again_gives() {
        for text in ["Q3 - Par qui ?", "Commune", "N° UAI du collège", "Nb tablettes", "Colonne 7", ""] {
            let known = KnownHeader::of(text);
            let fresh = HeaderReading::read(text);
            assert_eq!(known.reading.folded, fresh.folded, "{text}");
            assert_eq!(known.reading.question, fresh.question, "{text}");
            for kind in TableKind::ALL {
                let s = schema(kind);
                let again: Vec<Option<f64>> = (0..s.fields.len()).map(|f| header_evidence(s, f, &fresh).map(|(w, _)| w)).collect();
                let memo: Vec<Option<f64>> = known.evidence(kind).iter().map(|e| e.as_ref().map(|(w, _)| *w)).collect();
                assert_eq!(memo, again, "{text} as {kind:?}");
            }
        }
    }
}
