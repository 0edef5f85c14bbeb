//! `veille audit DIR`: what an outsider can deduce from a published report folder.
//!
//! Its options and their help: [`super::cli`].
//!
//! Reads `data/lost_contact_by_commune.csv`, `data/loans_by_commune.csv` and `summary.json` (`s` = a
//! hidden figure), builds the linear system an outsider knows (every relation, the shown figures, hidden
//! counts ≥ 1) and bounds each hidden cell by linear programming; with `--precedent`, the same audience's
//! report of the week the deltas refer to is linked in. Says cell by cell what can be deduced. Exits 0
//! when nothing leaks, 1 on a leak (or figures that contradict each other), 2 on a wrong command line or
//! a folder that is not a report.

use super::{exit, VeilleError};
use crate::i18n::Lang;
use crate::privacy::{audit_publication, findings, read_folder, LpError, Release, SecrecyRule};
use crate::privacy::{Masked, Verdict};
use std::path::{Path, PathBuf};

/// The options of `veille audit`.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    pub dir: PathBuf,
    /// The same audience's report of the previous week, when at hand.
    pub previous: Option<PathBuf>,
    pub rule: SecrecyRule,
    pub lang: Lang,
}

/// Why a publication may not be written: the audit's findings, in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub Vec<String>);

fn contradiction(e: &LpError, lang: Lang) -> String {
    match e {
        LpError::Inconsistent => lang.pick("les chiffres publiés se contredisent (une relation entre colonnes ou un total ne tombe pas juste) : la publication ne peut pas être vérifiée", "the published figures contradict each other (a relation between columns or a total does not add up): the publication cannot be checked").into(),
        LpError::Solver(why) => format!("{} ({why})", lang.pick("le calcul de l'audit a échoué", "the audit's computation failed")),
    }
}

/// Audits a publication as read, linked to `previous`: the findings (every hidden cell with `all`, else
/// the leaks only), and whether it is safe.
///
/// ```
/// use veille::privacy::{Shown, Release, SecrecyRule};
/// let p = Release { week: "2020-W21".into(), totals: [Shown::hidden(0), Shown::shown(0), Shown::shown(0), Shown::shown(0)], ..Default::default() };
/// let (lines, safe) = veille::commands::audit::audit_lines(&p, None, &SecrecyRule::new(5), true, veille::i18n::Lang::Fr).unwrap();
/// assert!(safe && lines[0].contains("protégée"));
/// ```
pub fn audit_lines(read: &Release, previous: Option<&Release>, rule: &SecrecyRule, all: bool, lang: Lang) -> Result<(Vec<String>, bool), Refusal> {
    let (layout, audit, given_away) = audit_publication(read, previous, rule).map_err(|e| Refusal(vec![contradiction(&e, lang)]))?;
    let mut lines = findings(&layout, read, previous, &audit, rule, all, lang);
    if !given_away.is_empty() {
        lines.push(match lang {
            Lang::Fr => format!("{} cellule(s) de la semaine précédente étaient déjà recalculables par sa seule publication (non comptées ici)", given_away.len()),
            Lang::En => format!("{} cell(s) of the previous week could already be recomputed from its own publication (not counted here)", given_away.len()),
        });
    }
    Ok((lines, audit.is_safe()))
}

/// The audit the report runs on a staged restricted publication before writing it: `Ok` when safe, else
/// why not.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let rule = veille::privacy::SecrecyRule::new(5);
/// assert!(veille::commands::audit::check_folder(dir.path(), None, &rule, veille::i18n::Lang::Fr).is_err());
/// ```
pub fn check_folder(dir: &Path, previous: Option<&Release>, rule: &SecrecyRule, lang: Lang) -> Result<(), Refusal> {
    let read = read_folder(dir).map_err(|e| Refusal(vec![e.message(lang)]))?;
    let (lines, safe) = audit_lines(&read, previous, rule, false, lang)?;
    if safe { Ok(()) } else { Err(Refusal(lines)) }
}

