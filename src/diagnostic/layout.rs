//! The sections of the diagnostic, in the order the trio reads it: Synthèse, Questionnaire, Élèves perdus
//! de vue (and per collège), Prêts, Partenaires (and the Répertoire), Couverture, Comparaison des
//! communes, Réponses, Qualité des données, Suivi des élèves, Confidentialité.

use super::{charts, sections as s, tables};
use crate::aggregate::Figure;
use crate::document::{Block, FigureLine, FigureList, Medium, Section, TextStyle, Value, TOP};
use crate::i18n::Lang;
use crate::privacy::{Part, Publication};

/// Every section of the diagnostic of `p`.
pub fn sections(p: &Publication<'_>, lang: Lang) -> Vec<Section> {
    let mut all = vec![synthese(p, lang), questionnaire(p, lang), lost_contact(p, lang), colleges(p, lang)];
    all.extend([loans(p, lang), partners(p, lang), repertoire(p, lang), coverage(p, lang)]);
    if p.week.aggregates.communes.len() > 1 {
        all.push(comparison(p, lang));
    }
    let answers = tables::answers_table(&p.week.end.responses, p.shows(Part::Verbatims));
    all.push(section(lang.pick("Réponses aux questionnaires", "Questionnaire answers"), lang.pick("Réponses", "Answers"), vec![Block::table(answers)]).workbook_only());
    all.push(quality(p, lang));
    if p.shows(Part::Register) {
        let register = tables::register_table(&p.week.end.register, lang);
        let title = lang.pick("Élèves suivis (familles ayant donné leur adhésion)", "Pupils followed (consenting families)");
        all.push(section(title, lang.pick("Suivi des élèves", "Pupils followed"), vec![Block::table(register)]).workbook_only());
    }
    let privacy = vec![Block::Pairs(super::confidentiality_lines(p, lang))];
    all.push(section(lang.pick("Confidentialité", "Confidentiality"), lang.pick("Confidentialité", "Confidentiality"), privacy));
    all
}

fn section(title: &str, sheet: &str, blocks: Vec<Block>) -> Section {
    let mut section = Section::new(title, sheet);
    section.blocks = blocks;
    section
}

/// Past 20 communes the PDF keeps the per-commune totals; the finer tables stay in the workbook and the CSV.
fn too_many_communes(p: &Publication<'_>) -> bool {
    p.week.aggregates.communes.len() > TOP
}

/// Where the PDF sends its reader for a table it leaves out.
fn elsewhere(lang: Lang, csv: Option<&str>) -> Block {
    let text = match (lang, csv) {
        (Lang::Fr, Some(csv)) => format!("Le détail par commune est dans le classeur (diagnostic.xlsx) et dans data/{csv}.csv."),
        (Lang::En, Some(csv)) => format!("The detail per commune is in the workbook (diagnostic.xlsx) and in data/{csv}.csv."),
        (Lang::Fr, None) => "Le tableau complet est dans le classeur (diagnostic.xlsx).".to_string(),
        (Lang::En, None) => "The whole table is in the workbook (diagnostic.xlsx).".to_string(),
    };
    Block::note(text).only(Medium::PaperOnly)
}

/// A table that the PDF leaves to the workbook (and `csv`, when it is one of the contract's) past 20 communes.
fn detail_table(p: &Publication<'_>, lang: Lang, table: crate::document::Table, csv: Option<&str>) -> Vec<Block> {
    if too_many_communes(p) {
        vec![Block::table(table).only(Medium::WorkbookOnly), elsewhere(lang, csv)]
    } else {
        vec![Block::table(table)]
    }
}

