//! Writes `sample_data/`: a synthetic, multi-week data set for Viry-Châtillon (91687), Grigny (91286) and
//! Juvisy-sur-Orge (91326), weeks 2020-W19 to 2020-W22. Every person in it is invented.
//!
//! Run: `cargo run --release --example make_sample_data [-- OUT_DIR]` (default `sample_data`).
//! The golden test `tests/golden_sample.rs` works its expected figures out from the rows below.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const Q1: &str = "Les partenaires ont-ils pu réaliser un travail commun pour maintenir la continuité éducative ?";
const Q2: &str = "Quels accompagnements ont été proposés aux élèves en difficulté ?";
const Q3: &str = "Du matériel informatique a-t-il été prêté ?";
const Q4: &str = "En quelle quantité ?";
const Q5: &str = "Combien d'élèves n'ont pas répondu aux sollicitations ?";
const Q6: &str = "Quelles actions remarquables méritent d'être amplifiées ?";
const Q7: &str = "Quels projets doivent être financés rapidement pour le soutien scolaire ?";
const Q8: &str = "Quels projets visant à réduire la fracture numérique doivent être financés rapidement ?";
const Q9: &str = "Quelles activités éducatives, sportives et culturelles sont envisagées durant l'été ?";

/// Google Forms export: every field quoted, `2020/05/05 9:14:00 AM UTC+2` timestamps.
fn google_forms_csv(path: &Path) -> Result<()> {
    let header = ["Horodateur", "Adresse e-mail", "Commune", "Structure", "Fonction", Q1, "Si oui, lequel ?", Q2, Q3, "Par qui ?", Q4, Q5, "Quels élèves ?", Q6, Q7, Q8, Q9];
    let rows: [[&str; 17]; 7] = [
        ["2020/05/05 9:14:00 AM UTC+2", "mjc.viry@exemple.fr", "Viry-Châtillon", "MJC Aimé Césaire", "Coordinatrice", "Oui", "Aide aux devoirs par téléphone avec le collège", "Appels hebdomadaires aux familles, fiches papier", "Oui", "Ville;Conseil départemental", "12 tablettes et 3 ordinateurs", "8", "6e et 5e, collège Les Sablons", "Distribution de fiches imprimées", "Soutien scolaire en petits groupes", "Prêt de clés 4G", "Séjours et sorties culturelles"],
        ["2020/05/12 2:30:00 PM UTC+2", "ccas@exemple.fr", "91170", "CCAS de Viry-Châtillon", "Directeur", "Oui", "Colis alimentaires et appels", "Orientation vers l'aide aux devoirs", "Non", "", "", "une quinzaine", "plusieurs niveaux", "Colis alimentaires", "", "Équipement numérique des familles", "Centre de loisirs"],
        ["2020/05/13 10:05:00 AM UTC+2", "clg.neruda@exemple.fr", "Grigny", "Collège Pablo Neruda", "Principal adjoint", "Oui", "Continuité pédagogique avec la MJC", "Tutorat à distance", "Oui", "Collège;Département", "20 tablettes", "12", "4e et 3e", "Tutorat", "Stages de réussite", "Clés 4G", "Vacances apprenantes"],
        ["2020/05/19 11:45:00 AM UTC+2", "asso.grigny@exemple.fr", "GRIGNY", "Association Les Ailes", "Animateur", "Non", "", "Accueil en petits groupes", "Non", "", "", "aucun", "", "", "", "", "Activités sportives"],
        ["2020/05/20 4:10:00 PM UTC+2", "mjc.juvisy@exemple.fr", "Juvisy-sur-Orge", "MJC de Juvisy", "Coordinateur", "Oui", "Ateliers numériques", "Aide aux devoirs en visio", "Oui", "Association", "5 ordinateurs portables", "3 en 6e et 2 en 5e", "6e, 5e", "Ateliers", "Aide aux devoirs", "Formation des parents au numérique", "Colonies"],
        ["2020/05/27 9:00:00 AM UTC+2", "pre@exemple.fr", "Viry Chatillon", "Programme de réussite éducative", "Référente", "Oui", "Suivi partagé des familles", "Accompagnement individualisé", "Oui", "Caisse des écoles", "10 tablettes", "entre 10 et 15", "collèges Les Sablons et Olivier de Serres", "Suivi individualisé", "Soutien scolaire", "Imprimantes pour les familles", "Vacances apprenantes"],
        ["2020/05/28 10:00:00 AM UTC+2", "", "Paris", "Association Horizon", "", "Oui", "", "", "Non", "", "", "3", "", "", "", "", ""],
    ];
    let mut w = csv::WriterBuilder::new().quote_style(csv::QuoteStyle::Always).from_path(path)?;
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    w.flush()?;
    Ok(())
}

