//! A short ASCII code held inline (an INSEE code, a UAI, a pseudonym): no allocation of its own, so a
//! million loans do not make three million small strings.

use serde::Serialize;
use std::fmt;

/// Up to `N` bytes of text, inline. Compared, ordered and written as the text it holds.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Short<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> Short<N> {
    /// The text, cut to `N` bytes at a character boundary (codes are ASCII: nothing is cut).
    pub fn new(text: &str) -> Self {
        let mut end = text.len().min(N).min(u8::MAX as usize);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0u8; N];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        Short { bytes, len: end as u8 }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or_default()
    }
}

impl<const N: usize> PartialOrd for Short<N> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<const N: usize> Ord for Short<N> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl<const N: usize> fmt::Debug for Short<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<const N: usize> Serialize for Short<N> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_compares_and_shows_its_text() {
        let (a, b) = (Short::<5>::new("91687"), Short::<5>::new("2A004"));
        assert_eq!((a.as_str(), format!("{a:?}")), ("91687", "\"91687\"".to_string()));
        assert!(b < a);
        assert_eq!(Short::<2>::new("té").as_str(), "t", "cut at a character boundary");
        assert!(Short::<12>::new("E-01") < Short::<12>::new("E-012"));
    }
}
