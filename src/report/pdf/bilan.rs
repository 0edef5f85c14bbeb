//! `bilan.pdf`: the review as a printable document, in the diagnostic's style.

use super::diagnostic::table;
use super::layout::{Layout, BLUE, INK, MARGIN};
use super::render::render;
use crate::report::bilan::Bilan;
use crate::report::{figure_label, week_label, RenderedChart, Table};

/// The review's PDF.
pub fn bilan_pdf(bilan: &Bilan, weeks: &Table, communes: &Table, charts: &[RenderedChart]) -> Result<Vec<u8>, String> {
    let lang = bilan.lang;
    let (last_week, totals, details) = bilan.last();
    let first = &bilan.weeks[0];
    let mut doc = Layout::default();
    doc.text(MARGIN, 20.0, true, BLUE, lang.pick("Bilan de la cellule de veille", "Review of the watch cell"));
    doc.paragraph("", 8.0, INK);
    doc.paragraph(&format!("{} → {}", week_label(bilan.first_week(), lang), week_label(*last_week, lang)), 12.0, INK);
    doc.heading(lang.pick("En fin de période", "At the end of the period"));
    let mut rows: Vec<(String, String)> = totals
        .named()
        .iter()
        .zip(first.1.named())
        .map(|((k, v), (_, b))| (figure_label(k, lang).to_string(), format!("{v}   ({:+} {})", v - b, lang.pick("sur la période", "over the period"))))
        .collect();
    rows.push((lang.pick("Contacts renoués", "Contacts restored").into(), format!("{}   ({:+} {})", details[0], details[0] - first.2[0], lang.pick("sur la période", "over the period"))));
    doc.key_values(&rows);
    doc.heading(lang.pick("Semaine après semaine", "Week after week"));
    for chart in charts {
        doc.chart(&chart.svg, chart.size);
    }
    doc.heading(lang.pick("Ce que chaque commune a accompli", "What each commune achieved"));
    table(&mut doc, communes, lang);
    doc.heading(lang.pick("Les semaines en chiffres", "The weeks in figures"));
    table(&mut doc, weeks, lang);
    let period = format!("{} – {}", bilan.first_week(), last_week);
    render(&doc.pages, (lang.pick("Bilan de la cellule de veille", "Review of the watch cell"), &period), "veille — bilan")
}