fn date(y: i32, m: u8, d: u8) -> std::result::Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(y as u16, m, d)
}

/// A cell value of the sample workbooks: text, a real date cell, or a number.
enum V {
    T(&'static str),
    D(u8, u8),
    N(f64),
    E,
}

fn write_rows(ws: &mut Worksheet, top: u32, rows: &[Vec<V>], date_format: &Format) -> Result<()> {
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (top + r as u32, c as u16);
            match v {
                V::T(t) => {
                    ws.write_string(r, c, *t)?;
                }
                V::D(d, m) => {
                    ws.write_datetime_with_format(r, c, date(2020, *m, *d)?, date_format)?;
                }
                V::N(n) => {
                    ws.write_number(r, c, *n)?;
                }
                V::E => {}
            }
        }
    }
    Ok(())
}

/// A sheet with title rows, a blank row, the header; returns it with the row where data starts.
fn sheet<'a>(wb: &'a mut Workbook, name: &str, titles: &[&str], header: &[&str]) -> Result<(&'a mut Worksheet, u32)> {
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    for (i, t) in titles.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, *t, &bold)?;
    }
    let top = titles.len() as u32 + usize::from(!titles.is_empty()) as u32;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *h, &bold)?;
        ws.set_column_width(c as u16, 18)?;
    }
    Ok((ws, top + 1))
}

/// Questionnaires typed in by the trio for Viry-Châtillon: no commune column (the title names it).
fn questionnaires_xlsx(path: &Path, df: &Format) -> Result<()> {
    use V::*;
    let mut wb = Workbook::new();
    let header = ["Date de retour", "Structure", "Fonction", "Q1 Travail commun", "Lequel ?", "Q2 Accompagnements proposés", "Q3 Matériel prêté", "Par qui ?", "Q4 Quantité", "Q5 Élèves sans réponse", "Quels élèves ?", "Q6 Actions à amplifier", "Q7 Projets soutien scolaire", "Q8 Projets fracture numérique", "Q9 Activités été"];
    let (ws, top) = sheet(&mut wb, "Questionnaires", &["Questionnaires reçus – Viry-Châtillon"], &header)?;
    let rows = vec![
        vec![D(7, 5), T("Collège Les Sablons"), T("Principal"), T("oui"), T("Réunions avec la MJC"), T("Cours en ligne et appels"), T("oui"), T("Collège"), T("15 tablettes"), N(20.0), T("3e"), T("Classes virtuelles"), T("Aide aux devoirs"), T("Connexion des familles"), T("Stages de réussite")],
        vec![D(14, 5), T("Collège Olivier de Serres"), T("CPE"), T("oui"), T("Suivi commun des familles"), T("Appels aux familles"), T("non"), E, E, N(9.0), T("4e"), E, E, E, T("Sorties sportives")],
        vec![],
        vec![D(26, 5), T("Centre social Les Horizons"), T("Animatrice"), T("non"), E, T("Colis et écoute"), T("non"), E, E, T("je ne sais pas"), E, E, E, E, T("Ateliers théâtre")],
    ];
    write_rows(ws, top, &rows, df)?;
    wb.save(path)?;
    Ok(())
}

/// The lost-contact register of the Éducation nationale (all three communes).
fn register_xlsx(path: &Path, df: &Format) -> Result<()> {
    use V::*;
    let mut wb = Workbook::new();
    let header = ["Élève", "Établissement", "Niveau", "Commune", "Date de signalement", "Adhésion de la famille", "Référent", "Statut", "Date de clôture", "Commentaire"];
    let (ws, top) = sheet(&mut wb, "Registre", &["Tableau de bord – élèves perdus de vue (Éducation nationale)"], &header)?;
    let rows = vec![
        vec![T("Lina Moreau"), T("0910971L"), T("6e"), T("Viry-Châtillon"), D(6, 5), T("oui"), T("CPE Sablons"), T("Contact renoué"), E, T("Famille rappelée, travail repris")],
        vec![T("Yanis Bertin"), T("Collège Les Sablons"), T("5e"), E, D(6, 5), T("oui"), E, T("en cours"), E, E],
        vec![T("Inès Carpentier"), T("0910056S"), T("4e"), T("91687"), D(11, 5), T("non"), E, T("sans contact"), E, E],
        vec![T("Noah Lefebvre"), T("0910056S"), T("3e"), T("Viry-Châtillon"), D(12, 5), T("oui"), E, T("clos"), D(22, 5), T("Suivi terminé")],
        vec![T("Sarah Benali"), T("Collège Pablo Neruda"), T("6e"), T("Grigny"), D(13, 5), T("oui"), E, T("signalé"), E, E],
        vec![T("Adam Rousseau"), T("0911036G"), T("4e"), T("Grigny"), D(18, 5), E, E, T("sans contact"), E, E],
        vec![T("Chloé Garnier"), T("0911253T"), T("3e"), T("Grigny"), D(19, 5), T("oui"), E, T("renoué"), E, E],
        vec![T("BERTIN Yanis"), T("Collège Les Sablons"), T("5e"), T("Viry-Châtillon"), D(25, 5), T("oui"), E, T("Contact rétabli"), E, E],
        vec![T("Malik Fontaine"), T("0911028Y"), T("5e"), T("Juvisy-sur-Orge"), D(20, 5), T("oui"), E, T("en cours"), E, E],
        vec![T("Emma Petit"), T("0910060W"), T("6e"), T("Viry-Châtillon"), D(27, 5), T("oui"), E, T("signalé"), E, E],
        vec![E, T("0910971L"), T("4e"), T("Viry"), D(28, 5), T("oui"), E, T("signalé"), E, E],
    ];
    write_rows(ws, top, &rows, df)?;
    wb.save(path)?;
    Ok(())
}

