//! Choropleth maps of the communes, drawn with plotters from the outlines the project carries
//! (`assets/maps/`, Essonne only: see its PROVENANCE.md), written as SVG and PNG like the report's charts.
//!
//! One value per commune (its INSEE code → a rate); `None` is a figure hidden by statistical secrecy,
//! drawn hatched, never coloured; a commune with no value is drawn grey. Values fall into up to five
//! quantile classes, light to dark. One commune can be outlined within its département (the map of a
//! commune's own report). A territory the project has no outline for gets [`MapOutcome::NoOutline`] with
//! a sentence the report prints, never an empty map.
//!
//! ```
//! use veille::i18n::Lang;
//! use veille::map::{Choropleth, MapOutcome};
//! let map = Choropleth::new("91", "Élèves perdus de vue", "pour 10 000 élèves de collège", Lang::Fr)
//!     .value("91687", Some(12.5))
//!     .value("91286", None)
//!     .highlight("91687");
//! let MapOutcome::Drawn(svg) = map.svg().unwrap() else { panic!("Essonne has outlines") };
//! assert!(svg.contains("url(#veille-hatch)"));
//! let elsewhere = Choropleth::new("44", "Élèves perdus de vue", "pour 10 000 élèves", Lang::Fr);
//! assert!(matches!(elsewhere.svg().unwrap(), MapOutcome::NoOutline(_)));
//! ```

mod classes;
mod draw;
mod legend;
mod outlines;

pub use classes::{number, Classes, CLASS_COLOURS};

use crate::i18n::Lang;
use outlines::Outlines;
use plotters::prelude::*;
use plotters::style::RGBColor;
use std::collections::BTreeMap;
use std::path::Path;

/// A map of one value per commune of a département.
#[derive(Debug, Clone)]
pub struct Choropleth {
    /// The département drawn ("91").
    pub departement: String,
    pub title: String,
    /// What the values are ("pour 10 000 élèves de collège"), the legend's heading.
    pub legend: String,
    pub lang: Lang,
    /// INSEE code → value; `None` for a value hidden by statistical secrecy.
    pub values: BTreeMap<String, Option<f64>>,
    /// The INSEE code of a commune to outline.
    pub highlight: Option<String>,
}

/// What drawing a map gave: the SVG text, or the sentence to print where the map would be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapOutcome {
    Drawn(String),
    NoOutline(String),
}

/// How one commune is filled.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shade {
    Class(RGBColor),
    Hidden,
    NoData,
}

/// Whether the project carries commune outlines for a département.
///
/// ```
/// assert!(veille::map::has_outlines("91"));
/// assert!(!veille::map::has_outlines("44"));
/// ```
pub fn has_outlines(departement: &str) -> bool {
    Outlines::of(departement).is_some()
}

/// The sentence a report prints instead of a map when the territory has no outline.
///
/// ```
/// use veille::i18n::Lang;
/// assert!(veille::map::no_outline_message(Lang::Fr).starts_with("Aucun contour de communes"));
/// assert!(veille::map::no_outline_message(Lang::En).starts_with("No commune outline"));
/// ```
pub fn no_outline_message(lang: Lang) -> &'static str {
    lang.pick(
        "Aucun contour de communes n'est disponible pour ce territoire : la carte n'est pas dessinée (les chiffres par commune sont dans les tableaux).",
        "No commune outline is available for this territory: the map is not drawn (the figures per commune are in the tables).",
    )
}

const HATCH_PATTERN: &str = r##"<defs><pattern id="veille-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#FFFFFF"/><line x1="0" y1="0" x2="0" y2="6" stroke="#555555" stroke-width="1.5"/></pattern></defs>"##;

/// The SVG with the hatch pattern defined and used where the marker colour was drawn.
fn with_hatch(svg: String) -> String {
    let marker = format!("fill=\"#{:02X}{:02X}{:02X}\"", draw::HATCH_MARKER.0, draw::HATCH_MARKER.1, draw::HATCH_MARKER.2);
    let svg = svg.replace(&marker, "fill=\"url(#veille-hatch)\"");
    match svg.find("<svg").and_then(|start| svg[start..].find('>').map(|end| start + end + 1)) {
        Some(at) => format!("{}{HATCH_PATTERN}{}", &svg[..at], &svg[at..]),
        None => svg,
    }
}

