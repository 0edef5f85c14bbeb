//! The legend of a choropleth: what the values are, one swatch per class, then hatched (hidden by
//! statistical secrecy), grey (no data) and the commune outlined, each only when the map shows it.

use super::classes::Classes;
use super::draw::{hatch_segments, HATCH_MARKER, NO_DATA};
use super::{Choropleth, Shade};
use plotters::coord::Shift;
use plotters::prelude::*;

const SWATCH: i32 = 18;
const LINE: i32 = 26;

/// Words of `text` in lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

fn swatch<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, (x, y): (i32, i32), shade: Shade, svg: bool) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let corners = [(x, y), (x + SWATCH, y + SWATCH)];
    match shade {
        Shade::Class(colour) => root.draw(&Rectangle::new(corners, colour.filled()))?,
        Shade::NoData => root.draw(&Rectangle::new(corners, NO_DATA.filled()))?,
        Shade::Hidden if svg => root.draw(&Rectangle::new(corners, HATCH_MARKER.filled()))?,
        Shade::Hidden => {
            let square = [(x, y), (x + SWATCH, y), (x + SWATCH, y + SWATCH), (x, y + SWATCH)];
            for segment in hatch_segments(&square, 6) {
                root.draw(&PathElement::new(segment.to_vec(), RGBColor(0x55, 0x55, 0x55).stroke_width(1)))?;
            }
        }
    }
    root.draw(&Rectangle::new(corners, RGBColor(0x80, 0x80, 0x80).stroke_width(1)))
}

pub(super) fn draw<DB: DrawingBackend>(map: &Choropleth, classes: &Classes, root: &DrawingArea<DB, Shift>, left: i32, svg: bool) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = map.lang;
    let heading = ("sans-serif", 15).into_font().color(&BLACK);
    let font = ("sans-serif", 14).into_font().color(&BLACK);
    let mut y = 80;
    for line in wrap(&map.legend, 30) {
        root.draw(&Text::new(line, (left, y), heading.clone()))?;
        y += 20;
    }
    y += 10;
    for class in 0..classes.len() {
        swatch(root, (left, y), Shade::Class(classes.colour(class)), svg)?;
        root.draw(&Text::new(classes.label(class, lang), (left + SWATCH + 10, y + 1), font.clone()))?;
        y += LINE;
    }
    let entry = |shade: Shade, text: &str, y: &mut i32| -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        swatch(root, (left, *y), shade, svg)?;
        root.draw(&Text::new(text.to_string(), (left + SWATCH + 10, *y + 1), font.clone()))?;
        *y += LINE;
        Ok(())
    };
    if map.values.values().any(Option::is_none) {
        entry(Shade::Hidden, lang.pick("s : secret statistique", "s: statistical secrecy"), &mut y)?;
    }
    if map.has_no_data_commune() {
        entry(Shade::NoData, lang.pick("pas de données", "no data"), &mut y)?;
    }
    if let Some(name) = map.highlighted_name() {
        let (x0, y0) = (left, y);
        root.draw(&Rectangle::new([(x0, y0), (x0 + SWATCH, y0 + SWATCH)], RGBColor(0xe0, 0x7b, 0x39).stroke_width(3)))?;
        for (i, line) in wrap(&name, 24).into_iter().enumerate() {
            root.draw(&Text::new(line, (left + SWATCH + 10, y0 + 1 + 18 * i as i32), font.clone()))?;
        }
    }
    let small = ("sans-serif", 11).into_font().color(&RGBColor(0x55, 0x55, 0x55));
    let (_, height) = root.dim_in_pixel();
    let source = lang.pick("Contours : IGN GEOFLA 2016, Licence Ouverte", "Outlines: IGN GEOFLA 2016, Licence Ouverte");
    root.draw(&Text::new(source, (left, height as i32 - 30), small))
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn legend_text_wraps_on_words() {
        assert_eq!(wrap("pour 10 000 élèves de collège", 12), ["pour 10 000", "élèves de", "collège"]);
        assert!(wrap("", 12).is_empty());
    }
}
