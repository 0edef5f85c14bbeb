//! The diagnostic as a document, in the order the trio reads it: Synthèse, Questionnaire, Élèves perdus de
//! vue, Prêts, Partenaires and the Répertoire, Couverture, Comparaison des communes, Qualité des données,
//! Confidentialité. The same tables as the workbook; the charts as vectors.

use super::layout::{Layout, TableSpec, CONTENT_WIDTH, GREY, INK};
use super::render::render;
use crate::i18n::Lang;
use crate::report::fonts::text_width;
use crate::report::{confidentiality_lines, figure_label, week_label, RenderedChart, ReportInput, Table, Tables};

/// Column widths from the content: each column gets room for its longest line (capped), scaled to fit.
fn spec<'a>(table: &Table, lang: Lang, widths: &'a mut Vec<f32>, numeric: &'a mut Vec<bool>) -> TableSpec<'a> {
    let headers: Vec<String> = table.labels(lang).iter().map(|s| s.to_string()).collect();
    let rows: Vec<Vec<String>> = table.rows.iter().map(|r| r.iter().map(|v| v.display(lang)).collect()).collect();
    *widths = headers
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let longest = rows.iter().map(|r| text_width(r.get(c).map(String::as_str).unwrap_or(""), 8.0, false)).fold(0.0, f32::max);
            let header = h.split_whitespace().map(|w| text_width(w, 8.0, true)).fold(0.0, f32::max);
            longest.min(170.0).max(header).max(24.0) + 8.0
        })
        .collect();
    // A table much wider than the page is set smaller, down to 6 points.
    let natural: f32 = widths.iter().sum();
    let size = (8.0 * CONTENT_WIDTH / natural).clamp(6.0, 8.0);
    for w in widths.iter_mut() {
        *w *= size / 8.0;
    }
    // Narrow columns (codes, numbers, phones) keep their natural width; the wide ones share the rest.
    let narrow = |w: f32| w <= 80.0;
    let fixed: f32 = widths.iter().copied().filter(|w| narrow(*w)).sum();
    let flexible: f32 = widths.iter().copied().filter(|w| !narrow(*w)).sum();
    let total = fixed + flexible;
    let scale_flexible = if total <= CONTENT_WIDTH || flexible == 0.0 { 1.0 } else { ((CONTENT_WIDTH - fixed).max(CONTENT_WIDTH * 0.3)) / flexible };
    for w in widths.iter_mut() {
        if !narrow(*w) {
            *w *= scale_flexible;
        }
    }
    let total: f32 = widths.iter().sum();
    for w in widths.iter_mut() {
        *w /= total.max(CONTENT_WIDTH * 0.5);
    }
    *numeric = (0..headers.len()).map(|c| table.is_numeric_column(c)).collect();
    TableSpec { headers, rows, widths, numeric, size }
}

pub(super) fn table(doc: &mut Layout, t: &Table, lang: Lang) {
    if t.rows.is_empty() {
        doc.paragraph(lang.pick("(aucune ligne)", "(no row)"), 9.0, GREY);
        return;
    }
    let (mut widths, mut numeric) = (Vec::new(), Vec::new());
    let s = spec(t, lang, &mut widths, &mut numeric);
    doc.table(&s);
}

fn chart(doc: &mut Layout, charts: &[RenderedChart], name: &str) {
    if let Some(c) = charts.iter().find(|c| c.name == name) {
        doc.chart(&c.svg, c.size);
    }
}

fn synthese(doc: &mut Layout, input: &ReportInput<'_>) {
    let lang = input.lang;
    doc.heading(lang.pick("Synthèse", "Summary"));
    let hidden = |k: &str| input.masked.as_ref().is_some_and(|m| m.total_hidden(None, k));
    let before = input.previous.as_ref();
    let rows: Vec<(String, String)> = input
        .aggregates
        .totals
        .named()
        .iter()
        .map(|(key, value)| {
            let shown = if hidden(key) { "s".to_string() } else { value.to_string() };
            let change = match before {
                Some((week, totals)) if !hidden(key) => {
                    let old = totals.named().iter().find(|(k, _)| k == key).map_or(0, |(_, v)| *v);
                    let delta = value - old;
                    match lang {
                        Lang::Fr => format!("   ({delta:+} depuis la semaine {})", week.week()),
                        Lang::En => format!("   ({delta:+} since week {})", week.week()),
                    }
                }
                _ => String::new(),
            };
            (figure_label(key, lang).to_string(), format!("{shown}{change}"))
        })
        .chain(input.restored_line())
        .collect();
    doc.key_values(&rows);
}

