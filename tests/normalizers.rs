//! Unit and property tests of the normalisers, on inputs as people really type them.

use proptest::prelude::*;
use veille::domain::{Device, InseeCode, IsoWeek, Lender, PartnerStatus, RegisterStatus, Uai};
use veille::ingest::{decode_text, sniff_separator, Cell};
use veille::normalize::*;
use veille::privacy::{normalize_name, Pseudonymizer};
use veille::text::fold;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

#[test]
fn counts_in_words_ranges_bounds_and_sums() {
    let cases = [
        ("15", 15, false), ("1 200", 1200, false), ("1\u{a0}200", 1200, false), ("12,0", 12, false),
        ("une dizaine", 10, true), ("une douzaine d'élèves", 12, true), ("une vingtaine", 20, true),
        ("une trentaine", 30, true), ("une centaine", 100, true), ("trois", 3, true), ("dix-sept", 17, true),
        ("10-15", 15, true), ("10 à 15", 15, true), ("10 ou 12", 12, true), ("plus de 10", 10, true),
        ("environ 20", 20, true), ("~ 8", 8, true), ("au moins 4 élèves", 4, true),
        ("3 en 6e et 2 en 5e", 5, false), ("2 en CM2, 4 en 6ème", 6, false), ("néant", 0, false),
        ("Aucun élève", 0, false), ("personne", 0, false), ("5 élèves sur 25", 5, false),
        ("8 depuis le 16 mars", 8, false),
    ];
    for (input, value, approximate) in cases {
        assert_eq!(parse_count_text(input), Some(Count { value, approximate }), "{input}");
    }
    for input in ["", "?", "je ne sais pas", "NC"] {
        assert_eq!(parse_count_text(input), None, "{input}");
    }
}

#[test]
fn quantities_per_device() {
    let q = parse_quantities("12 tablettes, 3 PC et 2 clés 4G").unwrap();
    assert_eq!(q.items, vec![(Device::Tablette, 12), (Device::Ordinateur, 3), (Device::Connexion, 2)]);
    assert_eq!(q.total(), 17);
    let q = parse_quantities("15").unwrap();
    assert_eq!(q.items, vec![(Device::Autre, 15)]);
    let q = parse_quantities("une quinzaine d'ordinateurs portables").unwrap();
    assert_eq!((q.items, q.approximate), (vec![(Device::Ordinateur, 15)], true));
}

#[test]
fn dates_in_every_form() {
    let d = |c: Cell| parse_date(&c).map(|d| d.to_string());
    assert_eq!(d(text("2020/05/18 10:12:00 AM UTC+2")).as_deref(), Some("2020-05-18"));
    assert_eq!(d(text("2020-05-18 22:05:11")).as_deref(), Some("2020-05-18"));
    assert_eq!(d(text("18/05/2020")).as_deref(), Some("2020-05-18"));
    assert_eq!(d(text("18-05-2020")).as_deref(), Some("2020-05-18"));
    assert_eq!(d(text("18.05.2020")).as_deref(), Some("2020-05-18"));
    assert_eq!(d(text("18/05/20")).as_deref(), Some("2020-05-18"));
    assert_eq!(d(text("1er juin 2020")).as_deref(), Some("2020-06-01"));
    assert_eq!(d(text("Lundi 4 Mai 2020")).as_deref(), Some("2020-05-04"));
    assert_eq!(d(Cell::Number(43970.0)).as_deref(), Some("2020-05-19"));
    assert_eq!(d(text("31/02/2020")), None);
    assert_eq!(d(Cell::Number(12.0)), None);
}

#[test]
fn booleans() {
    for yes in ["oui", "Oui", "OUI ", "o", "x", "X", "vrai", "yes", "1", "Oui, en partie"] {
        assert_eq!(parse_bool(&text(yes)), Some(true), "{yes}");
    }
    for no in ["non", "Non", "n", "faux", "no", "0", "Non, pas encore"] {
        assert_eq!(parse_bool(&text(no)), Some(false), "{no}");
    }
    assert_eq!(parse_bool(&Cell::Bool(true)), Some(true));
    assert_eq!(parse_bool(&text("en partie")), None);
}

