//! A row's commune and school, with the issue that says how each was read: a former name, a commune
//! déléguée, an arrondissement (`info`), a typo (`warning`), a commune outside the territory (`error`).

use super::rows::{quote, RowCtx};
use super::{CommuneResolution, SchoolMatch, Via};
use crate::domain::{InseeCode, Uai};
use crate::i18n::Lang;
use crate::reference::{name_key, AliasKind, Reference, School, Territory};

/// The school of a row, and its UAI even when no reference file holds it (a lycée, a private école);
/// warnings for a typo'd UAI or an unknown name.
pub(crate) fn optional_school(row: &mut RowCtx<'_, '_>, field: &str, commune: Option<&InseeCode>) -> (Option<&'static School>, Option<Uai>) {
    let Some(cell) = row.cell(field).cloned() else { return (None, None) };
    // Quoted only for a message: most rows name a school the reference holds.
    let v = || quote(&cell.to_text());
    match row.table.memo.school(&cell, commune, row.table.territory) {
        SchoolMatch::Found(school) => (Some(school), Some(school.uai.clone())),
        SchoolMatch::Blank => (None, None),
        SchoolMatch::InvalidUai => {
            let v = v();
            row.warn(field, "invalid-uai", format!("UAI « {v} » invalide (lettre de contrôle) : vérifier le code"), format!("invalid UAI \"{v}\" (check letter): check the code"));
            (None, None)
        }
        SchoolMatch::UnknownUai(uai) => {
            let v = v();
            row.info(field, "unknown-school", format!("UAI « {v} » valide mais absent du référentiel (lycée, école privée…) : conservé"), format!("UAI \"{v}\" is valid but in no reference file (a lycée, a private école…): kept"));
            (None, Some(uai))
        }
        SchoolMatch::Unknown => {
            let v = v();
            row.warn(field, "unknown-school", format!("établissement « {v} » non reconnu : indiquer son UAI"), format!("school \"{v}\" not recognised: give its UAI"));
            (None, None)
        }
    }
}

/// The commune a row names by itself or by its title rows, without fallbacks or issues: a hint to tell
/// apart schools of the same name.
pub(crate) fn commune_hint(row: &RowCtx<'_, '_>) -> Option<InseeCode> {
    match row.cell("commune").map(|c| row.table.memo.commune(c, row.table.territory)) {
        Some(CommuneResolution::Found(insee, _)) => Some(insee),
        _ => row.table.title_commune.clone(),
    }
}

fn label(insee: &InseeCode) -> String {
    let name = Reference::get().commune(insee).map(|c| c.name.clone()).unwrap_or_default();
    format!("{name} ({insee})")
}

fn labels(all: &[InseeCode]) -> String {
    let mut shown: Vec<String> = all.iter().take(6).map(label).collect();
    if all.len() > 6 {
        shown.push("…".into());
    }
    shown.join(", ")
}

/// The issue of a commune found by another name than its own: (severity is info unless a typo, code, fr, en).
fn read_as(v: &str, via: &Via, insee: &InseeCode) -> Option<(bool, &'static str, String, String)> {
    let (what_fr, what_en, code, counted) = match via {
        // Most rows name their commune as it is: nothing to say, nothing to format.
        Via::Exact => return None,
        Via::Typo { matched } => {
            let target = label(insee);
            let fr = format!("« {v} » lu comme « {matched} », commune {target} : vérifier l'orthographe");
            let en = format!("\"{v}\" read as \"{matched}\", commune {target}: check the spelling");
            return Some((true, "commune-typo", fr, en));
        }
        Via::Alias { kind: AliasKind::Former, .. } => ("ancienne commune", "former commune", "former-commune", "comptée"),
        Via::Alias { kind: AliasKind::Deleguee, .. } => ("commune déléguée", "commune déléguée", "delegated-commune", "comptée"),
        Via::Alias { kind: AliasKind::Associee, .. } => ("commune associée", "commune associée", "associated-commune", "comptée"),
        Via::Alias { kind: AliasKind::Arrondissement, .. } => ("arrondissement municipal", "arrondissement municipal", "municipal-arrondissement", "compté"),
    };
    let Via::Alias { name, .. } = via else { return None };
    let target = label(insee);
    // Name the alias when the cell did not ("91182" → Courcouronnes, "Paris 15e" → Paris 15e Arrondissement).
    let named = if name_key(name) == name_key(v) { String::new() } else { format!(" ({name})") };
    let fr = format!("« {v} » : {what_fr}{named}, {counted} dans {target}");
    let en = format!("\"{v}\": {what_en}{named}, counted in {target}");
    Some((false, code, fr, en))
}

