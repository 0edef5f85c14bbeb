//! Laid-out pages to PDF with krilla: the DejaVu fonts embedded (subset), charts drawn as vectors from
//! their SVG (usvg, with the same fonts), a running header and "Page n / N" on every page.

use super::layout::{Op, Rgb, GREY, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use crate::report::fonts::{text_width, FONT_BOLD, FONT_REGULAR};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};

struct Fonts {
    regular: Font,
    bold: Font,
    svg: usvg::Options<'static>,
}

fn fonts() -> Result<Fonts, String> {
    let load = |bytes: &'static [u8]| Font::new(bytes.to_vec().into(), 0).ok_or_else(|| "police illisible / unreadable font".to_string());
    let mut svg = usvg::Options::default();
    svg.fontdb_mut().load_font_data(FONT_REGULAR.to_vec());
    svg.fontdb_mut().load_font_data(FONT_BOLD.to_vec());
    // The charts ask for "sans-serif": it must be DejaVu, the font they were measured with.
    svg.fontdb_mut().set_sans_serif_family("DejaVu Sans");
    Ok(Fonts { regular: load(FONT_REGULAR)?, bold: load(FONT_BOLD)?, svg })
}

fn fill(color: Rgb) -> Fill {
    Fill { paint: rgb::Color::new(color.0, color.1, color.2).into(), ..Fill::default() }
}

/// The charts' SVG of every page, parsed on every core before the pages are drawn in order: parsing
/// turns each label into outlines, as much work as the rest of the PDF.
fn parse_charts(pages: &[Vec<Op>], options: &usvg::Options<'static>) -> Vec<Option<usvg::Tree>> {
    use rayon::prelude::*;
    let svgs: Vec<&str> = pages.iter().flatten().filter_map(|op| if let Op::Svg { svg, .. } = op { Some(svg.as_str()) } else { None }).collect();
    svgs.par_iter().map(|svg| usvg::Tree::from_str(svg, options).ok()).collect()
}

/// Draws one operation; `charts` gives the parsed SVG of each chart in the order they come.
fn draw(surface: &mut Surface<'_>, op: &Op, f: &Fonts, charts: &mut impl Iterator<Item = Option<usvg::Tree>>) {
    match op {
        Op::Text { x, y, size, bold, color, text } => {
            surface.set_fill(Some(fill(*color)));
            let font = if *bold { f.bold.clone() } else { f.regular.clone() };
            surface.draw_text(Point::from_xy(*x, *y), font, *size, text, false, TextDirection::Auto);
        }
        Op::Rect { x, y, w, h, fill: color } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
            }
        }
        Op::Line { x1, y1, x2, y2, color } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y1);
            path.line_to(*x2, *y2);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke { paint: rgb::Color::new(color.0, color.1, color.2).into(), width: 0.6, ..Stroke::default() }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Svg { x, y, w, h, .. } => {
            let (Some(tree), Some(size)) = (charts.next().flatten(), Size::from_wh(*w, *h)) else { return };
            surface.push_transform(&Transform::from_translate(*x, *y));
            surface.draw_svg(&tree, size, SvgSettings::default());
            surface.pop();
        }
    }
}

/// The running header (left: title, right: place and week) and footer (page n / N).
fn furniture(page: usize, pages: usize, header: (&str, &str), footer: &str) -> Vec<Op> {
    let n = format!("Page {} / {pages}", page + 1);
    let right = PAGE_WIDTH - MARGIN;
    vec![
        Op::Text { x: MARGIN, y: 34.0, size: 8.0, bold: false, color: GREY, text: header.0.to_string() },
        Op::Text { x: right - text_width(header.1, 8.0, false), y: 34.0, size: 8.0, bold: false, color: GREY, text: header.1.to_string() },
        Op::Line { x1: MARGIN, y1: 40.0, x2: right, y2: 40.0, color: GREY },
        Op::Text { x: MARGIN, y: PAGE_HEIGHT - 30.0, size: 8.0, bold: false, color: GREY, text: footer.to_string() },
        Op::Text { x: right - text_width(&n, 8.0, false), y: PAGE_HEIGHT - 30.0, size: 8.0, bold: false, color: GREY, text: n },
    ]
}

/// Renders the pages to PDF bytes.
pub fn render(pages: &[Vec<Op>], header: (&str, &str), footer: &str) -> Result<Vec<u8>, String> {
    let f = fonts()?;
    let mut document = Document::new();
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("A4")?;
    let mut charts = parse_charts(pages, &f.svg).into_iter();
    for (i, ops) in pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops.iter().chain(&furniture(i, pages.len(), header, footer)) {
            draw(&mut surface, op, &f, &mut charts);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}