/// Viry-Châtillon's cumulative loan list, with a blank row and a TOTAL row at the bottom.
fn loans_viry_xlsx(path: &Path, df: &Format) -> Result<()> {
    use V::*;
    let mut wb = Workbook::new();
    let header = ["Date du prêt", "Date de retour", "Prêteur", "Matériel", "Quantité", "Bénéficiaire", "Établissement", "Niveau"];
    let (ws, top) = sheet(&mut wb, "Prêts", &["Prêts de matériel informatique – Viry-Châtillon", "Mise à jour du 29/05/2020"], &header)?;
    let rows = vec![
        vec![D(5, 5), E, T("CD91"), T("Tablette"), N(1.0), T("Lina Moreau"), T("0910971L"), T("6e")],
        vec![D(5, 5), D(20, 5), T("Ville"), T("Ordinateur portable"), N(1.0), T("Yanis Bertin"), T("Collège Les Sablons"), T("5e")],
        vec![D(7, 5), E, T("Caisse des écoles"), T("clé 4G"), N(2.0), T("Famille Diallo"), T("0910056S"), T("4e")],
        vec![D(12, 5), E, T("Conseil départemental"), T("tablette"), N(3.0), T("Inès Carpentier"), T("0910056S"), T("4e")],
        vec![D(14, 5), D(28, 5), T("Collège Les Sablons"), T("PC"), N(1.0), T("Noah Lefebvre"), T("0910971L"), T("3e")],
        vec![D(19, 5), E, T("Mairie"), T("ordinateur"), N(2.0), T("Emma Petit"), T("0910060W"), T("6e")],
        vec![D(26, 5), E, T("Département"), T("Tablettes"), N(2.0), T("Jules Perrin"), T("0910060W"), T("5e")],
        vec![D(27, 5), E, T("Rectorat"), T("ordinateur portable"), N(1.0), T("Léo Marchand"), T("0910060W"), T("5e")],
        vec![E, E, T("CD91"), T("Tablette"), N(1.0), T("Jade Robin"), T("0910971L"), T("6e")],
        vec![],
        vec![T("TOTAL"), E, E, E, N(13.0)],
    ];
    write_rows(ws, top, &rows, df)?;
    wb.save(path)?;
    Ok(())
}

/// Grigny's loan list as French Excel saves CSV: `;`, Windows-1252, dd/mm/yyyy.
fn loans_grigny_csv(path: &Path) -> Result<()> {
    let text = "Date prêt;Date retour;Prêteur;Matériel;Qté;Nom de l'élève;Etablissement;Classe;Commune\r\n\
11/05/2020;;Conseil départemental;Tablette;2;Sarah Benali;Collège Pablo Neruda;6e;Grigny\r\n\
13/05/2020;;Collège;Ordinateur;1;Adam Rousseau;0911036G;4e;91350\r\n\
18/05/2020;25/05/2020;Ville de Grigny;Clé 4G;1;Chloé Garnier;0911253T;3e;Grigny\r\n\
22/05/2020;;CD91;tablette;4;Famille Traoré;;;Grigny\r\n\
28/05/2020;;Emmaüs Connect;ordinateur;2;Hugo Lambert;;;Grigny\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return Err("sample text not representable in Windows-1252".into());
    }
    std::fs::write(path, &bytes)?;
    Ok(())
}

const PARTNER_HEADER: [&str; 11] = ["Structure", "Action", "Thématique", "Public", "Quartier", "Contact", "Téléphone", "Courriel", "Statut", "Modalités", "Mise à jour"];

