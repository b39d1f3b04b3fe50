//! The leave-out test of `glossa suggest` against a hand-made concept list that was not
//! written for glossa: `../shared/gold/terms/concepts-000.toml` lists every Russian-derived
//! concept of corpus file 000 with the surfaces it is printed as. Every third concept of
//! that list (`--fold 0`, `1` or `2`) is held out: the project glossary loses the concepts
//! that render it (same id, English rendering or alias), suggest runs on the file, and a
//! held-out concept counts as found when one of its surfaces is a form of one of the top 50
//! groups.
//!
//! ```text
//! cargo run --release --example suggest_gold_eval -- [--fold 0] [--gold FILE] [--glossary FILE] [TEXT...]
//! ```
//!
//! TEXT defaults to `../shared/corpus/000_aaeffb854dc79ed5.txt`. Surfaces that a kept
//! concept claims (`Sowjetunion` when only `soviet` is held out) cannot come back; they are
//! reported apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use glossa::glossary::Glossary;
use glossa::source::Document;
use glossa::suggest::{SuggestOptions, suggest};
use glossa::terms::TermMatcher;

struct Gold {
    id: String,
    names: BTreeSet<String>,
    tier: String,
    surfaces: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    let mut glossary = PathBuf::from("glossary/soviet.toml");
    let mut gold = PathBuf::from("../shared/gold/terms/concepts-000.toml");
    let mut texts = Vec::new();
    let mut fold = 0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--glossary" => glossary = args.next().map(PathBuf::from).unwrap_or(glossary),
            "--gold" => gold = args.next().map(PathBuf::from).unwrap_or(gold),
            "--fold" => fold = args.next().and_then(|f| f.parse().ok()).unwrap_or(fold),
            _ => texts.push(PathBuf::from(a)),
        }
    }
    if texts.is_empty() {
        texts.push(PathBuf::from("../shared/corpus/000_aaeffb854dc79ed5.txt"));
    }
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(&gold)?)?;
    let mut concepts: Vec<Gold> = Vec::new();
    for (id, c) in table
        .get("concepts")
        .and_then(|c| c.as_table())
        .into_iter()
        .flatten()
    {
        let mut names: BTreeSet<String> = BTreeSet::from([id.to_lowercase()]);
        if let Some(e) = c.get("english").and_then(|e| e.as_str()) {
            names.insert(e.to_lowercase());
        }
        for a in c
            .get("aliases")
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(a) = a.as_str() {
                names.insert(a.to_lowercase());
            }
        }
        let mut surfaces = Vec::new();
        for lang in ["de", "nl"] {
            if let Some(t) = c
                .get("surfaces")
                .and_then(|s| s.get(lang))
                .and_then(|s| s.as_table())
            {
                surfaces.extend(t.keys().cloned());
            }
        }
        concepts.push(Gold {
            id: id.clone(),
            names,
            tier: c
                .get("tier")
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .to_string(),
            surfaces,
        });
    }
    concepts.sort_by(|a, b| a.id.cmp(&b.id));
    let held: Vec<&Gold> = concepts
        .iter()
        .enumerate()
        .filter(|(i, c)| i % 3 == fold && !c.surfaces.is_empty())
        .map(|(_, c)| c)
        .collect();

    let full = Glossary::load(&glossary)?;
    let mut kept = full.clone();
    kept.concepts.retain(|c| {
        let names = [c.id.to_lowercase(), c.english.to_lowercase()];
        !held
            .iter()
            .any(|g| names.iter().any(|n| g.names.contains(n)))
    });
    let docs: Vec<Document> = texts
        .iter()
        .map(|f| Document::read(f))
        .collect::<Result<_, _>>()?;
    let suggestions = suggest(&kept, &docs, &SuggestOptions::default())?;
    let kept_matcher = TermMatcher::new(&kept)?;

    let rank_of = |g: &Gold| {
        suggestions.iter().position(|s| {
            s.variants
                .iter()
                .any(|v| g.surfaces.iter().any(|x| x.eq_ignore_ascii_case(&v.form)))
                || s.forms.iter().any(|f| g.surfaces.contains(f))
        })
    };
    // A surface a kept concept matches whole is not the held-out concept's to propose.
    let claimed = |surface: &str| {
        kept_matcher
            .find(surface, None)
            .iter()
            .any(|h| h.start == 0 && h.end == surface.len())
    };
    let mut by_tier: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let (mut found, mut open, mut found_open) = (0, 0, 0);
    let mut report = Vec::new();
    for g in &held {
        let rank = rank_of(g);
        let hit = rank.is_some_and(|r| r < 50);
        let can = g.surfaces.iter().any(|s| !claimed(s));
        found += usize::from(hit);
        if can {
            open += 1;
            found_open += usize::from(hit);
        }
        let t = by_tier.entry(g.tier.as_str()).or_default();
        t.0 += usize::from(hit);
        t.1 += 1;
        if !hit {
            report.push(format!(
                "  {:<16} {:<9} {:<8} {}",
                g.id,
                rank.map_or("-".to_string(), |r| format!("rank {}", r + 1)),
                if can { "" } else { "claimed" },
                g.surfaces
                    .iter()
                    .take(4)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
    }
    println!(
        "fold {fold}: {} held-out concepts occur; {found} in the top 50: recall {:.2}",
        held.len(),
        found as f64 / held.len().max(1) as f64
    );
    println!(
        "{open} have a surface no kept concept claims: recall {:.2} of those",
        found_open as f64 / open.max(1) as f64
    );
    for (tier, (hit, n)) in &by_tier {
        println!("  tier {tier}: {hit}/{n}");
    }
    println!("missing:");
    for r in report {
        println!("{r}");
    }
    Ok(())
}
