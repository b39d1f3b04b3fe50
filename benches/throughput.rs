//! The throughput table of issue 20: MB/s and peak memory of whole `glossa` processes,
//! each next to a peer program run on the same input in the same run.
//!
//!     cargo bench --bench throughput [-- [--glossa BIN]... [--mb N] [--repeat N] [--only TASK,...] [CORPUS_DIR]]
//!
//! (`scripts/throughput.sh` runs it.) Inputs, written to a temporary directory: one file of
//! about N MB (default 20; the shared corpus `../shared/corpus` repeated, or text of our
//! own when there is no corpus) and 200 small files (the corpus files in turn, each with a
//! line of its own). Tasks:
//!
//! - `segment`: `glossa segment` (sentences one per line, decode and normalisation
//!   included) with one and two jobs, next to the sentencex crate as a process of its own
//!   (it reads the files and prints one sentence per line: German rules);
//! - `detect`: `glossa detect --format jsonl`, next to lingua alone (same languages, high
//!   accuracy, models preloaded, one decision per paragraph, paragraphs in parallel);
//! - `align`: `glossa align` with the project's glossary (no peer);
//! - `suggest`: `glossa suggest` on the first quarter, half and whole of the big file, with
//!   its cost per MB at each size: equal costs mean linear time.
//!
//! Every process is measured alone, one after the other: wall time, CPU time (user +
//! system) and peak resident memory (`wait4`'s `ru_maxrss`). Give `--glossa BIN` more than
//! once to compare builds (say main's and this branch's) in the same run; the default is
//! the build of this bench. `--repeat N` runs each process N times and shows the fastest
//! run (on a shared machine the others are slowed down by other work). Output goes to /dev/null; the figures are what the programs
//! cost, not what a terminal costs.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

mod common;

/// What one process cost.
struct Cost {
    wall: f64,
    cpu: f64,
    peak_mib: f64,
}

