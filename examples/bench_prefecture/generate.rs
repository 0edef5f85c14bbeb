//! The synthetic prefecture set: 194 real Essonne communes (from the embedded reference), one workbook of
//! 1,000,000 loan rows written in constant-memory mode, 2,000 questionnaire files and a register of 20,000
//! pupils. Every name is made up by combining the short lists below; the generator is deterministic.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::Path;
use veille::reference::{Commune, Reference};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const FIRST: [&str; 24] = [
    "Lina", "Yanis", "Inès", "Noah", "Sarah", "Adam", "Chloé", "Malik", "Emma", "Jules", "Léo", "Jade",
    "Hugo", "Louise", "Nassim", "Alice", "Rayan", "Manon", "Ibrahim", "Zoé", "Théo", "Aya", "Sacha", "Mila",
];
const LAST: [&str; 24] = [
    "Moreau", "Bertin", "Carpentier", "Lefebvre", "Benali", "Rousseau", "Garnier", "Fontaine", "Petit",
    "Perrin", "Marchand", "Robin", "Lambert", "Diallo", "Traoré", "Mercier", "Girard", "Bonnet", "Dupuis",
    "Lemoine", "Chevalier", "Faure", "Roche", "Vidal",
];
const LENDERS: [&str; 9] = ["CD91", "Conseil départemental", "Ville", "Mairie", "Caisse des écoles", "Collège", "Rectorat", "Association", "Département"];
const DEVICES: [&str; 7] = ["Tablette", "tablette", "Ordinateur portable", "PC", "clé 4G", "ordinateur", "Box internet"];
const LEVELS: [&str; 4] = ["6e", "5e", "4e", "3e"];
const STATUSES: [&str; 6] = ["signalé", "en cours", "Contact renoué", "sans contact", "clos", "renoué"];

/// A small deterministic generator (64-bit LCG), so every run writes the same files.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

/// The communes of Essonne in the reference, with the UAIs of their collèges.
pub struct Territory {
    pub communes: Vec<Commune>,
    colleges: Vec<Vec<String>>,
}

impl Territory {
    pub fn essonne() -> Territory {
        let reference = Reference::get();
        let communes: Vec<Commune> = reference.communes().iter().filter(|c| c.departement() == "91").cloned().collect();
        let colleges = communes
            .iter()
            .map(|c| reference.colleges().filter(|s| s.insee == c.insee).map(|s| s.uai.as_str().to_string()).collect())
            .collect();
        Territory { communes, colleges }
    }

    /// The commune as people write it: its name, upper-cased, or its INSEE code.
    fn commune_text(&self, i: usize, style: usize) -> String {
        let c = &self.communes[i];
        match style % 3 {
            0 => c.name.clone(),
            1 => c.name.to_uppercase(),
            _ => c.insee.as_str().to_string(),
        }
    }

    fn school(&self, i: usize, rng: &mut Lcg) -> Option<String> {
        let list = &self.colleges[i];
        (!list.is_empty()).then(|| list[rng.below(list.len())].clone())
    }
}

/// A made-up pupil name, one of 24 × 24 × 24 = 13,824 (first name, family name, second family name).
fn person(n: usize) -> String {
    format!("{} {}-{}", FIRST[n % 24], LAST[(n / 24) % 24], LAST[(n / 576) % 24])
}

fn day(offset: usize) -> std::result::Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    // 2020-03-16 (the first Monday of the closure) plus `offset` days.
    let start = chrono::NaiveDate::from_ymd_opt(2020, 3, 16).unwrap_or_default();
    let date = start + chrono::Days::new(offset as u64);
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

fn header(ws: &mut Worksheet, row: u32, names: &[&str]) -> Result<()> {
    for (c, h) in names.iter().enumerate() {
        ws.write_string(row, c as u16, *h)?;
    }
    Ok(())
}

/// One workbook of `rows` loan rows, streamed to disk as it is written.
pub fn loans(path: &Path, territory: &Territory, rows: u32) -> Result<()> {
    let mut wb = Workbook::new();
    let dates = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name("Prêts")?;
    ws.write_string(0, 0, "Prêts de matériel informatique – Essonne")?;
    header(ws, 2, &["Date du prêt", "Date de retour", "Prêteur", "Matériel", "Quantité", "Bénéficiaire", "Établissement", "Niveau", "Commune"])?;
    let mut rng = Lcg::new(15);
    for r in 0..rows {
        let row = r + 3;
        let commune = rng.below(territory.communes.len());
        let lent = rng.below(100);
        ws.write_datetime_with_format(row, 0, day(lent)?, &dates)?;
        if rng.below(3) == 0 {
            ws.write_datetime_with_format(row, 1, day(lent + 1 + rng.below(20))?, &dates)?;
        }
        ws.write_string(row, 2, rng.pick(&LENDERS))?;
        ws.write_string(row, 3, rng.pick(&DEVICES))?;
        ws.write_number(row, 4, (1 + rng.below(3)) as f64)?;
        ws.write_string(row, 5, person(rng.below(13_824)))?;
        if let Some(uai) = territory.school(commune, &mut rng) {
            ws.write_string(row, 6, uai)?;
        }
        ws.write_string(row, 7, rng.pick(&LEVELS))?;
        ws.write_string(row, 8, territory.commune_text(commune, rng.below(3)))?;
    }
    wb.save(path)?;
    Ok(())
}

