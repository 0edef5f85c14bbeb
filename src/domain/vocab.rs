//! The closed vocabularies of DESIGN.md. Parsing free text into them is `normalize`'s job.

use crate::i18n::Lang;
use serde::Serialize;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal, $fr:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code written in CSV files and summary.json.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The label shown in the report.
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $($name::$variant => lang.pick($fr, $en)),+ }
            }

            /// The value whose code is `code`.
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == code)
            }
        }
    };
}

vocabulary! {
    /// Who lent a device.
    ///
    /// ```
    /// use veille::domain::Lender;
    /// use veille::i18n::Lang;
    /// assert_eq!(Lender::Departement.as_str(), "departement");
    /// assert_eq!(Lender::Commune.label(Lang::Fr), "Commune");
    /// ```
    Lender {
        Departement => "departement", "Département", "Département (county council)";
        Commune => "commune", "Commune", "Municipality";
        Etablissement => "etablissement", "Établissement scolaire", "School";
        Region => "region", "Région", "Region";
        Etat => "etat", "État / Éducation nationale", "State / Education ministry";
        Association => "association", "Association", "Association";
        Autre => "autre", "Autre", "Other";
    }
}

vocabulary! {
    /// What was lent.
    ///
    /// ```
    /// use veille::domain::Device;
    /// assert_eq!(Device::from_code("tablette"), Some(Device::Tablette));
    /// ```
    Device {
        Tablette => "tablette", "Tablette", "Tablet";
        Ordinateur => "ordinateur", "Ordinateur", "Computer";
        Connexion => "connexion", "Connexion (clé 4G, box)", "Connection (4G key, router)";
        Telephone => "telephone", "Téléphone", "Phone";
        Autre => "autre", "Autre", "Other";
    }
}

vocabulary! {
    /// How a partner action runs this week.
    ///
    /// ```
    /// use veille::domain::PartnerStatus;
    /// assert_eq!(PartnerStatus::Suspendu.as_str(), "suspendu");
    /// ```
    PartnerStatus {
        Presentiel => "presentiel", "Présentiel", "On site";
        Distance => "distance", "À distance", "Remote";
        Mixte => "mixte", "Mixte", "Mixed";
        Suspendu => "suspendu", "Suspendu", "Suspended";
    }
}

vocabulary! {
    /// Where a lost-contact pupil's situation stands.
    ///
    /// ```
    /// use veille::domain::RegisterStatus;
    /// assert!(RegisterStatus::Clos.is_restored());
    /// ```
    RegisterStatus {
        Signale => "signale", "Signalé", "Reported";
        EnCours => "en_cours", "En cours", "In progress";
        Renoue => "renoue", "Contact renoué", "Contact restored";
        SansContact => "sans_contact", "Sans contact", "No contact";
        Clos => "clos", "Clos", "Closed";
    }
}

impl RegisterStatus {
    /// `renoue` and `clos` count as restored.
    pub fn is_restored(self) -> bool {
        matches!(self, RegisterStatus::Renoue | RegisterStatus::Clos)
    }

    /// `signale` and `en_cours` count as in progress.
    pub fn is_in_progress(self) -> bool {
        matches!(self, RegisterStatus::Signale | RegisterStatus::EnCours)
    }
}
