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
    let weight = |(c, f): (usize, usize)| -> i64 {
        scores.get(c).and_then(|row| row.get(f)).map_or(0, |s| (s.max(0.0) * 1000.0).round() as i64)
    };
    // Only the columns and fields with some pairing take part: a header row of sixteen columns often has
    // three that name anything, and the assignment costs the cube of its size. Left-out pairs weigh 0,
    // so the best total is the same.
    let columns: Vec<usize> = (0..scores.len()).filter(|&c| (0..scores[c].len()).any(|f| weight((c, f)) > 0)).collect();
    let fields: Vec<usize> = (0..scores.iter().map(Vec::len).max().unwrap_or(0)).filter(|&f| columns.iter().any(|&c| weight((c, f)) > 0)).collect();
    let mut assigned = vec![None; scores.len()];
    let size = columns.len().max(fields.len());
    if size == 0 {
        return assigned;
    }
    let matrix = Matrix::from_fn(size, size, |(i, j)| match (columns.get(i), fields.get(j)) {
        (Some(&c), Some(&f)) => weight((c, f)),
        _ => 0,
    });
    let (_, assignment) = kuhn_munkres(&matrix);
    for (i, &c) in columns.iter().enumerate() {
        assigned[c] = assignment.get(i).and_then(|&j| fields.get(j).copied()).filter(|&f| weight((c, f)) > 0);
    }
    assigned
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The best total over every one-to-one pairing, tried one by one.
    fn brute_force(scores: &[Vec<i64>], column: usize, used: &mut Vec<bool>) -> i64 {
        if column == scores.len() {
            return 0;
        }
        let mut best = brute_force(scores, column + 1, used);
        for f in 0..used.len() {
            if !used[f] && scores[column][f] > 0 {
                used[f] = true;
                best = best.max(scores[column][f] + brute_force(scores, column + 1, used));
                used[f] = false;
            }
        }
        best
    }

    proptest! {
        /// Leaving out the columns and fields with no pairing never loses the best total.
        #[test]
        fn the_assignment_reaches_the_best_total(cells in proptest::collection::vec(prop_oneof![3 => Just(0i64), 1 => 1i64..2_000], 1..=30), fields in 1usize..=6) {
            let scores: Vec<Vec<i64>> = cells.chunks(fields).map(|c| c.to_vec()).collect();
            let as_f64: Vec<Vec<f64>> = scores.iter().map(|r| r.iter().map(|&w| w as f64 / 1000.0).collect()).collect();
            let assigned = assign_columns(&as_f64);
            let mut seen = std::collections::HashSet::new();
            let mut total = 0;
            for (c, f) in assigned.iter().enumerate() {
                if let Some(f) = *f {
                    prop_assert!(seen.insert(f), "field {f} given twice");
                    prop_assert!(scores[c][f] > 0, "a pair scored 0 was made");
                    total += scores[c][f];
                }
            }
            let width = scores.iter().map(Vec::len).max().unwrap_or(0);
            let padded: Vec<Vec<i64>> = scores.iter().map(|r| (0..width).map(|f| r.get(f).copied().unwrap_or(0)).collect()).collect();
            prop_assert_eq!(total, brute_force(&padded, 0, &mut vec![false; width]));
        }
    }
}
