//! A chart of the document as a native Excel chart: the cells it plots are written on the sheet (a hidden
//! value as "s", which Excel plots as nothing), then the chart is drawn from them below.

use super::xlsx::{write_value, Styles};
use crate::document::{Chart, Value};
use rust_xlsxwriter::{Chart as XlsxChart, ChartType, Worksheet, XlsxError};

/// Rows a chart of 360 pixels covers at the default row height.
const CHART_ROWS: u32 = 19;

/// Writes the chart's title and cells from row `top` of `ws`, then the native chart under them (its ranges
/// name the sheet), and returns the first free row below it.
pub(super) fn native_chart(ws: &mut Worksheet, top: u32, chart: &Chart, s: &Styles) -> Result<u32, XlsxError> {
    let bars = &chart.bars;
    let name = ws.name();
    let sheet = name.as_str();
    ws.write_string_with_format(top, 0, &bars.title, &s.bold)?;
    let header = top + 1;
    ws.write_string_with_format(header, 0, "", &s.header)?;
    for (c, series) in bars.series.iter().enumerate() {
        ws.write_string_with_format(header, 1 + c as u16, &series.label, &s.header)?;
    }
    for (r, category) in bars.categories.iter().enumerate() {
        let row = header + 1 + r as u32;
        ws.write_string(row, 0, category)?;
        for (c, series) in bars.series.iter().enumerate() {
            let value = if series.is_hidden(r) { Value::Hidden } else { Value::Int(series.values.get(r).copied().unwrap_or(0)) };
            write_value(ws, row, 1 + c as u16, &value)?;
        }
    }
    let last = header + bars.categories.len().max(1) as u32;
    if bars.series.is_empty() || bars.categories.is_empty() {
        // Nothing to plot (no loan this week): Excel refuses a chart without a series.
        return Ok(last + 2);
    }
    let mut native = XlsxChart::new(if bars.stacked { ChartType::BarStacked } else { ChartType::Bar });
    native.title().set_name(&bars.title);
    for c in 0..bars.series.len() {
        let col = 1 + c as u16;
        native.add_series().set_name((sheet, header, col)).set_categories((sheet, header + 1, 0, last, 0)).set_values((sheet, header + 1, col, last, col));
    }
    native.set_width(720).set_height(360);
    ws.insert_chart(last + 2, 0, &native)?;
    Ok(last + 2 + CHART_ROWS + 2)
}
