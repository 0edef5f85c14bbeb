//! Communes as people write them, within a cellule's territory: former names and codes, communes
//! déléguées, arrondissements municipaux, typos, homonyms outside the territory. Every expected code was
//! looked up by hand in `../shared/reference/communes_france_*.csv`.

use veille::domain::InseeCode;
use veille::ingest::Cell;
use veille::normalize::{resolve_commune, resolve_commune_in, CommuneMatch, CommuneResolution, Via};
use veille::reference::{AliasKind, Reference, Territory};

fn code(c: &str) -> InseeCode {
    InseeCode::parse(c).unwrap()
}

fn departements(list: &[&str]) -> Territory {
    Territory::new(list.iter().map(|d| d.to_string()).collect(), Vec::new())
}

fn resolve(text: &str, territory: &Territory) -> CommuneResolution {
    resolve_commune_in(&Cell::Text(text.into()), territory)
}

/// The commune found and how (the alias's own code left out: see [`alias_code`]), or a panic that says
/// what was found instead.
fn found(text: &str, territory: &Territory) -> (String, Via) {
    match resolve(text, territory) {
        CommuneResolution::Found(insee, Via::Alias { kind, name, .. }) => (insee.to_string(), Via::Alias { kind, name, code: None }),
        CommuneResolution::Found(insee, via) => (insee.to_string(), via),
        other => panic!("{text}: {other:?}"),
    }
}

/// The own code of the alias a cell names.
fn alias_code(text: &str, territory: &Territory) -> Option<String> {
    match resolve(text, territory) {
        CommuneResolution::Found(_, Via::Alias { code, .. }) => code.map(|c| c.to_string()),
        _ => None,
    }
}

fn alias(kind: AliasKind, name: &str) -> Via {
    Via::Alias { kind, name: name.into(), code: None }
}

#[test]
fn former_names_and_codes_count_under_the_current_commune() {
    let essonne = Territory::default();
    // Évry and Courcouronnes merged into Évry-Courcouronnes (91228) on 1 January 2019.
    assert_eq!(found("Courcouronnes", &essonne), ("91228".into(), alias(AliasKind::Former, "Courcouronnes")));
    assert_eq!(found("EVRY", &essonne), ("91228".into(), alias(AliasKind::Former, "Évry")));
    assert_eq!(found("91182", &essonne), ("91228".into(), alias(AliasKind::Former, "Courcouronnes")));
    // The current name itself is no alias.
    assert_eq!(found("Evry Courcouronnes", &essonne), ("91228".into(), Via::Exact));
    // Le Mérévillois (91390): Méréville and Estouches are its communes déléguées.
    assert_eq!(found("Méréville", &essonne), ("91390".into(), alias(AliasKind::Deleguee, "Méréville")));
    assert_eq!(found("estouches", &essonne), ("91390".into(), alias(AliasKind::Deleguee, "Estouches")));
    assert_eq!(found("91222", &essonne), ("91390".into(), alias(AliasKind::Deleguee, "Estouches")));
}

#[test]
fn communes_deleguees_elsewhere_count_under_their_commune_nouvelle() {
    let loire_atlantique = departements(&["44"]);
    // Chéméré (44040) is a commune déléguée of Chaumes-en-Retz (44005); Le Clion-sur-Mer merged into Pornic.
    assert_eq!(found("Chéméré", &loire_atlantique), ("44005".into(), alias(AliasKind::Deleguee, "Chéméré")));
    assert_eq!(found("Le Clion sur Mer", &loire_atlantique).0, "44131");
    assert_eq!(found("Bonnoeuvre", &loire_atlantique).0, "44180", "Bonnœuvre, in Vallons-de-l'Erdre");
}

#[test]
fn arrondissements_count_under_their_city() {
    let cities = departements(&["75", "69", "13"]);
    let arrondissement = |name: &str| alias(AliasKind::Arrondissement, name);
    assert_eq!(found("Paris 15e", &cities), ("75056".into(), arrondissement("Paris 15e Arrondissement")));
    assert_eq!(found("PARIS 15EME ARRONDISSEMENT", &cities).0, "75056");
    assert_eq!(found("75115", &cities), ("75056".into(), arrondissement("Paris 15e Arrondissement")));
    assert_eq!(found("Lyon 3ème", &cities), ("69123".into(), arrondissement("Lyon 3e Arrondissement")));
    assert_eq!(found("Marseille 1er arrondissement", &cities).0, "13055");
    // The arrondissement itself is kept, for the tables that have room for it.
    assert_eq!(alias_code("Paris 15e", &cities).as_deref(), Some("75115"));
    assert_eq!(alias_code("75115", &cities).as_deref(), Some("75115"));
    assert_eq!(alias_code("Lyon 3ème", &cities).as_deref(), Some("69383"));
    assert_eq!(alias_code("Marseille 1er arrondissement", &cities).as_deref(), Some("13201"));
    // A postal code of an arrondissement is its city's, with no issue.
    assert_eq!(found("75015", &cities), ("75056".into(), Via::Exact));
    // 13001 is both Marseille 1er's postal code and Aix-en-Provence's INSEE code: never a guess.
    assert_eq!(resolve("13001", &cities), CommuneResolution::Ambiguous(vec![code("13001"), code("13055")]));
}

