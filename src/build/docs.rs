//! `lkmc build docs`: README.adoc as HTML, with asciidoctor, into
//! out/docs/ (`lkmc getvar docs_html_file`), after checking that every
//! internal cross reference (`<<id>>`, `<<id,text>>`, `xref:id[]`) of the
//! README resolves: to an explicit anchor (`[[id]]`, `[#id]`,
//! `anchor:id[]`), to a section's generated id (`_lkmc_gdb` for
//! "== `lkmc gdb`"), or to a section's title (asciidoctor's natural cross
//! references, `<<What lkmc never does>>`). asciidoctor only notes a
//! broken one at info level and renders it as plain `[id]`: lkmc refuses
//! it, naming it and its line. A cargo test runs the same check without
//! asciidoctor.

use std::collections::BTreeSet;

use anyhow::Result;

use crate::build::deps::Packages;
use crate::cmd::{Cmd, p};
use crate::config::Config;
use crate::error::CmdFailed;
use crate::paths::Paths;
use crate::plan::{Executor, Plan, Step};

/// The README, relative to the checkout.
pub const README: &str = "README.adoc";

/// Refuse a README with a cross reference that goes nowhere (read in dry
/// runs too: it only reads).
pub fn check(paths: &Paths) -> Result<()> {
    let path = paths.root_dir.join(README);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
    let broken = broken_links(&text);
    if broken.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = broken
        .iter()
        .map(|(line, id)| format!("  {}:{line}: <<{id}>>", path.display()))
        .collect();
    Err(CmdFailed {
        status: 1,
        what: format!(
            "{} internal link(s) of {README} go nowhere (no [[ID]] anchor and no section with \
             that id or title):\n{}",
            broken.len(),
            lines.join("\n")
        ),
    }
    .into())
}

/// asciidoctor, failing on its own warnings too.
pub fn build(paths: &Paths, exec: &Executor) -> Result<()> {
    let mut plan = Plan::new("build docs", paths.log_dir.join("build-docs.log"));
    plan.push(Step::Mkdir(paths.docs_dir.clone()));
    plan.cmd(
        "asciidoctor",
        Cmd::new("asciidoctor")
            .line(["--failure-level", "WARN"])
            .line(["-o", &p(&paths.docs_html_file)])
            .arg(p(&paths.root_dir.join(README))),
    );
    exec.execute(&plan)
}

pub fn packages(_: &Config, _: &Paths, out: &mut Packages) -> Result<()> {
    out.add("asciidoctor", "README.adoc to HTML (lkmc build docs)");
    Ok(())
}

/// The cross references of `text` that resolve to nothing, with their line
/// numbers (from 1).
pub fn broken_links(text: &str) -> Vec<(usize, String)> {
    let targets = targets(text);
    let mut broken = Vec::new();
    for (i, line) in outside_listings(text) {
        for id in references(line) {
            if !targets.contains(&id) {
                broken.push((i, id));
            }
        }
    }
    broken
}

/// Everything a reference may name: explicit anchors, and each section's
/// generated id and title. Lines inside `----` listings are not AsciiDoc.
fn targets(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, line) in outside_listings(text) {
        let mut rest = line;
        while let Some(start) = rest.find("[[") {
            let after = &rest[start + 2..];
            let Some(end) = after.find("]]") else { break };
            // [[id,reftext]]: the id is before the comma.
            let id = after[..end].split(',').next().unwrap_or("").trim();
            out.insert(id.to_string());
            rest = &after[end + 2..];
        }
        if let Some(id) = line.strip_prefix("[#") {
            let id = id.split([']', '.', '%', ',']).next().unwrap_or("");
            out.insert(id.to_string());
        }
        for (pos, _) in line.match_indices("anchor:") {
            let after = &line[pos + "anchor:".len()..];
            if let Some(end) = after.find('[') {
                out.insert(after[..end].to_string());
            }
        }
        let level = line.chars().take_while(|&c| c == '=').count();
        if (2..=6).contains(&level) && line[level..].starts_with(' ') {
            let title = line[level..].trim();
            out.insert(title.to_string());
            out.insert(section_id(title));
        }
    }
    out
}

/// The ids a line refers to: `<<id>>`, `<<id,text>>`, `xref:id[...]`
/// (same-document ones only: `xref:file.adoc#id[]` names another file).
/// `` `+<<id>>+` `` is literal text (a passthrough in monospace), no link.
fn references(line: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("`+") {
        let Some(end) = rest[start + 2..].find("+`") else {
            break;
        };
        text.push_str(&rest[..start]);
        rest = &rest[start + 2 + end + 2..];
    }
    text.push_str(rest);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("<<") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(">>") else { break };
        let id = after[..end].split(',').next().unwrap_or("").trim();
        if !id.is_empty() && !id.contains(".adoc") {
            out.push(id.to_string());
        }
        rest = &after[end + 2..];
    }
    for (pos, _) in text.match_indices("xref:") {
        let after = &text[pos + "xref:".len()..];
        if let Some(end) = after.find('[') {
            let id = &after[..end];
            if !id.contains(".adoc") && !id.is_empty() {
                out.push(id.to_string());
            }
        }
    }
    out
}

/// asciidoctor's generated id of a section titled `title` (idprefix `_`,
/// idseparator `_`): lower case, markup gone, every run of other
/// characters one `_`.
fn section_id(title: &str) -> String {
    let mut id = String::from("_");
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if matches!(c, ' ' | '-' | '.' | '_') && !id.ends_with('_') {
            id.push('_');
        }
    }
    id.trim_end_matches('_').to_string()
}

/// The lines of `text` outside `----` and `....` listing blocks (where
/// `<<` is shell, not AsciiDoc), with their numbers from 1.
fn outside_listings(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut fence: Option<&str> = None;
    text.lines()
        .enumerate()
        .filter(move |(_, l)| {
            let t = l.trim_end();
            match fence {
                Some(f) if t == f => {
                    fence = None;
                    false
                }
                Some(_) => false,
                None if t == "----" || t == "...." => {
                    fence = Some(if t == "----" { "----" } else { "...." });
                    false
                }
                None => true,
            }
        })
        .map(|(i, l)| (i + 1, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_of_the_readme_resolves() {
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(README))
                .unwrap();
        assert_eq!(broken_links(&text), vec![], "broken links in {README}");
        // The check sees the README's links at all.
        assert!(text.lines().flat_map(references).count() > 5);
    }

    #[test]
    fn links_resolve_to_anchors_ids_and_titles() {
        let doc = "[[tools]]\n== Toolchain and traces\n=== `lkmc gdb`\n[#other]\ntext\n\
                   see <<tools>>, <<tools,the tools>>, <<_lkmc_gdb>>, <<Toolchain and traces>>,\n\
                   <<other>>, xref:tools[here], <<nowhere>>\n----\n[[in-listing]] cat << EOF >>x\n----\n\
                   <<in-listing>> xref:guide.adoc#x[] <<guide.adoc#x,y>> `+<<literal>>+`\n";
        assert_eq!(
            broken_links(doc),
            vec![(7, "nowhere".to_string()), (11, "in-listing".to_string())]
        );
    }

    #[test]
    fn section_ids_as_asciidoctor_makes_them() {
        assert_eq!(section_id("`lkmc gdb`"), "_lkmc_gdb");
        assert_eq!(section_id("What lkmc never does"), "_what_lkmc_never_does");
        assert_eq!(section_id("`lkmc.toml`"), "_lkmc_toml");
    }
}
