//! Statistical secrecy on tables where primary suppression alone would leak, in one and two dimensions.
//! Every result is checked by brute force: every integer completion of the hidden cells that agrees with
//! the shown cells and the relations is enumerated, and each hidden cell must take at least two values.

use veille::privacy::{suppress, Cells};

/// For each hidden cell, the distinct values it takes over every completion consistent with what is shown.
fn possible_values(cells: &Cells, hidden: &[bool], max: i64) -> Vec<(usize, Vec<i64>)> {
    let unknown: Vec<usize> = (0..cells.values.len()).filter(|&i| hidden[i] || !cells.published[i]).collect();
    let mut seen: Vec<std::collections::BTreeSet<i64>> = vec![Default::default(); unknown.len()];
    let mut values = cells.values.clone();
    let mut counter = vec![0i64; unknown.len()];
    loop {
        for (k, &cell) in unknown.iter().enumerate() {
            values[cell] = counter[k];
        }
        let consistent = cells.relations.iter().all(|r| values[r.total] == r.parts.iter().map(|&p| values[p]).sum::<i64>());
        if consistent {
            for (k, &cell) in unknown.iter().enumerate() {
                seen[k].insert(values[cell]);
            }
        }
        // Next assignment, odometer style.
        let mut k = 0;
        while k < counter.len() {
            counter[k] += 1;
            if counter[k] <= max {
                break;
            }
            counter[k] = 0;
            k += 1;
        }
        if k == counter.len() {
            break;
        }
    }
    unknown.iter().zip(seen).filter(|(c, _)| hidden[**c]).map(|(c, s)| (*c, s.into_iter().collect())).collect()
}

fn assert_protected(cells: &Cells, hidden: &[bool], max: i64) {
    for (cell, values) in possible_values(cells, hidden, max) {
        assert!(values.len() >= 2, "hidden cell {cell} (= {}) can be recomputed: {values:?}", cells.values[cell]);
    }
}

#[test]
fn one_dimension_primary_alone_leaks_and_secondary_protects() {
    // Three communes, 3, 12 and 20 pupils, and their published total 35.
    let mut cells = Cells::default();
    let ids: Vec<usize> = [3, 12, 20].iter().map(|&v| cells.add(v, true)).collect();
    let total = cells.add_total(ids.clone(), true);
    // Primary suppression alone: 3 is recomputed as 35 - 12 - 20.
    let primary_only: Vec<bool> = cells.values.iter().map(|v| (1..5).contains(v)).collect();
    assert_eq!(possible_values(&cells, &primary_only, 35), vec![(ids[0], vec![3])]);
    // With secondary suppression: 3 and the next smallest, 12, are hidden; 20 and the total stay.
    let hidden = suppress(&cells, 5);
    assert_eq!(hidden, vec![true, true, false, false]);
    assert!(!hidden[total]);
    assert_protected(&cells, &hidden, 35);
}

#[test]
fn two_dimensions_with_margins() {
    // Rows: 2 communes; columns: restored, in progress, no contact; row totals = register pupils,
    // column totals and the grand total are published too.
    let grid = [[2, 9, 6], [7, 3, 8]];
    let mut cells = Cells::default();
    let ids: Vec<Vec<usize>> = grid.iter().map(|row| row.iter().map(|&v| cells.add(v, true)).collect()).collect();
    let rows: Vec<usize> = ids.iter().map(|r| cells.add_total(r.clone(), true)).collect();
    let cols: Vec<usize> = (0..3).map(|c| cells.add_total(ids.iter().map(|r| r[c]).collect(), true)).collect();
    let grand = cells.add_total(rows.clone(), true);
    cells.relate(grand, cols.clone());
    let primary_only: Vec<bool> = cells.values.iter().map(|v| (1..5).contains(v)).collect();
    assert!(possible_values(&cells, &primary_only, 17).iter().any(|(_, v)| v.len() == 1), "primary alone leaks");
    let hidden = suppress(&cells, 5);
    assert!(hidden[ids[0][0]] && hidden[ids[1][1]], "primary cells hidden");
    // Each row and column with a hidden cell has at least two.
    for r in &ids {
        assert_ne!(r.iter().filter(|&&c| hidden[c]).count(), 1);
    }
    for c in 0..3 {
        assert_ne!(ids.iter().filter(|r| hidden[r[c]]).count(), 1);
    }
    assert_protected(&cells, &hidden, 17);
}

