//! `diagnostic.pdf`: the diagnostic as a printable A4 document (krilla: embedded DejaVu fonts, charts as
//! vector graphics, tables whose header repeats on each page, page numbers).

mod bilan;
mod diagnostic;
mod layout;
mod render;

pub use bilan::bilan_pdf;
pub use diagnostic::diagnostic_pdf;
