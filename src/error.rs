//! The library's error type: one matchable [`Error`] variant per kind of failure, with the
//! input it concerns.
//!
//! Messages are lowercase, name the file (and where it helps, the byte offset, line and
//! column) and say what was expected. The command line prints them with their cause
//! chain; the library never prints.

use std::path::PathBuf;

/// Everything that can go wrong in glossa's library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or standard input could not be read.
    #[error("cannot read {name}")]
    Read {
        name: String,
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The input is binary (NUL bytes or mostly control characters), not text.
    #[error(
        "{name}: looks like a binary file, not text ({reason} at byte {offset}); refusing to read it"
    )]
    Binary {
        name: String,
        offset: usize,
        reason: &'static str,
    },
    /// A language code glossa does not know or was not built with.
    #[error("unknown or unsupported language code `{code}` (supported: {supported})")]
    UnknownLanguage { code: String, supported: String },
    /// No language was configured: detection needs at least one (with exactly one, every
    /// text is in it and lingua is not asked).
    #[error("language detection needs at least one language")]
    TooFewLanguages,
    /// A data or configuration file is malformed.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A setting is invalid (outside the syntax of a file).
    #[error("{0}")]
    Invalid(String),
}

/// Shorthand for results of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
