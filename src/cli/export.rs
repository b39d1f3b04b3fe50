//! `glossa export tmx`: sentence pairs as a translation memory.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use glossa::config::Config;

use super::args::{ExportArgs, ExportKind};
use super::diff::read_set;
use super::exit::Outcome;
use super::output::stdout;

pub fn run(args: ExportArgs) -> anyhow::Result<Outcome> {
    let paths = if args.paths.is_empty() {
        let config = if args.config.exists() {
            Config::load(&args.config)?
        } else {
            Config::defaults(Path::new("."))
        };
        vec![config.output]
    } else {
        args.paths.clone()
    };
    let mut files = Vec::new();
    for p in &paths {
        files.extend(read_set(p)?);
    }
    match args.kind {
        ExportKind::Tmx => {
            if files.iter().all(|f| f.target.is_none()) {
                bail!(
                    "no alignment file has a translation: declare [[pairs]] in glossa.toml or run `glossa align SOURCE --target TRANSLATION` first"
                );
            }
            let tmx = glossa::alignment_file::tmx::write(&files, env!("CARGO_PKG_VERSION"));
            match &args.output {
                Some(path) => std::fs::write(path, tmx)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => {
                    let mut out = stdout();
                    out.write_all(tmx.as_bytes())?;
                    out.flush()?;
                }
            }
        }
    }
    Ok(Outcome::Clean)
}