/// The arrondissement municipal the row's commune cell names, if it names one ("Paris 15e", "75115",
/// "Lyon 3ème"): the row counts under the city, and the tables with room for it keep the arrondissement.
pub(crate) fn row_arrondissement(row: &RowCtx<'_, '_>) -> Option<InseeCode> {
    let cell = row.cell("commune")?;
    match row.table.memo.commune(cell, row.table.territory) {
        CommuneResolution::Found(_, Via::Alias { kind: AliasKind::Arrondissement, code, .. }) => code,
        _ => None,
    }
}

/// How to widen the territory so that a commune counts: the toml line to write.
fn widen(territory: &Territory, outside: &[InseeCode]) -> String {
    let mut entries: Vec<String> = territory.departements().to_vec();
    entries.extend(territory.listed_communes().iter().map(|c| c.to_string()));
    if let [one] = outside {
        let dep = crate::reference::departement_of(one.as_str()).to_string();
        if !entries.contains(&dep) {
            entries.push(dep);
        }
    }
    let quoted: Vec<String> = entries.iter().map(|e| format!("\"{e}\"")).collect();
    format!("territoire = [{}]", quoted.join(", "))
}

fn outside_messages(v: &str, all: &[InseeCode], territory: &Territory) -> (String, String) {
    let (names, widen) = (labels(all), widen(territory, all));
    let (t_fr, t_en) = (territory.describe(Lang::Fr), territory.describe(Lang::En));
    let fr = format!("« {v} » : {names}, hors du territoire de la cellule ({t_fr}) : pour la compter, élargir le territoire dans veille.toml ({widen}) ou écrire le code INSEE");
    let en = format!("\"{v}\": {names}, outside the cellule's territory ({t_en}): to count it, widen the territory in veille.toml ({widen}) or write the INSEE code");
    (fr, en)
}

/// The row's commune: its own cell, else the title rows, its school, the workspace default. Rejects the row
/// (error) when none gives one, or when its own cell names a real commune outside the territory.
pub(crate) fn row_commune(row: &mut RowCtx<'_, '_>, school: Option<&School>) -> Option<InseeCode> {
    let territory = row.table.territory;
    let cell = row.cell("commune").cloned();
    let own = cell.as_ref().map(|c| row.table.memo.commune(c, territory)).unwrap_or(CommuneResolution::Blank);
    if let CommuneResolution::Found(insee, Via::Exact) = own {
        return Some(insee);
    }
    let v = cell.as_ref().map(|c| quote(&c.to_text())).unwrap_or_default();
    let (code, fr, en) = match own {
        CommuneResolution::Found(insee, via) => {
            match read_as(&v, &via, &insee) {
                Some((true, code, fr, en)) => row.warn("commune", code, fr, en),
                Some((false, code, fr, en)) => row.info("commune", code, fr, en),
                None => {}
            }
            return Some(insee);
        }
        CommuneResolution::Outside(all) => {
            let (fr, en) = outside_messages(&v, &all, territory);
            row.error("commune", "commune-outside", format!("{fr} ; la ligne est rejetée"), format!("{en}; the row is rejected"));
            return None;
        }
        CommuneResolution::Blank => ("unknown-commune", "commune absente".to_string(), "missing commune".to_string()),
        CommuneResolution::Unknown => {
            let (t_fr, t_en) = (territory.describe(Lang::Fr), territory.describe(Lang::En));
            ("unknown-commune", format!("commune « {v} » inconnue (ni dans le territoire, {t_fr}, ni ailleurs en France)"), format!("commune \"{v}\" unknown (neither in the territory, {t_en}, nor elsewhere in France)"))
        }
        CommuneResolution::Ambiguous(all) => {
            let list = labels(&all);
            ("ambiguous-commune", format!("« {v} » désigne plusieurs communes ({list}) : écrire le nom exact ou le code INSEE"), format!("\"{v}\" names several communes ({list}): write the exact name or the INSEE code"))
        }
    };
    let fallback = row.table.title_commune.clone().or_else(|| school.map(|s| s.insee.clone())).or_else(|| row.table.default_commune.clone());
    match fallback {
        Some(insee) => {
            if cell.is_some() {
                let name = Reference::get().commune(&insee).map(|c| c.name.clone()).unwrap_or_default();
                row.warn("commune", code, format!("{fr} : commune {name} retenue (titre, établissement ou défaut)"), format!("{en}: commune {name} used (title, school or default)"));
            }
            Some(insee)
        }
        None => {
            row.error("commune", code, format!("{fr} : la ligne est rejetée"), format!("{en}: the row is rejected"));
            None
        }
    }
}
