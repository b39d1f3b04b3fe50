//! `glossa align` on one long line against the same text in short lines (issue 20).
//!
//! Run on purpose: `cargo bench --bench longline [-- MB...]` (default 0.5 1 2 4). Builds
//! a text of varied German sentences written for this benchmark (terms of the project's
//! glossary, numbers, abbreviations), aligns it once as a single line and once one sentence
//! per line, with language detection as `glossa align` runs by default, and prints the
//! seconds of each and their ratio. Time linear in line length keeps the ratio flat as
//! the size grows (the goal: within 3×).

use std::path::PathBuf;
use std::time::Instant;

mod common;

use glossa::detect::DetectConfig;
use glossa::glossary::Glossary;
use glossa::pipeline::Aligner;
use glossa::segment::Options;
use glossa::source::Document;

/// Sentence patterns; `{n}`, `{y}` and `{k}` vary with the sentence's number.
const PATTERNS: [&str; 8] = [
    "Im Jahr 19{y} meldete die Kolchose Nr. {n} dem Rayonkomitee {k} Tonnen Getreide.",
    "Der Volkskommissar verlangte von den Sowchosen bis zum {k}. Mai einen Bericht über die Kulaken.",
    "Nach Angaben des NKWD wurden im Gebiet {n} etwa {k} Personen als Kulaken enteignet.",
    "Die Kollektivierung stieß in den Dörfern um Charkow auf Widerstand, vgl. S. {k} f.",
    "Stalins Artikel „Vor Erfolgen von Schwindel befallen“ erschien im März 19{y} in der Prawda.",
    "Das Politbüro beschloss am {k}. Juni, die Planziffern des Gosplan um {n} Prozent zu erhöhen.",
    "In der Ukraine starben während des Holodomor Millionen Menschen, schreibt der Autor.",
    "Die Dorfsowjets und die Komsomolzen sollten die Ablieferung von {k} Pud Korn sichern.",
];

fn sentence(i: usize) -> String {
    PATTERNS[i % PATTERNS.len()]
        .replace("{y}", &format!("{:02}", 28 + i % 12))
        .replace("{n}", &(i % 997).to_string())
        .replace("{k}", &(1 + i * 31 % 499).to_string())
}

/// Sentences numbered from 0 until `bytes`, joined by `sep`.
fn text(bytes: usize, sep: &str) -> String {
    let mut out = String::with_capacity(bytes + 200);
    let mut i = 0;
    while out.len() < bytes {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&sentence(i));
        i += 1;
    }
    out.push('\n');
    out
}

fn main() {
    let args: Vec<f64> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if args.is_empty() {
        vec![0.5, 1.0, 2.0, 4.0]
    } else {
        args
    };
    let glossary = match Glossary::load_all(&[PathBuf::from("glossary/soviet.toml")]) {
        Ok(g) => g,
        Err(e) => {
            println!("bench longline: cannot load the glossary: {e}; skipped");
            return;
        }
    };
    let aligner = Aligner::new(&glossary, Options::default())
        .and_then(|a| a.with_detection(&DetectConfig::default()))
        .expect("glossary compiles");
    let run = |raw: &str| {
        let doc = Document::from_bytes("bench.txt", raw.as_bytes()).expect("text decodes");
        let t = Instant::now();
        let aligned = aligner.align(&doc, "bench.txt");
        let rendered = aligned.file.render().len();
        (t.elapsed().as_secs_f64(), aligned.sentences, rendered)
    };
    println!("bench longline: glossa align, one core, with detection");
    println!(
        "  {:>5}  {:>10}  {:>12}  {:>10}  {:>12}  {:>6}",
        "MB", "sentences", "one line s", "MB/s", "short lines s", "ratio"
    );
    for mb in sizes {
        let bytes = (mb * 1e6) as usize;
        let (long, n, _) = run(&text(bytes, " "));
        let (short, m, _) = run(&text(bytes, "\n"));
        if n != m {
            println!("  (one line: {n} sentences, short lines: {m})");
        }
        println!(
            "  {mb:>5.1}  {n:>10}  {long:>12.2}  {:>10.1}  {short:>12.2}  {:>6.2}",
            mb / long,
            long / short
        );
    }
    println!("  peak RSS {:.1} MiB", common::peak_rss_mib());
}
