//! The exit-code policy, in one place.
//!
//! Like diff(1) and ripgrep: 0 = clean, 1 = findings (a difference, a denied lint, stale
//! files), 2 = trouble (bad arguments, unreadable or binary input, a broken glossary). A
//! `main` that returned `Err` would exit with 1 and be mistaken for "findings", so every
//! error is mapped to 2 here explicitly. A closed pipe (`glossa segment big.txt | head`)
//! is not an error: the reader simply wanted no more, so it ends quietly with 0.
//!
//! `align --stream` answers a bad input line with an error record and exits 0, because
//! the engines that run it (Scala's `RDD.pipe`, Hadoop streaming) fail a whole task on a
//! non-zero exit; with `--fail-on-error` such a run is a finding (1): every record was
//! written, unlike a run that ends in 2.

use std::io::IsTerminal;
use std::process::ExitCode;

/// What a command found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report.
    Clean,
    /// Findings: a difference, denied diagnostics, stale files, error records of
    /// `align --stream --fail-on-error`.
    Findings,
}

/// Maps a command's result to the process exit code, printing the error if any.
pub fn code(result: anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal();
            let label = if colour {
                "\x1b[1;31merror\x1b[0m"
            } else {
                "error"
            };
            eprintln!("glossa: {label}: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Prints a clap error (or help/version) and returns its exit code: 0 for help and
/// version, 2 for usage errors.
pub fn usage(err: clap::Error) -> ExitCode {
    let _ = err.print();
    if err.use_stderr() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints a warning on standard error.
pub fn warn(message: &str) {
    eprintln!("glossa: warning: {message}");
}
