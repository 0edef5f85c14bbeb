//! Base tables of the four kinds (invented people), the figures they give, and the header wordings of
//! the variant matrix. Wordings are written the way other town halls and schools write them; most appear
//! in no alias of the schemas.

use std::collections::BTreeMap;
use veille::domain::TableKind;
use veille::normalize::Normalized;

pub struct BaseTable {
    pub kind: TableKind,
    /// (field, header as in the base table), in column order.
    pub fields: Vec<(&'static str, &'static str)>,
    pub rows: Vec<Vec<&'static str>>,
}

/// The figures a table gives, by name: what the report's tables are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures(pub BTreeMap<String, i64>);

impl Figures {
    pub fn of(data: &Normalized) -> Figures {
        let mut f = BTreeMap::new();
        let mut add = |k: String, v: i64| *f.entry(k).or_insert(0) += v;
        for l in &data.loans {
            add("lent".into(), l.quantity.into());
            add(format!("lent {:?}", l.lender), l.quantity.into());
            add(format!("lent {:?}", l.device), l.quantity.into());
            add(format!("lent in {}", l.commune), l.quantity.into());
            add("returned".into(), if l.returned_on.is_some() { l.quantity.into() } else { 0 });
            add("beneficiaries".into(), i64::from(l.beneficiary.is_some()));
            add("schools".into(), i64::from(l.school.is_some()));
        }
        for e in &data.register {
            add("pupils".into(), 1);
            add(format!("consent {:?}", e.family_consent), 1);
            add(format!("status {:?}", e.status), 1);
            add(format!("pupils in {}", e.commune), 1);
            add("closed".into(), i64::from(e.closed_on.is_some()));
            add("schools".into(), i64::from(e.school.is_some()));
        }
        for a in &data.partner_actions {
            add("actions".into(), 1);
            add(format!("status {:?}", a.status), 1);
            add(format!("actions in {}", a.commune), 1);
            add("updated".into(), i64::from(a.updated_on.is_some()));
            add("phones".into(), i64::from(a.phone.is_some()));
            add("emails".into(), i64::from(a.email.is_some()));
            add("themes".into(), a.themes.len() as i64);
            add("quartiers".into(), i64::from(a.quartier.is_some()));
        }
        for r in &data.responses {
            add("responses".into(), 1);
            add(format!("responses in {:?}", r.commune), 1);
            add("dated".into(), i64::from(r.returned_at.is_some()));
            add("q1 yes".into(), i64::from(r.q1_joint_work == Some(true)));
            add("q1 which".into(), i64::from(r.q1_which.is_some()));
            add("q2".into(), i64::from(r.q2_support.is_some()));
            add("q3 yes".into(), i64::from(r.q3_devices_lent == Some(true)));
            add("q3 lenders".into(), r.q3_lenders.len() as i64);
            add("q4 devices".into(), r.q4_quantities.as_ref().map_or(0, |q| q.total().into()));
            add("q5 declared".into(), r.q5_no_answer.as_ref().map_or(0, |c| i64::from(c.value)));
            add("q5 which".into(), i64::from(r.q5_which.is_some()));
            add("q6".into(), i64::from(r.q6_to_amplify.is_some()));
            add("q7".into(), i64::from(r.q7_school_support.is_some()));
            add("q8".into(), i64::from(r.q8_digital_divide.is_some()));
            add("q9".into(), i64::from(r.q9_summer.is_some()));
        }
        let invalid = data.issues.iter().filter(|i| i.code == "invalid-uai").count();
        add("invalid uai".into(), invalid as i64);
        Figures(f)
    }
}