fn questionnaire(doc: &mut Layout, input: &ReportInput<'_>, tables: &Tables, charts: &[RenderedChart]) {
    let lang = input.lang;
    doc.heading(lang.pick("Questionnaire de la préfecture", "The prefecture's questionnaire"));
    table(doc, &tables.questions, lang);
    doc.subheading(lang.pick("Matériel déclaré et prêteurs cités (Q3, Q4)", "Devices declared and lenders cited (Q3, Q4)"));
    table(doc, &tables.declared_devices, lang);
    chart(doc, charts, "yes_no_answers");
    chart(doc, charts, "themes_cited");
    if !input.audience.is_restricted() {
        doc.subheading(lang.pick("Quelques réponses (Q6 à Q9)", "Some answers (Q6 to Q9)"));
        let verbatims = input.data.responses.iter().flat_map(|r| [&r.q6_to_amplify, &r.q7_school_support, &r.q8_digital_divide, &r.q9_summer].into_iter().flatten()).take(8);
        for text in verbatims {
            doc.paragraph(&format!("« {text} »"), 9.0, INK);
        }
    }
}

fn lost_contact(doc: &mut Layout, input: &ReportInput<'_>, tables: &Tables, charts: &[RenderedChart]) {
    let lang = input.lang;
    doc.heading(lang.pick("Élèves perdus de vue", "Lost-contact pupils"));
    table(doc, &tables.lost_contact, lang);
    chart(doc, charts, "lost_contact_by_commune");
    doc.subheading(lang.pick("Par collège (questionnaires du collège et registre)", "Per collège (its questionnaires and the register)"));
    match &tables.colleges {
        Some(t) => table(doc, t, lang),
        None => doc.paragraph(lang.pick("Non diffusé pour ce public (effectifs trop fins).", "Not shown to this audience (counts too fine)."), 9.0, GREY),
    }
    chart(doc, charts, "weeks");
}

fn partners(doc: &mut Layout, input: &ReportInput<'_>, tables: &Tables, charts: &[RenderedChart]) {
    let lang = input.lang;
    doc.heading(lang.pick("Partenaires", "Partners"));
    table(doc, &tables.partners, lang);
    chart(doc, charts, "partner_actions_by_status");
    doc.subheading(lang.pick("Répertoire des dispositifs", "Directory of actions"));
    table(doc, &tables.repertoire, lang);
    doc.heading(lang.pick("Couverture des quartiers", "Coverage of neighbourhoods"));
    doc.paragraph(
        lang.pick(
            "Par quartier : les thèmes couverts par une action ouverte, ceux que plusieurs structures proposent au même endroit, et ceux qui n'ont aucune offre.",
            "Per neighbourhood: the themes an open action covers, those several organisations offer in the same place, and those with no offer.",
        ),
        9.0,
        GREY,
    );
    table(doc, &tables.coverage, lang);
}

/// The diagnostic PDF.
pub fn diagnostic_pdf(input: &ReportInput<'_>, tables: &Tables, charts: &[RenderedChart]) -> Result<Vec<u8>, String> {
    let lang = input.lang;
    let mut doc = Layout::default();
    doc.text(super::layout::MARGIN, 20.0, true, super::layout::BLUE, lang.pick("Diagnostic de la cellule de veille", "Diagnostic of the watch cell"));
    doc.paragraph("", 8.0, INK);
    doc.paragraph(&format!("{} — {}", input.place_label(), week_label(input.week, lang)), 12.0, INK);
    doc.paragraph(&format!("{} : {}", lang.pick("Public", "Audience"), input.audience.label(lang)), 9.0, GREY);
    synthese(&mut doc, input);
    questionnaire(&mut doc, input, tables, charts);
    lost_contact(&mut doc, input, tables, charts);
    doc.heading(lang.pick("Prêts de matériel", "Device loans"));
    table(&mut doc, &tables.loans, lang);
    chart(&mut doc, charts, "loans_by_lender");
    partners(&mut doc, input, tables, charts);
    if let Some(t) = &tables.comparison {
        doc.heading(lang.pick("Comparaison des communes", "Communes compared"));
        table(&mut doc, t, lang);
        chart(&mut doc, charts, "communes_ranked");
    }
    doc.heading(lang.pick("Qualité des données", "Data quality"));
    table(&mut doc, &tables.intake, lang);
    doc.subheading(lang.pick("Problèmes relevés, par code (détail dans data/issues.csv)", "Issues found, by code (details in data/issues.csv)"));
    table(&mut doc, &tables.issues_by_code, lang);
    doc.subheading(lang.pick(
        "Colonnes à vérifier : en-têtes compris par leurs mots ou leurs valeurs, ou non lus (toutes les colonnes dans le classeur et data/columns.csv)",
        "Columns to check: headers understood by their words or values, or not read (every column in the workbook and data/columns.csv)",
    ));
    table(&mut doc, &tables.columns_to_check, lang);
    doc.heading(lang.pick("Confidentialité", "Confidentiality"));
    doc.key_values(&confidentiality_lines(input));
    let header = (lang.pick("Cellule de veille pour la continuité éducative", "Educational continuity watch cell"), format!("{} — {}", input.place_label(), input.week));
    render(&doc.pages, (header.0, &header.1), lang.pick("veille — diagnostic hebdomadaire", "veille — weekly diagnostic"))
}
