//! The CLI's own words: assessment labels, the closing tally, the keys-needed list's heading, skipped files.

use crate::l10n::Phrase;
use crate::report::assess::{Assessment, Status};
use crate::report::outcome::Outcome;

/// The CLI's label for an assessment (`PASS`, `FAIL`, ... in English; from the one vocabulary,
/// [`Outcome`]).
pub fn label(a: &Assessment) -> Phrase {
    Outcome::of(a).label()
}

/// How many messages of a tally had a status, in words ("2 failed").
pub fn status_count(status: Status, n: usize) -> Phrase {
    Phrase::new(match status {
        Status::Verified => "tally-verified",
        Status::Consistent => "tally-consistent",
        Status::ProvesNothing => "tally-proves-nothing",
        Status::Failed => "tally-failed",
        Status::NoKey => "tally-no-key",
        Status::Invalid => "tally-invalid",
        Status::Unsigned => "tally-unsigned",
        Status::Error => "tally-error",
    })
    .number("count", n)
}

/// The closing tally of a batch: `counts[i]` messages had status `Status::ALL[i]`, of which
/// `expired` were `invalid` only because they had expired at the time the user chose.
pub fn tally(counts: &[usize; 8], expired: usize) -> Phrase {
    let total: usize = counts.iter().sum();
    let main = Phrase::new("tally-main").number("verified", counts[0]).number("total", total);
    let mut rest = Vec::new();
    for (&status, &n) in Status::ALL.iter().zip(counts).skip(1) {
        let n = if status == Status::Invalid { n.saturating_sub(expired) } else { n };
        if status == Status::Invalid && expired > 0 {
            rest.push(Phrase::new("tally-expired").number("count", expired));
        }
        if n > 0 {
            rest.push(status_count(status, n));
        }
    }
    match Phrase::list(rest) {
        Some(rest) => Phrase::new("tally-with-rest").phrase("main", main).phrase("rest", rest),
        None => main,
    }
}

/// The heading of the CLI's list of keys needed (`--missing-keys`), `n` names, with the columns'
/// names when there is any.
pub fn keys_needed_heading(n: usize) -> Phrase {
    if n == 0 { Phrase::new("cli-keys-needed-none") } else { Phrase::new("cli-keys-needed-heading").number("count", n) }
}

/// The names of the columns of the CLI's list of keys needed.
pub fn keys_needed_columns() -> Phrase {
    Phrase::new("cli-keys-needed-columns")
}

/// A file found in a zip or a folder that is not a message, skipped: it was not checked; and,
/// when it `looks_like_keys`, that keys are read only from `--keys` files.
pub fn skipped_not_message(source: &str, looks_like_keys: bool) -> Phrase {
    Phrase::new(if looks_like_keys { "cli-skipped-keys-file" } else { "cli-skipped-not-message" }).arg("source", source)
}

/// What DKIM does not prove, said once at the end of a run in which a message verified (or is
/// consistent with a recovered key): not who wrote it, not that it is true, nothing unsigned.
pub fn dkim_limits() -> Phrase {
    Phrase::new("cli-dkim-limits")
}

/// That a failed check is not proof of forgery, said once at the end of a run in which a message
/// failed (as the page says under a failed verdict).
pub fn failed_not_forgery() -> Phrase {
    Phrase::new("cli-failed-not-forgery")
}