impl Choropleth {
    /// An empty map of a département: every commune grey until values are given.
    pub fn new(departement: &str, title: impl Into<String>, legend: impl Into<String>, lang: Lang) -> Choropleth {
        Choropleth { departement: departement.trim().to_string(), title: title.into(), legend: legend.into(), lang, values: BTreeMap::new(), highlight: None }
    }

    /// Sets a commune's value (`None`: hidden by statistical secrecy).
    ///
    /// ```
    /// let map = veille::map::Choropleth::new("91", "t", "l", Default::default()).value("91687", Some(3.0));
    /// assert_eq!(map.values["91687"], Some(3.0));
    /// ```
    pub fn value(mut self, insee: &str, value: Option<f64>) -> Choropleth {
        self.values.insert(insee.trim().to_string(), value);
        self
    }

    /// Outlines one commune within the département.
    ///
    /// ```
    /// let map = veille::map::Choropleth::new("91", "t", "l", Default::default()).highlight("91687");
    /// assert_eq!(map.highlight.as_deref(), Some("91687"));
    /// ```
    pub fn highlight(mut self, insee: &str) -> Choropleth {
        self.highlight = Some(insee.trim().to_string());
        self
    }

    fn classes(&self) -> Classes {
        Classes::of(&self.values.values().flatten().copied().collect::<Vec<f64>>())
    }

    fn shade(&self, insee: &str, classes: &Classes) -> Shade {
        match self.values.get(insee) {
            Some(Some(v)) if v.is_finite() => Shade::Class(classes.colour(classes.class_of(*v))),
            Some(None) => Shade::Hidden,
            _ => Shade::NoData,
        }
    }

    fn has_no_data_commune(&self) -> bool {
        let outlines = Outlines::of(&self.departement).map(|o| o.communes.as_slice()).unwrap_or_default();
        outlines.iter().any(|o| !matches!(self.values.get(&o.insee), Some(Some(v)) if v.is_finite()) && !matches!(self.values.get(&o.insee), Some(None)))
    }

    /// The name of the outlined commune, from the national reference, when it is on the map.
    fn highlighted_name(&self) -> Option<String> {
        let code = self.highlight.as_deref()?;
        let outline = Outlines::of(&self.departement)?.communes.iter().find(|o| o.insee == code)?;
        let current = crate::domain::InseeCode::parse(code).and_then(|c| crate::reference::Reference::get().commune(&c).map(|c| c.name.clone()));
        Some(current.unwrap_or_else(|| outline.name.clone()))
    }

    /// The picture's size in pixels, when the département has outlines.
    pub fn size(&self) -> Option<(u32, u32)> {
        Outlines::of(&self.departement).map(|o| draw::Projection::fit(o).size(o))
    }

    /// The map as SVG text, or the no-outline sentence.
    pub fn svg(&self) -> Result<MapOutcome, String> {
        let Some(outlines) = Outlines::of(&self.departement) else { return Ok(MapOutcome::NoOutline(no_outline_message(self.lang).to_string())) };
        let size = draw::Projection::fit(outlines).size(outlines);
        let mut text = String::new();
        {
            let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
            draw::draw(self, outlines, &root, true).map_err(|e| e.to_string())?;
            root.present().map_err(|e| e.to_string())?;
        }
        Ok(MapOutcome::Drawn(with_hatch(text)))
    }

    /// Writes `<base>.svg` and `<base>.png` and returns the SVG text; writes nothing when the territory
    /// has no outline, and returns the sentence to print instead.
    pub fn render(&self, base: &Path) -> Result<MapOutcome, String> {
        let outcome = self.svg()?;
        let (MapOutcome::Drawn(svg), Some(outlines)) = (&outcome, Outlines::of(&self.departement)) else { return Ok(outcome) };
        std::fs::write(base.with_extension("svg"), svg).map_err(|e| e.to_string())?;
        let size = draw::Projection::fit(outlines).size(outlines);
        crate::png::write_png(&base.with_extension("png"), size, |root| draw::draw(self, outlines, root, false).map_err(|e| e.to_string()))?;
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests;
