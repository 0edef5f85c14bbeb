//! A small flow layout for A4 documents: headings, paragraphs, key figures, tables that break across pages
//! with their header repeated, and charts. It produces pages of drawing operations; `render` turns them
//! into PDF with krilla. Units are points; y grows downwards; text y is its baseline.

use crate::report::fonts::text_width;

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 48.0;
const TOP: f32 = 64.0;
const BOTTOM: f32 = PAGE_HEIGHT - 56.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

/// An RGB colour.
pub type Rgb = (u8, u8, u8);
pub const INK: Rgb = (0x20, 0x20, 0x20);
pub const BLUE: Rgb = (0x1f, 0x4e, 0x79);
pub const GREY: Rgb = (0x70, 0x70, 0x70);
const RULE: Rgb = (0xc8, 0xc8, 0xc8);
const HEADER_FILL: Rgb = (0xdd, 0xe7, 0xf3);

/// One drawing operation on a page.
#[derive(Debug, Clone)]
pub enum Op {
    Text { x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: String },
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Rgb },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, color: Rgb },
    Svg { x: f32, y: f32, w: f32, h: f32, svg: String },
}

/// A table to lay out: headers, rows, column widths as fractions of the content width, and which columns
/// hold numbers (right-aligned).
pub struct TableSpec<'a> {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub widths: &'a [f32],
    pub numeric: &'a [bool],
    /// The font size (a wide table is set smaller).
    pub size: f32,
}

/// Splits a word longer than `width` (a file path) into pieces that fit.
fn break_word(word: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut pieces = vec![String::new()];
    for c in word.chars() {
        let last = pieces.len() - 1;
        let candidate = format!("{}{c}", pieces[last]);
        if !pieces[last].is_empty() && text_width(&candidate, size, bold) > width {
            pieces.push(c.to_string());
        } else {
            pieces[last] = candidate;
        }
    }
    pieces
}

/// Splits text into lines that fit `width` at `size`; a word too long for a line is broken.
pub fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if text_width(&candidate, size, bold) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut pieces = break_word(word, size, bold, width);
            line = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
        lines.push(line);
    }
    lines
}

/// The document being laid out.
pub struct Layout {
    pub pages: Vec<Vec<Op>>,
    y: f32,
}

impl Default for Layout {
    fn default() -> Self {
        Layout { pages: vec![Vec::new()], y: TOP }
    }
}

impl Layout {
    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    pub fn text(&mut self, x: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        let y = self.y;
        self.ops().push(Op::Text { x, y, size, bold, color, text: text.to_string() });
    }

    /// A section title, on a new page when little room is left.
    pub fn heading(&mut self, text: &str) {
        self.room_for(120.0);
        self.y += if self.y > TOP { 18.0 } else { 4.0 };
        self.text(MARGIN, 15.0, true, BLUE, text);
        self.y += 6.0;
        let y = self.y;
        self.ops().push(Op::Line { x1: MARGIN, y1: y, x2: PAGE_WIDTH - MARGIN, y2: y, color: BLUE });
        self.y += 16.0;
    }

    pub fn subheading(&mut self, text: &str) {
        // Keep a subheading with the first lines of what follows it.
        self.room_for(110.0);
        self.y += 6.0;
        self.text(MARGIN, 11.0, true, INK, text);
        self.y += 14.0;
    }

    pub fn paragraph(&mut self, text: &str, size: f32, color: Rgb) {
        for line in wrap(text, size, false, CONTENT_WIDTH) {
            self.room_for(size * 1.4);
            self.text(MARGIN, size, false, color, &line);
            self.y += size * 1.4;
        }
        self.y += 4.0;
    }

    /// Label / value lines, the value in bold at a fixed column; both wrap.
    pub fn key_values(&mut self, rows: &[(String, String)]) {
        for (label, value) in rows {
            let labels = wrap(label, 10.0, false, CONTENT_WIDTH * 0.6);
            let values = wrap(value, 10.0, true, CONTENT_WIDTH * 0.36);
            let lines = labels.len().max(values.len());
            self.room_for(14.0 * lines as f32);
            for i in 0..lines {
                if let Some(line) = labels.get(i) {
                    self.text(MARGIN, 10.0, false, INK, line);
                }
                if let Some(line) = values.get(i) {
                    self.text(MARGIN + CONTENT_WIDTH * 0.63, 10.0, true, INK, line);
                }
                self.y += 14.0;
            }
        }
        self.y += 4.0;
    }

    fn table_header(&mut self, spec: &TableSpec<'_>, xs: &[f32], size: f32) {
        let lines: Vec<Vec<String>> = spec.headers.iter().zip(xs.windows(2)).map(|(h, w)| wrap(h, size, true, w[1] - w[0] - 6.0)).collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * size * 1.25 + 6.0;
        let top = self.y;
        self.ops().push(Op::Rect { x: MARGIN, y: top, w: CONTENT_WIDTH, h: height, fill: HEADER_FILL });
        for (c, cell) in lines.iter().enumerate() {
            for (i, line) in cell.iter().enumerate() {
                let y = top + size * 1.1 + i as f32 * size * 1.25 + 2.0;
                self.ops().push(Op::Text { x: xs[c] + 3.0, y, size, bold: true, color: INK, text: line.clone() });
            }
        }
        self.y = top + height;
    }

    /// A table; it breaks across pages and repeats its header on each.
    pub fn table(&mut self, spec: &TableSpec<'_>) {
        let size = spec.size;
        let mut xs = vec![MARGIN];
        for w in spec.widths {
            xs.push(xs[xs.len() - 1] + w * CONTENT_WIDTH);
        }
        self.room_for(60.0);
        self.table_header(spec, &xs, size);
        for row in &spec.rows {
            let lines: Vec<Vec<String>> = row.iter().zip(xs.windows(2)).map(|(v, w)| wrap(v, size, false, w[1] - w[0] - 6.0)).collect();
            let height = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * size * 1.25 + 4.0;
            if self.y + height > BOTTOM {
                self.new_page();
                self.table_header(spec, &xs, size);
            }
            let top = self.y;
            for (c, cell) in lines.iter().enumerate() {
                let right = spec.numeric.get(c).copied().unwrap_or(false);
                for (i, line) in cell.iter().enumerate() {
                    let x = if right { xs[c + 1] - 3.0 - text_width(line, size, false) } else { xs[c] + 3.0 };
                    let y = top + size * 1.1 + i as f32 * size * 1.25 + 1.0;
                    self.ops().push(Op::Text { x, y, size, bold: false, color: INK, text: line.clone() });
                }
            }
            self.y = top + height;
            let y = self.y;
            self.ops().push(Op::Line { x1: MARGIN, y1: y, x2: PAGE_WIDTH - MARGIN, y2: y, color: RULE });
        }
        self.y += 10.0;
    }

    /// A chart (SVG) scaled to the content width.
    pub fn chart(&mut self, svg: &str, (width, height): (u32, u32)) {
        let w = CONTENT_WIDTH;
        let h = w * height as f32 / width.max(1) as f32;
        self.room_for(h + 8.0);
        let y = self.y;
        self.ops().push(Op::Svg { x: MARGIN, y, w, h, svg: svg.to_string() });
        self.y += h + 12.0;
    }
}
