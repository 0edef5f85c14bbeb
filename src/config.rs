//! The workspace's `veille.toml`: the cellule's commune(s) and territory, the secrecy threshold, the retention period, the
//! language and where inputs, reports and state live. Every key is optional; command-line options win.

use crate::detect::{kind_named, ColumnSettings};
use crate::domain::InseeCode;
use crate::i18n::Lang;
use crate::normalize::{resolve_commune, resolve_commune_in, CommuneMatch, CommuneResolution};
use crate::ingest::{Cell, Limits};
use crate::reference::{departement_code, Territory};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name looked for in the current folder.
pub const CONFIG_FILE: &str = "veille.toml";

/// The settings of a workspace.
///
/// ```
/// use veille::config::Config;
/// let c = Config::parse("communes = [\"Viry-Châtillon\"]\nmin_count = 10\n").unwrap();
/// assert_eq!(c.default_commune().map(|i| i.to_string()).as_deref(), Some("91687"));
/// assert_eq!((c.min_count, c.retention_days), (10, 365));
/// ```
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The commune(s) of the cellule (INSEE code, postal code or name); the first is the default commune
    /// of files that name none.
    pub communes: Vec<String>,
    /// The cellule's territory: départements ("44") and/or communes (INSEE code or name). Names resolve
    /// within it first. Empty: the départements of `communes`, else Essonne (91).
    pub territoire: Vec<String>,
    /// Counts from 1 to `min_count - 1` are hidden for the partenaires and prefecture audiences.
    pub min_count: u32,
    /// Register rows and history older than this (or closed for longer) are deleted by `veille purge`.
    pub retention_days: u32,
    /// `fr` or `en`.
    pub lang: String,
    /// Where the returned files are put (read by `veille report` when no INPUT is given).
    pub inputs: Vec<PathBuf>,
    /// Where reports are written (`<reports>/<week>/`).
    pub reports: PathBuf,
    /// The state folder: pseudonymisation key and history.
    pub state: PathBuf,
    /// Which header holds which field: `[colonnes.<kind>]` tables of "header as written" = "field", or
    /// "header" = "field" (or "kind.field") for any kind; `"ignorer"` reads a column as no field.
    pub colonnes: toml::Table,
    /// How long a run waits for another run to release the state folder, in seconds.
    pub lock_wait_seconds: u64,
    /// The caps on what one input file may cost (`[limits]`).
    pub limits: Limits,
    /// Secondary suppression and its audit (`[secret]`).
    pub secret: crate::privacy::SecretSettings,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            communes: Vec::new(),
            territoire: Vec::new(),
            min_count: 5,
            retention_days: 365,
            lang: "fr".into(),
            inputs: Vec::new(),
            reports: PathBuf::from("reports"),
            state: PathBuf::from(".veille"),
            colonnes: toml::Table::new(),
            lock_wait_seconds: 5,
            limits: Limits::default(),
            secret: crate::privacy::SecretSettings::default(),
        }
    }
}

/// Why `veille.toml` could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(String);

impl Config {
    /// The statistical-secrecy rule of restricted audiences: `min_count` and `[secret]`.
    pub fn secrecy_rule(&self) -> crate::privacy::SecrecyRule {
        crate::privacy::SecrecyRule { min_count: i64::from(self.min_count), protection_width: i64::from(self.secret.protection_width), cost: self.secret.cost }
    }

