//! `summary.json`: the key figures, machine-readable.

use super::ReportInput;
use serde_json::{json, Map, Value};

fn totals_object(totals: &crate::aggregate::Totals) -> Map<String, Value> {
    totals.named().iter().map(|(k, v)| (k.to_string(), json!(v))).collect()
}

/// The summary of a report (DESIGN.md, "Outputs").
pub fn summary_json(input: &ReportInput<'_>) -> Value {
    let intake = &input.data.intake;
    let sum = |f: fn(&crate::normalize::TableIntake) -> usize| intake.iter().map(f).sum::<usize>();
    let communes: Vec<Value> = input
        .aggregates
        .communes
        .iter()
        .map(|c| {
            let mut object = Map::new();
            object.insert("insee".into(), json!(c.insee));
            object.insert("name".into(), json!(c.name));
            object.extend(totals_object(&c.totals));
            Value::Object(object)
        })
        .collect();
    let mut summary = json!({
        "week": input.week.to_string(),
        "audience": "trio",
        "inputs": {
            "files": input.files,
            "rows_read": sum(|i| i.rows_read),
            "rows_accepted": sum(|i| i.rows_accepted),
            "rows_rejected": sum(|i| i.rows_rejected),
            "rows_ignored": sum(|i| i.rows_ignored),
        },
        "totals": totals_object(&input.aggregates.totals),
        "communes": communes,
    });
    if let (Some((week, before)), Value::Object(object)) = (&input.previous, &mut summary) {
        let now = input.aggregates.totals.named();
        let deltas: Map<String, Value> = now.iter().zip(before.named()).map(|((k, a), (_, b))| (k.to_string(), json!(a - b))).collect();
        object.insert("previous_week".into(), json!(week.to_string()));
        object.insert("deltas".into(), Value::Object(deltas));
    }
    summary
}
