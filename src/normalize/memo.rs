//! Normalisers remembered per distinct raw value, for one table: communes, schools, lenders, devices and
//! statuses repeat by the thousand down a long list, and each is worked out once. Every normaliser here is
//! a pure function of the cell's text (and the run's territory), so remembering it changes no result.

use super::{parse_device, parse_lender, parse_partner_status, parse_register_status, resolve_commune_in, resolve_school_in, CommuneResolution, SchoolMatch};
use crate::domain::{Device, InseeCode, Lender, PartnerStatus, RegisterStatus};
use crate::ingest::Cell;
use crate::reference::Territory;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;

/// One remembered function of a text.
struct Table<K, V>(RefCell<HashMap<K, V>>);

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table(RefCell::new(HashMap::new()))
    }
}

impl<V: Clone> Table<String, V> {
    /// The value of a cell's text, looked up without copying the text when the cell holds it.
    fn of_cell(&self, cell: &Cell, compute: impl FnOnce() -> V) -> V {
        if let Cell::Text(t) = cell {
            if let Some(v) = self.0.borrow().get(t.trim()) {
                return v.clone();
            }
        }
        self.get_or(cell.to_text(), compute)
    }
}

impl<K: Hash + Eq, V: Clone> Table<K, V> {
    fn get_or(&self, key: K, compute: impl FnOnce() -> V) -> V {
        if let Some(v) = self.0.borrow().get(&key) {
            return v.clone();
        }
        let v = compute();
        self.0.borrow_mut().insert(key, v.clone());
        v
    }
}

/// The remembered normalisers of one table.
#[derive(Default)]
pub(crate) struct Memo {
    communes: Table<String, CommuneResolution>,
    schools: Table<(String, Option<InseeCode>), SchoolMatch>,
    lenders: Table<String, Option<Lender>>,
    devices: Table<String, Option<Device>>,
    register_statuses: Table<String, Option<RegisterStatus>>,
    partner_statuses: Table<String, Option<PartnerStatus>>,
}

impl Memo {
    pub fn commune(&self, cell: &Cell, territory: &Territory) -> CommuneResolution {
        self.communes.of_cell(cell, || resolve_commune_in(cell, territory))
    }

    pub fn school(&self, cell: &Cell, commune: Option<&InseeCode>, territory: &Territory) -> SchoolMatch {
        self.schools.get_or((cell.to_text(), commune.cloned()), || resolve_school_in(cell, commune, territory))
    }

    pub fn lender(&self, text: &str) -> Option<Lender> {
        self.lenders.get_or(text.to_string(), || parse_lender(text))
    }

    pub fn device(&self, text: &str) -> Option<Device> {
        self.devices.get_or(text.to_string(), || parse_device(text))
    }

    pub fn register_status(&self, text: &str) -> Option<RegisterStatus> {
        self.register_statuses.get_or(text.to_string(), || parse_register_status(text))
    }

    pub fn partner_status(&self, text: &str) -> Option<PartnerStatus> {
        self.partner_statuses.get_or(text.to_string(), || parse_partner_status(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_commune_is_the_one_worked_out() {
        let memo = Memo::default();
        let territory = Territory::default();
        let viry = Cell::Text("VIRY CHATILLON".into());
        let first = memo.commune(&viry, &territory);
        assert_eq!(first, resolve_commune_in(&viry, &territory));
        assert_eq!(memo.commune(&viry, &territory), first);
        assert_eq!(memo.communes.0.borrow().len(), 1);
        // A number cell and the same digits as text share one entry, as the resolver reads both as text.
        memo.commune(&Cell::Number(91687.0), &territory);
        memo.commune(&Cell::Text("91687".into()), &territory);
        assert_eq!(memo.communes.0.borrow().len(), 2);
        assert_eq!(memo.lender("CD91"), Some(Lender::Departement));
        assert_eq!(memo.device("clé 4G"), Some(Device::Connexion));
    }
}