/// The gate of `veille report` (and `veille consolider`) for a restricted audience: the audit of the
/// chosen pattern, then the same audit as `veille audit` on the staged folder, linked to the audience's
/// earlier publication. On a leak, the error says why (the caller writes nothing).
///
/// ```
/// use veille::privacy::{Masked, Verdict};
/// let leaking = Masked { verdict: Verdict::Leaks(vec!["summary.json, totals.register_pupils = s : FUITE".into()]), ..Masked::default() };
/// let rule = veille::privacy::SecrecyRule::new(5);
/// let staged = tempfile::tempdir().unwrap();
/// let refused = veille::commands::audit::gate(&leaking, staged.path(), None, &rule, "prefecture", veille::i18n::Lang::Fr).unwrap_err();
/// assert_eq!(refused.exit_code(), 1);
/// assert!(refused.message(veille::i18n::Lang::Fr).contains("Rien n'a été écrit"));
/// ```
pub fn gate(masked: &Masked, staged: &Path, earlier: Option<&Release>, rule: &SecrecyRule, audience: &str, lang: Lang) -> Result<(), VeilleError> {
    let refusal = match &masked.verdict {
        Verdict::Safe => check_folder(staged, earlier, rule, lang).err(),
        Verdict::Leaks(lines) => Some(Refusal(lines.clone())),
        Verdict::Failed(why) => Some(Refusal(vec![why.clone()])),
    };
    let Some(Refusal(lines)) = refusal else { return Ok(()) };
    let details: String = lines.iter().map(|l| format!("\n  {l}")).collect();
    Err(VeilleError::failure(
        format!("publication « {audience} » refusée : l'audit du secret statistique montre qu'un lecteur pourrait en déduire des cellules masquées ou y lire un petit effectif. Rien n'a été écrit.{details}"),
        format!("\"{audience}\" publication refused: the statistical-secrecy audit shows that a reader could deduce hidden cells or read a small count. Nothing was written.{details}"),
    ))
}

fn heading(dir: &Path, read: &Release, rule: &SecrecyRule, lang: Lang) -> String {
    let hidden = read.as_read();
    let count = hidden.lost_contact.iter().flat_map(|r| r.figures).chain(hidden.loans.iter().flat_map(|r| r.figures)).chain(hidden.communes.iter().flat_map(|r| r.figures)).chain(hidden.totals).filter(|f| f.hidden).count();
    match lang {
        Lang::Fr => format!("Audit de {} (semaine {}, seuil {}, {count} cellules masquées) : ce qu'un lecteur peut déduire de chaque « s »", dir.display(), read.week, rule.min_count),
        Lang::En => format!("Audit of {} (week {}, threshold {}, {count} hidden cells): what a reader can deduce from each \"s\"", dir.display(), read.week, rule.min_count),
    }
}

/// Runs `veille audit` and returns its exit code.
///
/// ```
/// use veille::commands::audit::{run, AuditOptions};
/// let dir = tempfile::tempdir().unwrap();
/// let options = AuditOptions { dir: dir.path().into(), previous: None, rule: veille::privacy::SecrecyRule::new(5), lang: veille::i18n::Lang::En };
/// assert_eq!(run(&options).unwrap_err().exit_code(), 2, "not a report folder");
/// ```
pub fn run(options: &AuditOptions) -> Result<u8, VeilleError> {
    let lang = options.lang;
    let read = |dir: &Path| read_folder(dir).map_err(|e| VeilleError::usage_said(e.message(lang)));
    let current = read(&options.dir)?;
    let previous = options.previous.as_deref().map(read).transpose()?;
    println!("{}", heading(&options.dir, &current, &options.rule, lang));
    let (lines, safe) = audit_lines(&current, previous.as_ref(), &options.rule, true, lang).map_err(|Refusal(why)| VeilleError::failure_said(why.join("\n")))?;
    lines.iter().for_each(|l| println!("  {l}"));
    println!("{}", if safe { lang.pick("Verdict : aucune cellule masquée ne peut être recalculée, aucun petit effectif n'est affiché.", "Verdict: no hidden cell can be recomputed, no small count is shown.") } else { lang.pick("Verdict : FUITE, cette publication ne doit pas être diffusée.", "Verdict: LEAK, this publication must not be released.") });
    Ok(if safe { exit::OK } else { exit::FAILURE })
}
