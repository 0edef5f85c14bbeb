//! Text folding shared by every stage: what makes "VIRY-CHÂTILLON" and "viry chatillon" the same key.


/// Lower-case, accent-free, punctuation turned into single spaces.
///
/// ```
/// use veille::text::fold;
/// assert_eq!(fold("  VIRY-CHÂTILLON "), "viry chatillon");
/// assert_eq!(fold("Cœur d'Essonne"), "coeur d essonne");
/// assert_eq!(fold("Q5 – Combien d’élèves ?"), "q5 combien d eleves");
/// ```
pub fn fold(text: &str) -> String {
    let mut folder = Folder { out: String::with_capacity(text.len()), pending_space: false };
    // NFKD, one character at a time (the combining marks it yields are dropped, so their order does not
    // matter), also splits ligatures and compatibility forms ("ﬁ", "6ᵉ", non-breaking spaces); ASCII, most
    // of what is folded, skips it.
    for c in text.chars() {
        if c.is_ascii() {
            folder.push(c);
        } else {
            unicode_normalization::char::decompose_compatible(c, |d| folder.push(d));
        }
    }
    folder.out
}

struct Folder {
    out: String,
    pending_space: bool,
}

impl Folder {
    fn push(&mut self, c: char) {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                self.separate();
                self.out.push(c.to_ascii_lowercase());
            } else {
                self.pending_space = true;
            }
            return;
        }
        if unicode_normalization::char::is_combining_mark(c) {
            return;
        }
        let piece: &str = match c {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' | 'ẞ' => "ss",
            _ => "",
        };
        if !piece.is_empty() {
            self.separate();
            self.out.push_str(piece);
        } else if c.is_alphanumeric() {
            self.separate();
            self.out.extend(c.to_lowercase().filter(|l| !unicode_normalization::char::is_combining_mark(*l)));
        } else {
            self.pending_space = true;
        }
    }

    fn separate(&mut self) {
        if self.pending_space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.pending_space = false;
    }
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