fn synthese(p: &Publication<'_>, lang: Lang) -> Section {
    let change = p.change();
    let mut lines: Vec<FigureLine> = Figure::ALL
        .iter()
        .map(|&f| FigureLine { label: f.label(lang).into(), value: p.total(f).map_or(Value::Hidden, Value::Int), change: change.and_then(|c| c.deltas[f as usize]) })
        .collect();
    if let Some((now, delta)) = p.restored() {
        lines.push(FigureLine { label: lang.pick("Contacts renoués (registre)", "Contacts restored (register)").into(), value: Value::Int(now), change: delta });
    }
    let change = change.map(|c| match lang {
        Lang::Fr => (format!("Évolution depuis la semaine {}", c.since.week()), format!("depuis la semaine {}", c.since.week())),
        Lang::En => (format!("Change since week {}", c.since.week()), format!("since week {}", c.since.week())),
    });
    let headers = (lang.pick("Indicateur", "Figure").to_string(), lang.pick("Valeur", "Value").to_string());
    section(lang.pick("Synthèse", "Summary"), lang.pick("Synthèse", "Summary"), vec![Block::Figures(FigureList { headers, change, lines })])
}

fn questionnaire(p: &Publication<'_>, lang: Lang) -> Section {
    let week = p.week;
    let mut blocks = vec![
        Block::table(s::questions_table(week, lang)),
        Block::titled(lang.pick("Matériel déclaré et prêteurs cités (Q3, Q4)", "Devices declared and lenders cited (Q3, Q4)"), s::declared_devices_table(week, lang)),
        Block::Chart(charts::yes_no(week, lang)),
        Block::Chart(charts::themes(week, lang)),
    ];
    if p.shows(Part::Verbatims) {
        let heading = lang.pick("Quelques réponses (Q6 à Q9)", "Some answers (Q6 to Q9)");
        blocks.push(Block::Text { text: heading.into(), style: TextStyle::Heading, medium: Medium::PaperOnly });
        let texts = week.end.responses.iter().flat_map(|r| [&r.q6_to_amplify, &r.q7_school_support, &r.q8_digital_divide, &r.q9_summer].into_iter().flatten());
        blocks.extend(texts.take(8).map(|t| Block::Text { text: format!("« {t} »"), style: TextStyle::Quote, medium: Medium::PaperOnly }));
    }
    section(lang.pick("Questionnaire de la préfecture", "The prefecture's questionnaire"), lang.pick("Questionnaire", "Questionnaire"), blocks)
}

fn lost_contact(p: &Publication<'_>, lang: Lang) -> Section {
    let mut blocks = vec![Block::table(tables::lost_contact_table(p)), Block::Chart(charts::lost_contact(p, lang))];
    blocks.extend(charts::maps(p, lang));
    if let Some(weeks) = p.trend() {
        blocks.push(Block::Chart(charts::trend(&weeks, lang)));
    }
    section(lang.pick("Élèves perdus de vue", "Lost-contact pupils"), lang.pick("Perdus de vue", "Lost contact"), blocks)
}

fn colleges(p: &Publication<'_>, lang: Lang) -> Section {
    let title = lang.pick("Par collège (questionnaires du collège et registre)", "Per collège (its questionnaires and the register)");
    if p.shows(Part::Colleges) {
        return section(title, lang.pick("Collèges", "Collèges"), vec![Block::table(s::colleges_table(p.week, lang))]).under_previous();
    }
    let note = Block::note(lang.pick("Non diffusé pour ce public (effectifs trop fins).", "Not shown to this audience (counts too fine)."));
    section(title, "", vec![note]).paper_only().under_previous()
}

fn loans(p: &Publication<'_>, lang: Lang) -> Section {
    let mut blocks = detail_table(p, lang, tables::loans_table(p), Some("loans_by_commune"));
    if p.shows(Part::LoansByLender) {
        blocks.push(Block::Chart(charts::loans(p.week, lang)));
    }
    section(lang.pick("Prêts de matériel", "Device loans"), lang.pick("Prêts", "Loans"), blocks)
}

fn partners(p: &Publication<'_>, lang: Lang) -> Section {
    let mut blocks = detail_table(p, lang, tables::partners_table(&p.week.aggregates), Some("partners_by_commune"));
    blocks.push(Block::Chart(charts::partners(p.week, lang)));
    section(lang.pick("Partenaires", "Partners"), lang.pick("Partenaires", "Partners"), blocks)
}

