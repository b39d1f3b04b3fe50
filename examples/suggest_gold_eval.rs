//! The leave-out test of `glossa suggest` against a hand-made concept list that was not
//! written for glossa: `../shared/gold/terms/concepts-000.toml` lists every Russian-derived
//! concept of corpus file 000 with the surfaces it is printed as. Every third concept of
//! that list (`--fold 0`, `1` or `2`) is held out: the project glossary loses the concepts
//! that render it (same id, English rendering or alias), suggest runs on the file, and a
//! held-out concept counts as found when one of its surfaces is a form of one of the top 50
//! groups.
//!
//! ```text
//! cargo run --release --example suggest_gold_eval -- [--fold 0] [--gold FILE] [--glossary FILE | --own] [TEXT...]
//! ```
//!
//! TEXT defaults to `../shared/corpus/000_aaeffb854dc79ed5.txt`. Surfaces that a kept
//! concept claims (`Sowjetunion` when only `soviet` is held out) cannot come back; they are
//! reported apart. With `--own` the glossary is the list itself, less the held-out third
//! (every surface a form), instead of the project glossary. `WRITE_KEPT=FILE` writes the
//! glossary the run used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use glossa::glossary::Glossary;
use glossa::source::Document;
use glossa::suggest::{SuggestOptions, suggest};
use glossa::terms::TermMatcher;

struct Gold {
    id: String,
    english: String,
    category: String,
    names: BTreeSet<String>,
    tier: String,
    surfaces: Vec<(String, String)>,
}

impl Gold {
    fn surface_forms(&self) -> impl Iterator<Item = &String> {
        self.surfaces.iter().map(|(_, s)| s)
    }
}

/// The kept concepts of the list as a glossa glossary: every surface a form.
fn own_glossary(kept: &[&Gold]) -> anyhow::Result<Glossary> {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut toml = String::new();
    for g in kept {
        let category = match g.category.as_str() {
            "person" | "place" | "organisation" => g.category.as_str(),
            _ => "term",
        };
        toml += &format!(
            "[concept.{}]\nenglish = {}\ncategory = \"{category}\"\n",
            quote(&g.id),
            quote(&g.english)
        );
        for lang in ["de", "nl"] {
            let forms: Vec<String> = g
                .surfaces
                .iter()
                .filter(|(l, _)| l == lang)
                .map(|(_, s)| format!("{{ form = {} }}", quote(s)))
                .collect();
            if !forms.is_empty() {
                toml += &format!("{lang} = [{}]\n", forms.join(", "));
            }
        }
        toml += "\n";
    }
    Ok(Glossary::parse("gold.toml", &toml)?)
}

fn main() -> anyhow::Result<()> {
    let mut glossary = PathBuf::from("glossary/soviet.toml");
    let mut gold = PathBuf::from("../shared/gold/terms/concepts-000.toml");
    let mut texts = Vec::new();
    let mut fold = 0;
    let mut own = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--glossary" => glossary = args.next().map(PathBuf::from).unwrap_or(glossary),
            "--gold" => gold = args.next().map(PathBuf::from).unwrap_or(gold),
            "--fold" => fold = args.next().and_then(|f| f.parse().ok()).unwrap_or(fold),
            "--own" => own = true,
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
                surfaces.extend(t.keys().map(|k| (lang.to_string(), k.clone())));
            }
        }
        let text = |key: &str| {
            c.get(key)
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .to_string()
        };
        concepts.push(Gold {
            id: id.clone(),
            english: text("english"),
            category: text("category"),
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

    let kept = if own {
        let rest: Vec<&Gold> = concepts
            .iter()
            .filter(|c| !held.iter().any(|h| h.id == c.id) && !c.surfaces.is_empty())
            .collect();
        own_glossary(&rest)?
    } else {
        let mut kept = Glossary::load(&glossary)?;
        kept.concepts.retain(|c| {
            let names = [c.id.to_lowercase(), c.english.to_lowercase()];
            !held
                .iter()
                .any(|g| names.iter().any(|n| g.names.contains(n)))
        });
        kept
    };
    if let Some(path) = std::env::var_os("WRITE_KEPT") {
        std::fs::write(path, kept.to_toml())?;
    }
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
                .any(|v| g.surface_forms().any(|x| x.eq_ignore_ascii_case(&v.form)))
                || s.forms.iter().any(|f| g.surface_forms().any(|x| x == f))
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
        let can = g.surface_forms().any(|s| !claimed(s));
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
                g.surface_forms()
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
    println!("top 30 (* a held-out concept, + another concept of the list):");
    for (i, sug) in suggestions.iter().take(30).enumerate() {
        let of = |g: &Gold| {
            sug.forms
                .iter()
                .any(|f| g.surface_forms().any(|x| x.eq_ignore_ascii_case(f)))
        };
        let mark = if held.iter().any(|g| of(g)) {
            "*"
        } else if concepts.iter().any(of) {
            "+"
        } else {
            " "
        };
        println!(
            "  {:>2} {mark} {:>6.2} {}",
            i + 1,
            sug.score,
            sug.forms
                .iter()
                .take(4)
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    println!("missing:");
    for r in report {
        println!("{r}");
    }
    Ok(())
}
