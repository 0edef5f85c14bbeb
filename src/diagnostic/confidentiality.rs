//! What the report hid and why (charter, "La confidentialité"): the audience, the secrecy threshold, how
//! many cells were hidden, how many columns were dropped and comments blanked, by code. Never their
//! content.

use crate::privacy::{Masked, Verdict};
use crate::i18n::Lang;
use crate::issues::IssueLog;
use crate::privacy::{Part, Publication};
use serde_json::{json, Value};

/// The issue codes of the privacy stage, with what each counts.
pub const PRIVACY_CODES: [(&str, &str, &str); 4] = [
    ("forbidden-column", "Colonnes jamais lues (catégorie sensible)", "Columns never read (sensitive category)"),
    ("sensitive-value", "Commentaires effacés ou noms remplacés dans un texte libre", "Comments blanked or names replaced in free text"),
    ("non-neutral-comment", "Formulations non neutres signalées", "Non-neutral wording flagged"),
    ("no-consent", "Lignes du registre sans adhésion de la famille (comptées, jamais listées)", "Register rows without family consent (counted, never listed)"),
];

fn count(issues: &IssueLog, code: &str) -> usize {
    issues.iter().filter(|i| i.code == code).count()
}

/// The share of the counts of at least `min_count` still shown, in per cent (100 when there are none).
fn large_share(m: &Masked) -> f64 {
    if m.large == 0 { 100.0 } else { (1000.0 * m.large_shown as f64 / m.large as f64).round() / 10.0 }
}

fn large_shown_line(m: &Masked, lang: Lang) -> (String, String) {
    let share = large_share(m);
    match lang {
        Lang::Fr => (format!("Cellules d'au moins {} encore affichées", m.min_count), format!("{} sur {} ({} %)", m.large_shown, m.large, share.to_string().replace('.', ","))),
        Lang::En => (format!("Cells of {} or more still shown", m.min_count), format!("{} of {} ({share} %)", m.large_shown, m.large)),
    }
}

fn verdict_text(m: &Masked, lang: Lang) -> String {
    let linked = m.linked_week.as_ref().map(|w| match lang {
        Lang::Fr => format!(", avec la publication de la semaine {w}"),
        Lang::En => format!(", together with the week {w} publication"),
    });
    match &m.verdict {
        Verdict::Safe => format!("{}{}", lang.pick("aucune cellule masquée ne peut être recalculée", "no hidden cell can be recomputed"), linked.unwrap_or_default()),
        Verdict::Leaks(cells) => format!("{} ({})", lang.pick("FUITE", "LEAK"), cells.join(" ; ")),
        Verdict::Failed(why) => format!("{} ({why})", lang.pick("non vérifiée", "not verified")),
    }
}

fn verdict_code(m: &Masked) -> &'static str {
    match m.verdict {
        Verdict::Safe => "safe",
        Verdict::Leaks(_) => "leak",
        Verdict::Failed(_) => "failed",
    }
}

/// The lines of the "Confidentialité" section: (label, value).
pub fn confidentiality_lines(p: &Publication<'_>, lang: Lang) -> Vec<(String, String)> {
    let mut lines = vec![(lang.pick("Public du rapport", "Audience").to_string(), p.audience_label(lang).to_string())];
    match p.secrecy() {
        Some(m) => {
            lines.push((
                lang.pick("Seuil du secret statistique", "Statistical secrecy threshold").into(),
                match lang {
                    Lang::Fr => format!("{} (effectifs de 1 à {} masqués, « s »)", m.min_count, m.min_count - 1),
                    Lang::En => format!("{} (counts from 1 to {} hidden, \"s\")", m.min_count, m.min_count - 1),
                },
            ));
            lines.push((lang.pick("Cellules masquées (secret primaire)", "Cells hidden (primary)").into(), m.primary.to_string()));
            lines.push((lang.pick("Cellules masquées (secret secondaire)", "Cells hidden (secondary)").into(), m.secondary.to_string()));
            lines.push(large_shown_line(m, lang));
            lines.push((lang.pick("Vérification (programmation linéaire)", "Audit (linear programming)").into(), verdict_text(m, lang)));
        }
        None => lines.push((lang.pick("Secret statistique", "Statistical secrecy").into(), lang.pick("non appliqué (usage interne du trio)", "not applied (trio's internal use)").into())),
    }
    let verbatims = if !p.shows(Part::Verbatims) { lang.pick("retirés", "removed") } else { lang.pick("inclus, noms remplacés par des pseudonymes", "included, names replaced by pseudonyms") };
    lines.push((lang.pick("Réponses en texte libre", "Free-text answers").into(), verbatims.into()));
    let register = if !p.shows(Part::Register) { lang.pick("retiré", "removed") } else { lang.pick("pseudonymes, familles ayant donné leur adhésion seulement", "pseudonyms, consenting families only") };
    lines.push((lang.pick("Registre des élèves", "Pupil register").into(), register.into()));
    for (code, fr, en) in PRIVACY_CODES {
        lines.push((format!("{} ({code})", lang.pick(fr, en)), count(&p.week.data.issues, code).to_string()));
    }
    lines
}

/// The same, for summary.json.
pub fn confidentiality_json(p: &Publication<'_>) -> Value {
    let issues = &p.week.data.issues;
    let by_code: serde_json::Map<String, Value> = PRIVACY_CODES.iter().map(|(code, _, _)| (code.to_string(), json!(count(issues, code)))).collect();
    let masked = p.secrecy();
    json!({
        "audience": p.audience_code(),
        "min_count": masked.map(|m| m.min_count),
        "hidden_cells": masked.map_or(0, |m| m.hidden_cells()),
        "hidden_primary": masked.map_or(0, |m| m.primary),
        "hidden_secondary": masked.map_or(0, |m| m.secondary),
        "large_cells": masked.map(|m| m.large),
        "large_cells_shown": masked.map(|m| m.large_shown),
        "large_cells_shown_percent": masked.map(large_share),
        "audit": masked.map(|m| json!({ "verdict": verdict_code(m), "linked_week": m.linked_week })),
        "verbatims": p.shows(Part::Verbatims),
        "register_rows": p.shows(Part::Register),
        "issues": by_code,
    })
}
