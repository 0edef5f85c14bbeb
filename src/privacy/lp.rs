//! The linear system an outsider knows, solved with good_lp (microlp backend, pure Rust): every cell the
//! reader does not see a number for is a variable (a hidden count ≥ 1, since zeros are never hidden; a
//! count never printed ≥ 0; a change since last week of any sign), every shown cell a constant, every
//! relation an equation. A hidden cell's range is its minimum and maximum over that system, rounded inward
//! to whole counts. Cells are split into independent groups first, so each program only holds the
//! relations that can say something about its cell.

use super::Cells;
use good_lp::{variable, Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable};
use std::collections::HashMap;

/// Why a range could not be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LpError {
    /// The shown figures contradict the relations: no table of counts agrees with them.
    #[error("the shown figures contradict the relations between them")]
    Inconsistent,
    #[error("linear program failed: {0}")]
    Solver(String),
}

/// The outsider's system for one pattern of hidden cells.
pub(crate) struct System<'a> {
    cells: &'a Cells,
    known: Vec<bool>,
    /// For each unknown cell, its group; shown cells have none.
    group: Vec<Option<usize>>,
    /// Per group: its cells, relations and inequalities.
    members: Vec<Vec<usize>>,
    relations: Vec<Vec<usize>>,
    inequalities: Vec<Vec<usize>>,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

impl<'a> System<'a> {
    pub(crate) fn new(cells: &'a Cells, hidden: &[bool]) -> Self {
        Self::with_known(cells, cells.shown(hidden))
    }

    /// The system where the cells of `known` are constants at their true values and the others unknown.
    pub(crate) fn with_known(cells: &'a Cells, known: Vec<bool>) -> Self {
        let mut parent: Vec<usize> = (0..known.len()).collect();
        for terms in cells.links() {
            let mut unknown = terms.into_iter().filter(|&t| !known[t]);
            if let Some(first) = unknown.next() {
                for t in unknown {
                    let (a, b) = (find(&mut parent, first), find(&mut parent, t));
                    parent[a] = b;
                }
            }
        }
        let mut index: HashMap<usize, usize> = HashMap::new();
        let mut group = vec![None; known.len()];
        let mut members: Vec<Vec<usize>> = Vec::new();
        for cell in (0..known.len()).filter(|&c| !known[c]) {
            let root = find(&mut parent, cell);
            let g = *index.entry(root).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            group[cell] = Some(g);
            members[g].push(cell);
        }
        let mut system = System { cells, known, group, relations: vec![Vec::new(); members.len()], inequalities: vec![Vec::new(); members.len()], members };
        for (r, relation) in cells.relations.iter().enumerate() {
            if let Some(g) = relation.terms().find_map(|t| system.group[t]) {
                system.relations[g].push(r);
            }
        }
        for (i, &(a, b)) in cells.at_most.iter().enumerate() {
            if let Some(g) = system.group[a].or(system.group[b]) {
                system.inequalities[g].push(i);
            }
        }
        system
    }

