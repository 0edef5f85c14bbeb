//! Does a cell look like a person's name ("DUPONT Marie", "Léa Martin")? A column of such cells is
//! pseudonymised (placed on the kind's person field) or never read: it is never quoted in a message.

use crate::ingest::Cell;
use crate::normalize::{names_a_commune, parse_device, parse_lender, parse_partner_status, parse_register_status};
use crate::text::fold;

/// Words that make a name an organisation's, a place's or a thing's, not a person's.
const NOT_PEOPLE: &[&str] = &[
    "mjc", "mairie", "college", "ecole", "lycee", "ccas", "association", "asso", "centre", "maison", "service", "ville",
    "caisse", "club", "espace", "secours", "croix", "ligue", "federation", "union", "bibliotheque", "mediatheque",
    "conseil", "departement", "region", "etat", "education", "nationale", "prefecture", "rectorat", "jeunesse",
    "quartier", "groupe", "scolaire", "sport", "sports", "culture", "famille", "familles", "les", "des", "du", "la",
    "le", "et", "aux", "au", "pour", "sur", "en", "avec", "social", "sociale", "municipal", "municipale", "cite",
    "rue", "avenue", "place", "parc", "salle", "stade", "gymnase", "foyer", "atelier", "aide", "soutien", "cours",
    "devoirs", "accueil", "projet", "action", "oui", "non", "tablette", "ordinateur", "pc", "reseau", "collectif",
    "amicale", "comite", "fondation", "restos", "coeur", "emmaus", "populaire", "catholique", "rouge", "poste",
];

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    let letters = word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
    letters && first.is_uppercase() && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Two to four capitalised words, no digit, nothing that names an organisation, a place, a commune or a
/// vocabulary value.
///
/// ```
/// use veille::detect::looks_like_person;
/// use veille::ingest::Cell;
/// let t = |s: &str| Cell::Text(s.into());
/// assert!(looks_like_person(&t("DUPONT Marie")));
/// assert!(looks_like_person(&t("Léa Martin-Roux")));
/// assert!(!looks_like_person(&t("MJC Simone Signoret")));
/// assert!(!looks_like_person(&t("Viry-Châtillon")));
/// assert!(!looks_like_person(&t("12 tablettes")));
/// ```
pub fn looks_like_person(cell: &Cell) -> bool {
    let Cell::Text(text) = cell else { return false };
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || !words.iter().all(|w| is_name_word(w)) {
        return false;
    }
    let folded = fold(text);
    if folded.split(' ').any(|w| NOT_PEOPLE.contains(&w)) {
        return false;
    }
    let vocabulary = parse_lender(text).is_some()
        || parse_device(text).is_some()
        || parse_partner_status(text).is_some()
        || parse_register_status(text).is_some();
    !vocabulary && !names_a_commune(cell)
}