    /// Reads settings from TOML text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        for entry in &config.territoire {
            if departement_code(entry).is_none() && !matches!(resolve_commune(&Cell::Text(entry.clone())), CommuneMatch::Found(_)) {
                return Err(ConfigError(format!("territoire : « {entry} » n'est ni un département (par exemple \"44\") ni une commune connue : écrire son code INSEE")));
            }
        }
        let territory = config.territory();
        for commune in &config.communes {
            match resolve_commune_in(&Cell::Text(commune.clone()), &territory) {
                CommuneResolution::Found(..) => {}
                CommuneResolution::Outside(_) => {
                    return Err(ConfigError(format!("commune « {commune} » hors du territoire ({}) : l'ajouter à `territoire`", territory.describe(Lang::Fr))))
                }
                _ => return Err(ConfigError(format!("commune « {commune} » inconnue ou ambiguë dans le territoire ({}) : écrire son code INSEE", territory.describe(Lang::Fr)))),
            }
        }
        config.column_settings()?;
        Ok(config)
    }

    /// The `[colonnes]` table as settings; an unknown kind or field is an error that lists the right ones.
    ///
    /// ```
    /// use veille::config::Config;
    /// use veille::domain::TableKind;
    /// let c = Config::parse("[colonnes.loans]\n\"Restitué le\" = \"date_retour\"\n").unwrap();
    /// assert_eq!(c.column_settings().unwrap().field_for(TableKind::Loans, "Restitué le"), Some(Some("date_retour")));
    /// assert!(Config::parse("[colonnes.loans]\n\"Restitué le\" = \"retour\"\n").is_err());
    /// ```
    pub fn column_settings(&self) -> Result<ColumnSettings, ConfigError> {
        let mut settings = ColumnSettings::default();
        let bad = |e: String| ConfigError(format!("[colonnes] : {e}"));
        for (key, value) in &self.colonnes {
            match value {
                toml::Value::String(field) => settings.add(None, key, field).map_err(bad)?,
                toml::Value::Table(table) => {
                    let kind = kind_named(key).ok_or_else(|| bad(format!("type de tableau inconnu « {key} » (questionnaire, partners, loans, register)")))?;
                    for (header, field) in table {
                        let field = field.as_str().ok_or_else(|| bad(format!("« {header} » : écrire le nom du champ entre guillemets")))?;
                        settings.add(Some(kind), header, field).map_err(bad)?;
                    }
                }
                _ => return Err(bad(format!("« {key} » : écrire \"En-tête\" = \"champ\" ou une table [colonnes.<type>]"))),
            }
        }
        Ok(settings)
    }

    /// The cellule's territory: `territoire`, else the départements of `communes`, else Essonne.
    ///
    /// ```
    /// use veille::config::Config;
    /// let c = Config::parse("territoire = [\"44\", \"085\"]\n").unwrap();
    /// assert_eq!(c.territory().departements(), ["44", "85"]);
    /// let c = Config::parse("communes = [\"Nantes\"]\n").unwrap();
    /// assert_eq!(c.territory().departements(), ["44"]);
    /// assert_eq!(Config::default().territory().departements(), ["91"]);
    /// ```
    pub fn territory(&self) -> Territory {
        let found = |text: &String| match resolve_commune(&Cell::Text(text.clone())) {
            CommuneMatch::Found(insee) => Some(insee),
            _ => None,
        };
        if self.territoire.is_empty() {
            let mut departements: Vec<String> = Vec::new();
            for insee in self.communes.iter().filter_map(found) {
                let dep = crate::reference::departement_of(insee.as_str()).to_string();
                if !departements.contains(&dep) {
                    departements.push(dep);
                }
            }
            return if departements.is_empty() { Territory::default() } else { Territory::new(departements, Vec::new()) };
        }
        let departements: Vec<String> = self.territoire.iter().filter_map(|e| departement_code(e)).collect();
        let communes = self.territoire.iter().filter(|e| departement_code(e).is_none()).filter_map(found).collect();
        Territory::new(departements, communes)
    }

    /// Reads `veille.toml` in `dir`; defaults when there is none.
    pub fn load(dir: &Path) -> Result<Config, ConfigError> {
        let path = dir.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text).map_err(|e| ConfigError(format!("{} : {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError(format!("{} : {e}", path.display()))),
        }
    }

    /// The communes of the cellule, as INSEE codes.
    pub fn commune_codes(&self) -> Vec<InseeCode> {
        let territory = self.territory();
        self.communes
            .iter()
            .filter_map(|c| match resolve_commune_in(&Cell::Text(c.clone()), &territory) {
                CommuneResolution::Found(insee, _) => Some(insee),
                _ => None,
            })
            .collect()
    }

    /// The commune given to rows and files that name none.
    pub fn default_commune(&self) -> Option<InseeCode> {
        self.commune_codes().into_iter().next()
    }

    /// The language of the workspace.
    pub fn language(&self) -> Lang {
        self.lang.parse().unwrap_or_default()
    }
}

/// The commented `veille.toml` that `veille init` writes.
///
/// ```
/// use veille::config::{commented_config, Config};
/// let text = commented_config(Some("91687"));
/// assert_eq!(Config::parse(&text).unwrap().communes, vec!["91687".to_string()]);
/// ```
pub fn commented_config(commune: Option<&str>) -> String {
    let communes: Vec<String> = commune.map(str::to_string).into_iter().collect();
    commented_config_in(&communes, &[])
}

