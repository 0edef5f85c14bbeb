//! Comparison keys: what makes two spellings of a commune or school name the same.

use crate::text::words;

/// A commune name reduced to its comparison key: folded, `st`/`ste` expanded, hyphens as spaces.
///
/// ```
/// use veille::reference::name_key;
/// assert_eq!(name_key("St-Michel-s/-Orge"), name_key("Saint-Michel-sur-Orge"));
/// ```
pub fn name_key(name: &str) -> String {
    words(name)
        .into_iter()
        .map(|w| match w.as_str() {
            "st" => "saint".to_string(),
            "ste" => "sainte".to_string(),
            "s" => "sur".to_string(),
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
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
    words(name).into_iter().filter(|w| !KIND_WORDS.contains(&w.as_str())).collect::<Vec<_>>().join(" ")
}
