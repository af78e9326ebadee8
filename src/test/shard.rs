//! Which of the listed cases run: `--filter` keeps those whose id holds a
//! pattern, `--shard K/N` the K-th of N parts, balanced by the times of a
//! previous run so that N machines finish together.
//!
//! The unit of sharding is a boot, not a case: cases that share one guest
//! boot (the modules of the modules suite's one guest, the programs of
//! userland-full-system) go to the same shard, whole. Splitting them would
//! still be exact (each shard would boot once for its share), but every
//! shard would pay that boot again, and their recorded times (each case of
//! a shared boot records the whole boot's time) would say nothing about the
//! share. Cases that share a state (the gem5 suite's checkpoint and the
//! restores of it) are one unit for the same reason: split, a restore
//! would find no checkpoint. Every other case is a unit of its own.
//!
//! It knows no suite and runs nothing: it sees only `Listed` cases.

use std::collections::{BTreeMap, BTreeSet};

use crate::cli::Shard;

use super::harness::Listed;

/// The cases whose id contains one of `patterns`; all of them without any.
pub fn filter(cases: Vec<Listed>, patterns: &[String]) -> Vec<Listed> {
    if patterns.is_empty() {
        return cases;
    }
    cases
        .into_iter()
        .filter(|c| patterns.iter().any(|p| c.id.contains(p.as_str())))
        .collect()
}

/// The least weight of a unit: cases that took no time (skips) still
/// spread over the shards instead of piling onto one.
const MIN_SECONDS: f64 = 0.01;