/// Viry-Châtillon's availability sheets: one sheet per update, the date in the title rows.
fn partners_viry_xlsx(path: &Path, df: &Format) -> Result<()> {
    use V::*;
    let mut wb = Workbook::new();
    let (ws, top) = sheet(&mut wb, "S20", &["Cellule de veille – Viry-Châtillon", "Mise à jour du 12/05/2020"], &PARTNER_HEADER)?;
    let s20 = vec![
        vec![T("MJC Aimé Césaire"), T("Aide aux devoirs"), T("Soutien scolaire"), T("Collégiens"), T("Centre-ville"), T("Accueil MJC"), T("01 69 12 34 56"), T("mjc@exemple.fr"), T("À distance"), T("Par téléphone, lundi et jeudi"), E],
        vec![T("CCAS"), T("Colis alimentaires"), T("Alimentaire"), T("Familles"), T("Plateau"), E, T("0169123457"), E, T("Présentiel"), T("Sur rendez-vous"), E],
        vec![T("Médiathèque"), T("Portage de livres"), T("Lecture"), T("Tous publics"), T("Centre-ville"), E, E, E, T("Suspendu"), E, E],
        vec![T("Association Les Petits Débrouillards"), T("Ateliers sciences"), T("Culture"), T("8-12 ans"), T("Grand Vaux"), E, E, E, T("Suspendu"), E, E],
    ];
    write_rows(ws, top, &s20, df)?;
    let (ws, top) = sheet(&mut wb, "S22", &["Cellule de veille – Viry-Châtillon", "Mise à jour du 26/05/2020"], &PARTNER_HEADER)?;
    let s22 = vec![
        vec![T("MJC Aimé Césaire"), T("Aide aux devoirs"), T("Soutien scolaire"), T("Collégiens"), T("Centre-ville"), T("Accueil MJC"), T("01 69 12 34 56"), T("mjc@exemple.fr"), T("présentiel et distance"), T("Petits groupes le mercredi"), D(25, 5)],
        vec![T("CCAS"), T("Colis alimentaires"), T("Alimentaire"), T("Familles"), T("Plateau"), E, T("0169123457"), E, T("Présentiel"), T("Sur rendez-vous"), E],
        vec![T("Médiathèque"), T("Portage de livres"), T("Lecture"), T("Tous publics"), T("Centre-ville"), E, E, E, T("Ouvert sur rendez-vous"), E, E],
        vec![T("Caisse des écoles"), T("Prêt de tablettes"), T("Numérique"), T("Élèves"), T("Centre-ville"), E, T("01 69 12 34 58"), E, T("Présentiel"), E, D(26, 5)],
    ];
    write_rows(ws, top, &s22, df)?;
    wb.save(path)?;
    Ok(())
}

/// Grigny's availability sheet: a date per row, one status nobody can read ("en attente").
fn partners_grigny_xlsx(path: &Path, df: &Format) -> Result<()> {
    use V::*;
    let mut wb = Workbook::new();
    let (ws, top) = sheet(&mut wb, "Partenaires", &["Cellule de veille – Grigny"], &PARTNER_HEADER)?;
    let rows = vec![
        vec![T("Centre social Pablo Picasso"), T("Accompagnement scolaire"), T("Soutien scolaire"), T("Collégiens"), T("Grande Borne"), E, T("01 69 02 00 00"), E, T("à distance"), E, D(15, 5)],
        vec![T("Secours populaire"), T("Distribution alimentaire"), T("Alimentaire"), T("Familles"), T("Grigny 2"), E, E, E, T("présentiel"), E, D(27, 5)],
        vec![T("Service jeunesse"), T("Activités sportives"), T("Sport"), T("11-17 ans"), T("Grande Borne"), E, E, E, T("suspendu"), E, D(28, 5)],
        vec![T("Club de football"), T("Entraînements"), T("Sport"), E, E, E, E, E, T("en attente"), E, D(28, 5)],
    ];
    write_rows(ws, top, &rows, df)?;
    wb.save(path)?;
    Ok(())
}

fn main() -> Result<()> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "sample_data".into()));
    for sub in ["questionnaires", "registre", "prets", "partenaires"] {
        std::fs::create_dir_all(out.join(sub))?;
    }
    let df = Format::new().set_num_format("dd/mm/yyyy");
    google_forms_csv(&out.join("questionnaires/reponses_google_forms.csv"))?;
    questionnaires_xlsx(&out.join("questionnaires/questionnaires_saisis_viry.xlsx"), &df)?;
    register_xlsx(&out.join("registre/registre_perdus_de_vue.xlsx"), &df)?;
    loans_viry_xlsx(&out.join("prets/prets_materiel_viry.xlsx"), &df)?;
    loans_grigny_csv(&out.join("prets/prets_grigny.csv"))?;
    partners_viry_xlsx(&out.join("partenaires/disponibilites_viry.xlsx"), &df)?;
    partners_grigny_xlsx(&out.join("partenaires/disponibilites_grigny.xlsx"), &df)?;
    println!("sample data written to {}", out.display());
    Ok(())
}
