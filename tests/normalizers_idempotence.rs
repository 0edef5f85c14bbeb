//! Property tests for every normaliser of DESIGN.md "Vocabularies and normalisation": on real-looking
//! inputs (with random case, spacing and accents) and on arbitrary text, it never panics, and normalising
//! what it produced gives the same value again.

use proptest::prelude::*;
use veille::domain::{Device, InseeCode, Lender, PartnerStatus, RegisterStatus, Uai};
use veille::i18n::Lang;
use veille::ingest::Cell;
use veille::normalize::*;
use veille::reference::Reference;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// A seed as people type it: random case per letter, doubled spaces, sometimes without accents.
fn typed(seeds: &'static [&'static str]) -> impl Strategy<Value = String> {
    (prop::sample::select(seeds), prop::collection::vec(any::<bool>(), 64), any::<bool>(), any::<bool>()).prop_map(
        |(seed, upper, double_spaces, strip_accents)| {
            let mut s: String = seed
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, u)| if *u { c.to_uppercase().collect::<String>() } else { c.to_lowercase().collect() })
                .collect();
            if double_spaces {
                s = s.replace(' ', "  ");
            }
            if strip_accents {
                s = veille::text::fold(&s);
            }
            s
        },
    )
}

/// Real-looking text or anything at all.
fn inputs(seeds: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![3 => typed(seeds), 1 => "\\PC{0,30}"]
}

const BOOLEANS: &[&str] = &["oui", "Non", "o", "n", "x", "vrai", "faux", "yes", "no", "1", "0", "OK", "peut-être"];
const LENDERS: &[&str] = &["Conseil départemental", "CD91", "Département", "Ville", "Mairie", "CCAS", "Caisse des écoles",
    "collège", "lycée", "école", "Région", "Éducation nationale", "rectorat", "préfecture", "DASEN", "association", "autre", "Emmaüs Connect"];
const DEVICES: &[&str] = &["tablette", "PC", "portable", "ordinateur portable", "clé 4G", "box", "routeur", "carte SIM",
    "téléphone", "smartphone", "imprimante", "autre"];
const STATUSES: &[&str] = &["présentiel", "à distance", "distanciel", "mixte", "suspendu", "signalé", "en cours",
    "renoué", "sans contact", "clos", "clôturé", "contact rétabli"];
const COUNTS: &[&str] = &["15", "1 200", "12,0", "une dizaine", "une douzaine d'élèves", "une quinzaine", "vingt", "dix-sept",
    "10-15", "10 à 15", "entre 10 et 15", "plus de 10", "environ 20", "au moins 4", "3 en 6e et 2 en 5e", "néant", "aucun", "personne"];
const QUANTITIES: &[&str] = &["12 tablettes, 3 PC et 2 clés 4G", "10 tablettes et 4 ordinateurs portables", "15",
    "une quinzaine d'ordinateurs", "3 box", "2 téléphones et 1 carte SIM"];
const DATES: &[&str] = &["2020/05/18 10:12:00 AM UTC+2", "2020-05-18 22:05:11", "18/05/2020", "18-05-20", "18.05.2020",
    "1er juin 2020", "lundi 4 mai 2020", "4 mai 2020", "2020-05-18"];
const PHONES: &[&str] = &["01 69 12 34 56", "0169123456", "01.69.12.34.56", "+33 1 69 12 34 56", "06-12-34-56-78", "0033612345678"];
const EMAILS: &[&str] = &["accueil@mjc-viry.fr", " Contact@Ville-Grigny.FR ", "mailto:ccas@exemple.fr", "pas une adresse"];
const THEMES: &[&str] = &["aide aux devoirs et soutien scolaire", "distribution de colis alimentaires", "prêt de tablettes",
    "impression des devoirs", "sorties culturelles et sport", "colonies de vacances", "écoute des parents"];

