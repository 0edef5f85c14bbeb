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
    /// Each field's key words, compiled once.
    #[serde(skip)]
    keywords: std::sync::OnceLock<Vec<crate::detect::columns::Keywords>>,
    /// Each field's long aliases (whole questions) as sorted significant words, for close wordings.
    #[serde(skip)]
    long_aliases: std::sync::OnceLock<Vec<Vec<Vec<String>>>>,
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

    /// For each field, its `x-keywords` compiled for header matching.
    pub fn keywords(&self) -> &[crate::detect::columns::Keywords] {
        self.keywords.get_or_init(|| self.fields.iter().map(|f| crate::detect::columns::Keywords::compile(&f.keywords)).collect())
    }

    /// For each field, its aliases of three significant words or more, each as sorted distinct words.
    pub fn long_aliases(&self) -> &[Vec<Vec<String>>] {
        self.long_aliases.get_or_init(|| {
            self.folded_names()
                .iter()
                .map(|names| names.iter().map(|a| crate::detect::columns::distinct_words(a)).filter(|w| w.len() >= 3).collect())
                .collect()
        })
    }

    /// The index of a field by name.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
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
    /// Key words a header may use for this field (`x-keywords`): folded stems, words joined by a space must
    /// all appear, `|` separates alternatives, a leading `!` vetoes the field.
    #[serde(rename = "x-keywords", default)]
    pub keywords: Vec<String>,
    /// The questionnaire's question number this field answers (`x-question`).
    #[serde(rename = "x-question")]
    pub question: Option<u8>,
    /// The second field of a question ("Lequel ?", "Par qui ?"), after its main answer (`x-follow-up`).
    #[serde(rename = "x-follow-up", default)]
    pub follow_up: bool,
    /// The field holds professionals' names (a contact, a referent: `x-people`); any other text field whose
    /// column holds people's names is never read.
    #[serde(rename = "x-people", default)]
    pub people: bool,
    /// The figure that a table without this column gets wrong or incomplete (`x-missing`).
    #[serde(rename = "x-missing")]
    pub missing: Option<Bilingual>,
}

/// A message in French and English.
#[derive(Debug, Clone, Deserialize)]
pub struct Bilingual {
    pub fr: String,
    pub en: String,
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
        keywords: std::sync::OnceLock::new(),
        long_aliases: std::sync::OnceLock::new(),
    }
}