fn repertoire(p: &Publication<'_>, lang: Lang) -> Section {
    let blocks = detail_table(p, lang, s::repertoire_table(p.week, lang), None);
    section(lang.pick("Répertoire des dispositifs", "Directory of actions"), lang.pick("Répertoire", "Directory"), blocks).under_previous()
}

fn coverage(p: &Publication<'_>, lang: Lang) -> Section {
    let what = lang.pick(
        "Par quartier : les thèmes couverts par une action ouverte, ceux que plusieurs structures proposent au même endroit, et ceux qui n'ont aucune offre.",
        "Per neighbourhood: the themes an open action covers, those several organisations offer in the same place, and those with no offer.",
    );
    let mut blocks = vec![Block::note(what).only(Medium::PaperOnly)];
    blocks.extend(detail_table(p, lang, s::coverage_table(p.week, lang), None));
    section(lang.pick("Couverture des quartiers", "Coverage of neighbourhoods"), lang.pick("Couverture", "Coverage"), blocks)
}

fn comparison(p: &Publication<'_>, lang: Lang) -> Section {
    let blocks = vec![Block::table(s::comparison_table(p)), Block::Chart(charts::ranking(p, lang))];
    section(lang.pick("Comparaison des communes", "Communes compared"), lang.pick("Comparaison", "Comparison"), blocks)
}

/// Past this many lines, the PDF sums a quality table up and leaves the detail to the workbook and the CSV.
const PAPER_LINES: usize = 40;

fn quality(p: &Publication<'_>, lang: Lang) -> Section {
    let data = p.week.data;
    let columns = |noteworthy| crate::validation::columns_table(&data.columns, lang, noteworthy);
    let intake = tables::intake_table(&data.intake);
    let mut blocks = if intake.rows.len() > PAPER_LINES {
        let title = lang.pick("Fichiers lus, par type (détail dans le classeur et data/intake.csv)", "Files read, by kind (details in the workbook and data/intake.csv)");
        vec![Block::table(intake).only(Medium::WorkbookOnly), Block::titled(title, tables::intake_by_kind(&data.intake)).only(Medium::PaperOnly)]
    } else {
        vec![Block::table(intake)]
    };
    blocks.push(Block::titled(lang.pick("Problèmes relevés, par code (détail dans data/issues.csv)", "Issues found, by code (details in data/issues.csv)"), s::issues_by_code_table(&data.issues)));
    blocks.push(Block::titled(lang.pick("Colonnes lues : chaque en-tête, le champ compris et pourquoi", "Columns read: each header, the field understood and why"), columns(false)).only(Medium::WorkbookOnly));
    let to_check = columns(true);
    if to_check.rows.len() > PAPER_LINES {
        let text = match lang {
            Lang::Fr => format!("{} colonnes à vérifier (comprises par leurs mots ou leurs valeurs, ou non lues) : voir le classeur et data/columns.csv.", to_check.rows.len()),
            Lang::En => format!("{} columns to check (understood by their words or values, or not read): see the workbook and data/columns.csv.", to_check.rows.len()),
        };
        blocks.push(Block::note(text).only(Medium::PaperOnly));
    } else {
        let title = lang.pick(
            "Colonnes à vérifier : en-têtes compris par leurs mots ou leurs valeurs, ou non lus (toutes les colonnes dans le classeur et data/columns.csv)",
            "Columns to check: headers understood by their words or values, or not read (every column in the workbook and data/columns.csv)",
        );
        blocks.push(Block::titled(title, to_check).only(Medium::PaperOnly));
    }
    blocks.push(Block::titled(lang.pick("Problèmes relevés", "Issues found"), tables::issues_table(&data.issues, lang)).only(Medium::WorkbookOnly));
    section(lang.pick("Qualité des données", "Data quality"), lang.pick("Qualité des données", "Data quality"), blocks)
}
