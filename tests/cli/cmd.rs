//! The command-line cases of `tests/cmd/`, run by trycmd: each `NAME.toml` holds the
//! arguments (and standard input) of one run of glossa and its expected standard output,
//! standard error and exit status, compared whole. A case runs in `NAME.in/` when there is
//! one (or in the project its `fs.base` names), else in the crate's directory; a case whose
//! run writes files runs in a copy (`fs.sandbox`) and compares them with `NAME.out/`.
//! A `NAME.trycmd` runs several commands in a row in one copy.
//!
//! The projects of the cases name the shared glossaries of `tests/fixtures/glossaries/` by
//! relative path, so those cases read them in place and must not write: a copy would lose
//! the path.
//!
//! trycmd compares text with every `\` of the output shown as `/` (it evens out Windows
//! paths), which would misquote JSON escapes; a case whose output has one says
//! `binary = true` and keeps its expected output byte for byte in `NAME.stdout` and
//! `NAME.stderr`.
//!
//! After a deliberate change of output, rewrite the expected outputs and exit codes with
//! `TRYCMD=overwrite cargo test --test cli -- cmd::cases` and review the diff;
//! `-- cmd::cases trycmd=NAME` runs only the cases whose file names contain NAME.

use std::path::Path;

#[test]
fn cases() {
    trycmd::TestCases::new()
        .register_bin("glossa", Path::new(env!("CARGO_BIN_EXE_glossa")))
        .default_bin_name("glossa")
        .env("NO_COLOR", "1")
        // Tests see no installed dictionary, whatever the machine has.
        .env("GLOSSA_DICTD_DIR", "/nonexistent/glossa-tests")
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.trycmd");
}
