//! Phone numbers and e-mail addresses of partners' contacts.

use crate::ingest::Cell;

/// A French phone number, kept as E.164 (`+33169123456`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// The display form `01 69 12 34 56` (E.164 for numbers outside France).
    pub fn display(&self) -> String {
        match self.0.strip_prefix("+33") {
            Some(rest) => {
                let national = format!("0{rest}");
                national.as_bytes().chunks(2).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
            }
            None => self.0.clone(),
        }
    }
}

/// Reads a phone number: national (`01 69 12 34 56`, `01.69.12.34.56`), international (`+33 1 69...`,
/// `0033...`, `+33 (0)1...`), or a number cell that lost its leading zero.
///
/// ```
/// use veille::ingest::Cell;
/// use veille::normalize::parse_phone;
/// let p = parse_phone(&Cell::Text("01.69.12.34.56".into())).unwrap();
/// assert_eq!(p.e164(), "+33169123456");
/// assert_eq!(p.display(), "01 69 12 34 56");
/// assert_eq!(parse_phone(&Cell::Number(169123456.0)).unwrap().e164(), "+33169123456");
/// assert_eq!(parse_phone(&Cell::Text("+33 (0)6 12 34 56 78".into())).unwrap().display(), "06 12 34 56 78");
/// assert_eq!(parse_phone(&Cell::Text("voir accueil".into())), None);
/// ```
pub fn parse_phone(cell: &Cell) -> Option<Phone> {
    let text = cell.to_text().replace("(0)", "");
    let international = text.trim_start().starts_with('+');
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let national = if international {
        digits.strip_prefix("33").map(|rest| format!("0{rest}"))
    } else if let Some(rest) = digits.strip_prefix("0033") {
        Some(format!("0{rest}"))
    } else if digits.len() == 9 && !digits.starts_with('0') {
        Some(format!("0{digits}"))
    } else {
        Some(digits.clone())
    }?;
    let valid = national.len() == 10 && national.starts_with('0') && national.as_bytes()[1] != b'0';
    valid.then(|| Phone(format!("+33{}", &national[1..])))
}

/// Checks and lower-cases an e-mail address.
///
/// ```
/// use veille::normalize::parse_email;
/// assert_eq!(parse_email(" Accueil@MJC-Viry.fr "), Some("accueil@mjc-viry.fr".to_string()));
/// assert_eq!(parse_email("MailTo:ccas@exemple.fr"), Some("ccas@exemple.fr".to_string()));
/// assert_eq!(parse_email("accueil at mjc"), None);
/// ```
pub fn parse_email(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let t = lower.strip_prefix("mailto:").unwrap_or(&lower).trim().to_string();
    let (local, domain) = t.split_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !t.chars().any(|c| c.is_whitespace() || c == ',' || c == ';')
        && !domain.contains('@');
    ok.then_some(t)
}
