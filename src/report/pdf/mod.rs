//! A document as a printable A4 PDF (krilla: embedded DejaVu fonts, charts as vector graphics, tables whose
//! header repeats on each page, page numbers).

mod document;
mod layout;
mod render;

pub use document::document_pdf;
