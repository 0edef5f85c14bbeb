//! Free text to the closed vocabularies: lenders, devices, partner and register statuses.

use super::terms::Terms;
use crate::domain::{Device, Lender, PartnerStatus, RegisterStatus};
use std::sync::OnceLock;

fn lenders() -> &'static Terms<Lender> {
    static T: OnceLock<Terms<Lender>> = OnceLock::new();
    T.get_or_init(|| {
        use Lender::*;
        Terms::new(&[
            ("conseil departemental", Departement), ("departement*", Departement), ("cd91", Departement),
            ("cd 91", Departement), ("cd", Departement), ("conseil general", Departement),
            ("caisse des ecoles", Commune), ("ville", Commune), ("mairie", Commune), ("commune", Commune),
            ("municipal*", Commune), ("ccas", Commune), ("pre", Commune), ("reussite educative", Commune),
            ("college*", Etablissement), ("lycee*", Etablissement), ("ecole*", Etablissement),
            ("etablissement*", Etablissement), ("clg", Etablissement),
            ("conseil regional", Region), ("region*", Region), ("ile de france", Region),
            ("etat", Etat), ("education nationale", Etat), ("rectorat", Etat), ("prefecture", Etat), ("dasen", Etat),
            ("dsden", Etat), ("academie", Etat), ("ministere", Etat), ("cned", Etat), ("prefet", Etat),
            ("association*", Association), ("asso", Association), ("mjc", Association), ("secours populaire", Association),
            ("secours catholique", Association), ("croix rouge", Association), ("emmaus", Association),
            ("restos du coeur", Association), ("fondation", Association),
            ("autre*", Autre), ("entreprise*", Autre), ("don*", Autre), ("particulier*", Autre), ("mecenat", Autre),
        ])
    })
}

fn devices() -> &'static Terms<Device> {
    static T: OnceLock<Terms<Device>> = OnceLock::new();
    T.get_or_init(|| {
        use Device::*;
        Terms::new(&[
            ("tablette*", Tablette), ("ipad*", Tablette),
            ("telephone*", Telephone), ("smartphone*", Telephone), ("portable telephone", Telephone),
            ("mobile*", Telephone), ("gsm", Telephone),
            ("ordinateur*", Ordinateur), ("ordi", Ordinateur), ("ordis", Ordinateur), ("pc", Ordinateur),
            ("pcs", Ordinateur), ("portable*", Ordinateur), ("laptop*", Ordinateur), ("chromebook*", Ordinateur),
            ("netbook*", Ordinateur), ("poste* informatique*", Ordinateur), ("unite* centrale*", Ordinateur),
            ("cle* 4g", Connexion), ("cle* usb 4g", Connexion), ("cle* 3g", Connexion), ("4g", Connexion),
            ("box", Connexion), ("boxes", Connexion), ("routeur*", Connexion), ("carte* sim", Connexion),
            ("sim", Connexion), ("modem*", Connexion), ("connexion*", Connexion), ("forfait*", Connexion),
            ("hotspot*", Connexion), ("wifi", Connexion), ("cle* internet", Connexion),
            ("imprimante*", Autre), ("autre*", Autre), ("casque*", Autre), ("webcam*", Autre), ("calculatrice*", Autre),
        ])
    })
}

fn partner_statuses() -> &'static Terms<PartnerStatus> {
    static T: OnceLock<Terms<PartnerStatus>> = OnceLock::new();
    T.get_or_init(|| {
        use PartnerStatus::*;
        Terms::new(&[
            ("mixte", Mixte), ("hybride", Mixte), ("les deux", Mixte), ("alterne*", Mixte),
            ("suspendu*", Suspendu), ("ferme*", Suspendu), ("arret*", Suspendu), ("interromp*", Suspendu),
            ("annule*", Suspendu), ("reporte*", Suspendu), ("stop*", Suspendu), ("pas de reprise", Suspendu),
            ("a distance", Distance), ("distanc*", Distance), ("telephon*", Distance), ("visio*", Distance),
            ("en ligne", Distance), ("mail", Distance), ("whatsapp", Distance), ("teletravail", Distance),
            ("presentiel*", Presentiel), ("sur place", Presentiel), ("en presence", Presentiel),
            ("ouvert*", Presentiel), ("accueil physique", Presentiel), ("sur rendez vous", Presentiel),
            ("maintenu*", Presentiel),
        ])
    })
}

