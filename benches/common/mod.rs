//! What the benchmarks share: reading the corpus and measuring memory and CPU time.
#![allow(dead_code)]

use std::path::Path;

/// The peak resident memory of process `pid` (`self` for this one), in KiB.
pub fn vm_hwm_kib(pid: &str) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// This process's peak resident memory in MiB.
pub fn peak_rss_mib() -> f64 {
    vm_hwm_kib("self").map_or(0.0, |kib| kib as f64 / 1024.0)
}

/// CPU seconds used by this process (user + system), from /proc: on a busy machine this
/// says more about the code than the wall clock does.
pub fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(f64::NAN)
}

/// The `.txt` files of `dir`, sorted by name, as `(path, bytes)`; `None` (after saying so)
/// when the directory is missing or empty, so that a benchmark can skip.
pub fn corpus(bench: &str, dir: &Path) -> Option<Vec<(String, Vec<u8>)>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("bench {bench}: no corpus at {}; skipped", dir.display());
        return None;
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| {
            Some((
                e.path().display().to_string(),
                std::fs::read(e.path()).ok()?,
            ))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        println!("bench {bench}: no .txt files in {}; skipped", dir.display());
        return None;
    }
    Some(files)
}