proptest! {
    #[test]
    fn booleans_normalise_once(s in inputs(BOOLEANS)) {
        if let Some(b) = parse_bool(&text(&s)) {
            prop_assert_eq!(parse_bool(&text(if b { "oui" } else { "non" })), Some(b));
            prop_assert_eq!(parse_bool(&Cell::Bool(b)), Some(b));
        }
    }

    #[test]
    fn lenders_devices_and_statuses_normalise_once(l in inputs(LENDERS), d in inputs(DEVICES), s in inputs(STATUSES)) {
        if let Some(lender) = parse_lender(&l) {
            prop_assert_eq!(parse_lender(lender.as_str()), Some(lender));
            prop_assert_eq!(parse_lender(lender.label(Lang::Fr)), Some(lender));
            prop_assert_eq!(Lender::from_code(lender.as_str()), Some(lender));
        }
        if let Some(device) = parse_device(&d) {
            prop_assert_eq!(parse_device(device.as_str()), Some(device));
            prop_assert_eq!(Device::from_code(device.as_str()), Some(device));
        }
        if let Some(status) = parse_partner_status(&s) {
            prop_assert_eq!(parse_partner_status(status.label(Lang::Fr)), Some(status));
            prop_assert_eq!(PartnerStatus::from_code(status.as_str()), Some(status));
        }
        if let Some(status) = parse_register_status(&s) {
            prop_assert_eq!(parse_register_status(status.label(Lang::Fr)), Some(status));
            prop_assert_eq!(RegisterStatus::from_code(status.as_str()), Some(status));
        }
    }

    #[test]
    fn counts_normalise_once(s in inputs(COUNTS)) {
        if let Some(c) = parse_count_text(&s) {
            let again = parse_count_text(&c.value.to_string());
            prop_assert_eq!(again.map(|a| (a.value, a.approximate)), Some((c.value, false)));
        }
    }

    #[test]
    fn quantities_normalise_once(s in inputs(QUANTITIES)) {
        if let Some(q) = parse_quantities(&s) {
            let written: Vec<String> = q.items.iter().map(|(d, n)| format!("{n} {}", d.label(Lang::Fr))).collect();
            let again = parse_quantities(&written.join(" et ")).unwrap();
            prop_assert_eq!(again.items, q.items.clone());
        }
    }

    #[test]
    fn dates_normalise_once(s in inputs(DATES), serial in 1.0f64..80_000.0) {
        for cell in [text(&s), Cell::Number(serial)] {
            if let Some(d) = parse_date(&cell) {
                prop_assert_eq!(parse_date(&text(&d.to_string())), Some(d));
                prop_assert_eq!(parse_date(&text(&d.format("%d/%m/%Y").to_string())), Some(d));
            }
        }
    }

    #[test]
    fn phones_and_emails_normalise_once(p in inputs(PHONES), e in inputs(EMAILS)) {
        if let Some(phone) = parse_phone(&text(&p)) {
            prop_assert_eq!(parse_phone(&text(&phone.display())), Some(phone.clone()));
            prop_assert_eq!(parse_phone(&text(phone.e164())), Some(phone));
        }
        if let Some(email) = parse_email(&e) {
            prop_assert_eq!(parse_email(&email), Some(email.clone()));
        }
    }

    #[test]
    fn themes_normalise_once(s in inputs(THEMES)) {
        for code in themes_of(&s) {
            let label = theme(code).unwrap().label(Lang::Fr).to_string();
            prop_assert!(themes_of(&label).contains(&code), "{} -> {}", code, label);
        }
    }

    #[test]
    fn communes_normalise_once(i in 0usize..194, spelling in 0usize..4) {
        // The 194 communes of Essonne, the territory resolve_commune reads names in first.
        let c = veille::reference::Territory::default().communes()[i];
        let written = match spelling {
            0 => c.name.to_uppercase(),
            1 => c.name.replace('-', " "),
            2 => veille::text::fold(&c.name),
            _ => c.insee.to_string(),
        };
        match resolve_commune(&text(&written)) {
            CommuneMatch::Found(insee) => {
                prop_assert_eq!(&insee, &c.insee);
                // 14 INSEE codes of Essonne are also another commune's postal code (DESIGN decision:
                // such a code alone is ambiguous); every other code reads back as itself.
                match resolve_commune(&text(insee.as_str())) {
                    CommuneMatch::Found(again) => prop_assert_eq!(again, insee),
                    CommuneMatch::Ambiguous(all) => {
                        prop_assert!(all.contains(&insee));
                        prop_assert!(Reference::get().communes_by_postal(insee.as_str()).iter().any(|o| o.insee != insee));
                    }
                    other => prop_assert!(false, "{:?}", other),
                }
            }
            // A name shared by two communes can only be ambiguous, never wrong.
            CommuneMatch::Ambiguous(all) => prop_assert!(all.contains(&c.insee)),
            other => prop_assert!(false, "{} -> {:?}", written, other),
        }
    }

    #[test]
    fn uai_and_schools_normalise_once(n in 0u32..10_000_000, i in 0usize..100, lower in any::<bool>()) {
        let digits = format!("{n:07}");
        let letter = "ABCDEFGHJKLMNPRSTUVWXYZ".as_bytes()[(n % 23) as usize] as char;
        let code = format!("{digits}{letter}");
        let written = if lower { code.to_lowercase() } else { code.clone() };
        let uai = Uai::parse(&written).unwrap();
        prop_assert_eq!(uai.as_str(), code.as_str());
        prop_assert_eq!(Uai::parse(uai.as_str()), Some(uai));
        let essonne = veille::reference::Territory::default();
        let schools: Vec<_> = Reference::get().colleges().filter(|s| essonne.contains(&s.insee)).collect();
        let school = &schools[i % schools.len()];
        let commune: Option<&InseeCode> = Some(&school.insee);
        if let SchoolMatch::Found(found) = resolve_school(&text(&school.name), commune) {
            prop_assert_eq!(&found.uai, &school.uai);
            prop_assert!(matches!(resolve_school(&text(found.uai.as_str()), None), SchoolMatch::Found(s) if s.uai == school.uai));
        } else {
            prop_assert!(false, "{} not found", school.name);
        }
    }
}
