use super::outlines::Outlines;
use super::*;

fn drawn(map: &Choropleth) -> String {
    match map.svg() {
        Ok(MapOutcome::Drawn(svg)) => svg,
        other => panic!("expected a map, got {other:?}"),
    }
}

fn essonne() -> &'static Outlines {
    Outlines::of("91").expect("Essonne outlines are embedded")
}

/// How many rings (polygons drawn) a commune has.
fn rings_of(insee: &str) -> usize {
    essonne().communes.iter().filter(|o| o.insee == insee).map(|o| o.rings.len()).sum()
}

fn polygons_filled(svg: &str, fill: &str) -> usize {
    svg.split("<polygon").skip(1).filter(|p| p.split("/>").next().is_some_and(|tag| tag.contains(&format!("fill=\"{fill}\"")))).count()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn every_one_of_the_194_communes_is_drawn_and_grey_without_data() {
    let svg = drawn(&Choropleth::new("91", "Carte", "taux", Lang::Fr));
    let rings: usize = essonne().communes.iter().map(|o| o.rings.len()).sum();
    assert_eq!(essonne().codes().len(), 194);
    assert_eq!(polygons_filled(&svg, &hex(draw::NO_DATA)), rings);
    assert!(svg.contains("pas de données"));
    assert!(!svg.contains("secret statistique"), "no commune is hidden, so the legend does not list it");
}

#[test]
fn hidden_communes_get_the_hatch_pattern_and_no_colour() {
    let svg = drawn(&Choropleth::new("91", "Carte", "taux", Lang::Fr).value("91286", None).value("91687", Some(4.0)));
    assert!(svg.contains("<pattern id=\"veille-hatch\""));
    // Grigny's polygons and the legend's swatch use the pattern; the marker colour is gone.
    assert_eq!(polygons_filled(&svg, "url(#veille-hatch)"), rings_of("91286"));
    assert!(svg.matches("fill=\"url(#veille-hatch)\"").count() == rings_of("91286") + 1);
    assert!(!svg.contains(&hex(draw::HATCH_MARKER)));
    assert!(svg.contains("s : secret statistique"));
}

#[test]
fn colour_classes_follow_the_values() {
    // Ten communes valued 1 to 10: quantile classes of two values each, light to dark.
    let codes = ["91687", "91286", "91326", "91228", "91027", "91377", "91589", "91201", "91432", "91434"];
    let mut map = Choropleth::new("91", "Carte", "taux", Lang::Fr);
    for (i, code) in codes.iter().enumerate() {
        map = map.value(code, Some(i as f64 + 1.0));
    }
    assert!(codes.iter().all(|c| rings_of(c) > 0), "every code is an Essonne commune");
    let svg = drawn(&map);
    for class in 0..5 {
        let expected: usize = codes[2 * class..2 * class + 2].iter().map(|c| rings_of(c)).sum();
        assert_eq!(polygons_filled(&svg, &hex(CLASS_COLOURS[class])), expected, "class {class}");
    }
    assert!(svg.contains("8 – 10") && svg.contains("1 – 2"), "legend of the top and bottom classes");
}

#[test]
fn one_commune_is_outlined_within_the_departement_and_named_in_english() {
    let svg = drawn(&Choropleth::new("91", "Map", "rate", Lang::En).value("91228", None).highlight("91228"));
    let outlined = svg.split("<polyline").skip(1).filter(|p| p.contains("stroke=\"#E07B39\"") && p.contains("stroke-width=\"3\"")).count();
    // Évry-Courcouronnes is drawn from the outlines of Évry and Courcouronnes.
    assert_eq!(outlined, rings_of("91228"));
    assert!(rings_of("91228") >= 2);
    assert!(svg.contains("Évry-Courcouronnes"));
    assert!(svg.contains("s: statistical secrecy") && svg.contains("no data"));
}

#[test]
fn a_territory_without_outlines_gets_a_sentence_and_no_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let base = dir.path().join("carte");
    let outcome = Choropleth::new("44", "Carte", "taux", Lang::Fr).value("44109", Some(2.0)).render(&base);
    assert_eq!(outcome, Ok(MapOutcome::NoOutline(no_outline_message(Lang::Fr).to_string())));
    assert!(std::fs::read_dir(dir.path()).map(|d| d.count()).unwrap_or(1) == 0);
}

#[test]
fn render_writes_the_svg_and_a_png() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let base = dir.path().join("carte");
    let outcome = Choropleth::new("91", "Carte", "taux", Lang::Fr).value("91687", Some(2.0)).value("91286", None).render(&base);
    let Ok(MapOutcome::Drawn(svg)) = outcome else { panic!("expected a map") };
    assert_eq!(std::fs::read_to_string(base.with_extension("svg")).ok(), Some(svg));
    let png = std::fs::read(base.with_extension("png")).unwrap_or_default();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
}
