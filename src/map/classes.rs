//! Colour classes of a choropleth: up to five classes by quantiles of the values shown, light to dark.

use crate::i18n::Lang;
use plotters::style::RGBColor;

/// ColorBrewer's sequential "Blues", five classes: light for low rates, dark for high ones.
pub const CLASS_COLOURS: [RGBColor; 5] = [
    RGBColor(0xef, 0xf3, 0xff),
    RGBColor(0xbd, 0xd7, 0xe7),
    RGBColor(0x6b, 0xae, 0xd6),
    RGBColor(0x31, 0x82, 0xbd),
    RGBColor(0x08, 0x51, 0x9c),
];

/// The classes of a set of values: each class holds the values up to its upper bound.
///
/// ```
/// use veille::map::Classes;
/// let classes = Classes::of(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
/// assert_eq!(classes.upper_bounds(), &[2.0, 4.0, 6.0, 8.0, 10.0]);
/// assert_eq!((classes.class_of(1.0), classes.class_of(4.5), classes.class_of(10.0)), (0, 2, 4));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    uppers: Vec<f64>,
    lowest: f64,
}

impl Classes {
    /// Quantile classes of the finite values (at most five; fewer when values repeat).
    pub fn of(values: &[f64]) -> Classes {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let mut uppers: Vec<f64> = Vec::new();
        for k in 1..=CLASS_COLOURS.len() {
            let Some(&v) = (k * n).div_ceil(CLASS_COLOURS.len()).checked_sub(1).and_then(|i| sorted.get(i)) else { continue };
            if uppers.last().is_none_or(|&last| v > last) {
                uppers.push(v);
            }
        }
        Classes { uppers, lowest: sorted.first().copied().unwrap_or(0.0) }
    }

    pub fn upper_bounds(&self) -> &[f64] {
        &self.uppers
    }

    pub fn len(&self) -> usize {
        self.uppers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.uppers.is_empty()
    }

    /// The class of a value: the first whose upper bound it does not pass.
    pub fn class_of(&self, value: f64) -> usize {
        self.uppers.iter().position(|&u| value <= u).unwrap_or(self.uppers.len().saturating_sub(1))
    }

    /// The colour of a class, spread over the palette when there are fewer than five classes.
    pub fn colour(&self, class: usize) -> RGBColor {
        let last = CLASS_COLOURS.len() - 1;
        let index = match self.uppers.len() {
            0 | 1 => last,
            n => class.min(n - 1) * last / (n - 1),
        };
        CLASS_COLOURS[index]
    }

    /// The legend text of a class: "12,5 – 20" (French decimal comma) or "12.5 – 20".
    pub fn label(&self, class: usize, lang: Lang) -> String {
        let low = if class == 0 { self.lowest } else { self.uppers.get(class - 1).copied().unwrap_or(0.0) };
        let high = self.uppers.get(class).copied().unwrap_or(low);
        format!("{} – {}", number(low, lang), number(high, lang))
    }
}

/// A rate for the legend: one decimal at most, the decimal comma in French.
///
/// ```
/// use veille::i18n::Lang;
/// assert_eq!(veille::map::number(12.54, Lang::Fr), "12,5");
/// assert_eq!(veille::map::number(12.0, Lang::En), "12");
/// ```
pub fn number(value: f64, lang: Lang) -> String {
    let text = format!("{:.1}", value);
    let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_values_make_fewer_classes_and_darkest_is_kept_for_the_top() {
        let classes = Classes::of(&[0.0, 0.0, 0.0, 0.0, 5.0]);
        assert_eq!(classes.upper_bounds(), &[0.0, 5.0]);
        assert_eq!(classes.colour(classes.class_of(5.0)), CLASS_COLOURS[4]);
        assert_eq!(classes.colour(classes.class_of(0.0)), CLASS_COLOURS[0]);
        assert_eq!(classes.label(1, Lang::Fr), "0 – 5");
    }

    #[test]
    fn no_value_makes_no_class() {
        let classes = Classes::of(&[f64::NAN]);
        assert!(classes.is_empty());
        assert_eq!(classes.class_of(3.0), 0);
    }
}
