//! Saying what was understood of each column, and why, in French or English. Values are described by
//! kind and count, never quoted: a cell could hold a person's name.

use super::keywords::HeaderWhy;
use super::{ColumnReport, Outcome, Pairing};
use crate::domain::TableKind;
use crate::i18n::Lang;

/// The line to add to veille.toml so that `header` is read as `field` in tables of `kind`.
///
/// ```
/// use veille::detect::setting_line;
/// use veille::domain::TableKind;
/// assert_eq!(setting_line(TableKind::Loans, "Restitué le", "date_retour"), "[colonnes.loans] \"Restitué le\" = \"date_retour\"");
/// ```
pub fn setting_line(kind: TableKind, header: &str, field: &str) -> String {
    let escaped = header.replace('\\', "\\\\").replace('"', "\\\"");
    format!("[colonnes.{}] \"{escaped}\" = \"{field}\"", kind.as_str())
}

fn header_text(why: &HeaderWhy, lang: Lang) -> String {
    match why {
        HeaderWhy::Alias(a) => lang.pick(&format!("en-tête connu « {a} »"), &format!("known header \"{a}\"")).to_string(),
        HeaderWhy::Part(a) => lang.pick(&format!("partie d'en-tête « {a} »"), &format!("header part \"{a}\"")).to_string(),
        HeaderWhy::Wording => lang.pick("libellé proche de la question", "wording close to the question").to_string(),
        HeaderWhy::Keywords(words) => {
            let words = words.join(", ");
            lang.pick(&format!("mots de l'en-tête : {words}"), &format!("header words: {words}")).to_string()
        }
        HeaderWhy::Question(n) => lang.pick(&format!("question n° {n}"), &format!("question no. {n}")).to_string(),
        HeaderWhy::Setting => lang.pick("réglage [colonnes] ou --colonne", "[colonnes] setting or --colonne").to_string(),
    }
}

/// "en-tête connu « date du pret » ; valeurs : 12 dates sur 12 ; confiance 100 %"
pub fn pairing_text(pairing: &Pairing, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some((_, why)) = &pairing.header {
        parts.push(header_text(why, lang));
    }
    match pairing.values {
        Some((kind, hits, n)) => parts.push(match lang {
            Lang::Fr => format!("valeurs : {hits} {} sur {n}", kind.label(lang)),
            Lang::En => format!("values: {hits} {} of {n}", kind.label(lang)),
        }),
        None => {}
    }
    parts.push(match lang {
        Lang::Fr => format!("confiance {} %", pairing.confidence()),
        Lang::En => format!("confidence {}%", pairing.confidence()),
    });
    parts.join(" ; ")
}

/// "12 valeurs (dates 12, communes 3)": what the column holds, by kind.
pub fn values_text(report: &ColumnReport, lang: Lang) -> String {
    let kinds: Vec<String> = report.values.summary().iter().map(|(k, n)| format!("{} {n}", k.label(lang))).collect();
    let filled = report.values.filled;
    let head = match lang {
        Lang::Fr => format!("{filled} valeur{}", if filled > 1 { "s" } else { "" }),
        Lang::En => format!("{filled} value{}", if filled > 1 { "s" } else { "" }),
    };
    if kinds.is_empty() { head } else { format!("{head} ({})", kinds.join(", ")) }
}

impl ColumnReport {
    /// The field the column is read as, if any.
    pub fn field(&self) -> Option<&'static str> {
        match &self.outcome {
            Outcome::Placed { field, .. } | Outcome::Choice { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Read by a header veille knows as written (an alias): nothing for a reader to check.
    pub fn read_as_known_header(&self) -> bool {
        matches!(&self.outcome, Outcome::Placed { pairing, .. } if matches!(pairing.header, Some((_, HeaderWhy::Alias(_)))))
    }

    /// What became of the column and why, for `validate` and the quality section.
    pub fn explain(&self, lang: Lang, letter: impl Fn(usize) -> String) -> String {
        match &self.outcome {
            Outcome::Placed { pairing, .. } => pairing_text(pairing, lang),
            Outcome::Choice { choice, .. } => lang.pick(&format!("choix « {choice} » d'une question à choix multiples"), &format!("choice \"{choice}\" of a multiple-choice question")).to_string(),
            Outcome::Competing { field, kept } => {
                let kept = letter(*kept);
                lang.pick(&format!("non lue : « {field} » est lu dans la colonne {kept}"), &format!("not read: \"{field}\" is read from column {kept}")).to_string()
            }
            Outcome::Unplaced { nearest: Some((field, _)) } => {
                lang.pick(&format!("non lue ({}) ; champ le plus proche : {field}", values_text(self, lang)), &format!("not read ({}); nearest field: {field}", values_text(self, lang))).to_string()
            }
            Outcome::Unplaced { nearest: None } => lang.pick(&format!("non lue ({}) : aucun champ ne lui correspond", values_text(self, lang)), &format!("not read ({}): no field matches it", values_text(self, lang))).to_string(),
            Outcome::Empty => lang.pick("colonne vide", "empty column").to_string(),
            Outcome::Numbering => lang.pick("numérotation des lignes", "row numbering").to_string(),
            Outcome::Ignored => lang.pick("ignorée (réglage [colonnes])", "ignored ([colonnes] setting)").to_string(),
            Outcome::Names { .. } => lang.pick("jamais lue : elle contient des noms de personnes", "never read: it holds people's names").to_string(),
            Outcome::Forbidden { category } => lang.pick(&format!("jamais lue : catégorie sensible ({category})"), &format!("never read: sensitive category ({category})")).to_string(),
        }
    }
}