/// The ids of the cases of `shard`: the units (boots, or single cases),
/// heaviest first, each to the shard least loaded so far (the first of
/// equals). A unit weighs the longest time `times` has for its cases (in a
/// shared boot each case took the whole boot), or, unknown, the median of
/// the known units; with no times at all, every unit weighs the same. The
/// same cases and times give the same parts on every machine; the parts
/// are disjoint and together hold every case.
pub fn pick(cases: &[Listed], shard: Shard, times: &BTreeMap<String, f64>) -> BTreeSet<String> {
    let mut units: BTreeMap<(bool, &str), Vec<&str>> = BTreeMap::new();
    for c in cases {
        let key = match &c.boot {
            Some(boot) => (true, boot.as_str()),
            None => (false, c.id.as_str()),
        };
        units.entry(key).or_default().push(&c.id);
    }
    let known = |ids: &[&str]| {
        ids.iter()
            .filter_map(|id| times.get(*id).copied())
            .reduce(f64::max)
    };
    let mut known_weights: Vec<f64> = units.values().filter_map(|ids| known(ids)).collect();
    known_weights.sort_by(f64::total_cmp);
    let default = known_weights
        .get(known_weights.len() / 2)
        .copied()
        .unwrap_or(1.0);
    let mut weighed: Vec<(f64, &(bool, &str), &Vec<&str>)> = units
        .iter()
        .map(|(key, ids)| (known(ids).unwrap_or(default).max(MIN_SECONDS), key, ids))
        .collect();
    weighed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut load = vec![0.0f64; shard.count as usize];
    let mut picked = BTreeSet::new();
    for (weight, _, ids) in weighed {
        let lightest = (0..load.len())
            .min_by(|&a, &b| load[a].total_cmp(&load[b]).then(a.cmp(&b)))
            .expect("at least one shard (cli checks N >= 1)");
        load[lightest] += weight;
        if lightest + 1 == shard.index as usize {
            picked.extend(ids.iter().map(|id| id.to_string()));
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 40 single cases and two shared boots of 10 and 25 cases.
    fn cases() -> Vec<Listed> {
        let mut v: Vec<Listed> = (0..40)
            .map(|i| Listed::alone(format!("userland x86_64 c/{i:02}.c")))
            .collect();
        for i in 0..10 {
            v.push(Listed {
                id: format!("modules x86_64 m{i}"),
                boot: Some("modules x86_64 one guest".into()),
            });
        }
        for i in 0..25 {
            v.push(Listed {
                id: format!("userland-full-system x86_64 p{i}"),
                boot: Some("userland-full-system x86_64 one guest".into()),
            });
        }
        v
    }

    /// Uneven times: case i took i % 7 + 1 s, the boots 30 and 50 s.
    fn times() -> BTreeMap<String, f64> {
        cases()
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let t = match &c.boot {
                    Some(b) if b.starts_with("modules") => 30.0,
                    Some(_) => 50.0,
                    None => (i % 7 + 1) as f64,
                };
                (c.id.clone(), t)
            })
            .collect()
    }

    fn all_shards(cases: &[Listed], n: u32, t: &BTreeMap<String, f64>) -> Vec<BTreeSet<String>> {
        (1..=n)
            .map(|index| pick(cases, Shard { index, count: n }, t))
            .collect()
    }

    /// For any N, with or without times: the shards are disjoint, add up
    /// to exactly the whole suite, and keep each shared boot whole.
    #[test]
    fn shards_are_disjoint_and_their_union_is_the_suite() {
        let cases = cases();
        let every: BTreeSet<String> = cases.iter().map(|c| c.id.clone()).collect();
        for t in [BTreeMap::new(), times()] {
            for n in 1..=8 {
                let shards = all_shards(&cases, n, &t);
                let total: usize = shards.iter().map(BTreeSet::len).sum();
                assert_eq!(total, every.len(), "N={n}: a case in two shards");
                let union: BTreeSet<String> = shards.iter().flatten().cloned().collect();
                assert_eq!(union, every, "N={n}");
                for boot in ["modules x86_64 m", "userland-full-system x86_64 p"] {
                    let holding = shards
                        .iter()
                        .filter(|s| s.iter().any(|id| id.starts_with(boot)))
                        .count();
                    assert_eq!(holding, 1, "N={n}: the boot of {boot}* is split");
                }
            }
        }
    }

    /// With times, the shards' loads differ by at most one single case
    /// (the greedy heaviest-first bound, the boots being lighter than a
    /// shard's share), and the same input in another
    /// order gives the same parts.
    #[test]
    fn shards_are_balanced_by_times_and_deterministic() {
        let cases = cases();
        let t = times();
        let shards = all_shards(&cases, 4, &t);
        let load = |s: &BTreeSet<String>| {
            let mut seen = BTreeSet::new();
            s.iter()
                .map(|id| {
                    let c = cases.iter().find(|c| &c.id == id).unwrap();
                    match &c.boot {
                        Some(b) if !seen.insert(b.clone()) => 0.0,
                        _ => t[id],
                    }
                })
                .sum::<f64>()
        };
        let loads: Vec<f64> = shards.iter().map(load).collect();
        let (min, max) = (
            loads.iter().copied().fold(f64::MAX, f64::min),
            loads.iter().copied().fold(0.0, f64::max),
        );
        // 50 + 30 + 155 s of single cases of 1 to 7 s, over 4 machines:
        // 58.75 s each at best; greedy is off by at most one single case.
        assert!(
            (loads.iter().sum::<f64>() - 235.0).abs() < 1e-9,
            "{loads:?}"
        );
        assert!(max - min <= 7.0, "loads {loads:?}");
        assert!(max <= 58.75 + 7.0, "loads {loads:?}");
        let mut reversed = cases.clone();
        reversed.reverse();
        assert_eq!(all_shards(&reversed, 4, &t), shards);
    }

    #[test]
    fn filter_keeps_ids_holding_any_pattern() {
        let kept = filter(cases(), &["c/0".into(), "m3".into()]);
        let ids: Vec<&str> = kept.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), 11, "{ids:?}");
        assert!(ids.contains(&"modules x86_64 m3"));
        assert_eq!(filter(cases(), &[]).len(), cases().len());
        assert!(filter(cases(), &["nothing like it".into()]).is_empty());
    }
}
