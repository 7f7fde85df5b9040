//! Printing reports: short human lines (colour only on a terminal) or JSON Lines.

use dkimcheck::report::explain;
use dkimcheck::report::{ArcReport, Assessment, JudgingMode, MessageReport, Status, Verdict};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};

/// How reports are printed.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    json: bool,
    verbose: bool,
    colour: bool,
}

/// One report as printed, with what the tally and the exit status need: made on the thread that
/// verified the message, printed in order by the [`Printer`].
pub struct Rendered {
    /// The line(s), each ending in a newline.
    pub text: String,
    /// The report's assessment status.
    pub status: Status,
    /// Invalid only because it expired at the `--at` time.
    pub expired: bool,
    /// Verified (for the exit status).
    pub verified: bool,
}

impl Style {
    /// JSON Lines or human output (colour only on a terminal, unless NO_COLOR).
    pub fn new(json: bool, verbose: bool) -> Self {
        let colour = !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Style { json, verbose, colour }
    }

    /// The output for one report.
    pub fn render(&self, r: &MessageReport) -> Rendered {
        let text = if self.json {
            let mut line = r.to_json_line();
            line.push('\n');
            line
        } else {
            let mut text = String::new();
            self.write_human(&mut text, r);
            text
        };
        Rendered {
            text,
            status: r.assessment.status,
            expired: r.assessment.status == Status::Invalid && r.assessment.reason == Some("expired"),
            verified: r.verified(),
        }
    }

    fn write_human(&self, out: &mut String, r: &MessageReport) {
        let label = explain::label(&r.assessment);
        let colour = match r.assessment.status {
            Status::Verified => "32",
            Status::Failed | Status::Invalid | Status::Error => "31",
            _ => "33",
        };
        let label = if self.colour { format!("\x1b[1;{colour}m{label:<7}\x1b[0m") } else { format!("{label:<7}") };
        let _ = writeln!(out, "{label} {}: {}", r.source, r.summary);
        let show = self.verbose || r.signatures.len() > 1 || r.signatures.iter().any(|s| !s.warnings.is_empty());
        for s in r.signatures.iter().filter(|_| show) {
            let _ = writeln!(
                out,
                "        #{} {} ({}, {}) d={} s={} {} {}: {}",
                s.index + 1,
                s.assessment.status,
                s.result,
                s.reason,
                s.domain.as_deref().unwrap_or("?"),
                s.selector.as_deref().unwrap_or("?"),
                s.algorithm.as_deref().unwrap_or("?"),
                s.canonicalization.as_deref().unwrap_or(""),
                s.explanation
            );
            for w in &s.warnings {
                let _ = writeln!(out, "           ! {}", w.text);
            }
        }
        for k in &r.domainkeys {
            let _ = writeln!(
                out,
                "        DomainKeys #{} {} ({}, {}) d={} s={} {}: {}",
                k.index + 1,
                k.assessment.status,
                k.result,
                k.reason,
                k.domain.as_deref().unwrap_or("?"),
                k.selector.as_deref().unwrap_or("?"),
                k.canonicalization.as_deref().unwrap_or(""),
                k.explanation
            );
            for w in k.warnings.iter().filter(|_| self.verbose) {
                let _ = writeln!(out, "           ! {}", w.text);
            }
        }
        if r.arc.result != Verdict::None {
            let _ = writeln!(
                out,
                "        ARC {} ({}), {} set(s): {}",
                r.arc.result, r.arc.reason, r.arc.instances, r.arc.explanation
            );
            for set in r.arc.sets.iter().filter(|_| self.verbose) {
                let _ = writeln!(out, "           {}", set.summary);
            }
        }
        if self.verbose {
            for c in &r.authentication_results {
                let _ = writeln!(out, "        {}", c.text);
            }
            let _ = writeln!(out, "        {}", explain::judging(&r.judged_at));
            for n in &r.notes {
                let _ = writeln!(out, "        note: {n}");
            }
        }
    }
}

/// Prints rendered reports and a closing tally.
pub struct Printer {
    json: bool,
    /// Messages per assessment status, in the order of `Status::ALL`.
    counts: [usize; 8],
    /// Of those `invalid`, how many only because they expired at the `--at` time.
    expired: usize,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Printer {
    /// A printer for reports rendered in `style`.
    pub fn new(style: Style) -> Self {
        Printer { json: style.json, counts: [0; 8], expired: 0, out: std::io::BufWriter::new(std::io::stdout()) }
    }

    /// Prints one report.
    pub fn print(&mut self, r: &Rendered) {
        if let Some(i) = Status::ALL.iter().position(|s| *s == r.status) {
            self.counts[i] += 1;
        }
        self.expired += usize::from(r.expired);
        let _ = self.out.write_all(r.text.as_bytes());
    }

    /// Prints the tally (human output, more than one message) and flushes.
    pub fn finish(&mut self) {
        if !self.json && self.counts.iter().sum::<usize>() > 1 {
            let _ = writeln!(self.out, "{}", explain::tally(&self.counts, self.expired));
        }
        let _ = self.out.flush();
    }
}

/// A report for an input that could not be read.
pub fn error_report(source: &str, error: &str, judged_at: JudgingMode) -> MessageReport {
    MessageReport {
        source: source.to_string(),
        sha256: String::new(),
        size: 0,
        verdict: Verdict::None,
        assessment: Assessment::without_signature(Status::Error),
        judged_at,
        summary: format!("Could not be read: {error}"),
        headline: dkimcheck::report::Headline { main: format!("Could not be read: {error}"), caveats: Vec::new() },
        error: Some(error.to_string()),
        from_domain: None,
        aligned: None,
        notes: Vec::new(),
        message: Default::default(),
        fields: Default::default(),
        headers: Vec::new(),
        signatures: Vec::new(),
        skipped_signatures: 0,
        domainkeys: Vec::new(),
        arc: ArcReport::none(),
        authentication_results: Vec::new(),
    }
}