#[test]
fn loans_relation_and_commune_totals() {
    // One commune, two devices: lent = returned + outstanding per row; the commune's lent and outstanding
    // totals are published, its returned total is not.
    let mut cells = Cells::default();
    let tablets = [cells.add(6, true), cells.add(5, true), cells.add(1, true)];
    let computers = [cells.add(7, true), cells.add(3, true), cells.add(4, true)];
    for row in [tablets, computers] {
        cells.relate(row[0], vec![row[1], row[2]]);
    }
    let lent = cells.add_total(vec![tablets[0], computers[0]], true);
    let returned = cells.add_total(vec![tablets[1], computers[1]], false);
    let outstanding = cells.add_total(vec![tablets[2], computers[2]], true);
    cells.relate(lent, vec![returned, outstanding]);
    let hidden = suppress(&cells, 5);
    assert!(hidden[tablets[2]] && hidden[computers[1]] && hidden[computers[2]]);
    assert!(!hidden[lent], "13 devices lent in all stays shown");
    assert_protected(&cells, &hidden, 13);
}

#[test]
fn zeros_are_never_hidden() {
    let mut cells = Cells::default();
    let ids = [cells.add(0, true), cells.add(4, true), cells.add(9, true)];
    cells.add_total(ids.to_vec(), true);
    let hidden = suppress(&cells, 5);
    assert!(!hidden[ids[0]], "a zero stays shown");
    assert!(hidden[ids[1]] && hidden[ids[2]]);
    assert_protected(&cells, &hidden, 13);
}

/// A reader's audit of the published prefecture report of the sample: with every relation the report
/// implies, solve one equation at a time; no `s` may come out.
#[test]
fn prefecture_report_of_the_sample_gives_no_hidden_count_away() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_veille"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("VEILLE_KEY", "k")
        .args(["report", "sample_data", "--audience", "prefecture", "--out", out.to_str().unwrap(), "--state", tmp.path().join("s").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success());
    let read = |name: &str| -> Vec<Vec<String>> {
        let mut r = csv::Reader::from_path(out.join("data").join(name)).unwrap();
        r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
    };
    // Cells: Some(value) when shown, None when hidden or never printed.
    let mut cells: Vec<Option<i64>> = Vec::new();
    let mut relations: Vec<(usize, Vec<usize>)> = Vec::new();
    let add = |cells: &mut Vec<Option<i64>>, text: &str| {
        cells.push(text.parse().ok());
        cells.len() - 1
    };
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let json_cell = |v: &serde_json::Value| v.as_i64().map(|n| n.to_string()).unwrap_or_else(|| "s".into());
    let mut per_commune: std::collections::BTreeMap<String, [Vec<usize>; 4]> = Default::default();
    for row in read("lost_contact_by_commune.csv") {
        let ids: Vec<usize> = [2, 4, 6, 7, 8].iter().map(|&c| add(&mut cells, &row[c])).collect();
        relations.push((ids[1], vec![ids[2], ids[3], ids[4]]));
        let e = per_commune.entry(row[0].clone()).or_default();
        e[0].push(ids[0]);
        e[1].push(ids[1]);
    }
    for row in read("loans_by_commune.csv") {
        let ids: Vec<usize> = [4, 5, 6].iter().map(|&c| add(&mut cells, &row[c])).collect();
        relations.push((ids[0], vec![ids[1], ids[2]]));
        let e = per_commune.entry(row[0].clone()).or_default();
        e[2].push(ids[0]);
        e[3].push(ids[2]);
    }
    let keys = ["lost_contact_declared", "register_pupils", "devices_lent", "devices_outstanding"];
    let mut overall: [Vec<usize>; 4] = Default::default();
    for commune in summary["communes"].as_array().unwrap() {
        let parts = per_commune.remove(commune["insee"].as_str().unwrap()).unwrap_or_default();
        for (i, key) in keys.iter().enumerate() {
            let total = add(&mut cells, &json_cell(&commune[key]));
            relations.push((total, parts[i].clone()));
            overall[i].push(total);
        }
    }
    for (i, key) in keys.iter().enumerate() {
        let total = add(&mut cells, &json_cell(&summary["totals"][key]));
        relations.push((total, overall[i].clone()));
    }
    let hidden_before = cells.iter().filter(|c| c.is_none()).count();
    assert!(hidden_before > 0, "the sample has small counts to hide");
    // Every cell here is printed (a number or "s"), so a relation with a single "s" gives it away.
    for (total, parts) in &relations {
        let terms: Vec<usize> = std::iter::once(*total).chain(parts.iter().copied()).collect();
        let unknown: Vec<usize> = terms.iter().copied().filter(|&t| cells[t].is_none()).collect();
        if let [only] = unknown[..] {
            let known: i64 = parts.iter().filter_map(|&p| cells[p]).sum();
            let value = if only == *total { known } else { cells[*total].unwrap_or_default() - known };
            panic!("a hidden count is given away: cell {only} = {value}");
        }
    }
}
