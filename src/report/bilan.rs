//! The September review (`veille bilan`): from the weekly history alone, the period week by week, where it
//! ended, and what each commune achieved; as CSV, charts, a workbook and a PDF in the diagnostic's style.

use super::charts::{BarChart, Series};
use super::staging::Staging;
use super::table::{column, Table, Value};
use super::{figure_label, ReportError};
use crate::aggregate::Totals;
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
        let lang = self.lang;
        let mut columns = vec![column("week", "Semaine", "Week")];
        for name in Totals::names() {
            columns.push(column(name, figure_label(name, lang), figure_label(name, lang)));
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
    pub fn charts(&self) -> Vec<(&'static str, BarChart)> {
        let l = self.lang;
        vec![
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
        ]
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

    /// Writes the review into `out`, atomically.
    pub fn write(&self, out: &Path) -> Result<(), ReportError> {
        let staging = Staging::new(out)?;
        let dir = staging.path().to_path_buf();
        std::fs::create_dir_all(dir.join("data"))?;
        std::fs::create_dir_all(dir.join("charts"))?;
        let (weeks, communes) = (self.weeks_table(), self.communes_table());
        weeks.write_csv(&dir.join("data/weeks.csv"))?;
        communes.write_csv(&dir.join("data/communes.csv"))?;
        std::fs::write(dir.join("summary.json"), serde_json::to_string_pretty(&self.summary())? + "\n")?;
        let mut rendered = Vec::new();
        for (name, chart) in self.charts() {
            let svg = chart.render(&dir.join("charts").join(name)).map_err(ReportError::Chart)?;
            rendered.push(super::RenderedChart { name, svg, size: chart.size() });
        }
        super::bilan_workbook::write(&dir.join("bilan.xlsx"), self, &weeks, &communes)?;
        let pdf = super::pdf::bilan_pdf(self, &weeks, &communes, &rendered).map_err(ReportError::Chart)?;
        std::fs::write(dir.join("bilan.pdf"), pdf)?;
        staging.commit()?;
        Ok(())
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