    /// The shown cells that share a relation or an inequality with the unknown cells tied to `cell`.
    pub(crate) fn shown_neighbours(&self, cell: usize) -> Vec<usize> {
        let Some(g) = self.group[cell] else { return Vec::new() };
        let relations = self.relations[g].iter().flat_map(|&r| self.cells.relations[r].terms());
        let inequalities = self.inequalities[g].iter().flat_map(|&i| [self.cells.at_most[i].0, self.cells.at_most[i].1]);
        let mut found: Vec<usize> = relations.chain(inequalities).filter(|&t| self.known[t]).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Whether the shown figures agree with every relation that holds no unknown cell.
    pub(crate) fn shown_consistent(&self) -> bool {
        let v = &self.cells.values;
        let relations = self.cells.relations.iter().filter(|r| r.terms().all(|t| self.known[t]));
        let inequalities = self.cells.at_most.iter().filter(|(a, b)| self.known[*a] && self.known[*b]);
        relations.clone().all(|r| v[r.total] == r.parts.iter().map(|&p| v[p]).sum::<i64>()) && inequalities.clone().all(|&(a, b)| v[a] <= v[b])
    }

    /// The smallest and largest whole values an outsider can give the unknown cell `cell` (`None`: no
    /// upper bound).
    pub(crate) fn range(&self, cell: usize) -> Result<(i64, Option<i64>), LpError> {
        Ok((self.lower(cell)?, self.upper(cell)?))
    }

    /// Whether an outsider can pin the unknown cell `cell` down under `rule` (nothing bounds it from above:
    /// it is protected, whatever its minimum, and one program is enough).
    pub(crate) fn pins(&self, cell: usize, rule: &super::SecrecyRule) -> Result<bool, LpError> {
        let Some(max) = self.upper(cell)? else { return Ok(false) };
        Ok(!rule.protected(self.lower(cell)?, Some(max)))
    }

    /// The smallest whole value of the unknown cell `cell` (`i64::MIN`: no lower bound).
    fn lower(&self, cell: usize) -> Result<i64, LpError> {
        Ok(self.extreme(cell, false)?.map_or(i64::MIN, |m| (m - 1e-6).ceil() as i64))
    }

    /// The unknown cells tied to `cell` (its group; empty when `cell` is shown).
    pub(crate) fn tied(&self, cell: usize) -> &[usize] {
        self.group[cell].map_or(&[], |g| self.members[g].as_slice())
    }

    /// The largest whole value of the unknown cell `cell` (`None`: no upper bound).
    pub(crate) fn upper(&self, cell: usize) -> Result<Option<i64>, LpError> {
        Ok(self.extreme(cell, true)?.map(|m| (m + 1e-6).floor() as i64))
    }

    fn term(&self, cell: usize, vars: &HashMap<usize, Variable>) -> Expression {
        match vars.get(&cell) {
            Some(&v) => v.into(),
            None => Expression::from(self.cells.values[cell] as f64),
        }
    }

    /// The optimum of `cell` over its group's system, `None` when unbounded.
    fn extreme(&self, cell: usize, maximise: bool) -> Result<Option<f64>, LpError> {
        let Some(g) = self.group[cell] else { return Ok(Some(self.cells.values[cell] as f64)) };
        let mut problem = ProblemVariables::new();
        let mut vars = HashMap::new();
        for &c in &self.members[g] {
            let lower = if self.cells.published[c] { 1.0 } else { 0.0 };
            let definition = if self.cells.signed[c] { variable() } else { variable().min(lower) };
            vars.insert(c, problem.add(definition));
        }
        let objective = self.term(cell, &vars);
        let unsolved = if maximise { problem.maximise(objective) } else { problem.minimise(objective) };
        let mut model = unsolved.using(good_lp::microlp);
        for &r in &self.relations[g] {
            let relation = &self.cells.relations[r];
            let parts: Expression = relation.parts.iter().map(|&p| self.term(p, &vars)).sum();
            model = model.with((self.term(relation.total, &vars) - parts).eq(0.0));
        }
        for &i in &self.inequalities[g] {
            let (a, b) = self.cells.at_most[i];
            model = model.with((self.term(a, &vars) - self.term(b, &vars)).leq(0.0));
        }
        let target = vars.get(&cell).copied();
        // microlp documents that it may panic on hard problems: that is a failed audit, not a crash.
        let solved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| model.solve()));
        match solved {
            Ok(Ok(solution)) => Ok(target.map(|v| solution.value(v))),
            Ok(Err(ResolutionError::Unbounded)) => Ok(None),
            Ok(Err(ResolutionError::Infeasible)) => Err(LpError::Inconsistent),
            Ok(Err(e)) => Err(LpError::Solver(e.to_string())),
            Err(_) => Err(LpError::Solver("microlp panicked".into())),
        }
    }
}
