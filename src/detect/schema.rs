//! The Table Schemas of the four input kinds (`schemas/<kind>.schema.json`), embedded in the binary.

use crate::domain::TableKind;
use serde::Deserialize;
use std::sync::OnceLock;

/// A Table Schema (Frictionless Data) with veille's `x-aliases` and `x-normalize` properties.
#[derive(Debug, Clone, Deserialize)]
pub struct TableSchema {
    pub name: String,
    pub title: String,
    pub description: String,
    pub fields: Vec<Field>,
    #[serde(rename = "missingValues", default)]
    pub missing_values: Vec<String>,
    /// Each field's name and aliases, folded once (header matching compares folded text).
    #[serde(skip)]
    folded: std::sync::OnceLock<Vec<Vec<String>>>,
}

impl TableSchema {
    /// For each field, its name (underscores as spaces) and its aliases, folded.
    pub fn folded_names(&self) -> &[Vec<String>] {
        self.folded.get_or_init(|| {
            self.fields
                .iter()
                .map(|f| std::iter::once(f.name.replace('_', " ")).chain(f.aliases.iter().map(|a| crate::text::fold(a))).collect())
                .collect()
        })
    }
}

/// One column of a schema.
#[derive(Debug, Clone, Deserialize)]
pub struct Field {
    pub name: String,
    pub title: String,
    #[serde(rename = "type")]
    pub field_type: String,
    pub description: String,
    #[serde(default)]
    pub constraints: Constraints,
    #[serde(rename = "x-aliases", default)]
    pub aliases: Vec<String>,
    #[serde(rename = "x-normalize")]
    pub normalize: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Constraints {
    #[serde(default)]
    pub required: bool,
}

/// The schema's JSON text, as `veille schema KIND` prints it.
///
/// ```
/// use veille::detect::schema_json;
/// use veille::domain::TableKind;
/// assert!(schema_json(TableKind::Loans).contains("\"date_pret\""));
/// ```
pub fn schema_json(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Questionnaire => include_str!("../../schemas/questionnaire.schema.json"),
        TableKind::Partners => include_str!("../../schemas/partners.schema.json"),
        TableKind::Loans => include_str!("../../schemas/loans.schema.json"),
        TableKind::Register => include_str!("../../schemas/register.schema.json"),
    }
}

/// The parsed schema of a kind.
///
/// ```
/// use veille::detect::schema;
/// use veille::domain::TableKind;
/// let loans = schema(TableKind::Loans);
/// assert!(loans.fields.iter().any(|f| f.name == "materiel" && f.constraints.required));
/// ```
pub fn schema(kind: TableKind) -> &'static TableSchema {
    static SCHEMAS: OnceLock<Vec<TableSchema>> = OnceLock::new();
    let all = SCHEMAS.get_or_init(|| {
        TableKind::ALL
            .iter()
            // The embedded schemas are checked by a test: a broken one fails the build's tests, not a run.
            .map(|&k| serde_json::from_str(schema_json(k)).unwrap_or_else(|_| empty_schema(k)))
            .collect()
    });
    let index = TableKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    &all[index]
}

fn empty_schema(kind: TableKind) -> TableSchema {
    TableSchema {
        name: kind.as_str().to_string(),
        title: String::new(),
        description: String::new(),
        fields: Vec::new(),
        missing_values: Vec::new(),
        folded: std::sync::OnceLock::new(),
    }
}
