//! The user has the last word: `[colonnes]` in veille.toml and `--colonne "En-tête=champ"` say which field
//! a header holds (or that it holds none: `ignorer`), and win over detection.

use crate::detect::schema::schema;
use crate::domain::TableKind;
use crate::text::fold;

/// The word that tells veille a column holds no field.
pub const IGNORE: &str = "ignorer";

/// One setting: this header (as written, compared folded), in this kind of table or any, is this field.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSetting {
    pub kind: Option<TableKind>,
    pub header: String,
    /// `None`: the column is read as no field.
    pub field: Option<&'static str>,
}

/// Every setting of a run, by source: the command line's before veille.toml's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnSettings(Vec<Vec<ColumnSetting>>);

/// A kind by its English or French name.
pub fn kind_named(name: &str) -> Option<TableKind> {
    let folded = fold(name);
    TableKind::parse(&folded).or(match folded.as_str() {
        "partenaires" | "disponibilites" => Some(TableKind::Partners),
        "prets" | "pret" => Some(TableKind::Loans),
        "registre" => Some(TableKind::Register),
        "questionnaires" => Some(TableKind::Questionnaire),
        _ => None,
    })
}

fn field_names(kind: Option<TableKind>) -> Vec<&'static str> {
    let kinds: Vec<TableKind> = kind.map(|k| vec![k]).unwrap_or_else(|| TableKind::ALL.to_vec());
    let mut names: Vec<&'static str> = kinds.iter().flat_map(|k| schema(*k).fields.iter().map(|f| f.name.as_str())).collect();
    names.sort();
    names.dedup();
    names
}

impl ColumnSettings {
    /// Adds "header" = "field" (or "kind.field", or `ignorer`); an unknown field is an error that lists the
    /// fields there are.
    ///
    /// ```
    /// use veille::detect::ColumnSettings;
    /// use veille::domain::TableKind;
    /// let mut s = ColumnSettings::default();
    /// s.add(Some(TableKind::Loans), "Restitué le", "date_retour").unwrap();
    /// s.add(None, "Colonne 7", "registre.adhesion_famille").unwrap();
    /// assert_eq!(s.field_for(TableKind::Loans, "RESTITUE LE"), Some(Some("date_retour")));
    /// assert!(s.add(None, "X", "date_retuor").unwrap_err().contains("date_retour"));
    /// ```
    pub fn add(&mut self, kind: Option<TableKind>, header: &str, target: &str) -> Result<(), String> {
        let target = target.trim();
        let (kind, field) = match target.split_once('.') {
            Some((k, f)) => (Some(kind_named(k).ok_or_else(|| format!("type de tableau inconnu « {k} » (questionnaire, partners, loans, register)"))?), f),
            None => (kind, target),
        };
        if fold(header).is_empty() && !header.trim().is_empty() {
            return Err(format!("en-tête « {header} » illisible"));
        }
        let field = if fold(field) == IGNORE {
            None
        } else {
            let names = field_names(kind);
            let found = names.iter().copied().find(|n| *n == field);
            Some(found.ok_or_else(|| format!("champ inconnu « {field} » pour « {header} » : champs possibles {} (ou « {IGNORE} »)", names.join(", ")))?)
        };
        let setting = ColumnSetting { kind, header: header.trim().to_string(), field };
        match self.0.last_mut() {
            Some(group) => group.push(setting),
            None => self.0.push(vec![setting]),
        }
        Ok(())
    }

    /// Parses a command-line `--colonne "En-tête=champ"`.
    pub fn add_argument(&mut self, argument: &str) -> Result<(), String> {
        let (header, field) = argument
            .rsplit_once('=')
            .ok_or_else(|| format!("--colonne « {argument} » : écrire \"En-tête=champ\", par exemple \"Restitué le=date_retour\""))?;
        self.add(None, header, field)
    }

    /// What the settings say of a header in a table of `kind`: `Some(Some(field))`, `Some(None)` (ignore),
    /// or `None` (nothing: detection decides). The first source that speaks of the header decides; within
    /// it, a setting for this kind wins over one for any kind.
    pub fn field_for(&self, kind: TableKind, header: &str) -> Option<Option<&'static str>> {
        if self.0.iter().all(Vec::is_empty) {
            return None;
        }
        let folded = fold(header);
        let applies = |s: &&ColumnSetting| {
            fold(&s.header) == folded && s.kind.is_none_or(|k| k == kind) && s.field.is_none_or(|f| schema(kind).index_of(f).is_some())
        };
        self.0.iter().find_map(|group| {
            let for_kind = group.iter().filter(applies).find(|s| s.kind == Some(kind));
            for_kind.or_else(|| group.iter().filter(applies).find(|s| s.kind.is_none())).map(|s| s.field)
        })
    }

    /// Puts `winners` before these settings: where both name a header, `winners` decide (the command line
    /// over veille.toml).
    pub fn prefer(&mut self, winners: ColumnSettings) {
        let mut first = winners.0;
        first.append(&mut self.0);
        self.0 = first;
    }
}
