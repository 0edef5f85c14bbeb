//! Quantities per device in one answer: "12 tablettes et 3 ordinateurs portables".

use super::number::{amounts, tokenize, Token};
use super::vocab::device_terms;
use crate::domain::Device;

/// Devices counted in an answer, by type, in order of first mention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quantities {
    pub items: Vec<(Device, u32)>,
    pub approximate: bool,
}

impl Quantities {
    pub fn total(&self) -> u32 {
        self.items.iter().map(|(_, n)| n).sum()
    }

    fn add(&mut self, device: Device, n: u32) {
        match self.items.iter_mut().find(|(d, _)| *d == device) {
            Some((_, total)) => *total += n,
            None => self.items.push((device, n)),
        }
    }
}

/// Reads quantities per device; a number with no device after it counts as `autre`.
///
/// ```
/// use veille::domain::Device;
/// use veille::normalize::parse_quantities;
/// let q = parse_quantities("10 tablettes et 4 ordinateurs portables").unwrap();
/// assert_eq!(q.items, vec![(Device::Tablette, 10), (Device::Ordinateur, 4)]);
/// let q = parse_quantities("une dizaine de clés 4G").unwrap();
/// assert_eq!((q.items.clone(), q.approximate), (vec![(Device::Connexion, 10)], true));
/// assert_eq!(parse_quantities("aucun"), Some(Default::default()));
/// assert_eq!(parse_quantities("je ne sais pas"), None);
/// ```
pub fn parse_quantities(text: &str) -> Option<Quantities> {
    let tokens = tokenize(text);
    let found = amounts(&tokens);
    if found.is_empty() {
        return super::parse_count_text(text).map(|_| Quantities::default());
    }
    let mut quantities = Quantities::default();
    for (i, amount) in found.iter().enumerate() {
        let until = found.get(i + 1).map(|a| a.start).unwrap_or(tokens.len());
        let words: Vec<String> = tokens[amount.end.min(until)..until]
            .iter()
            .filter_map(|t| match t {
                Token::Word(w) => Some(w.clone()),
                _ => None,
            })
            .take(4)
            .collect();
        let device = device_terms().find_positions(&words).first().map(|(_, d)| *d).unwrap_or(Device::Autre);
        quantities.add(device, amount.value.round().max(0.0) as u32);
        quantities.approximate |= amount.approximate;
    }
    Some(quantities)
}
