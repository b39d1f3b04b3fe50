//! `glossa align` end to end, stage by stage, on one core.
//!
//! Run on purpose: `cargo bench --bench align [-- CORPUS_DIR [MB [GLOSSARY...]]]`. Reads the
//! shared corpus (`../shared/corpus` by default) and the project's glossary, aligns the
//! corpus files one document at a time until at least MB megabytes (default 20) went
//! through, and prints the time per stage (decode, normalise, segment, match, write),
//! MB/s of the whole and of the matching stage alone, and the peak resident memory.

use std::path::PathBuf;
use std::time::{Duration, Instant};

mod common;

use glossa::glossary::Glossary;
use glossa::pipeline::{Aligner, Timings};
use glossa::segment::Options;
use glossa::source::Document;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let dir = PathBuf::from(args.first().map_or("../shared/corpus", String::as_str));
    let target_mb: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20.0);
    let glossaries: Vec<PathBuf> = if args.len() > 2 {
        args[2..].iter().map(PathBuf::from).collect()
    } else {
        vec![PathBuf::from("glossary/soviet.toml")]
    };
    let Some(files) = common::corpus("align", &dir) else {
        return;
    };
    let glossary = match Glossary::load_all(&glossaries) {
        Ok(g) => g,
        Err(e) => {
            println!("bench align: cannot load the glossary: {e}; skipped");
            return;
        }
    };
    let t = Instant::now();
    let aligner = Aligner::new(&glossary, Options::default())
        .and_then(|a| a.with_detection(&glossa::detect::DetectConfig::default()))
        .expect("glossary compiles");
    let build = t.elapsed();

    let target = (target_mb * 1e6) as usize;
    let mut timings = Timings::default();
    let (mut decode, mut write) = (Duration::ZERO, Duration::ZERO);
    let (mut bytes, mut docs, mut terms, mut out_bytes) = (0usize, 0usize, 0usize, 0usize);
    let start = Instant::now();
    while bytes < target {
        for (name, raw) in &files {
            let t = Instant::now();
            let doc = Document::from_bytes(name, raw).expect("corpus decodes");
            decode += t.elapsed();
            let aligned = aligner.align_timed(&doc, name, &mut timings);
            let t = Instant::now();
            out_bytes += aligned.file.render().len();
            write += t.elapsed();
            terms += aligned.occurrences.len();
            bytes += raw.len();
            docs += 1;
        }
    }
    let total = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "bench align: {mb:.1} MB in {docs} documents, {terms} term occurrences, {total:.2} s on one core"
    );
    println!(
        "  glossary: {} concepts compiled in {:.1} ms",
        glossary.concepts.len(),
        build.as_secs_f64() * 1e3
    );
    println!("  end to end: {:.1} MB/s", mb / total);
    for (stage, d) in [
        ("decode", decode),
        ("normalise", timings.normalize),
        ("segment", timings.segment),
        ("detect", timings.detect), // with detection, segmenting happens inside this stage
        ("match", timings.matching),
        ("write", write),
    ] {
        println!(
            "  stage {stage:10} {:6.2} s  {:7.1} MB/s",
            d.as_secs_f64(),
            mb / d.as_secs_f64()
        );
    }
    println!(
        "  matching alone: {:.1} MB/s of sentence text; {:.1} MB of alignment files rendered",
        timings.matched_bytes as f64 / 1e6 / timings.matching.as_secs_f64(),
        out_bytes as f64 / 1e6
    );
    println!("  peak RSS {:.1} MiB", common::peak_rss_mib());
}