fn register_statuses() -> &'static Terms<RegisterStatus> {
    static T: OnceLock<Terms<RegisterStatus>> = OnceLock::new();
    T.get_or_init(|| {
        use RegisterStatus::*;
        Terms::new(&[
            ("sans contact", SansContact), ("aucun contact", SansContact), ("pas de contact", SansContact),
            ("injoignable*", SansContact), ("sans nouvelle*", SansContact), ("sans_contact", SansContact),
            ("perdu* de vue", SansContact), ("sans reponse", SansContact),
            ("contact retabli", Renoue), ("contact renoue", Renoue), ("renoue*", Renoue), ("retabli*", Renoue),
            ("reprise", Renoue), ("repris", Renoue), ("raccroche*", Renoue), ("contact etabli", Renoue),
            ("en cours", EnCours), ("en_cours", EnCours), ("suivi*", EnCours), ("en attente", EnCours),
            ("relance*", EnCours), ("accompagne*", EnCours),
            ("clos", Clos), ("close", Clos), ("clotur*", Clos), ("termine*", Clos), ("sorti*", Clos),
            ("signale*", Signale), ("nouveau", Signale), ("a traiter", Signale), ("repere*", Signale),
        ])
    })
}

/// The lender named in a text.
///
/// ```
/// use veille::domain::Lender;
/// use veille::normalize::parse_lender;
/// assert_eq!(parse_lender("CD91"), Some(Lender::Departement));
/// assert_eq!(parse_lender("Caisse des écoles"), Some(Lender::Commune));
/// assert_eq!(parse_lender("Collège Les Sablons"), Some(Lender::Etablissement));
/// assert_eq!(parse_lender("Rectorat de Versailles"), Some(Lender::Etat));
/// ```
pub fn parse_lender(text: &str) -> Option<Lender> {
    lenders().find_first(text)
}

/// Every lender named in a multiple-choice answer, without repeats, in order.
///
/// ```
/// use veille::domain::Lender;
/// use veille::normalize::parse_lenders;
/// assert_eq!(parse_lenders("Mairie;Conseil départemental;Ville"), vec![Lender::Commune, Lender::Departement]);
/// ```
pub fn parse_lenders(text: &str) -> Vec<Lender> {
    let mut found = Vec::new();
    for lender in lenders().find_all(text) {
        if !found.contains(&lender) {
            found.push(lender);
        }
    }
    found
}

/// The device named in a text.
///
/// ```
/// use veille::domain::Device;
/// use veille::normalize::parse_device;
/// assert_eq!(parse_device("Ordinateur portable"), Some(Device::Ordinateur));
/// assert_eq!(parse_device("clé 4G"), Some(Device::Connexion));
/// assert_eq!(parse_device("iPad"), Some(Device::Tablette));
/// assert_eq!(parse_device("téléphone portable"), Some(Device::Telephone));
/// ```
pub fn parse_device(text: &str) -> Option<Device> {
    devices().find_first(text)
}

pub(crate) fn device_terms() -> &'static Terms<Device> {
    devices()
}

/// A partner action's status; "présentiel et à distance" is `mixte`.
///
/// ```
/// use veille::domain::PartnerStatus;
/// use veille::normalize::parse_partner_status;
/// assert_eq!(parse_partner_status("Présentiel"), Some(PartnerStatus::Presentiel));
/// assert_eq!(parse_partner_status("à distance (téléphone)"), Some(PartnerStatus::Distance));
/// assert_eq!(parse_partner_status("présentiel + visio"), Some(PartnerStatus::Mixte));
/// assert_eq!(parse_partner_status("Fermé jusqu'à nouvel ordre"), Some(PartnerStatus::Suspendu));
/// ```
pub fn parse_partner_status(text: &str) -> Option<PartnerStatus> {
    let found = partner_statuses().find_all(text);
    let has = |s| found.contains(&s);
    if has(PartnerStatus::Suspendu) {
        Some(PartnerStatus::Suspendu)
    } else if has(PartnerStatus::Mixte) || (has(PartnerStatus::Presentiel) && has(PartnerStatus::Distance)) {
        Some(PartnerStatus::Mixte)
    } else {
        found.first().copied()
    }
}

/// A lost-contact pupil's status.
///
/// ```
/// use veille::domain::RegisterStatus;
/// use veille::normalize::parse_register_status;
/// assert_eq!(parse_register_status("Contact rétabli"), Some(RegisterStatus::Renoue));
/// assert_eq!(parse_register_status("injoignable"), Some(RegisterStatus::SansContact));
/// assert_eq!(parse_register_status("En cours"), Some(RegisterStatus::EnCours));
/// assert_eq!(parse_register_status("Clôturé"), Some(RegisterStatus::Clos));
/// ```
pub fn parse_register_status(text: &str) -> Option<RegisterStatus> {
    register_statuses().find_first(text)
}