#[test]
fn communes_by_code_postal_code_and_spelling() {
    let found = |s: &str| match resolve_commune(&text(s)) {
        CommuneMatch::Found(c) => Some(c.as_str().to_string()),
        _ => None,
    };
    for spelling in ["91687", "91170", "Viry-Châtillon", "VIRY CHATILLON", "viry-chatillon", " Viry Châtillon "] {
        assert_eq!(found(spelling).as_deref(), Some("91687"), "{spelling}");
    }
    assert_eq!(found("St-Michel-sur-Orge").as_deref(), Some("91570"));
    assert_eq!(found("Ste Geneviève des Bois").as_deref(), Some("91549"));
    assert_eq!(found("91350").as_deref(), Some("91286"));
    assert!(matches!(resolve_commune(&text("91150")), CommuneMatch::Ambiguous(v) if v.len() > 1));
    // Without a territory a name of one commune of France is found anywhere; nothing is made up.
    assert_eq!(found("Lyon").as_deref(), Some("69123"));
    assert_eq!(resolve_commune(&text("Lyonville-sur-Nowhere")), CommuneMatch::Unknown);
    assert_eq!(resolve_commune(&Cell::Empty), CommuneMatch::Blank);
    assert_eq!(resolve_commune(&Cell::Number(91687.0)), CommuneMatch::Found(InseeCode::parse("91687").unwrap()));
}

#[test]
fn uai_check_letters_and_school_names() {
    assert!(Uai::parse("0910727W").is_some(), "PROVENANCE.md example: 0910727 mod 23 = 19 → W");
    assert!(Uai::parse("0910727X").is_none());
    match resolve_school(&text("Collège Olivier de Serres"), None) {
        SchoolMatch::Found(s) => assert!(s.rep && s.uai.as_str() == "0910056S"),
        other => panic!("{other:?}"),
    }
    let grigny = InseeCode::parse("91286").unwrap();
    assert!(matches!(resolve_school(&text("Collège Pablo Neruda"), None), SchoolMatch::Unknown), "two collèges share the name");
    assert!(matches!(resolve_school(&text("Collège Pablo Neruda"), Some(&grigny)), SchoolMatch::Found(s) if s.uai.as_str() == "0911253T"));
}

#[test]
fn lenders_devices_and_statuses() {
    assert_eq!(parse_lender("Département de l'Essonne"), Some(Lender::Departement));
    assert_eq!(parse_lender("CCAS"), Some(Lender::Commune));
    assert_eq!(parse_lender("Région Île-de-France"), Some(Lender::Region));
    assert_eq!(parse_lender("DASEN"), Some(Lender::Etat));
    assert_eq!(parse_lender("Secours populaire"), Some(Lender::Association));
    assert_eq!(parse_lender("???"), None);
    assert_eq!(parse_device("Carte SIM"), Some(Device::Connexion));
    assert_eq!(parse_device("box internet"), Some(Device::Connexion));
    assert_eq!(parse_device("Smartphone"), Some(Device::Telephone));
    assert_eq!(parse_device("ordi"), Some(Device::Ordinateur));
    assert_eq!(parse_partner_status("distanciel"), Some(PartnerStatus::Distance));
    assert_eq!(parse_partner_status("Hybride"), Some(PartnerStatus::Mixte));
    assert_eq!(parse_register_status("Signalé"), Some(RegisterStatus::Signale));
    assert_eq!(parse_register_status("aucun contact"), Some(RegisterStatus::SansContact));
}

#[test]
fn phones_and_emails() {
    assert_eq!(parse_phone(&text("01 69 12 34 56")).map(|p| p.e164().to_string()).as_deref(), Some("+33169123456"));
    assert_eq!(parse_phone(&text("0033 6 12 34 56 78")).map(|p| p.display()).as_deref(), Some("06 12 34 56 78"));
    assert_eq!(parse_phone(&text("12 34")), None);
    assert_eq!(parse_email("prenom.nom@ville-viry.fr").as_deref(), Some("prenom.nom@ville-viry.fr"));
    assert_eq!(parse_email("prenom.nom@ville"), None);
}

