//! The layering of `docs/architecture.md`, enforced: every `crate::…` path in a module
//! (outside comments and test modules) must name a module its row allows, and every
//! top-level module must have a row.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const TABLE: &str = include_str!("../docs/architecture.md");

/// module -> (layer, modules it may use).
fn table() -> BTreeMap<String, (String, BTreeSet<String>)> {
    let rows: Vec<(String, String, String)> = TABLE
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| module") && !l.starts_with("|--"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            (
                cells[0].to_string(),
                cells[1].to_string(),
                cells[2].to_string(),
            )
        })
        .collect();
    let layer_of: BTreeMap<&str, &str> = rows
        .iter()
        .map(|(m, l, _)| (m.as_str(), l.as_str()))
        .collect();
    rows.iter()
        .map(|(module, layer, uses)| {
            let mut allowed = BTreeSet::new();
            for name in uses.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let in_layer: Vec<&str> = layer_of
                    .iter()
                    .filter(|(_, l)| **l == name)
                    .map(|(m, _)| *m)
                    .collect();
                if in_layer.is_empty() {
                    assert!(
                        layer_of.contains_key(name),
                        "docs/architecture.md: `{module}` may use `{name}`, which is neither a module nor a layer"
                    );
                    allowed.insert(name.to_string());
                } else {
                    allowed.extend(in_layer.into_iter().map(str::to_string));
                }
            }
            (module.clone(), (layer.clone(), allowed))
        })
        .collect()
}

/// The code of a file without comments and without its test module (by convention the
/// last item of a file; `tests.rs` files are test modules as a whole).
fn code(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => &text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names as `crate::x` (also inside `use crate::{…}`).
fn uses(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_import_is_one_the_table_allows() {
    let table = table();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut violations = Vec::new();
    for path in all {
        let rel = path.strip_prefix(&src).unwrap();
        let module = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if ["lib", "main", "architecture"].contains(&module.as_str()) {
            continue;
        }
        let Some((_, allowed)) = table.get(&module) else {
            violations.push(format!(
                "src/{}: module `{module}` has no row in docs/architecture.md",
                rel.display()
            ));
            continue;
        };
        for used in uses(&code(&path)) {
            if used != module && !allowed.contains(&used) {
                violations.push(format!(
                    "src/{}: `{module}` uses `{used}`, which docs/architecture.md does not allow",
                    rel.display()
                ));
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_checker_sees_what_it_should() {
    let code = "use crate::{lang::Lang, fold};\nlet x = crate::span::line_col(t, 0);";
    let found: Vec<String> = uses(code).into_iter().collect();
    assert_eq!(found, ["fold", "lang", "span"]);
    let t = table();
    assert!(t["project"].1.contains("pipeline"), "a layer name expands");
    assert!(
        !t["segment"].1.contains("detect"),
        "a later stage is not allowed"
    );
}
