//! The report's fonts (DejaVu Sans, regular and bold: every French accent), embedded in the binary and
//! shared by the charts and the PDF, with the text measurement the PDF layout needs.

use ab_glyph::{Font, FontRef};
use std::sync::OnceLock;

pub(crate) const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(crate) const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

fn face(bold: bool) -> Option<&'static FontRef<'static>> {
    static REGULAR: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    static BOLD: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    let (cell, bytes) = if bold { (&BOLD, FONT_BOLD) } else { (&REGULAR, FONT_REGULAR) };
    cell.get_or_init(|| FontRef::try_from_slice(bytes).ok()).as_ref()
}

/// The width of `text` in points at `size` points.
///
/// ```
/// use veille::report::text_width;
/// let w = text_width("Élèves", 10.0, false);
/// assert!(w > 25.0 && w < 45.0);
/// assert!(text_width("Élèves", 10.0, true) > w);
/// ```
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let Some(font) = face(bold) else { return text.chars().count() as f32 * size * 0.6 };
    let em = font.units_per_em().unwrap_or(2048.0);
    text.chars().map(|c| font.h_advance_unscaled(font.glyph_id(c))).sum::<f32>() / em * size
}
