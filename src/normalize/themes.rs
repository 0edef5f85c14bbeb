//! Themes of free-text answers and partner actions, from the thesaurus `schemas/themes.csv`.

use super::terms::Terms;
use crate::i18n::Lang;
use std::sync::OnceLock;

const THESAURUS: &str = include_str!("../../schemas/themes.csv");

/// A theme of the thesaurus.
#[derive(Debug, Clone)]
pub struct Theme {
    pub code: String,
    label_fr: String,
    label_en: String,
}

impl Theme {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_fr, &self.label_en)
    }
}

struct Thesaurus {
    themes: Vec<Theme>,
    terms: Terms<usize>,
}

fn thesaurus() -> &'static Thesaurus {
    static T: OnceLock<Thesaurus> = OnceLock::new();
    T.get_or_init(|| {
        let mut themes = Vec::new();
        let mut pairs: Vec<(String, usize)> = Vec::new();
        let mut reader = csv::Reader::from_reader(THESAURUS.as_bytes());
        for record in reader.records().filter_map(Result::ok) {
            let index = themes.len();
            themes.push(Theme {
                code: record.get(0).unwrap_or("").to_string(),
                label_fr: record.get(1).unwrap_or("").to_string(),
                label_en: record.get(2).unwrap_or("").to_string(),
            });
            pairs.extend(record.get(3).unwrap_or("").split('|').map(|t| (t.to_string(), index)));
        }
        let borrowed: Vec<(&str, usize)> = pairs.iter().map(|(t, i)| (t.as_str(), *i)).collect();
        Thesaurus { themes, terms: Terms::new(&borrowed) }
    })
}

/// Every theme of the thesaurus, in its order.
pub fn all_themes() -> &'static [Theme] {
    &thesaurus().themes
}

/// The theme with this code.
pub fn theme(code: &str) -> Option<&'static Theme> {
    thesaurus().themes.iter().find(|t| t.code == code)
}

/// The theme codes a text mentions, each once, in order of first mention.
///
/// ```
/// use veille::normalize::themes_of;
/// assert_eq!(themes_of("Aide aux devoirs par téléphone et colis alimentaires"),
///            vec!["soutien_scolaire", "alimentaire"]);
/// assert!(themes_of("Prêt de tablettes").contains(&"numerique"));
/// ```
pub fn themes_of(text: &str) -> Vec<&'static str> {
    let t = thesaurus();
    let mut found: Vec<&'static str> = Vec::new();
    for index in t.terms.find_all(text) {
        let code = t.themes[index].code.as_str();
        if !found.contains(&code) {
            found.push(code);
        }
    }
    found
}

/// Classifies the themes of every free-text answer, once: run after the charter pass, so that a blanked
/// comment cites nothing.
///
/// ```
/// use veille::normalize::{classify_themes, Response};
/// let mut r = Response { q6_to_amplify: Some("Aide aux devoirs".into()), ..Default::default() };
/// classify_themes(std::slice::from_mut(&mut r));
/// assert_eq!(r.themes.q6, vec!["soutien_scolaire"]);
/// ```
pub fn classify_themes(responses: &mut [super::Response]) {
    let of = |text: &Option<String>| text.as_deref().map(themes_of).unwrap_or_default();
    for r in responses {
        r.themes = super::AnswerThemes {
            q1: of(&r.q1_which),
            q2: of(&r.q2_support),
            q5: of(&r.q5_which),
            q6: of(&r.q6_to_amplify),
            q7: of(&r.q7_school_support),
            q8: of(&r.q8_digital_divide),
            q9: of(&r.q9_summer),
        };
    }
}
