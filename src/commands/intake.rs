//! One input file read and normalised at once: its sheets are detected from their heads and normalised
//! chunk by chunk ([`TableStream`]) on the thread that asked for the file, while its reader parses the
//! next rows on another. Each file keeps its own part of the results and its own names; the pipeline
//! joins the parts in input order, so the outcome is the one of reading the files one after the other.

use crate::detect::{detect_with, ColumnSettings};
use crate::domain::{InseeCode, Pseudonym, TableKind};
use crate::ingest::{Cell, RawTable, TableSink};
use crate::normalize::{NormalizeOptions, Normalized, TableStream};
use crate::privacy::{drop_forbidden_columns, NameRegistry, Pseudonymizer};
use crate::progress::Stage;
use crate::reference::Territory;
use std::collections::HashMap;

/// What the files share while they are read.
pub(super) struct Shared<'a> {
    pub pseudonymizer: &'a Pseudonymizer,
    pub default_commune: Option<InseeCode>,
    pub territory: &'a Territory,
    pub columns: &'a ColumnSettings,
    pub forced: Option<TableKind>,
    pub rows: &'a Stage,
}

/// The sheet being read: normalised, or passed over (blank, a template's aid, no kind recognised).
enum Current {
    Table(Box<TableStream>),
    /// A sheet whose head holds nothing: a row with data below it makes it an unrecognised sheet.
    Blank(RawTable),
    Skipped,
}

/// One file's sink: its normalised part, its names, and whether any of its sheets holds data.
pub(super) struct FileIntake<'a> {
    shared: &'a Shared<'a>,
    pub part: Normalized,
    pub names: PseudonymMemo,
    pub has_data: bool,
    current: Option<Current>,
}

fn is_blank(rows: &[Vec<Cell>]) -> bool {
    rows.iter().all(|r| r.iter().all(Cell::is_blank))
}

impl<'a> FileIntake<'a> {
    pub fn new(shared: &'a Shared<'a>) -> Self {
        FileIntake { shared, part: Normalized::default(), names: PseudonymMemo::default(), has_data: false, current: None }
    }

    /// Runs `work` with the normalisation options of this file (its own pseudonym memo).
    fn with_options<T>(names: &PseudonymMemo, shared: &Shared<'_>, work: impl FnOnce(&NormalizeOptions<'_>) -> T) -> T {
        let pseudonymize = |name: &str| names.get(name, shared.pseudonymizer);
        let options = NormalizeOptions { pseudonymize: &pseudonymize, default_commune: shared.default_commune.clone(), territory: shared.territory };
        work(&options)
    }

    fn start(&mut self, head: RawTable) -> Current {
        if is_blank(&head.rows) {
            return Current::Blank(head);
        }
        self.has_data = true;
        if crate::templates::is_template_aid(&head) {
            return Current::Skipped;
        }
        let Some(mut found) = detect_with(&head, self.shared.forced, self.shared.columns) else {
            self.part.add_unrecognised(&head);
            return Current::Skipped;
        };
        for issue in drop_forbidden_columns(&head, &mut found) {
            self.part.issues.push(issue);
        }
        let stream = Self::with_options(&self.names, self.shared, |options| TableStream::new(&head, found, options));
        Current::Table(Box::new(stream))
    }
}

impl TableSink for FileIntake<'_> {
    fn begin(&mut self, head: RawTable) {
        self.shared.rows.grow(head.rows.len() as u64);
        self.shared.rows.advance(head.rows.len() as u64);
        self.current = Some(self.start(head));
    }

    fn rows(&mut self, chunk: RawTable) {
        self.shared.rows.grow(chunk.rows.len() as u64);
        match &mut self.current {
            Some(Current::Table(stream)) => Self::with_options(&self.names, self.shared, |options| stream.rows(&chunk, options)),
            Some(Current::Blank(head)) if !is_blank(&chunk.rows) => {
                self.has_data = true;
                self.part.add_unrecognised(head);
                self.current = Some(Current::Skipped);
            }
            _ => {}
        }
        self.shared.rows.advance(chunk.rows.len() as u64);
    }

    fn end(&mut self) {
        if let Some(Current::Table(stream)) = self.current.take() {
            stream.finish(&mut self.part);
        }
    }

    fn abandon(&mut self) {
        self.current = None;
    }
}

/// A pseudonym computed once per distinct name as written. Names are remembered for the run only, to
/// find them again in free text (privacy stage), in the order of their last occurrence, as if each row
/// had been remembered in turn.
#[derive(Default)]
pub(super) struct PseudonymMemo {
    seen: std::cell::RefCell<(u64, HashMap<String, (Pseudonym, u64)>)>,
}

impl PseudonymMemo {
    fn get(&self, name: &str, pseudonymizer: &Pseudonymizer) -> Pseudonym {
        let mut seen = self.seen.borrow_mut();
        let (count, names) = &mut *seen;
        *count += 1;
        if let Some((pseudonym, last)) = names.get_mut(name) {
            *last = *count;
            return pseudonym.clone();
        }
        let pseudonym = pseudonymizer.pseudonym(name);
        names.insert(name.to_string(), (pseudonym.clone(), *count));
        pseudonym
    }

    /// Takes in the names of a file read after these: each is last seen where that file last had it.
    pub fn absorb(&self, other: PseudonymMemo) {
        let mut theirs: Vec<(String, (Pseudonym, u64))> = other.seen.into_inner().1.into_iter().collect();
        theirs.sort_by_key(|(_, (_, last))| *last);
        let mut seen = self.seen.borrow_mut();
        let (count, names) = &mut *seen;
        for (name, (pseudonym, _)) in theirs {
            *count += 1;
            names.insert(name, (pseudonym, *count));
        }
    }

    pub fn registry(&self) -> NameRegistry {
        let registry = NameRegistry::default();
        let seen = self.seen.borrow();
        let mut names: Vec<(&String, &(Pseudonym, u64))> = seen.1.iter().collect();
        names.sort_by_key(|(_, (_, last))| *last);
        for (name, (pseudonym, _)) in names {
            registry.remember(name, pseudonym);
        }
        registry
    }
}