#[test]
fn themes_from_the_thesaurus() {
    assert_eq!(themes_of("Prêt de tablettes et aide aux devoirs"), vec!["numerique", "soutien_scolaire"]);
    assert_eq!(themes_of("Séjours et colonies"), vec!["vacances"]);
    assert_eq!(themes_of("Caisse des écoles : colis"), vec!["alimentaire"]);
    assert!(themes_of("rien de particulier").is_empty());
}

#[test]
fn csv_encodings_and_separators() {
    assert_eq!(decode_text(b"Pr\xEAteur;Mat\xE9riel").0, "Prêteur;Matériel");
    assert_eq!(decode_text("Prêteur".as_bytes()).0, "Prêteur");
    assert_eq!(sniff_separator("a\tb\tc\n1\t2\t3"), b'\t');
}

#[test]
fn weeks() {
    let w: IsoWeek = "2020-W01".parse().unwrap();
    assert_eq!(w.monday().to_string(), "2019-12-30");
    assert_eq!(w.previous().to_string(), "2019-W52");
    assert!("2020-W54".parse::<IsoWeek>().is_err());
}

#[test]
fn pseudonyms_are_word_order_case_and_accent_insensitive() {
    let p = Pseudonymizer::new(b"k");
    assert_eq!(p.pseudonym("Chloé Garnier"), p.pseudonym("GARNIER CHLOE"));
    assert_eq!(p.pseudonym("Jean-Pierre Martin"), p.pseudonym("martin jean pierre"));
    assert_ne!(p.pseudonym("Chloé Garnier"), p.pseudonym("Chloé Garnie"));
    assert!(!p.pseudonym("Chloé Garnier").as_str().to_lowercase().contains("garnier"));
}

proptest! {
    #[test]
    fn count_parsing_never_panics(s in "\\PC{0,40}") {
        let _ = parse_count_text(&s);
        let _ = parse_quantities(&s);
    }

    #[test]
    fn date_parsing_never_panics(s in "\\PC{0,30}", n in -1e9f64..1e9f64) {
        let _ = parse_datetime(&Cell::Text(s));
        let _ = parse_datetime(&Cell::Number(n));
    }

    #[test]
    fn folding_is_idempotent(s in "\\PC{0,40}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert_eq!(normalize_name(&normalize_name(&s)), normalize_name(&s));
    }

    #[test]
    fn counts_print_back_to_themselves(n in 0u32..1_000_000) {
        // Normalising a normalised count changes nothing.
        let first = parse_count_text(&n.to_string()).unwrap();
        prop_assert_eq!(parse_count_text(&first.value.to_string()), Some(first));
        let spaced = format!("{} {:03}", n / 1000, n % 1000);
        if n >= 1000 { prop_assert_eq!(parse_count_text(&spaced).map(|c| c.value), Some(n)); }
    }

    #[test]
    fn phones_normalise_once(d in "0[1-79][0-9]{8}") {
        let p = parse_phone(&Cell::Text(d.clone())).unwrap();
        prop_assert_eq!(parse_phone(&Cell::Text(p.display())).unwrap(), p.clone());
        prop_assert_eq!(parse_phone(&Cell::Text(p.e164().to_string())).unwrap(), p);
    }

    #[test]
    fn communes_resolve_from_their_own_names(i in 0usize..194) {
        // The 194 communes of Essonne, the territory resolve_commune reads names in first.
        let c = veille::reference::Territory::default().communes()[i];
        prop_assert_eq!(resolve_commune(&Cell::Text(c.name.to_uppercase())), CommuneMatch::Found(c.insee.clone()));
        prop_assert_eq!(resolve_commune(&Cell::Text(c.insee.to_string())).clone(), resolve_commune(&Cell::Text(c.insee.to_string())));
    }
}