/// Runs `cmd` to the end with its output discarded and measures it.
// The child is reaped by `wait4`, which also gives its resource usage.
#[allow(clippy::zombie_processes)]
fn measure_once(cmd: &mut Command) -> Cost {
    let start = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        // Summaries and warnings would break up the table; a failure is caught below.
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; both pointers are valid for writes.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    assert_eq!(got, pid, "wait4 on {cmd:?}");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1,
        "{cmd:?} failed (status {status}); run it alone to see why"
    );
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Cost {
        wall,
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

/// How many times each process runs (`--repeat N`); the fastest run is shown, the one
/// least disturbed by whatever else the machine is doing.
static REPEAT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

/// Runs `cmd` `--repeat` times and keeps the fastest run.
fn measure(cmd: &mut Command) -> Cost {
    let runs = REPEAT.load(std::sync::atomic::Ordering::Relaxed).max(1);
    (0..runs)
        .map(|_| measure_once(cmd))
        .min_by(|a, b| a.wall.total_cmp(&b.wall))
        .expect("at least one run")
}

/// The peers, run as `throughput --peer NAME FILE...` (a process of their own).
fn peer(name: &str, files: &[String]) {
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    match name {
        "sentencex" => {
            for f in files {
                let raw = std::fs::read(f).expect("readable input");
                let text = String::from_utf8_lossy(&raw);
                for s in sentencex::segment("de", &text) {
                    let s = s.trim();
                    if !s.is_empty() {
                        writeln!(out, "{s}").expect("write");
                    }
                }
            }
        }
        "lingua" => {
            use lingua::{Language, LanguageDetectorBuilder};
            use rayon::prelude::*;
            let detector = LanguageDetectorBuilder::from_languages(&[
                Language::German,
                Language::Dutch,
                Language::English,
            ])
            .with_preloaded_language_models()
            .build();
            for f in files {
                let raw = std::fs::read(f).expect("readable input");
                let text = String::from_utf8_lossy(&raw);
                let paragraphs: Vec<&str> = text
                    .split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                let langs: Vec<Option<Language>> = paragraphs
                    .par_iter()
                    .map(|p| detector.detect_language_of(*p))
                    .collect();
                for l in langs {
                    let code = l.map_or("unknown".to_string(), |l| l.iso_code_639_1().to_string());
                    writeln!(out, "{code}").expect("write");
                }
            }
        }
        other => panic!("unknown peer {other}"),
    }
    out.flush().expect("flush");
}

/// Text of our own when there is no corpus: German prose with the troubles of extracted
/// text (hyphenation across lines, footnote numbers glued to words, page numbers).
fn own_text() -> Vec<(String, Vec<u8>)> {
    let paragraph = |i: usize| {
        format!(
            "Die Kollektivierung der Landwirtschaft begann im Winter 1929/30 mit einer Kam-\n\
             pagne, die z. B. in der Ukraine binnen weniger Wochen Tausende Kolchosen schuf.{i}\n\
             Viele Bauern verloren ihr Vieh; andere flohen in die Städte. Am 2. März 1930\n\
             erschien Stalins Artikel »Vor Erfolgen von Schwindel befallen«, vgl. S. {}.\n\n\
             {}\n\n",
            i % 400 + 1,
            i % 300 + 1
        )
    };
    let text: String = (0..200).map(paragraph).collect();
    vec![("own.txt".to_string(), text.into_bytes())]
}

/// The inputs in `dir`: one file of at least `mb` MB, its first quarter and half, and 200
/// small files. Returns (big, [quarter, half, big], small files).
fn inputs(dir: &Path, corpus: &[(String, Vec<u8>)], mb: f64) -> (String, Vec<String>, Vec<String>) {
    std::fs::create_dir_all(dir.join("small")).expect("temporary directory");
    let target = (mb * 1e6) as usize;
    let mut big = Vec::with_capacity(target + (1 << 20));
    'fill: loop {
        for (_, raw) in corpus {
            big.extend_from_slice(raw);
            big.extend_from_slice(b"\n\n");
            if big.len() >= target {
                break 'fill;
            }
        }
    }
    let path = |name: &str| dir.join(name).display().to_string();
    std::fs::write(path("big.txt"), &big).expect("write input");
    let mut prefixes = Vec::new();
    for (name, part) in [("quarter.txt", 4), ("half.txt", 2)] {
        // Cut at a paragraph break, so that each prefix is whole text.
        let want = big.len() / part;
        let cut = big[want..]
            .windows(2)
            .position(|w| w == b"\n\n")
            .map_or(big.len(), |p| want + p + 2);
        std::fs::write(path(name), &big[..cut]).expect("write input");
        prefixes.push(path(name));
    }
    prefixes.push(path("big.txt"));
    let small: Vec<String> = (0..200)
        .map(|i| {
            let (_, raw) = &corpus[i % corpus.len()];
            let mut text = raw.clone();
            text.extend_from_slice(format!("\n\nDokument {i}.\n").as_bytes());
            let p = path(&format!("small/{i:03}.txt"));
            std::fs::write(&p, text).expect("write input");
            p
        })
        .collect();
    (path("big.txt"), prefixes, small)
}

fn size_mb(files: &[String]) -> f64 {
    files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum::<u64>() as f64
        / 1e6
}