pub fn base_tables() -> Vec<BaseTable> {
    vec![
        BaseTable {
            kind: TableKind::Loans,
            fields: vec![("date_pret", "Date du prêt"), ("date_retour", "Date de retour"), ("preteur", "Prêteur"), ("materiel", "Matériel"), ("quantite", "Quantité"), ("beneficiaire", "Bénéficiaire"), ("etablissement", "Établissement"), ("niveau", "Niveau"), ("commune", "Commune")],
            rows: vec![
                vec!["04/05/2020", "12/05/2020", "CD91", "Tablette", "2", "Léa Martin", "0910971L", "5e", "Grigny"],
                vec!["05/05/2020", "", "Mairie", "Ordinateur portable", "1", "Tom Garnier", "0910971L", "4e", "Viry-Châtillon"],
                vec!["06/05/2020", "20/05/2020", "Éducation nationale", "Clé 4G", "3", "Inès Moreau", "0910971M", "3e", "91286"],
                vec!["11/05/2020", "", "Association", "Tablette", "1", "Noah Petit", "0910971L", "6e", "91687"],
            ],
        },
        BaseTable {
            kind: TableKind::Register,
            fields: vec![("eleve", "Élève"), ("etablissement", "Établissement"), ("niveau", "Niveau"), ("commune", "Commune"), ("date_signalement", "Date de signalement"), ("adhesion_famille", "Adhésion de la famille"), ("referent", "Référent"), ("statut", "Statut"), ("date_cloture", "Date de clôture"), ("commentaire", "Commentaire")],
            rows: vec![
                vec!["DUPONT Marie", "0910971L", "5e", "Grigny", "04/05/2020", "oui", "Mme Roche", "renoué", "15/05/2020", "Contact repris par téléphone"],
                vec!["Martin Lucas", "0910971M", "4e", "Grigny", "05/05/2020", "non", "M. Blanc", "en cours", "", "Famille relancée"],
                vec!["Sami Benali", "0910971L", "3e", "91687", "06/05/2020", "oui", "Mme Roche", "sans contact", "", "Pas de réponse aux appels"],
                vec!["Jade Leroy", "0910971L", "6e", "Viry-Châtillon", "07/05/2020", "oui", "M. Blanc", "signalé", "", "Signalement du collège"],
            ],
        },
        BaseTable {
            kind: TableKind::Partners,
            fields: vec![("structure", "Structure"), ("action", "Action"), ("thematique", "Thématique"), ("public", "Public"), ("quartier", "Quartier"), ("commune", "Commune"), ("contact", "Contact"), ("telephone", "Téléphone"), ("courriel", "Courriel"), ("statut", "Statut"), ("modalites", "Modalités"), ("mise_a_jour", "Mise à jour")],
            rows: vec![
                vec!["MJC Simone Signoret", "Aide aux devoirs en ligne", "Soutien scolaire", "Collégiens", "Grande Borne", "Grigny", "Paul Adam", "01 69 12 34 56", "contact@mjc-exemple.fr", "distance", "Lundi et jeudi 17h", "18/05/2020"],
                vec!["Caisse des écoles", "Distribution de repas", "Alimentaire", "Familles", "Centre-ville", "Viry-Châtillon", "Anne Roy", "0169000000", "cde@exemple.fr", "présentiel", "Sur inscription", "02/05/2020"],
                vec!["CCAS", "Permanence sociale", "Social", "Tout public", "Plateau", "91687", "Marc Diaz", "06 12 34 56 78", "ccas@exemple.fr", "suspendu", "Sur rendez-vous", "20/05/2020"],
            ],
        },
        BaseTable {
            kind: TableKind::Questionnaire,
            fields: vec![("horodatage", "Horodateur"), ("commune", "Commune"), ("structure", "Structure"), ("q1_travail_commun", "Travail commun"), ("q1_lequel", "Lequel ?"), ("q2_accompagnements", "Accompagnements"), ("q3_materiel_prete", "Matériel prêté"), ("q3_preteurs", "Par qui ?"), ("q4_quantite", "Quantité"), ("q5_eleves_sans_reponse", "Élèves sans réponse"), ("q5_quels_eleves", "Quels élèves ?"), ("q6_actions_a_amplifier", "Actions à amplifier"), ("q7_projets_soutien_scolaire", "Projets soutien scolaire"), ("q8_projets_fracture_numerique", "Projets fracture numérique"), ("q9_activites_ete", "Activités été")],
            rows: vec![
                vec!["18/05/2020 10:12", "Grigny", "MJC", "oui", "Aide aux devoirs commune", "Appels hebdomadaires", "oui", "CD91", "12 tablettes", "une douzaine", "6e et 5e", "Le soutien en ligne", "Soutien scolaire d'été", "Prêt de PC", "Stages sportifs"],
                vec!["19/05/2020 09:00", "Viry-Châtillon", "Collège", "non", "", "Devoirs par mail", "non", "", "", "3", "4e", "", "", "", ""],
                vec!["20/05/2020 14:30", "91687", "CCAS", "oui", "Colis partagés", "Suivi téléphonique", "oui", "Mairie", "2 ordinateurs", "aucun", "", "", "", "Ateliers numériques", "Sorties culturelles"],
            ],
        },
    ]
}