#[test]
fn a_small_typo_resolves_when_one_commune_of_the_territory_is_that_close() {
    let essonne = Territory::default();
    let typo = |matched: &str| Via::Typo { matched: matched.into() };
    assert_eq!(found("Viry-Chatilon", &essonne), ("91687".into(), typo("Viry-Châtillon")));
    assert_eq!(found("Juvisy sur Orges", &essonne), ("91326".into(), typo("Juvisy-sur-Orge")));
    assert_eq!(found("Masssy", &essonne), ("91377".into(), typo("Massy")));
    // A typo of a former name still counts under the current commune.
    assert_eq!(found("Courcouronne", &essonne), ("91228".into(), typo("Courcouronnes")));
    // Saclas and Saclay are both one letter away from "Saclax": never a guess.
    assert_eq!(resolve("Saclax", &essonne), CommuneResolution::Ambiguous(vec![code("91533"), code("91534")]));
    // Four letters are too few to guess from: "Masy" is not taken for Massy.
    assert_eq!(resolve("Masy", &essonne), CommuneResolution::Unknown);
    // Three edits are too many.
    assert_eq!(resolve("Viry-Chaton", &essonne), CommuneResolution::Unknown);
}

#[test]
fn a_homonym_outside_the_territory_is_never_chosen() {
    // Ligné is a commune of Charente (16185) and of Loire-Atlantique (44082).
    assert_eq!(found("Ligné", &departements(&["44"])).0, "44082");
    assert_eq!(found("LIGNE", &departements(&["16"])).0, "16185");
    assert_eq!(resolve("Ligné", &Territory::default()), CommuneResolution::Outside(vec![code("16185"), code("44082")]));
    // Saint-Aubin exists in many départements; in Essonne it is 91538.
    assert_eq!(found("St Aubin", &Territory::default()).0, "91538");
    assert!(Reference::get().communes_named("Saint-Aubin").len() > 5);
}

#[test]
fn codes_resolve_anywhere_and_real_communes_outside_are_told_apart_from_unknown_names() {
    let essonne = Territory::default();
    assert_eq!(resolve("Nantes", &essonne), CommuneResolution::Outside(vec![code("44109")]));
    assert_eq!(resolve("44109", &essonne), CommuneResolution::Outside(vec![code("44109")]));
    assert_eq!(resolve("44000", &essonne), CommuneResolution::Outside(vec![code("44109")]));
    assert_eq!(resolve("Nowhere-sur-Mer", &essonne), CommuneResolution::Unknown);
    assert_eq!(found("44000", &departements(&["44"])), ("44109".into(), Via::Exact));
    // A territory of listed communes: Grigny is in Essonne but not in this one.
    let two = Territory::new(Vec::new(), vec![code("91687"), code("91326")]);
    assert_eq!(found("Viry Chatillon", &two).0, "91687");
    // Grigny is in Essonne (91286), Pas-de-Calais (62388) and Rhône (69096): all outside this territory.
    assert_eq!(resolve("Grigny", &two), CommuneResolution::Outside(vec![code("62388"), code("91286"), code("69096")]));
}

#[test]
fn the_territory_free_resolver_still_answers_which_commune_a_cell_names() {
    let r = |s: &str| resolve_commune(&Cell::Text(s.into()));
    assert_eq!(r("Courcouronnes"), CommuneMatch::Found(code("91228")));
    assert_eq!(r("Saint-Herblain"), CommuneMatch::Found(code("44162")));
    assert!(matches!(r("Ligné"), CommuneMatch::Ambiguous(all) if all.len() == 2));
    assert_eq!(r("zzz"), CommuneMatch::Unknown);
}

#[test]
fn populations_and_college_head_counts_come_from_the_national_files() {
    let reference = Reference::get();
    assert_eq!(reference.commune(&code("44109")).map(|c| c.population), Some(327_734));
    // Saint-Herblain's public and private collèges (2021 head-counts of colleges_france_dnb_effectifs_rep.csv):
    // Anne de Bretagne 690, Le Hérault 408, Anne Frank 505, Gutenberg 477, Saint Dominique 850, Diwan 65.
    assert_eq!(reference.college_pupils(&code("44162")), 690 + 408 + 505 + 477 + 850 + 65);
    assert_eq!(Territory::default().communes().len(), 194);
}

/// Schools are looked up by name within the territory only: what a bounded territory finds is exactly
/// what all of France finds in it, whether it is given by départements or by communes.
#[test]
fn schools_by_name_are_those_of_the_territory() {
    let reference = Reference::get();
    let uais = |found: Vec<&veille::reference::School>| found.iter().map(|s| s.uai.to_string()).collect::<Vec<_>>();
    let france = reference.schools_named_in("Collège Jean Moulin", &Territory::france());
    assert!(france.len() > 60, "{} schools named Jean Moulin in France", france.len());
    for departement in ["44", "91", "13"] {
        let within: Vec<_> = france.iter().copied().filter(|s| s.insee.as_str().starts_with(departement)).collect();
        assert_eq!(uais(reference.schools_named_in("JEAN-MOULIN", &departements(&[departement]))), uais(within), "département {departement}");
    }
    let one = france[0].insee.clone();
    let listed = Territory::new(Vec::new(), vec![one.clone()]);
    let in_commune: Vec<_> = france.iter().copied().filter(|s| s.insee == one).collect();
    assert!(!in_commune.is_empty());
    assert_eq!(uais(reference.schools_named_in("clg jean moulin", &listed)), uais(in_commune));
}
