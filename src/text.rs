//! Text folding shared by every stage: what makes "VIRY-CHÂTILLON" and "viry chatillon" the same key.

use unicode_normalization::UnicodeNormalization;

/// Lower-case, accent-free, punctuation turned into single spaces.
///
/// ```
/// use veille::text::fold;
/// assert_eq!(fold("  VIRY-CHÂTILLON "), "viry chatillon");
/// assert_eq!(fold("Cœur d'Essonne"), "coeur d essonne");
/// assert_eq!(fold("Q5 – Combien d’élèves ?"), "q5 combien d eleves");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // NFKD also splits ligatures and compatibility forms ("ﬁ", "6ᵉ", non-breaking spaces).
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let piece: &str = match c {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            _ => "",
        };
        if !piece.is_empty() || c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if piece.is_empty() {
                out.extend(c.to_lowercase().filter(|l| !unicode_normalization::char::is_combining_mark(*l)));
            } else {
                out.push_str(piece);
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// The words of a folded text.
///
/// ```
/// use veille::text::words;
/// assert_eq!(words("Saint-Michel-sur-Orge"), vec!["saint", "michel", "sur", "orge"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}