pub fn variants(kind: TableKind) -> Vec<(&'static str, Vec<&'static str>)> {
    let v = |field, list: &[&'static str]| (field, list.to_vec());
    match kind {
        TableKind::Loans => vec![
            v("date_pret", &["Prêté le", "Date de prêt (JJ/MM/AAAA)", "Dt prêt", "Date d'attribution du matériel", "Jour du prêt", "Prêt - date", "Mis à disposition le", "Date de distribution", "DATE PRET", "Date d'emprunt", "Livré le"]),
            v("date_retour", &["Restitué le", "Date de restitution (JJ/MM/AAAA)", "Rendu le", "Retour matériel", "Dt retour", "Matériel rendu le", "Remis en mairie le", "RETOUR (date)", "Date de rendu", "Retourné le", "Date de reprise", "Récupéré le"]),
            v("preteur", &["Prêté par", "Organisme prêteur", "Fourni par (structure)", "Financeur du matériel", "Provenance", "Origine du prêt", "Prêteur / financeur", "Structure prêteuse", "Qui a prêté ?", "Financé par", "Donné par"]),
            v("materiel", &["Type d'équipement", "Équipement prêté", "Nature du matériel (tablette, PC…)", "Appareil", "Matériel informatique", "Type de matériel prêté", "Matériel (type)", "Équipement / appareil", "Objet prêté", "Désignation"]),
            v("quantite", &["Nb", "Nombre d'appareils", "Qté prêtée", "Quantité (nombre)", "Nbre", "Combien ?", "Qté", "Nombre de matériels", "Unités", "Nombre prêté"]),
            v("beneficiaire", &["Nom de l'élève", "Élève (nom prénom)", "Famille bénéficiaire", "NOM Prénom", "Identité du jeune", "Emprunteur", "Nom / prénom de l'enfant", "Bénéficiaire du prêt", "Destinataire", "Nom de famille"]),
            v("etablissement", &["N° UAI du collège", "Établ. scolaire", "Etab. fréquenté", "Collège / école", "École fréquentée", "Code RNE", "Établissement (UAI)", "Lycée ou collège", "UAI établissement", "Établissement scolaire fréquenté"]),
            v("commune", &["Ville de résidence", "Commune (INSEE)", "Cp", "Code postal", "Localité de l'élève", "Commune de la famille", "Code INSEE commune", "Ville / commune", "Lieu de résidence", "Commune d'habitation"]),
        ],
        TableKind::Register => vec![
            v("eleve", &["Nom de l'élève", "NOM Prénom", "Élève signalé (nom)", "Identité", "Jeune", "Nom et prénom de l'enfant", "Prénom NOM", "Enfant concerné", "Nom du jeune", "Élève concerné (NOM Prénom)"]),
            v("etablissement", &["N° UAI du collège", "Établ. scolaire", "Etab.", "Collège / école fréquenté(e)", "Code RNE", "Établissement (UAI)", "Collège d'origine", "UAI", "Code établissement"]),
            v("commune", &["Ville de résidence", "Commune (INSEE)", "Cp", "Code postal", "Commune de la famille", "Localité", "Ville / commune", "Commune de l'élève", "Lieu d'habitation"]),
            v("date_signalement", &["Signalé le", "Date de repérage", "Date du signalement (JJ/MM/AAAA)", "Dt signalement", "Repéré le", "Signalement", "Date remontée", "Jour du signalement", "Date d'entrée dans le dispositif", "Signalement (date)"]),
            v("adhesion_famille", &["Les parents sont-ils d'accord ?", "Accord des parents (oui/non)", "Consentement famille", "Adhésion des responsables légaux", "Famille d'accord ?", "Accord parental", "Parents informés et d'accord", "Autorisation des parents", "Accord famille O/N", "Famille prévenue et d'accord", "Accord RGPD de la famille"]),
            v("statut", &["Statut actuel", "Avancement", "Situation actuelle", "Résultat du contact", "Statut (signalé, en cours, renoué…)", "État", "Suivi - statut", "Situation de l'élève", "Étape du suivi", "Point de situation"]),
            v("date_cloture", &["Clôturé le", "Date de fin de suivi", "Fin du suivi", "Dt clôture", "Date de sortie du dispositif", "Clos le", "Date clôture (JJ/MM/AAAA)", "Terminé le", "Date de résolution", "Sortie le"]),
        ],
        TableKind::Partners => vec![
            v("structure", &["Structure porteuse", "Nom de la structure", "Partenaire", "Organisme / association", "Association", "Opérateur", "Porteur du projet", "Organisation", "Nom de l'organisme"]),
            v("action", &["Action menée / projet", "Intitulé de l'action proposée", "Dispositif proposé", "Activité", "Nom de l'action", "Offre (intitulé)", "Actions en cours", "Projet", "Prestation proposée", "Ce qui est proposé", "Description de l'action"]),
            v("thematique", &["Thème", "Thématique(s)", "Domaine d'intervention", "Catégorie", "Thèmes abordés", "Thématique principale", "Domaine", "Thème de l'action", "Thème principal"]),
            v("quartier", &["Quartier(s) concerné(s)", "Secteur d'intervention", "Lieu", "Quartier prioritaire", "Site", "Lieu d'accueil", "Quartiers", "Secteur", "Lieu de l'action"]),
            v("commune", &["Ville", "Commune (INSEE)", "Cp", "Code postal", "Localité", "Commune d'intervention", "Ville / commune", "Code INSEE", "Ville d'intervention"]),
            v("statut", &["Fonctionnement actuel", "Maintien de l'activité", "Présentiel ou distance ?", "Statut (présentiel / à distance / suspendu)", "État de l'action", "Format", "Mode de fonctionnement", "Statut actuel", "Ouvert / fermé ?"]),
            v("mise_a_jour", &["Actualisé le", "MAJ", "Date MAJ", "Dernière mise à jour", "Mis à jour le (JJ/MM/AAAA)", "Date de modification", "Màj", "Modifié le", "Date d'actualisation", "Dernière actualisation", "Modifié le (JJ/MM/AAAA)"]),
        ],
        TableKind::Questionnaire => vec![
            v("horodatage", &["Horodatage", "Date de réponse", "Envoyé le", "Soumis le", "Date de saisie", "Timestamp", "Répondu le", "Date d'envoi du questionnaire", "Date et heure d'envoi"]),
            v("commune", &["Commune d'exercice", "Ville", "Votre commune (nom ou code)", "Code INSEE", "Commune du répondant", "Localité", "Cp", "Ville / commune", "Commune d'intervention de la structure"]),
            v("q1_travail_commun", &["Q1 Partenariat ?", "Q1", "Question 1", "Q01", "Q1 - travail commun (oui/non)", "Travail partenarial ?", "Partenariat mis en place ?", "Les partenaires ont-ils travaillé ensemble ?", "Q1 - Travail en commun ?"]),
            v("q2_accompagnements", &["Q2", "Question 2", "Q02", "Q2 Accompagnement", "Accompagnements mis en place", "Q2 - aides proposées", "Accompagnement des élèves en difficulté", "2. Accompagnements proposés"]),
            v("q3_materiel_prete", &["Q3", "Prêt de matériel ?", "Matériel prêté (oui/non)", "Q3 Matériel prêté ?", "Question 3", "Du matériel a-t-il été prêté ?", "Q03", "Prêt d'équipement informatique ?"]),
            v("q3_preteurs", &["Q3 - qui ?", "Prêteur(s)", "Q3 Prêteurs", "Qui a prêté ?", "Structures prêteuses", "Fourni par", "Prêté par qui ?", "Si oui, par qui ?", "Par qui ? (plusieurs réponses possibles)"]),
            v("q4_quantite", &["Q4", "Quantité de matériel", "Nb d'appareils prêtés", "Combien d'équipements ?", "Question 4", "Q4 Quantité", "Nombre de matériels prêtés", "Q04"]),
            v("q5_eleves_sans_reponse", &["Q5", "Q5 Élèves sans réponse", "Question 5", "Nb d'élèves injoignables", "Élèves perdus de vue (nombre)", "Combien d'élèves sans nouvelles ?", "Q05", "5. Élèves n'ayant pas répondu", "Élèves n'ayant pas répondu aux sollicitations"]),
            v("q6_actions_a_amplifier", &["Q6 À amplifier", "Q6", "Actions remarquables à amplifier", "Question 6", "6 - Actions à amplifier", "Q06", "Ce qui mérite d'être amplifié", "Actions remarquables", "Actions à développer"]),
            v("q7_projets_soutien_scolaire", &["Q7", "Question 7", "Q07", "Q7 Soutien scolaire", "Projets de soutien scolaire à financer", "Soutien scolaire : projets", "7. Soutien scolaire", "Q7 - projets"]),
            v("q8_projets_fracture_numerique", &["Q8", "Question 8", "Q08", "Q8 Fracture numérique", "Projets numériques à financer", "Fracture numérique", "8. Numérique", "Q8 - projets"]),
            v("q9_activites_ete", &["Q9", "Question 9", "Q09", "Q9 Été", "Activités de l'été envisagées", "Activités estivales", "9. Vacances d'été", "Q9 - activités"]),
        ],
    }
}
