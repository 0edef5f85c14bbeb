//! Comparison keys: what makes two spellings of a commune or school name the same.

use crate::text::fold;

/// The words of `folded` passed through `map`, joined by single spaces into one new string (the keys of
/// tens of thousands of reference names are built this way: one allocation each, not one per word).
fn join_words<'a>(folded: &'a str, mut map: impl FnMut(&'a str) -> Option<&'a str>) -> String {
    let mut key = String::with_capacity(folded.len() + 4);
    for word in folded.split(' ').filter(|w| !w.is_empty()).filter_map(&mut map) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// A commune name reduced to its comparison key: folded, `st`/`ste` expanded, hyphens as spaces.
///
/// ```
/// use veille::reference::name_key;
/// assert_eq!(name_key("St-Michel-s/-Orge"), name_key("Saint-Michel-sur-Orge"));
/// ```
pub fn name_key(name: &str) -> String {
    join_words(&fold(name), |w| {
        Some(match w {
            "st" => "saint",
            "ste" => "sainte",
            "s" => "sur",
            _ => w,
        })
    })
}

/// A school name without its kind ("Collège", "École élémentaire", "privé"...), for matching.
///
/// ```
/// use veille::reference::school_key;
/// assert_eq!(school_key("Collège Les Sablons"), school_key("LES SABLONS"));
/// assert_eq!(school_key("clg Olivier-de-Serres"), "olivier de serres");
/// ```
pub fn school_key(name: &str) -> String {
    const KIND_WORDS: &[&str] = &[
        "college", "clg", "ecole", "elementaire", "maternelle", "primaire", "prive", "privee", "public",
        "publique", "groupe", "scolaire", "ee", "em", "ep", "gs",
    ];
    join_words(&fold(name), |w| (!KIND_WORDS.contains(&w)).then_some(w))
}
