//! Territory and school identifiers.

use super::short::Short;
use serde::Serialize;
use std::fmt;

/// A commune's INSEE code (COG): 5 characters, digits except Corsica's `2A`/`2B`.
///
/// ```
/// use veille::domain::InseeCode;
/// assert!(InseeCode::parse("91687").is_some());
/// assert!(InseeCode::parse("2A004").is_some());
/// assert!(InseeCode::parse("9168").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct InseeCode(Short<5>);

impl InseeCode {
    pub fn parse(text: &str) -> Option<InseeCode> {
        // Upper-cased in place: the reference parses some 80,000 codes at start-up, one String each was felt.
        let b: [u8; 5] = upper_ascii(text)?;
        let ok = (b[0].is_ascii_digit())
            && (b[1].is_ascii_digit() || (b[0] == b'2' && (b[1] == b'A' || b[1] == b'B')))
            && b[2..].iter().all(u8::is_ascii_digit);
        let t = std::str::from_utf8(&b).ok().filter(|_| ok)?;
        Some(InseeCode(Short::new(t)))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for InseeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// The text, trimmed and upper-cased, when it is exactly `N` bytes long.
fn upper_ascii<const N: usize>(text: &str) -> Option<[u8; N]> {
    let mut bytes: [u8; N] = text.trim().as_bytes().try_into().ok()?;
    bytes.make_ascii_uppercase();
    Some(bytes)
}

const UAI_LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// A school's UAI (RNE): 7 digits and a check letter, `ABCDEFGHJKLMNPRSTUVWXYZ`[n mod 23].
///
/// ```
/// use veille::domain::Uai;
/// assert_eq!(Uai::parse("0910971l").map(|u| u.to_string()), Some("0910971L".to_string()));
/// assert!(Uai::parse("0910971M").is_none()); // wrong check letter
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Uai(Short<8>);

impl Uai {
    /// Parses a UAI and checks its letter.
    pub fn parse(text: &str) -> Option<Uai> {
        let b: [u8; 8] = upper_ascii(text)?;
        let t = std::str::from_utf8(&b).ok()?;
        Uai::looks_like(t).then_some(())?;
        let number: u64 = t[..7].parse().ok()?;
        let expected = UAI_LETTERS[(number % 23) as usize];
        (b[7] == expected).then(|| Uai(Short::new(t)))
    }

    /// Whether the text has the shape of a UAI (7 digits + letter), whatever its check letter.
    pub fn looks_like(text: &str) -> bool {
        let b = text.trim().as_bytes();
        b.len() == 8 && b[..7].iter().all(u8::is_ascii_digit) && b[7].is_ascii_alphabetic()
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Display for Uai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}
