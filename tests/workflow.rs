//! The CI workflow (.github/workflows/test.yml) cannot run here, so this
//! checks what can be checked: it parses; every `lkmc` command of its run
//! steps, for every matrix row, is one lkmc accepts (`lkmc test` with
//! --list, `lkmc build` with --dry-run, both exit 0; anything else is no
//! usage error); and the test job's rows together list every case of
//! `lkmc test --all-archs` exactly once, each row uploading its JUnit report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

const BIN: &str = env!("CARGO_BIN_EXE_lkmc");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn workflow() -> Yaml {
    let path = Path::new(ROOT).join(".github/workflows/test.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    YamlLoader::load_from_str(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .remove(0)
}

/// A scalar as the text GitHub substitutes for it.
fn scalar(y: &Yaml) -> String {
    match y {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        other => panic!("not a scalar: {other:?}"),
    }
}

type Row = BTreeMap<String, String>;

/// The rows of a job's matrix, as GitHub makes them: every combination of
/// the lists, then each `include` entry merged into the rows it agrees
/// with, or a row of its own when it agrees with none; `exclude` removes.
fn matrix_rows(job: &Yaml) -> Vec<Row> {
    let m = &job["strategy"]["matrix"];
    let Some(hash) = m.as_hash() else {
        return vec![Row::new()];
    };
    let mut rows = vec![Row::new()];
    for (k, v) in hash {
        let k = scalar(k);
        if k == "include" || k == "exclude" {
            continue;
        }
        let values: Vec<String> = v.as_vec().unwrap().iter().map(scalar).collect();
        rows = rows
            .into_iter()
            .flat_map(|r| {
                let k = &k;
                values.iter().map(move |v| {
                    let mut r = r.clone();
                    r.insert(k.clone(), v.clone());
                    r
                })
            })
            .collect();
    }
    let entry = |e: &Yaml| -> Row {
        e.as_hash()
            .unwrap()
            .iter()
            .map(|(k, v)| (scalar(k), scalar(v)))
            .collect()
    };
    let agrees = |r: &Row, e: &Row| e.iter().all(|(k, v)| r.get(k).is_none_or(|rv| rv == v));
    let base_keys: Vec<String> = rows[0].keys().cloned().collect();
    for inc in m["include"].as_vec().into_iter().flatten().map(entry) {
        // Only the keys of the matrix's lists decide; others are added.
        let on_base: Row = inc
            .iter()
            .filter(|(k, _)| base_keys.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut merged = false;
        for r in rows.iter_mut().filter(|r| agrees(r, &on_base)) {
            r.extend(inc.clone());
            merged = true;
        }
        if !merged {
            rows.push(inc);
        }
    }
    let excludes: Vec<Row> = m["exclude"]
        .as_vec()
        .into_iter()
        .flatten()
        .map(entry)
        .collect();
    rows.retain(|r| {
        !excludes
            .iter()
            .any(|e| e.iter().all(|(k, v)| r.get(k) == Some(v)))
    });
    rows
}

/// The `lkmc` commands of a job's run steps with `row` substituted: each
/// line (a trailing `\` joins the next), cut at `&&`, `||`, `;` and `|`.
fn lkmc_commands(job: &Yaml, row: &Row) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for step in job["steps"].as_vec().unwrap() {
        let Some(run) = step["run"].as_str() else {
            continue;
        };
        let mut text = run.replace("\\\n", " ");
        for (k, v) in row {
            text = text.replace(&format!("${{{{ matrix.{k} }}}}"), v);
        }
        // A key the row lacks is empty, as in GitHub.
        while let Some(start) = text.find("${{ matrix.") {
            let end = start + text[start..].find("}}").expect("an unclosed ${{") + 2;
            text.replace_range(start..end, "");
        }
        for line in text.lines() {
            for part in line.split(['&', '|', ';']) {
                let part = part.trim();
                if part.starts_with("lkmc ") || part == "lkmc" {
                    assert!(!part.contains("${{"), "unsubstituted expression: {part}");
                    out.push(shlex::split(part).unwrap_or_else(|| panic!("bad quoting: {part}")));
                }
            }
        }
    }
    out
}

/// lkmc with `args` (after `lkmc`), with a scratch out dir; its status and
/// stdout.
fn lkmc(args: &[String], extra: &[&str], out_dir: &Path) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(&args[1..])
        .args(extra)
        .arg("--out-dir")
        .arg(out_dir)
        .current_dir(ROOT)
        .env_remove("LKMC_CONFIG")
        .env_remove("LKMC_ROOT")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A scratch dir for one test, removed at its end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("lkmc-workflow-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    /// The out dir the commands get: it must not appear.
    fn out(&self) -> PathBuf {
        self.0.join("out")
    }
    /// Stand-ins for the kernel and gem5 trees CI fetches with git: a
    /// dry-run build checks the command, not this machine's network.
    fn source_trees(&self) -> [String; 4] {
        let (linux, gem5) = (self.0.join("linux"), self.0.join("gem5"));
        std::fs::create_dir_all(gem5.join("src/arch/arm")).unwrap();
        std::fs::create_dir_all(&linux).unwrap();
        for f in [
            linux.join("Makefile"),
            linux.join("Kconfig"),
            gem5.join("SConstruct"),
        ] {
            std::fs::write(f, "").unwrap();
        }
        [
            "--linux-source-dir".into(),
            linux.display().to_string(),
            "--gem5-source-dir".into(),
            gem5.display().to_string(),
        ]
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn every_lkmc_command_of_the_workflow_is_accepted() {
    let wf = workflow();
    let s = Scratch::new("accepted");
    let out_dir = s.out();
    let trees = s.source_trees();
    let mut checked = 0;
    for (name, job) in wf["jobs"].as_hash().expect("jobs") {
        let name = scalar(name);
        for row in matrix_rows(job) {
            for cmd in lkmc_commands(job, &row) {
                let mut extra: Vec<&str> = match cmd.get(1).map(String::as_str) {
                    Some("test") => vec!["--list"],
                    Some("build") => vec!["--dry-run"],
                    _ => vec![],
                };
                if cmd[1] == "build" {
                    extra.extend(trees.iter().map(String::as_str));
                }
                let (code, _, err) = lkmc(&cmd, &extra, &out_dir);
                let ok = if extra.is_empty() {
                    code != 2
                } else {
                    code == 0
                };
                assert!(
                    ok,
                    "job {name}, row {row:?}: `{} {}` exited {code}: {err}",
                    cmd.join(" "),
                    extra.join(" ")
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 30,
        "only {checked} lkmc commands in the workflow"
    );
    assert!(
        !out_dir.exists(),
        "a checked command created {}",
        out_dir.display()
    );
}

/// The test job's rows, each listing its cases: together every case of
/// `lkmc test --all-archs`, none twice (a suite an arch lacks, listed as
/// one `SUITE ARCH` skip, may be left out); each row writes a JUnit report
/// under out/ and uploads it.
#[test]
fn the_test_matrix_runs_every_case_once_and_keeps_its_reports() {
    let wf = workflow();
    let job = &wf["jobs"]["test"];
    let s = Scratch::new("matrix");
    let out_dir = s.out();
    let mut seen: BTreeMap<String, Row> = BTreeMap::new();
    let rows = matrix_rows(job);
    assert!(rows.len() >= 20, "{} rows", rows.len());
    for row in &rows {
        let tests: Vec<Vec<String>> = lkmc_commands(job, row)
            .into_iter()
            .filter(|c| c.get(1).map(String::as_str) == Some("test"))
            .collect();
        assert_eq!(tests.len(), 1, "row {row:?}: one lkmc test");
        let cmd = &tests[0];
        let junit = cmd
            .iter()
            .position(|a| a == "--junit")
            .map(|i| &cmd[i + 1])
            .unwrap_or_else(|| panic!("row {row:?}: no --junit"));
        assert!(
            junit.starts_with("out/"),
            "{junit}: reports are kept under out/"
        );
        let (code, list, err) = lkmc(cmd, &["--list"], &out_dir);
        assert_eq!(code, 0, "{err}");
        for id in list.lines() {
            if let Some(other) = seen.insert(id.to_string(), row.clone()) {
                panic!("`{id}` runs in two rows: {other:?} and {row:?}");
            }
        }
    }
    let uploads = job["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .filter(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-artifact@"))
        })
        .filter(|s| s["if"].as_str() == Some("always()"))
        .count();
    assert_eq!(uploads, 1, "the reports are uploaded, also after a failure");
    let all = Command::new(BIN)
        .args(["test", "--list", "--all-archs", "--out-dir"])
        .arg(&out_dir)
        .current_dir(ROOT)
        .env_remove("LKMC_CONFIG")
        .output()
        .unwrap();
    let all = String::from_utf8(all.stdout).unwrap();
    let missing: Vec<&str> = all
        .lines()
        .filter(|id| !seen.contains_key(*id) && id.split(' ').count() > 2)
        .collect();
    assert!(missing.is_empty(), "cases no row runs: {missing:?}");
    assert!(seen.len() > 1000, "{} cases", seen.len());
    assert!(!out_dir.exists());
}

/// The durations job writes the form `lkmc test --durations` reads: its
/// header line is report.rs's.
#[test]
fn the_durations_job_writes_the_header_lkmc_reads() {
    let report = std::fs::read_to_string(Path::new(ROOT).join("src/test/report.rs")).unwrap();
    let header = report
        .lines()
        .find_map(|l| l.strip_prefix("pub const DURATIONS_HEADER: &str = \""))
        .and_then(|l| l.strip_suffix("\";"))
        .expect("DURATIONS_HEADER in report.rs");
    let wf = workflow();
    let merge = wf["jobs"]["durations"]["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .find_map(|s| s["run"].as_str())
        .expect("a run step in the durations job")
        .to_string();
    assert!(merge.contains(&format!("echo '{header}'")), "{merge}");
}

/// The matrix expansion follows GitHub's rules on a small example.
#[test]
fn matrix_rows_follow_github_rules() {
    let y = YamlLoader::load_from_str(
        "strategy:\n  matrix:\n    a: [1, 2]\n    b: [x]\n    include:\n      - {a: 1, c: extra}\n      \
         - {a: 3, b: y}\n    exclude:\n      - {a: 2}\n",
    )
    .unwrap()
    .remove(0);
    let rows = matrix_rows(&y);
    let row = |kv: &[(&str, &str)]| -> Row {
        kv.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    assert_eq!(
        rows,
        [
            row(&[("a", "1"), ("b", "x"), ("c", "extra")]),
            row(&[("a", "3"), ("b", "y")]),
        ]
    );
}
