//! The embedded Table Schemas: valid JSON, every DESIGN.md field present, and `veille schema` prints them.

use veille::detect::{schema, schema_json};
use veille::domain::TableKind;

#[test]
fn every_schema_parses_and_has_its_fields() {
    let expected: [(TableKind, &[&str]); 4] = [
        (TableKind::Questionnaire, &["horodatage", "commune", "structure", "fonction", "courriel", "q1_travail_commun", "q1_lequel", "q2_accompagnements", "q3_materiel_prete", "q3_preteurs", "q4_quantite", "q5_eleves_sans_reponse", "q5_quels_eleves", "q6_actions_a_amplifier", "q7_projets_soutien_scolaire", "q8_projets_fracture_numerique", "q9_activites_ete"]),
        (TableKind::Partners, &["structure", "action", "thematique", "public", "quartier", "commune", "contact", "telephone", "courriel", "statut", "modalites", "mise_a_jour"]),
        (TableKind::Loans, &["date_pret", "date_retour", "preteur", "materiel", "quantite", "beneficiaire", "etablissement", "niveau", "commune"]),
        (TableKind::Register, &["eleve", "etablissement", "niveau", "commune", "date_signalement", "adhesion_famille", "referent", "statut", "date_cloture", "commentaire"]),
    ];
    for (kind, fields) in expected {
        let parsed: serde_json::Value = serde_json::from_str(schema_json(kind)).expect("valid JSON");
        assert_eq!(parsed["name"], kind.as_str());
        let s = schema(kind);
        let names: Vec<&str> = s.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, fields, "{kind}");
        assert!(s.fields.iter().all(|f| !f.title.is_empty() && !f.aliases.is_empty()), "{kind}: titles and aliases");
    }
}

#[test]
fn veille_schema_prints_the_loans_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_veille")).args(["schema", "loans"]).output().unwrap();
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["fields"][0]["name"], "date_pret");
    assert_eq!(printed["fields"][0]["title"], "Date du prêt");
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_veille")).args(["schema", "prets"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
