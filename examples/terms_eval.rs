//! Runs the term matcher over corpus files and prints one JSON line per hit, for
//! `term_score.py`; prints the matching throughput on standard error.
//!
//! ```text
//! cargo run --release --example terms_eval -- [--glossary glossary/soviet.toml] FILE... > hits.jsonl
//! ```
//!
//! Each file is normalised and segmented as `glossa segment` does; the matcher runs on each
//! segment's (normalised) text in the segment's language, and each hit is mapped back through
//! the block's `MappedText` to the raw line of its first letter.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use glossa::glossary::Glossary;
use glossa::normalize::normalize;
use glossa::segment::{Options, segment_normalized};
use glossa::source::Document;
use glossa::terms::TermMatcher;

fn main() -> anyhow::Result<()> {
    let mut glossary = PathBuf::from("glossary/soviet.toml");
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--glossary" {
            glossary = args
                .next()
                .map(PathBuf::from)
                .ok_or_else(|| anyhow::anyhow!("--glossary needs a path"))?;
        } else {
            files.push(PathBuf::from(a));
        }
    }
    let g = Glossary::load(&glossary)?;
    let matcher = TermMatcher::new(&g)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all_text = String::new();
    for path in &files {
        let doc = Document::read(path)?;
        let norm = normalize(doc.text());
        let segments = segment_normalized(&doc, &norm, &Options::default());
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        // Segments are slices of their block's text, in order: find each one's offset.
        let mut cursor = vec![0usize; norm.blocks.len()];
        for seg in &segments {
            let block = &norm.blocks[seg.block];
            let btext = block.text.as_str();
            let Some(rel) = btext[cursor[seg.block]..].find(&seg.text) else {
                continue;
            };
            let off = cursor[seg.block] + rel;
            cursor[seg.block] = off + seg.text.len();
            all_text.push_str(&seg.text);
            all_text.push('\n');
            for hit in matcher.find(&seg.text, Some(seg.lang)) {
                let src = block.text.source_span(off + hit.start, off + hit.end);
                let (line, _) = doc.line_col(src.start);
                let record = serde_json::json!({
                    "file": name,
                    "line": line,
                    "surface": &seg.text[hit.start..hit.end],
                    "concept": hit.concept,
                    "english": hit.english,
                    "tier": hit.tier,
                    "lang": hit.lang,
                    "form": hit.form,
                });
                writeln!(out, "{record}")?;
            }
        }
    }
    out.flush()?;

    // Throughput of the matching step alone, on one core: every segment's text, as the
    // pipeline calls it, repeated until at least 32 MB went through.
    let segments: Vec<&str> = all_text.lines().collect();
    let (mut bytes, mut hits) = (0usize, 0usize);
    let t = Instant::now();
    while bytes < 32 << 20 && !segments.is_empty() {
        for s in &segments {
            hits += matcher.find(s, Some(glossa::lang::Lang::De)).len();
            bytes += s.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "matching: {:.1} MB in {:.3} s = {:.0} MB/s ({hits} hits, {} concepts)",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        g.concepts.len()
    );
    Ok(())
}