const QUESTIONS: [&str; 16] = [
    "Date de retour", "Commune", "Structure", "Fonction", "Q1 Travail commun", "Lequel ?", "Q2 Accompagnements proposés",
    "Q3 Matériel prêté", "Par qui ?", "Q4 Quantité", "Q5 Élèves sans réponse", "Quels élèves ?", "Q6 Actions à amplifier",
    "Q7 Projets soutien scolaire", "Q8 Projets fracture numérique", "Q9 Activités été",
];

/// One questionnaire file: the header and one returned questionnaire.
fn questionnaire(path: &Path, territory: &Territory, n: usize) -> Result<()> {
    let mut rng = Lcg::new(n as u64 + 7);
    let mut wb = Workbook::new();
    let dates = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Questionnaire")?;
    header(ws, 0, &QUESTIONS)?;
    let commune = n % territory.communes.len();
    ws.write_datetime_with_format(1, 0, day(50 + rng.below(50))?, &dates)?;
    ws.write_string(1, 1, territory.commune_text(commune, n))?;
    ws.write_string(1, 2, format!("{} {}", ["MJC", "CCAS", "Collège", "Association", "Centre social"][n % 5], n))?;
    ws.write_string(1, 3, ["Coordinatrice", "Directeur", "CPE", "Animateur"][n % 4])?;
    let lent = rng.below(2) == 0;
    let texts = [
        (4, if lent { "oui" } else { "non" }),
        (5, "Aide aux devoirs avec le collège"),
        (6, "Appels aux familles, fiches papier"),
        (7, if lent { "oui" } else { "non" }),
        (11, "6e et 5e"),
        (12, "Soutien scolaire en petits groupes"),
        (13, "Stages de réussite"),
        (14, "Prêt de clés 4G"),
        (15, "Séjours et sorties culturelles"),
    ];
    for (c, t) in texts {
        ws.write_string(1, c, t)?;
    }
    if lent {
        ws.write_string(1, 8, rng.pick(&LENDERS))?;
        ws.write_string(1, 9, format!("{} tablettes et {} ordinateurs", 1 + rng.below(20), rng.below(5)))?;
    }
    match rng.below(3) {
        0 => ws.write_number(1, 10, rng.below(30) as f64)?,
        1 => ws.write_string(1, 10, "une dizaine")?,
        _ => ws.write_string(1, 10, "entre 5 et 8")?,
    };
    wb.save(path)?;
    Ok(())
}

pub fn questionnaires(dir: &Path, territory: &Territory, files: usize) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for n in 0..files {
        questionnaire(&dir.join(format!("questionnaire-{n:04}.xlsx")), territory, n)?;
    }
    Ok(())
}

/// The lost-contact register: one row per pupil.
pub fn register(path: &Path, territory: &Territory, pupils: usize) -> Result<()> {
    let mut wb = Workbook::new();
    let dates = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Registre")?;
    header(ws, 0, &["Élève", "Établissement", "Niveau", "Commune", "Date de signalement", "Adhésion de la famille", "Référent", "Statut", "Date de clôture", "Commentaire"])?;
    let mut rng = Lcg::new(18);
    for p in 0..pupils {
        let row = p as u32 + 1;
        let commune = rng.below(territory.communes.len());
        // Pupils 13,824 and over get a number after the name, so all 20,000 are distinct.
        let name = if p < 13_824 { person(p) } else { format!("{} {}", person(p), p / 13_824 + 1) };
        ws.write_string(row, 0, name)?;
        if let Some(uai) = territory.school(commune, &mut rng) {
            ws.write_string(row, 1, uai)?;
        }
        ws.write_string(row, 2, rng.pick(&LEVELS))?;
        ws.write_string(row, 3, territory.commune_text(commune, p))?;
        ws.write_datetime_with_format(row, 4, day(rng.below(100))?, &dates)?;
        ws.write_string(row, 5, if rng.below(5) == 0 { "non" } else { "oui" })?;
        ws.write_string(row, 7, rng.pick(&STATUSES))?;
    }
    wb.save(path)?;
    Ok(())
}
