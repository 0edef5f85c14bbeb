//! The one error type of the commands: what went wrong, in French and in English, and the exit status it
//! gives. `main` prints it once, with the `veille:` prefix.

use super::exit;
use crate::i18n::Lang;

/// Why a command stopped.
///
/// ```
/// use veille::commands::VeilleError;
/// use veille::i18n::Lang;
/// let e = VeilleError::usage("aucun fichier à lire", "no input");
/// assert_eq!((e.message(Lang::En), e.exit_code()), ("no input", 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VeilleError {
    fr: String,
    en: String,
    code: u8,
}

impl VeilleError {
    /// A wrong command line or setting (exit 2).
    pub fn usage(fr: impl Into<String>, en: impl Into<String>) -> Self {
        VeilleError { fr: fr.into(), en: en.into(), code: exit::USAGE }
    }

    /// Nothing could be done (exit 1).
    pub fn failure(fr: impl Into<String>, en: impl Into<String>) -> Self {
        VeilleError { fr: fr.into(), en: en.into(), code: exit::FAILURE }
    }

    /// A wrong command line whose message was already written in the user's language.
    pub fn usage_said(message: impl Into<String>) -> Self {
        let message = message.into();
        VeilleError::usage(message.clone(), message)
    }

    /// A failure whose message was already written in the user's language.
    pub fn failure_said(message: impl Into<String>) -> Self {
        let message = message.into();
        VeilleError::failure(message.clone(), message)
    }

    /// A failure from an error that already speaks both languages.
    pub fn from_message(message: impl Fn(Lang) -> String) -> Self {
        VeilleError::failure(message(Lang::Fr), message(Lang::En))
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    pub fn exit_code(&self) -> u8 {
        self.code
    }
}

/// What a command prints on the way that is not its result (a key created, a hint): on standard error,
/// with the `veille:` prefix, so that standard output stays the command's own.
pub fn notice(lang: Lang, fr: &str, en: &str) {
    eprintln!("veille: {}", lang.pick(fr, en));
}
