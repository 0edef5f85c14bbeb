//! `summary.json`: the key figures, machine-readable, as the publication allows (`"s"` for a hidden one).

use crate::aggregate::Figure;
use crate::normalize::TableIntake;
use crate::privacy::Publication;
use serde_json::{json, Map, Value};

fn figures(value: impl Fn(Figure) -> Option<i64>) -> Map<String, Value> {
    Figure::ALL.iter().map(|&f| (f.name().to_string(), value(f).map_or(json!("s"), |v| json!(v)))).collect()
}

/// The summary of a report (DESIGN.md, "Outputs"); `files` counts the inputs given, readable or not.
pub fn summary_json(p: &Publication<'_>, files: usize, confidentiality: Value) -> Value {
    let intake = &p.week.data.intake;
    let sum = |f: fn(&TableIntake) -> usize| intake.iter().map(f).sum::<usize>();
    let communes: Vec<Value> = p
        .week
        .aggregates
        .communes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut object = Map::new();
            object.insert("insee".into(), json!(c.insee));
            object.insert("name".into(), json!(c.name));
            object.extend(figures(|f| p.commune_total(i, f)));
            Value::Object(object)
        })
        .collect();
    let mut summary = json!({
        "week": p.week.aggregates.week.to_string(),
        "audience": p.audience_code(),
        "inputs": {
            "files": files,
            "rows_read": sum(|i| i.rows_read),
            "rows_accepted": sum(|i| i.rows_accepted),
            "rows_rejected": sum(|i| i.rows_rejected),
            "rows_ignored": sum(|i| i.rows_ignored),
        },
        "totals": figures(|f| p.total(f)),
        "communes": communes,
        "confidentiality": confidentiality,
    });
    if let (Some(change), Value::Object(object)) = (p.change(), &mut summary) {
        object.insert("previous_week".into(), json!(change.since.to_string()));
        object.insert("deltas".into(), Value::Object(figures(|f| change.deltas[f as usize])));
    }
    summary
}
