//! Drawing a choropleth with plotters: communes filled by class, hidden ones hatched, those without data
//! grey, one commune outlined when asked, and the legend on the right.

use super::outlines::{Outlines, Point};
use super::{Choropleth, Shade};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};
use std::sync::Once;

pub(super) const WIDTH: u32 = 960;
const MAP_LEFT: f64 = 20.0;
const MAP_TOP: f64 = 70.0;
const MAP_WIDTH: f64 = 640.0;
const MAP_HEIGHT: f64 = 760.0;
const LEGEND_LEFT: i32 = 690;

/// The fill of hidden communes in the SVG, replaced by the hatch pattern once drawn (no other element
/// uses this colour).
pub(super) const HATCH_MARKER: RGBColor = RGBColor(0xfe, 0x01, 0xfe);
pub(super) const NO_DATA: RGBColor = RGBColor(0xe6, 0xe6, 0xe6);
const BORDER: RGBColor = RGBColor(0x80, 0x80, 0x80);
const HATCH: RGBColor = RGBColor(0x55, 0x55, 0x55);
const HIGHLIGHT: RGBColor = RGBColor(0xe0, 0x7b, 0x39);

const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

fn fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The same faces under the same family as the report's charts; a failure only leaves PNG text out.
        let _ = register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
        let _ = register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

/// Longitude and latitude to pixels: an equirectangular projection at the map's mean latitude.
pub(super) struct Projection {
    west: f64,
    north: f64,
    x_scale: f64,
    scale: f64,
}

impl Projection {
    pub fn fit(outlines: &Outlines) -> Projection {
        let (west, south, east, north) = outlines.bounds();
        let x_scale = ((south + north) / 2.0).to_radians().cos();
        let scale = (MAP_WIDTH / ((east - west) * x_scale).max(1e-9)).min(MAP_HEIGHT / (north - south).max(1e-9));
        Projection { west, north, x_scale, scale }
    }

    pub fn pixel(&self, (lon, lat): Point) -> (i32, i32) {
        let x = MAP_LEFT + (lon - self.west) * self.x_scale * self.scale;
        let y = MAP_TOP + (self.north - lat) * self.scale;
        (x.round() as i32, y.round() as i32)
    }

    /// The picture's size: the map's own height, or the legend's if taller.
    pub fn size(&self, outlines: &Outlines) -> (u32, u32) {
        let (_, south, _, _) = outlines.bounds();
        let (_, bottom) = self.pixel((self.west, south));
        (WIDTH, (bottom + 50).max(560) as u32)
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Hatch lines across a polygon (pixels), 45° apart by `step`: the crossings of each line x + y = c with
/// the polygon's edges, paired from left to right.
pub(super) fn hatch_segments(points: &[(i32, i32)], step: i32) -> Vec<[(i32, i32); 2]> {
    let sums: Vec<i32> = points.iter().map(|(x, y)| x + y).collect();
    let (Some(&low), Some(&high)) = (sums.iter().min(), sums.iter().max()) else { return Vec::new() };
    let mut segments = Vec::new();
    let mut c = low - low.rem_euclid(step) + step;
    while c < high {
        let mut crossings: Vec<f64> = Vec::new();
        for (i, &(xa, ya)) in points.iter().enumerate() {
            let (xb, yb) = points[(i + 1) % points.len()];
            let (sa, sb) = ((xa + ya - c) as f64, (xb + yb - c) as f64);
            if (sa < 0.0) != (sb < 0.0) {
                crossings.push(xa as f64 + sa / (sa - sb) * (xb - xa) as f64);
            }
        }
        crossings.sort_by(f64::total_cmp);
        for pair in crossings.chunks_exact(2) {
            let (x0, x1) = (pair[0].round() as i32, pair[1].round() as i32);
            segments.push([(x0, c - x0), (x1, c - x1)]);
        }
        c += step;
    }
    segments
}

fn fill_hidden<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, points: Vec<(i32, i32)>, svg: bool) -> DrawResult<DB> {
    if svg {
        return root.draw(&Polygon::new(points, HATCH_MARKER.filled()));
    }
    root.draw(&Polygon::new(points.clone(), WHITE.filled()))?;
    for segment in hatch_segments(&points, 6) {
        root.draw(&PathElement::new(segment.to_vec(), HATCH.stroke_width(1)))?;
    }
    Ok(())
}

/// Draws the map; `svg` leaves hidden communes to the SVG hatch pattern, else hatches them with lines.
pub(super) fn draw<DB: DrawingBackend>(map: &Choropleth, outlines: &Outlines, root: &DrawingArea<DB, Shift>, svg: bool) -> DrawResult<DB> {
    fonts();
    root.fill(&WHITE)?;
    let title = ("sans-serif", 22, FontStyle::Bold).into_font().color(&BLACK);
    root.draw(&Text::new(map.title.clone(), (20, 18), title))?;
    let projection = Projection::fit(outlines);
    let classes = map.classes();
    for outline in &outlines.communes {
        for ring in &outline.rings {
            let points: Vec<(i32, i32)> = ring.iter().map(|&p| projection.pixel(p)).collect();
            match map.shade(&outline.insee, &classes) {
                Shade::Hidden => fill_hidden(root, points.clone(), svg)?,
                Shade::NoData => root.draw(&Polygon::new(points.clone(), NO_DATA.filled()))?,
                Shade::Class(colour) => root.draw(&Polygon::new(points.clone(), colour.filled()))?,
            }
            root.draw(&PathElement::new(points, BORDER.stroke_width(1)))?;
        }
    }
    let chosen = outlines.communes.iter().filter(|o| map.highlight.as_deref() == Some(o.insee.as_str()));
    for ring in chosen.flat_map(|o| &o.rings) {
        let points: Vec<(i32, i32)> = ring.iter().map(|&p| projection.pixel(p)).collect();
        root.draw(&PathElement::new(points, HIGHLIGHT.stroke_width(3)))?;
    }
    super::legend::draw(map, &classes, root, LEGEND_LEFT, svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatch_lines_stay_inside_a_square() {
        let square = [(0, 0), (20, 0), (20, 20), (0, 20)];
        let segments = hatch_segments(&square, 10);
        // Lines x + y = 10, 20 and 30 cross the square; each gives one segment from edge to edge.
        assert_eq!(segments.len(), 3);
        assert_eq!(segments[1], [(0, 20), (20, 0)]);
        assert!(segments.iter().flatten().all(|&(x, y)| (0..=20).contains(&x) && (0..=20).contains(&y)));
    }
}
