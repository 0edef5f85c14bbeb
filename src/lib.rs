//! veille: the weekly diagnostic of a *cellule de veille pour la continuité éducative*.
//!
//! Data flows one way, one module per stage:
//! `ingest → detect → normalize → privacy → aggregate → history → report`.
//! After aggregate, [`privacy::Publication`] decides what an audience may see; each document builds its
//! ordered sections once ([`diagnostic`], [`bilan`], [`validation`]) in the [`document`] model, and
//! [`report`] writes them (workbook, PDF, CSV, JSON). [`commands`] wires the stages together for each CLI
//! command; [`templates`] writes the blank forms that feed the pipeline, and [`config`] reads the
//! workspace's `veille.toml`.
//!
//! ```
//! use veille::domain::InseeCode;
//! let viry = InseeCode::parse("91687").unwrap();
//! assert_eq!(viry.as_str(), "91687");
//! ```

pub mod aggregate;
pub mod bilan;
pub mod commands;
pub mod config;
pub mod detect;
pub mod diagnostic;
pub mod document;
pub mod domain;
pub mod export;
pub mod history;
pub mod i18n;
pub mod ingest;
pub mod issues;
pub mod map;
pub mod normalize;
pub mod png;
pub mod privacy;
pub mod progress;
pub mod reference;
pub mod report;
pub mod state;
pub mod templates;
pub mod text;
pub mod validation;
