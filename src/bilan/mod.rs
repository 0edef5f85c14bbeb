//! The September review (`veille bilan`): from the weekly history alone, the period week by week, where it
//! ended, and what each commune achieved. It is a document of its own, written by the same writers as the
//! diagnostic: CSV, charts, a workbook and a PDF.

use crate::aggregate::{Figure, Totals};
use crate::document::{column, week_label, BarChart, Block, Chart, Document, FigureLine, FigureList, Section, Series, Table, Value};
use crate::report::{Outputs, ReportError};
use crate::domain::IsoWeek;
use crate::history::{CommuneWeek, DETAIL_FIGURES};
use crate::i18n::Lang;
use serde_json::json;
use std::path::Path;

/// The whole period: all communes added up per week, and each commune's first and last recorded week.
pub struct Bilan {
    pub lang: Lang,
    pub weeks: Vec<(IsoWeek, Totals, [i64; 7])>,
    pub communes: Vec<(CommuneWeek, CommuneWeek)>,
}

impl Bilan {
    /// Builds the period from the history's rows (oldest first); `None` when the history holds no week.
    pub fn new(rows: &[CommuneWeek], lang: Lang) -> Option<Bilan> {
        let mut weeks: Vec<(IsoWeek, Totals, [i64; 7])> = Vec::new();
        for r in rows {
            match weeks.last_mut() {
                Some((w, totals, details)) if *w == r.week => {
                    *totals += &r.totals;
                    details.iter_mut().zip(r.details).for_each(|(d, v)| *d += v);
                }
                _ => weeks.push((r.week, r.totals.clone(), r.details)),
            }
        }
        let mut communes: Vec<(CommuneWeek, CommuneWeek)> = Vec::new();
        for r in rows {
            match communes.iter_mut().find(|(first, _)| first.insee == r.insee) {
                Some((_, last)) => *last = r.clone(),
                None => communes.push((r.clone(), r.clone())),
            }
        }
        communes.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        (!weeks.is_empty()).then_some(Bilan { lang, weeks, communes })
    }

    pub fn first_week(&self) -> IsoWeek {
        self.weeks[0].0
    }

    pub fn last(&self) -> &(IsoWeek, Totals, [i64; 7]) {
        &self.weeks[self.weeks.len() - 1]
    }

    /// One row per week: the totals and the detail figures.
    pub fn weeks_table(&self) -> Table {
        let mut columns = vec![column("week", "Semaine", "Week")];
        for f in Figure::ALL {
            columns.push(column(f.name(), f.label(crate::i18n::Lang::Fr), f.label(crate::i18n::Lang::En)));
        }
        for name in DETAIL_FIGURES {
            columns.push(column(name, detail_label(name, Lang::Fr), detail_label(name, Lang::En)));
        }
        let mut t = Table::new(&columns);
        for (week, totals, details) in &self.weeks {
            let mut row: Vec<Value> = vec![week.to_string().into()];
            row.extend(totals.named().iter().map(|(_, v)| Value::Int(*v)));
            row.extend(details.iter().map(|v| Value::Int(*v)));
            t.push(row);
        }
        t
    }

    /// What each commune achieved: its first and last recorded week and the change between them.
    pub fn communes_table(&self) -> Table {
        let mut t = Table::new(&[
            column("commune_insee", "Code INSEE", "INSEE code"),
            column("commune", "Commune", "Commune"),
            column("from_week", "Première semaine", "First week"),
            column("to_week", "Dernière semaine", "Last week"),
            column("responses", "Questionnaires", "Questionnaires"),
            column("register_pupils", "Élèves au registre", "Register pupils"),
            column("restored", "Contacts renoués", "Contacts restored"),
            column("restored_change", "Renoués sur la période", "Restored over the period"),
            column("devices_lent", "Appareils prêtés", "Devices lent"),
            column("devices_outstanding", "Encore prêtés", "Still out"),
        ]);
        for (first, last) in &self.communes {
            t.push(vec![
                last.insee.clone().into(), last.name.clone().into(), first.week.to_string().into(), last.week.to_string().into(),
                last.totals.responses.into(), last.totals.register_pupils.into(), last.details[0].into(), (last.details[0] - first.details[0]).into(),
                last.totals.devices_lent.into(), last.totals.devices_outstanding.into(),
            ]);
        }
        t
    }

