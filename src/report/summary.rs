//! `summary.json`: the key figures, machine-readable.

use super::ReportInput;
use serde_json::{json, Map, Value};

/// The totals, with `"s"` for a figure hidden by statistical secrecy (`commune`: index in
/// `aggregates.communes`, or `None` for the overall totals).
fn totals_object(totals: &crate::aggregate::Totals, input: &ReportInput<'_>, commune: Option<usize>) -> Map<String, Value> {
    let hidden = |k: &str| input.masked.as_ref().is_some_and(|m| m.total_hidden(commune, k));
    totals.named().iter().map(|(k, v)| (k.to_string(), if hidden(k) { json!("s") } else { json!(v) })).collect()
}

/// The summary of a report (DESIGN.md, "Outputs").
pub fn summary_json(input: &ReportInput<'_>) -> Value {
    let intake = &input.data.intake;
    let sum = |f: fn(&crate::normalize::TableIntake) -> usize| intake.iter().map(f).sum::<usize>();
    let communes: Vec<Value> = input
        .aggregates
        .communes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut object = Map::new();
            object.insert("insee".into(), json!(c.insee));
            object.insert("name".into(), json!(c.name));
            object.extend(totals_object(&c.totals, input, Some(i)));
            Value::Object(object)
        })
        .collect();
    let mut summary = json!({
        "week": input.week.to_string(),
        "audience": input.audience.as_str(),
        "inputs": {
            "files": input.files,
            "rows_read": sum(|i| i.rows_read),
            "rows_accepted": sum(|i| i.rows_accepted),
            "rows_rejected": sum(|i| i.rows_rejected),
            "rows_ignored": sum(|i| i.rows_ignored),
        },
        "totals": totals_object(&input.aggregates.totals, input, None),
        "communes": communes,
        "confidentiality": super::confidentiality_json(input),
    });
    if let (Some((week, before)), Value::Object(object)) = (&input.previous, &mut summary) {
        let now = input.aggregates.totals.named();
        let hidden = |k: &str| input.masked.as_ref().is_some_and(|m| m.total_hidden(None, k));
        let deltas: Map<String, Value> = now
            .iter()
            .zip(before.named())
            .map(|((k, a), (_, b))| (k.to_string(), if hidden(k) { json!("s") } else { json!(a - b) }))
            .collect();
        object.insert("previous_week".into(), json!(week.to_string()));
        object.insert("deltas".into(), Value::Object(deltas));
    }
    summary
}