/// The commented `veille.toml` with the cellule's communes and territory (`veille init --departement 44`).
///
/// ```
/// use veille::config::{commented_config_in, Config};
/// let text = commented_config_in(&["44109".to_string()], &["44".to_string()]);
/// let config = Config::parse(&text).unwrap();
/// assert_eq!((config.communes, config.territoire), (vec!["44109".to_string()], vec!["44".to_string()]));
/// ```
pub fn commented_config_in(commune_list: &[String], territoire: &[String]) -> String {
    let quoted = |items: &[String]| items.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let communes = if commune_list.is_empty() {
        "communes = []   # par exemple [\"91687\"] ou [\"Viry-Châtillon\", \"Grigny\"]".to_string()
    } else {
        format!("communes = [{}]", quoted(commune_list))
    };
    let territoire = if territoire.is_empty() {
        "# territoire = [\"91\"]   # par défaut : les départements des communes ci-dessus, sinon l'Essonne (91)".to_string()
    } else {
        format!("territoire = [{}]", quoted(territoire))
    };
    format!(
        "# Configuration de la cellule de veille pour la continuité éducative (veille).\n\
         # Chaque clé est facultative ; une option de la ligne de commande l'emporte.\n\
         \n\
         # Commune(s) de la cellule : code INSEE, code postal ou nom. La première est la commune par défaut\n\
         # des fichiers qui n'en indiquent aucune.\n\
         {communes}\n\
         \n\
         # Territoire de la cellule : départements (\"44\") et/ou communes (code INSEE ou nom). Les noms de\n\
         # communes et d'établissements y sont cherchés d'abord ; une commune hors du territoire est refusée\n\
         # (commune-outside) : l'ajouter ici pour la compter.\n\
         {territoire}\n\
         \n\
         # Secret statistique (publics « partenaires » et « prefecture ») : les effectifs de 1 à min_count - 1\n\
         # sont masqués.\n\
         min_count = 5\n\
         \n\
         # Durée de conservation (charte, article 7) : `veille purge` efface le registre et l'historique plus\n\
         # anciens, ou clos depuis plus longtemps.\n\
         retention_days = 365\n\
         \n\
         # Langue des messages et des rapports : \"fr\" ou \"en\".\n\
         lang = \"fr\"\n\
         \n\
         # Dossier où déposer les fichiers reçus (lu par `veille report` sans argument).\n\
         inputs = [\"entrees\"]\n\
         \n\
         # Dossier des rapports (un sous-dossier par semaine).\n\
         reports = \"reports\"\n\
         \n\
         # Dossier d'état : clé de pseudonymisation (à sauvegarder) et historique des semaines.\n\
         state = \".veille\"\n\
         \n\
         # Un seul traitement à la fois par dossier d'état : un second attend ce nombre de secondes.\n\
         lock_wait_seconds = 5\n\
         \n\
         # Colonnes : quand veille ne comprend pas un en-tête (voir `veille validate`), dire quel champ il\n\
         # contient (`veille schema loans` liste les champs), ou \"ignorer\". Par exemple :\n\
         # [colonnes.loans]\n\
         # \"Restitué le\" = \"date_retour\"\n\
         \n\
         # Limites par fichier lu (un fichier qui les dépasse est signalé et ignoré, le traitement continue).\n\
         # Enlever le « # » d'une ligne pour la changer.\n\
         # [limits]\n\
         # max_file_mb = 128          # taille du fichier\n\
         # max_inflated_mb = 1024     # taille décompressée d'un xlsx, xlsb ou ods\n\
         # max_cells = 12000000       # cellules d'une feuille (de la première à la dernière remplie)\n\
         # max_seconds = 120          # durée de lecture d'un fichier\n\
         \n\
         # Secret secondaire : une cellule masquée est protégée quand l'intervalle qu'un lecteur peut en\n\
         # déduire est plus large que protection_width (0 : elle ne peut pas être recalculée exactement) ;\n\
         # cost = \"cells\" masque le moins de cellules possible, puis les plus petites ; \"values\" la plus\n\
         # petite somme. Enlever le « # » des lignes pour changer.\n\
         # [secret]\n\
         # protection_width = 0\n\
         # cost = \"cells\"\n"
    )
}