    fn trend(&self, title: &str, series: Vec<(&str, Box<dyn Fn(&Totals, &[i64; 7]) -> i64 + '_>)>, stacked: bool) -> BarChart {
        BarChart {
            title: title.into(),
            categories: self.weeks.iter().map(|(w, _, _)| w.to_string()).collect(),
            series: series.into_iter().map(|(label, f)| Series::new(label, self.weeks.iter().map(|(_, t, d)| f(t, d)).collect())).collect(),
            stacked,
        }
    }

    /// The trend charts of the review, each with its file name.
    pub fn charts(&self) -> Vec<Chart> {
        let l = self.lang;
        let charts = vec![
            ("lost_contact", self.trend(l.pick("Élèves perdus de vue : déclarés et registre", "Lost contact: declared and register"), vec![
                (l.pick("Déclarés (Q5)", "Declared (Q5)"), Box::new(|t, _| t.lost_contact_declared)),
                (l.pick("Élèves au registre", "Register pupils"), Box::new(|t, _| t.register_pupils)),
            ], false)),
            ("register_states", self.trend(l.pick("Registre : contacts renoués, en cours, sans contact", "Register: restored, in progress, no contact"), vec![
                (l.pick("Renoués", "Restored"), Box::new(|_, d| d[0])),
                (l.pick("En cours", "In progress"), Box::new(|_, d| d[1])),
                (l.pick("Sans contact", "No contact"), Box::new(|_, d| d[2])),
            ], true)),
            ("devices", self.trend(l.pick("Appareils prêtés et encore prêtés", "Devices lent and still out"), vec![
                (l.pick("Prêtés", "Lent"), Box::new(|t, _| t.devices_lent)),
                (l.pick("Encore prêtés", "Still out"), Box::new(|t, _| t.devices_outstanding)),
            ], false)),
            ("partner_actions", self.trend(l.pick("Actions des partenaires par statut", "Partner actions by status"), vec![
                (l.pick("Présentiel", "On site"), Box::new(|_, d| d[3])),
                (l.pick("À distance", "Remote"), Box::new(|_, d| d[4])),
                (l.pick("Mixte", "Mixed"), Box::new(|_, d| d[5])),
                (l.pick("Suspendu", "Suspended"), Box::new(|_, d| d[6])),
            ], true)),
            ("questionnaires", self.trend(l.pick("Questionnaires retournés", "Questionnaires returned"), vec![
                (l.pick("Questionnaires", "Questionnaires"), Box::new(|t, _| t.responses)),
            ], false)),
        ];
        charts.into_iter().map(|(name, bars)| Chart { name, bars }).collect()
    }

    fn summary(&self) -> serde_json::Value {
        let (to, totals, details) = self.last();
        let first = &self.weeks[0];
        let change: serde_json::Map<String, serde_json::Value> =
            totals.named().iter().zip(first.1.named()).map(|((k, a), (_, b))| (k.to_string(), json!(a - b))).collect();
        json!({
            "from": self.first_week().to_string(),
            "to": to.to_string(),
            "weeks": self.weeks.len(),
            "totals": totals.named().iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "contacts_restored": details[0],
            "change_over_period": change,
            "communes": self.communes.len(),
        })
    }

    /// The key figures at the end of the period, with their change over it.
    fn figures(&self) -> FigureList {
        let lang = self.lang;
        let (_, totals, details) = self.last();
        let first = &self.weeks[0];
        let mut lines: Vec<FigureLine> =
            Figure::ALL.iter().map(|&f| FigureLine { label: f.label(lang).into(), value: Value::Int(totals.get(f)), change: Some(totals.get(f) - first.1.get(f)) }).collect();
        lines.push(FigureLine { label: lang.pick("Contacts renoués", "Contacts restored").into(), value: Value::Int(details[0]), change: Some(details[0] - first.2[0]) });
        FigureList {
            headers: (lang.pick("Indicateur", "Figure").into(), lang.pick("En fin de période", "At the end").into()),
            change: Some((lang.pick("Évolution sur la période", "Change over the period").into(), lang.pick("sur la période", "over the period").into())),
            lines,
        }
    }

    /// The review as a document: the end of the period, the weeks (charts and table), the communes.
    pub fn document(&self) -> Document {
        let lang = self.lang;
        let last = self.last().0;
        let period = format!("{} – {last}", self.first_week());
        let mut end = Section::new(lang.pick("En fin de période", "At the end of the period"), lang.pick("Synthèse", "Summary"));
        end.push(Block::Figures(self.figures()));
        let mut weeks = Section::new(lang.pick("Semaine après semaine", "Week after week"), lang.pick("Semaines", "Weeks"));
        weeks.push(Block::titled(lang.pick("Les semaines en chiffres", "The weeks in figures"), self.weeks_table()));
        for chart in self.charts() {
            weeks.push(Block::Chart(chart));
        }
        let mut communes = Section::new(lang.pick("Ce que chaque commune a accompli", "What each commune achieved"), lang.pick("Communes", "Communes"));
        communes.push(Block::table(self.communes_table()));
        Document {
            title: lang.pick("Bilan de la cellule de veille", "Review of the watch cell").into(),
            lines: vec![format!("{} → {}", week_label(self.first_week(), lang), week_label(last, lang))],
            dateline: format!("{} → {}", week_label(self.first_week(), lang), week_label(last, lang)),
            running_head: (lang.pick("Bilan de la cellule de veille", "Review of the watch cell").into(), period),
            running_foot: "veille — bilan".into(),
            sections: vec![end, weeks, communes],
        }
    }

    /// Writes the review into `out`, atomically.
    pub fn write(&self, out: &Path) -> Result<(), ReportError> {
        let data = [("weeks", self.weeks_table()), ("communes", self.communes_table())];
        let (document, summary) = (self.document(), self.summary());
        crate::report::write(out, &Outputs { stem: "bilan", document: &document, data: &data, summary: &summary, attachments: &[], lang: self.lang })
    }
}

/// The label of a detail figure of the history.
pub fn detail_label(name: &str, lang: Lang) -> &'static str {
    match name {
        "restored" => lang.pick("Contacts renoués", "Contacts restored"),
        "in_progress" => lang.pick("Situations en cours", "In progress"),
        "no_contact" => lang.pick("Sans contact", "No contact"),
        "actions_presentiel" => lang.pick("Actions en présentiel", "Actions on site"),
        "actions_distance" => lang.pick("Actions à distance", "Remote actions"),
        "actions_mixte" => lang.pick("Actions mixtes", "Mixed actions"),
        "actions_suspendu" => lang.pick("Actions suspendues", "Suspended actions"),
        _ => "",
    }
}
