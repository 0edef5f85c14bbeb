//! Stage 4: the confidentiality charter. Names become pseudonyms the moment they are read
//! ([`Pseudonymizer`]), with a key kept in the state folder ([`load_key`]).

mod audience;
mod audit;
mod charter;
mod columns;
mod continuity;
mod exhaustive;
mod explain;
mod folder;
mod greedy;
mod key;
mod layout;
mod lp;
mod masking;
mod names;
mod nearby;
mod pass;
mod protect;
mod publication;
mod release;
mod rule;
mod secrecy;
mod prune;
mod suppression;

pub use audience::Audience;
pub use charter::{forbidden_header, is_non_neutral, sensitive_category, Category};
pub use columns::drop_forbidden_columns;
pub use names::NameRegistry;
pub use pass::apply_charter;
pub use key::{load_key, KeyError, KeyOrigin};
pub use audit::{audit, audit_cells, Audit, HiddenRange};
pub use exhaustive::{exhaustive_minimum, BUDGET};
pub use continuity::hidden_last_week;
pub use explain::{findings, place_text, range_text};
pub use folder::{read_folder, FolderError};
pub use greedy::suppress_greedy;
pub use layout::{Ids, Layout, Place};
pub use masking::{mask, mask_with, publication_of, Masked, SecrecyContext, Verdict};
pub use protect::{audit_publication, protect, Protected};
pub use publication::{Change, LoanFigure, LostContactFigure, Part, Publication};
pub use release::{CommuneFigures, Deltas, LoanFigures, LostContactFigures, Release, Shown, LOAN_FIGURES, LOST_CONTACT_FIGURES, TOTAL_FIGURES};
pub use lp::LpError;
pub use rule::{Cost, SecrecyRule, SecretSettings};
pub use secrecy::{Cells, Relation};
pub use suppression::{suppress, Suppression};

use crate::domain::Pseudonym;
use crate::text::words;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// A person's name reduced to what identifies it: upper case, no accents, words sorted
/// ("Marie DUPONT" = "DUPONT Marie" = "dupont marie").
///
/// ```
/// use veille::privacy::normalize_name;
/// assert_eq!(normalize_name("Marie DUPONT"), normalize_name("DUPONT  Marie"));
/// assert_eq!(normalize_name("Hélène Lefèvre-Martin"), "HELENE LEFEVRE MARTIN");
/// ```
pub fn normalize_name(name: &str) -> String {
    // Upper-case before sorting: case mapping can change the order ("ﬀ" becomes "FF").
    let mut ws: Vec<String> = words(name).iter().map(|w| w.to_uppercase()).collect();
    ws.sort();
    ws.join(" ")
}

/// Turns names into pseudonyms: `E-` + the first 10 hex characters of HMAC-SHA256(key, normalised name).
///
/// ```
/// use veille::privacy::Pseudonymizer;
/// let p = Pseudonymizer::new(b"cle-de-test");
/// let a = p.pseudonym("Marie Dupont");
/// assert_eq!(a, p.pseudonym("DUPONT Marie"));
/// assert_ne!(a, Pseudonymizer::new(b"autre-cle").pseudonym("Marie Dupont"));
/// assert!(a.as_str().starts_with("E-") && a.as_str().len() == 12);
/// ```
pub struct Pseudonymizer {
    key: Vec<u8>,
}

impl Pseudonymizer {
    pub fn new(key: &[u8]) -> Self {
        Pseudonymizer { key: key.to_vec() }
    }

    /// A pseudonymiser with a random key that is never stored: for `veille validate`, which reads names
    /// but writes no pseudonym anywhere.
    ///
    /// ```
    /// use veille::privacy::Pseudonymizer;
    /// let (a, b) = (Pseudonymizer::ephemeral(), Pseudonymizer::ephemeral());
    /// assert_ne!(a.pseudonym("Marie Dupont"), b.pseudonym("Marie Dupont"));
    /// ```
    pub fn ephemeral() -> Self {
        let key: [u8; 32] = rand::random();
        Pseudonymizer { key: key.to_vec() }
    }

    pub fn pseudonym(&self, name: &str) -> Pseudonym {
        // HMAC accepts keys of any length, so this cannot fail; an empty digest would still be a pseudonym.
        let digest = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key)
            .map(|mut mac| {
                mac.update(normalize_name(name).as_bytes());
                mac.finalize().into_bytes().to_vec()
            })
            .unwrap_or_default();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        Pseudonym::from_digest_hex(&hex)
    }
}
