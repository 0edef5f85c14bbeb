//! The commune outlines the project carries (`assets/maps/`, see its PROVENANCE.md): Essonne only, parsed
//! with `geojson` on first use, codes brought to the current COG.

use geojson::{FeatureCollection, GeometryValue};
use std::io::{Cursor, Read};
use std::sync::OnceLock;

const ESSONNE: &[u8] = include_bytes!("../../assets/maps/communes-91-essonne.geojson.zip");

/// Communes merged since the outlines were drawn: the old shape is drawn under the current code.
const MERGED: [(&str, &str); 2] = [("91182", "91228"), ("91222", "91390")];

/// A point in longitude, latitude (degrees).
pub(super) type Point = (f64, f64);

/// One commune: its current INSEE code, the name the outline file gives, and its rings (outer rings and
/// holes alike: they are drawn in order, so an enclave drawn later covers the hole it fills).
#[derive(Debug, Clone)]
pub(super) struct Outline {
    pub insee: String,
    pub name: String,
    pub rings: Vec<Vec<Point>>,
}

/// The outlines of one département.
#[derive(Debug, Default)]
pub(super) struct Outlines {
    pub communes: Vec<Outline>,
}

impl Outlines {
    /// The outlines of a département, or `None` when the project carries none for it.
    pub fn of(departement: &str) -> Option<&'static Outlines> {
        static ESSONNE_OUTLINES: OnceLock<Outlines> = OnceLock::new();
        if departement.trim() != "91" {
            return None;
        }
        let outlines = ESSONNE_OUTLINES.get_or_init(|| parse(&inflate(ESSONNE)).unwrap_or_default());
        (!outlines.communes.is_empty()).then_some(outlines)
    }

    /// The bounding box (west, south, east, north).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let points = self.communes.iter().flat_map(|c| c.rings.iter().flatten());
        points.fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |(w, s, e, n), &(x, y)| (w.min(x), s.min(y), e.max(x), n.max(y)))
    }

    /// The distinct current codes drawn.
    #[cfg(test)]
    pub fn codes(&self) -> std::collections::BTreeSet<&str> {
        self.communes.iter().map(|c| c.insee.as_str()).collect()
    }
}

/// The one file of an embedded archive; empty if it cannot be read (only a damaged build could do that,
/// and then the map says no outline is available).
fn inflate(archive: &[u8]) -> String {
    let mut text = String::new();
    let read = zip::ZipArchive::new(Cursor::new(archive))
        .ok()
        .and_then(|mut zip| zip.by_index(0).ok().and_then(|mut file| file.read_to_string(&mut text).ok()));
    if read.is_none() {
        text.clear();
    }
    text
}

fn ring(positions: &[geojson::Position]) -> Vec<Point> {
    positions.iter().filter(|p| p.len() >= 2).map(|p| (p[0], p[1])).collect()
}

fn rings(value: &GeometryValue) -> Vec<Vec<Point>> {
    match value {
        GeometryValue::Polygon { coordinates } => coordinates.iter().map(|r| ring(r)).collect(),
        GeometryValue::MultiPolygon { coordinates } => coordinates.iter().flatten().map(|r| ring(r)).collect(),
        _ => Vec::new(),
    }
}

fn current_code(code: &str) -> String {
    MERGED.iter().find(|(old, _)| *old == code).map_or(code, |(_, new)| new).to_string()
}

/// The features of a GeoJSON text with a `code` property; `None` when the text is not GeoJSON.
pub(super) fn parse(text: &str) -> Option<Outlines> {
    let collection: FeatureCollection = text.parse().ok()?;
    let communes = collection
        .features
        .iter()
        .filter_map(|f| {
            let code = f.property("code")?.as_str()?;
            let name = f.property("nom").and_then(|n| n.as_str()).unwrap_or(code).to_string();
            let rings = rings(&f.geometry.as_ref()?.value);
            (!rings.is_empty()).then(|| Outline { insee: current_code(code), name, rings })
        })
        .collect();
    Some(Outlines { communes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn essonne_has_its_194_current_communes_and_no_other_departement_has_outlines() {
        let outlines = Outlines::of("91").map(|o| (o.communes.len(), o.codes().len()));
        assert_eq!(outlines, Some((196, 194)));
        let codes = Outlines::of("91").map(|o| o.codes()).unwrap_or_default();
        assert!(codes.contains("91228") && codes.contains("91390"));
        assert!(!codes.contains("91182") && !codes.contains("91222"));
        assert!(Outlines::of("44").is_none());
    }

    #[test]
    fn the_bounds_are_those_of_essonne() {
        let (w, s, e, n) = Outlines::of("91").map(|o| o.bounds()).unwrap_or_default();
        assert!(w > 1.9 && w < 2.0 && e > 2.5 && e < 2.6, "{w} {e}");
        assert!(s > 48.2 && s < 48.35 && n > 48.7 && n < 48.8, "{s} {n}");
    }

    #[test]
    fn a_text_that_is_not_geojson_gives_nothing() {
        assert!(parse("not json").is_none());
        let one = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"91182","nom":"Courcouronnes"},"geometry":{"type":"Polygon","coordinates":[[[2.4,48.6],[2.5,48.6],[2.5,48.7],[2.4,48.6]]]}}]}"#;
        let parsed = parse(one).map(|o| (o.communes[0].insee.clone(), o.communes[0].rings[0].len()));
        assert_eq!(parsed, Some(("91228".to_string(), 4)));
    }
}
