//! Drawing the documents' charts (plotters), each written as SVG and PNG: horizontal bars, one palette,
//! labels that cannot overlap (one bar group per line).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};
use std::path::Path;
use std::sync::Once;

use super::fonts::{FONT_BOLD, FONT_REGULAR};
use crate::document::BarChart;

/// The report's palette (colour-blind friendly, prints well in grey).
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1f, 0x4e, 0x79),
    RGBColor(0xe0, 0x7b, 0x39),
    RGBColor(0x5b, 0x9f, 0x4a),
    RGBColor(0xb0, 0x4a, 0x5a),
    RGBColor(0x7a, 0x6b, 0xb0),
    RGBColor(0x8c, 0x8c, 0x8c),
];

const WIDTH: u32 = 960;
const LABEL_WIDTH: i32 = 250;
const TOP: i32 = 90;

fn fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The fonts are embedded and valid; a failure would only leave text unrendered in PNGs.
        let _ = register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
        let _ = register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

impl BarChart {
    fn line_height(&self) -> i32 {
        if self.stacked { 34 } else { 10 + 20 * self.series.len().max(1) as i32 }
    }

    /// The picture's size in pixels.
    pub fn size(&self) -> (u32, u32) {
        let lines = self.categories.len().max(1) as i32;
        (WIDTH, (TOP + lines * self.line_height() + 50) as u32)
    }

    fn max_value(&self) -> i64 {
        (0..self.categories.len())
            .map(|i| {
                let values = self.series.iter().map(|s| s.values.get(i).copied().unwrap_or(0));
                if self.stacked { values.sum() } else { values.max().unwrap_or(0) }
            })
            .max()
            .unwrap_or(0)
            .max(1)
    }

    /// The chart as SVG text.
    pub fn svg(&self) -> Result<String, String> {
        fonts();
        let mut text = String::new();
        {
            let root = SVGBackend::with_string(&mut text, self.size()).into_drawing_area();
            self.draw(&root).map_err(|e| e.to_string())?;
            root.present().map_err(|e| e.to_string())?;
        }
        Ok(text)
    }

    /// Writes `<base>.svg` and `<base>.png`, and returns the SVG text (the PDF draws it as vectors).
    pub fn render(&self, base: &Path) -> Result<String, String> {
        let svg = self.svg()?;
        std::fs::write(base.with_extension("svg"), &svg).map_err(|e| e.to_string())?;
        crate::png::write_png(&base.with_extension("png"), self.size(), |root| self.draw(root).map_err(|e| e.to_string()))?;
        Ok(svg)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&WHITE)?;
        // The style goes in at construction: `.style()` later keeps the regular face already loaded.
        let title = ("sans-serif", 22, FontStyle::Bold).into_font().color(&BLACK);
        root.draw(&Text::new(self.title.clone(), (20, 18), title))?;
        self.draw_legend(root)?;
        let (step, scale) = axis(self.max_value());
        let plot_width = WIDTH as i32 - LABEL_WIDTH - 60;
        let x_of = |v: i64| LABEL_WIDTH + (v as f64 / scale as f64 * plot_width as f64).round() as i32;
        let bottom = TOP + self.categories.len().max(1) as i32 * self.line_height();
        let small = ("sans-serif", 13).into_font().color(&RGBColor(0x55, 0x55, 0x55));
        for v in (0..=scale).step_by(step as usize) {
            let x = x_of(v);
            root.draw(&PathElement::new(vec![(x, TOP - 6), (x, bottom)], RGBColor(0xdd, 0xdd, 0xdd)))?;
            root.draw(&Text::new(v.to_string(), (x - 6, bottom + 8), small.clone()))?;
        }
        let label_font = ("sans-serif", 15).into_font().color(&BLACK);
        let value_font = ("sans-serif", 12).into_font().color(&BLACK);
        for (i, category) in self.categories.iter().enumerate() {
            let y = TOP + i as i32 * self.line_height();
            let label = shorten(category, 30);
            let (w, _) = root.estimate_text_size(&label, &label_font)?;
            root.draw(&Text::new(label, (LABEL_WIDTH - 12 - w as i32, y + self.line_height() / 2 - 9), label_font.clone()))?;
            let mut start = 0i64;
            for (s, series) in self.series.iter().enumerate() {
                let hidden = series.is_hidden(i);
                let v = if hidden { 0 } else { series.values.get(i).copied().unwrap_or(0) };
                let color = PALETTE[s % PALETTE.len()];
                let (y0, y1) = if self.stacked { (y + 6, y + 28) } else { (y + 5 + 20 * s as i32, y + 21 + 20 * s as i32) };
                let (from, to) = if self.stacked { (start, start + v) } else { (0, v) };
                if v > 0 {
                    root.draw(&Rectangle::new([(x_of(from), y0), (x_of(to), y1)], color.filled()))?;
                }
                if !self.stacked {
                    let shown = if hidden { "s".to_string() } else { v.to_string() };
                    root.draw(&Text::new(shown, (x_of(to) + 5, y0 + 1), value_font.clone()))?;
                }
                start += v;
            }
            if self.stacked {
                root.draw(&Text::new(start.to_string(), (x_of(start) + 5, y + 10), value_font.clone()))?;
            }
        }
        Ok(())
    }

    fn draw_legend<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let font = ("sans-serif", 14).into_font().color(&BLACK);
        let mut x = 20;
        for (s, series) in self.series.iter().enumerate() {
            let color = PALETTE[s % PALETTE.len()];
            root.draw(&Rectangle::new([(x, 54), (x + 14, 68)], color.filled()))?;
            root.draw(&Text::new(series.label.clone(), (x + 20, 53), font.clone()))?;
            let (w, _) = root.estimate_text_size(&series.label, &font)?;
            x += 20 + w as i32 + 24;
        }
        Ok(())
    }
}

/// A value axis for `max`: the step (1, 2 or 5 × 10^k) that needs at most 5 intervals, and the axis end.
///
/// ```
/// use veille::report::axis;
/// assert_eq!(axis(7), (2, 8));
/// assert_eq!(axis(43), (10, 50));
/// assert_eq!(axis(120), (50, 150));
/// assert_eq!(axis(0), (1, 1));
/// ```
pub fn axis(max: i64) -> (i64, i64) {
    let max = max.max(1);
    let mut magnitude = 1;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            let intervals = (max + step - 1) / step;
            if intervals <= 5 {
                return (step, intervals * step);
            }
        }
        magnitude *= 10;
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
