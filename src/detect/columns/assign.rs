//! Columns to fields, one to one, by the best total score: header evidence and value evidence combined,
//! then the columns whose header says nothing but whose values are unmistakable.

use super::keywords::HeaderWhy;
use super::values::{ValueKind, ValueProfile};
use pathfinding::prelude::{kuhn_munkres, Matrix};

/// Header evidence below this names nothing.
pub const MIN_HEADER: f64 = 0.6;
/// Share of a sample that must hold one kind for a column to be placed on its values alone.
pub const CLEAR_SHARE: f64 = 0.8;

/// One (column, field) pairing that the evidence allows.
#[derive(Debug, Clone)]
pub struct Pairing {
    pub score: f64,
    pub header: Option<(f64, HeaderWhy)>,
    /// (kind, hits, sampled) when the values were tried against the field's kind.
    pub values: Option<(ValueKind, usize, usize)>,
}

impl Pairing {
    /// The placement's confidence, in percent.
    pub fn confidence(&self) -> u8 {
        let fit = self.values.map(|(_, hits, n)| hits as f64 / n.max(1) as f64);
        let c = match (&self.header, fit) {
            (Some((_, HeaderWhy::Setting)), _) => 1.0,
            (Some((h, _)), Some(fit)) => 0.7 * h + 0.3 * fit,
            (Some((h, _)), None) => *h,
            (None, Some(fit)) => 0.75 * fit,
            (None, None) => 0.0,
        };
        (c * 100.0).round().clamp(0.0, 100.0) as u8
    }
}

/// What the evidence says of one pairing: allowed (with its score), contradicted by the values (the
/// header pointed there, the values do not fit), or nothing at all.
#[derive(Debug, Clone)]
pub enum Verdict {
    Allowed(Pairing),
    Contradicted(Pairing),
    Nothing,
}

/// Combines the header's and the values' evidence for a field of value kind `kind`.
pub fn judge(kind: ValueKind, header: Option<(f64, HeaderWhy)>, profile: Option<&ValueProfile>) -> Verdict {
    let values = profile.filter(|_| kind != ValueKind::Text).and_then(|p| p.fit(kind).map(|_| (kind, p.hits(kind), p.sampled)));
    let fit = values.map(|(_, hits, n)| hits as f64 / n as f64);
    match header {
        Some((strength, why)) if strength >= MIN_HEADER => {
            let setting = why == HeaderWhy::Setting;
            let pairing = Pairing { score: strength + 0.5 * fit.unwrap_or(0.5), header: Some((strength, why)), values };
            // Key words are a guess the values must confirm; an alias as written is trusted, so that a
            // column of unreadable dates is read (each cell then says what is wrong) rather than dropped.
            let contradicted = !setting && strength < 0.95 && values.is_some_and(|(_, _, n)| n >= 3) && fit.is_some_and(|f| f < 0.2);
            if contradicted { Verdict::Contradicted(pairing) } else { Verdict::Allowed(pairing) }
        }
        _ => Verdict::Nothing,
    }
}

/// The pairing a column gets from its values alone (its header says nothing): only unmistakable values
/// when `placing`, counts too when naming the nearest field of an unread column.
pub fn judge_values(kind: ValueKind, profile: &ValueProfile, placing: bool) -> Option<Pairing> {
    if !profile.clear_kinds(CLEAR_SHARE, placing).contains(&kind) {
        return None;
    }
    let hits = profile.hits(kind);
    let fit = hits as f64 / profile.sampled as f64;
    Some(Pairing { score: 0.2 + 0.3 * fit, header: None, values: Some((kind, hits, profile.sampled)) })
}

/// The one-to-one assignment of columns (rows of `scores`) to fields (its columns) of greatest total
/// score; pairs scored 0 are never made.
///
/// ```
/// // Column 0 fits fields 0 and 1, column 1 only field 0: the best total gives each its own.
/// let pairs = veille::detect::assign_columns(&[vec![1.2, 1.0], vec![1.1, 0.0]]);
/// assert_eq!(pairs, vec![Some(1), Some(0)]);
/// ```
pub fn assign_columns(scores: &[Vec<f64>]) -> Vec<Option<usize>> {
    let columns = scores.len();
    let fields = scores.iter().map(Vec::len).max().unwrap_or(0);
    let size = columns.max(fields);
    if size == 0 {
        return Vec::new();
    }
    let weight = |(c, f): (usize, usize)| -> i64 {
        scores.get(c).and_then(|row| row.get(f)).map_or(0, |s| (s.max(0.0) * 1000.0).round() as i64)
    };
    let matrix = Matrix::from_fn(size, size, weight);
    let (_, assignment) = kuhn_munkres(&matrix);
    (0..columns).map(|c| assignment.get(c).copied().filter(|&f| f < fields && weight((c, f)) > 0)).collect()
}
