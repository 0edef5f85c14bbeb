//! The PNG files of the charts and the map: drawn into memory, then compressed at the fast level.
//! Flat colours compress well at any level, and the default level was a tenth of a small weekly run.

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ColorType, ImageEncoder};
use plotters::coord::Shift;
use plotters::prelude::{BitMapBackend, DrawingArea, IntoDrawingArea};
use std::path::Path;

/// Draws a `width` × `height` picture with `draw` and writes it to `path` as PNG.
///
/// ```
/// use plotters::prelude::*;
/// let path = std::env::temp_dir().join("veille-png-doc.png");
/// veille::png::write_png(&path, (40, 20), |root| root.fill(&RED).map_err(|e| e.to_string())).unwrap();
/// assert!(std::fs::read(&path).unwrap().starts_with(b"\x89PNG"));
/// ```
pub fn write_png(path: &Path, (width, height): (u32, u32), draw: impl FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<(), String>) -> Result<(), String> {
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        draw(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    let mut encoded = Vec::new();
    PngEncoder::new_with_quality(&mut encoded, CompressionType::Fast, FilterType::Sub)
        .write_image(&pixels, width, height, ColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    std::fs::write(path, encoded).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::write_png;
    use plotters::prelude::*;

    #[test]
    fn the_pixels_drawn_are_the_pixels_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("two.png");
        let drawn = write_png(&path, (30, 10), |root| {
            root.fill(&WHITE).map_err(|e| e.to_string())?;
            root.draw(&Rectangle::new([(0, 0), (14, 9)], RGBColor(0x12, 0x34, 0x56).filled())).map_err(|e| e.to_string())
        });
        assert_eq!(drawn, Ok(()));
        let picture = image::open(&path).map(|p| p.to_rgb8()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(picture.dimensions(), (30, 10));
        assert_eq!(picture.get_pixel(3, 5).0, [0x12, 0x34, 0x56]);
        assert_eq!(picture.get_pixel(25, 5).0, [0xff, 0xff, 0xff]);
    }
}
