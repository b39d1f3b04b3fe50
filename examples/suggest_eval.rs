//! The leave-out test of `glossa suggest`: remove every third concept (by id; `--fold 0`,
//! `1` or `2`, default 2, says which third; `--seed N` shuffles the ids first, for other
//! splits) from the glossary, run suggest on the corpus, and count how many removed concepts come back
//! among the top 50 groups (recall). Prints the top 30 for judging precision, marking
//! those that are removed concepts. Also reports the transliteration keys that distinct
//! concepts of the glossary share.
//!
//! ```text
//! cargo run --release --example suggest_eval -- [--glossary glossary/soviet.toml] [--fold 2] [--seed N] [DIR]
//! ```
//!
//! DIR defaults to `../shared/corpus` (the development corpus beside the project).

use std::collections::BTreeMap;
use std::path::PathBuf;

use glossa::glossary::Glossary;
use glossa::source::Document;
use glossa::suggest::{SuggestOptions, suggest};
use glossa::terms::TermMatcher;
use glossa::translit;

fn main() -> anyhow::Result<()> {
    let mut glossary = PathBuf::from("glossary/soviet.toml");
    let mut dir = PathBuf::from("../shared/corpus");
    let mut fold = 2;
    let mut seed: Option<u64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--glossary" {
            glossary = args.next().map(PathBuf::from).unwrap_or(glossary);
        } else if a == "--fold" {
            fold = args.next().and_then(|f| f.parse().ok()).unwrap_or(fold);
        } else if a == "--seed" {
            seed = args.next().and_then(|f| f.parse().ok());
        } else {
            dir = PathBuf::from(a);
        }
    }
    let full = Glossary::load(&glossary)?;
    let mut ids: Vec<&str> = full.concepts.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    // `--seed N`: a pseudo-random third instead of every third id (the same for one N).
    if let Some(mut state) = seed {
        let mut keyed: Vec<(u64, &str)> = ids
            .iter()
            .map(|id| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33, *id)
            })
            .collect();
        keyed.sort();
        ids = keyed.into_iter().map(|(_, id)| id).collect();
    }
    let removed: Vec<String> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 == fold)
        .map(|(_, id)| id.to_string())
        .collect();
    let mut kept = full.clone();
    kept.concepts.retain(|c| !removed.contains(&c.id));
    if let Some(path) = std::env::var_os("WRITE_KEPT") {
        std::fs::write(path, kept.to_toml())?;
    }
    let mut gone = full.clone();
    gone.concepts.retain(|c| removed.contains(&c.id));
    let gone_matcher = TermMatcher::new(&gone)?;

    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<Document> = files
        .iter()
        .map(|f| Document::read(f))
        .collect::<Result<_, _>>()?;
    let t = std::time::Instant::now();
    let suggestions = suggest(&kept, &docs, &SuggestOptions::default())?;
    let elapsed = t.elapsed();

    // Which removed concepts does each group stand for (any form a hit of the concept)?
    let concepts_of = |forms: &[String]| -> Vec<String> {
        let mut out: Vec<String> = forms
            .iter()
            .flat_map(|f| gone_matcher.find(f, None))
            .map(|h| h.concept)
            .collect();
        out.sort();
        out.dedup();
        out
    };
    // Removed concepts that occur in the corpus at all (through the full glossary).
    // And those with an occurrence that no kept concept claims: only those can come back
    // (`Stalingrad` is a compound of the kept `Stalin`, so it is never a candidate).
    let kept_matcher = TermMatcher::new(&kept)?;
    let mut occurring = std::collections::BTreeSet::new();
    let mut suggestable = std::collections::BTreeSet::new();
    for doc in &docs {
        let kept_hits = kept_matcher.find(doc.text(), None);
        for h in gone_matcher.find(doc.text(), None) {
            if !kept_hits.iter().any(|k| k.start < h.end && h.start < k.end) {
                suggestable.insert(h.concept.clone());
            }
            occurring.insert(h.concept);
        }
    }
    let mut found = std::collections::BTreeSet::new();
    for s in suggestions.iter().take(50) {
        found.extend(concepts_of(&s.forms));
    }
    println!("# top 30 of {} groups ({elapsed:.2?})", suggestions.len());
    let top: usize = std::env::var("TOP")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(30);
    for (i, s) in suggestions.iter().take(top).enumerate() {
        let c = concepts_of(&s.forms);
        println!(
            "{:>2} {:>6.2} {:>4} {:<16} {:<40} {}",
            i + 1,
            s.score,
            s.count,
            s.key,
            s.forms
                .iter()
                .take(
                    std::env::var("FORMS")
                        .ok()
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(4)
                )
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            if c.is_empty() {
                String::new()
            } else {
                format!("= {}", c.join(","))
            }
        );
    }
    let missing: Vec<&String> = occurring.iter().filter(|c| !found.contains(*c)).collect();
    println!(
        "\nremoved {} concepts, {} occur in the corpus; {} in the top 50: recall {:.2} (of all removed {:.2})",
        removed.len(),
        occurring.len(),
        found.len(),
        found.len() as f64 / occurring.len().max(1) as f64,
        found.len() as f64 / removed.len().max(1) as f64
    );
    println!(
        "{} of them have an occurrence no kept concept claims: recall {:.2} of those",
        suggestable.len(),
        found.iter().filter(|c| suggestable.contains(*c)).count() as f64
            / suggestable.len().max(1) as f64
    );
    println!("missing: {missing:?}");
    let claimed: Vec<&String> = occurring
        .iter()
        .filter(|c| !suggestable.contains(*c))
        .collect();
    println!("claimed by kept concepts: {claimed:?}");
    let mut ranks = Vec::new();
    for (i, s) in suggestions.iter().enumerate() {
        for c in concepts_of(&s.forms) {
            if (missing.contains(&&c) || std::env::var_os("ALL_RANKS").is_some())
                && !ranks.iter().any(|(_, k, _)| k == &c)
            {
                ranks.push((i + 1, c, s.forms[0].clone()));
            }
        }
    }
    println!("ranks of the missing: {ranks:?}");
    let never: Vec<&String> = removed.iter().filter(|c| !occurring.contains(*c)).collect();
    println!("removed but not in the corpus: {never:?}");

    // Key collisions among the full glossary's concepts (keys of their forms).
    let mut by_key: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for c in &full.concepts {
        for f in &c.forms {
            by_key
                .entry(translit::key(&f.text, f.lang))
                .or_default()
                .insert(c.id.clone());
        }
    }
    let collisions: Vec<_> = by_key.iter().filter(|(_, ids)| ids.len() > 1).collect();
    println!(
        "\nkeys shared by distinct concepts: {} ({} concepts, {} keys in all)",
        collisions.len(),
        full.concepts.len(),
        by_key.len()
    );
    for (k, ids) in collisions {
        println!("  {k}: {ids:?}");
    }
    Ok(())
}
