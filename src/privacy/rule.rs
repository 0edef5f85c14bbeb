//! The statistical-secrecy rule of restricted audiences (`[secret]` of veille.toml): the threshold, the
//! protection width an outsider's range must exceed, and what a secondary suppression costs.

use serde::Deserialize;

/// What secondary suppression minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cost {
    /// Fewest cells first, then the smallest values (the default).
    #[default]
    Cells,
    /// The smallest sum of hidden values, even if that hides more cells.
    Values,
}

/// The rule a restricted publication follows.
///
/// ```
/// use veille::privacy::SecrecyRule;
/// let rule = SecrecyRule::new(5);
/// assert_eq!((rule.min_count, rule.protection_width), (5, 0));
/// assert!(rule.protected(3, Some(4)) && !rule.protected(4, Some(4)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SecrecyRule {
    /// Counts from 1 to `min_count - 1` are never shown.
    pub min_count: i64,
    /// A hidden cell is protected when an outsider's range for it, `max - min`, is wider than this
    /// (0: it cannot be pinned to one value).
    pub protection_width: i64,
    pub cost: Cost,
}

/// A cost that outweighs any sum of values: with [`Cost::Cells`], one cell more always costs more.
const PER_CELL: i64 = 1 << 40;

impl SecrecyRule {
    /// The default rule with threshold `min_count`.
    ///
    /// ```
    /// assert_eq!(veille::privacy::SecrecyRule::new(10).min_count, 10);
    /// ```
    pub fn new(min_count: i64) -> Self {
        SecrecyRule { min_count, protection_width: 0, cost: Cost::Cells }
    }

    /// Whether a hidden cell whose outsider's range is `min..=max` (`None`: no upper bound) is protected.
    ///
    /// ```
    /// let rule = veille::privacy::SecrecyRule { protection_width: 2, ..veille::privacy::SecrecyRule::new(5) };
    /// assert!(!rule.protected(3, Some(5)) && rule.protected(3, Some(6)) && rule.protected(3, None));
    /// ```
    pub fn protected(&self, min: i64, max: Option<i64>) -> bool {
        max.is_none_or(|max| max.saturating_sub(min) > self.protection_width)
    }

    /// What hiding a cell of `value` costs; a cell hidden last week costs as if its value were 0, so that
    /// last week's pattern is kept where the rule allows it.
    ///
    /// ```
    /// let rule = veille::privacy::SecrecyRule::new(5);
    /// assert!(rule.cost_of(9, false) > rule.cost_of(9, true));
    /// assert_eq!(rule.cost_of(9, true), rule.cost_of(0, false));
    /// ```
    pub fn cost_of(&self, value: i64, hidden_last_week: bool) -> i64 {
        let value = if hidden_last_week { 0 } else { value.max(0) };
        match self.cost {
            Cost::Cells => PER_CELL + value,
            Cost::Values => 1 + value,
        }
    }
}

/// `[secret]` of veille.toml: how restricted publications are protected.
///
/// ```
/// use veille::config::Config;
/// let c = Config::parse("min_count = 10\n[secret]\nprotection_width = 2\ncost = \"values\"\n").unwrap();
/// let rule = c.secrecy_rule();
/// assert_eq!((rule.min_count, rule.protection_width, rule.cost), (10, 2, veille::privacy::Cost::Values));
/// assert!(Config::parse("[secret]\ncost = \"cheap\"\n").is_err());
/// ```
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SecretSettings {
    /// A hidden cell is protected when an outsider's range for it is wider than this (0: not pinned).
    pub protection_width: u32,
    /// What secondary suppression minimises: "cells" (fewest cells, then smallest values) or "values".
    pub cost: Cost,
}