/// One row of the table.
fn row(task: &str, input: &str, program: &str, jobs: &str, mb: f64, cost: &Cost) {
    println!(
        "| {task:8} | {input:14} | {program:22} | {jobs:>4} | {:>8.2} | {:>7.2} | {:>7.2} | {:>9.1} |",
        mb / cost.wall,
        cost.wall,
        cost.cpu,
        cost.peak_mib
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("--peer") {
        peer(&args[1], &args[2..]);
        return;
    }
    let mut glossas: Vec<PathBuf> = Vec::new();
    let mut mb = 20.0;
    let mut only: Option<Vec<String>> = None;
    let mut corpus_dir = PathBuf::from("../shared/corpus");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--glossa" => glossas.push(PathBuf::from(it.next().expect("--glossa BIN"))),
            "--mb" => mb = it.next().and_then(|m| m.parse().ok()).expect("--mb N"),
            "--repeat" => REPEAT.store(
                it.next().and_then(|m| m.parse().ok()).expect("--repeat N"),
                std::sync::atomic::Ordering::Relaxed,
            ),
            "--only" => {
                only = Some(
                    it.next()
                        .expect("--only TASK,...")
                        .split(',')
                        .map(String::from)
                        .collect(),
                )
            }
            dir => corpus_dir = PathBuf::from(dir),
        }
    }
    if glossas.is_empty() {
        glossas.push(PathBuf::from(env!("CARGO_BIN_EXE_glossa")));
    }
    let wants = |task: &str| only.as_ref().is_none_or(|o| o.iter().any(|t| t == task));
    let (corpus, source) = match corpus_dir.is_dir() {
        true => (
            common::corpus("throughput", &corpus_dir).unwrap_or_else(own_text),
            corpus_dir.display().to_string(),
        ),
        false => (own_text(), "text of our own".to_string()),
    };
    let dir = std::env::temp_dir().join(format!("glossa-throughput-{}", std::process::id()));
    let (big, prefixes, small) = inputs(&dir, &corpus, mb);
    let glossary = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary/soviet.toml");
    let exe = std::env::current_exe().expect("own path");
    let big_mb = size_mb(std::slice::from_ref(&big));
    let small_mb = size_mb(&small);
    println!(
        "bench throughput: {source}; one file of {big_mb:.1} MB, 200 files of {small_mb:.1} MB in all; {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "| task     | input          | program                | jobs |     MB/s |  wall s |   CPU s |  peak MiB |"
    );
    println!(
        "|----------|----------------|------------------------|------|----------|---------|---------|-----------|"
    );
    let name = |g: &Path| {
        let label = g.display().to_string();
        match label.len() > 22 {
            true => format!("…{}", &label[label.len() - 21..]),
            false => label,
        }
    };
    let big_label = format!("1 × {big_mb:.0} MB");
    let inputs: [(&str, Vec<String>, f64); 2] = [
        (&big_label, vec![big.clone()], big_mb),
        ("200 files", small.clone(), small_mb),
    ];
    let out_dir = dir.join("alignments").display().to_string();
    for (input, files, mb) in &inputs {
        if wants("segment") {
            let cost = measure(
                Command::new(&exe)
                    .arg("--peer")
                    .arg("sentencex")
                    .args(files),
            );
            row("segment", input, "sentencex (crate)", "1", *mb, &cost);
            for g in &glossas {
                for jobs in ["1", "2"] {
                    let cost = measure(
                        Command::new(g)
                            .args(["--jobs", jobs, "segment"])
                            .args(files),
                    );
                    row("segment", input, &name(g), jobs, *mb, &cost);
                }
            }
        }
        if wants("detect") {
            let cost = measure(Command::new(&exe).arg("--peer").arg("lingua").args(files));
            row("detect", input, "lingua alone", "2", *mb, &cost);
            for g in &glossas {
                let cost = measure(
                    Command::new(g)
                        .args(["--jobs", "2", "detect", "--format", "jsonl"])
                        .args(files),
                );
                row("detect", input, &name(g), "2", *mb, &cost);
            }
        }
        if wants("align") {
            for g in &glossas {
                for jobs in ["1", "2"] {
                    let _ = std::fs::remove_dir_all(&out_dir);
                    let cost = measure(
                        Command::new(g)
                            .args(["--jobs", jobs, "--quiet", "align", "-o", &out_dir])
                            .arg("--glossary")
                            .arg(&glossary)
                            .args(files),
                    );
                    row("align", input, &name(g), jobs, *mb, &cost);
                }
            }
        }
    }
    if wants("suggest") {
        println!();
        println!("suggest: cost per MB at three sizes (equal costs: linear)");
        for g in &glossas {
            for p in &prefixes {
                let mb = size_mb(std::slice::from_ref(p));
                let cost = measure(
                    Command::new(g)
                        .args(["--quiet", "suggest", "--format", "json", "--glossary"])
                        .arg(&glossary)
                        .arg(p),
                );
                row("suggest", &format!("{mb:.1} MB"), &name(g), "2", mb, &cost);
                println!(
                    "    {:.3} s/MB wall, {:.3} CPU s/MB",
                    cost.wall / mb,
                    cost.cpu / mb
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
