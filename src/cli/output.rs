//! Printing reports: short human lines (colour only on a terminal) or JSON Lines.

use dkimcheck::report::explain;
use dkimcheck::report::{ArcReport, Assessment, JudgingMode, KeyNeeded, MessageReport, Status, Verdict};
use std::io::{IsTerminal, Write};

/// Prints reports and a closing tally.
pub struct Printer {
    json: bool,
    verbose: bool,
    colour: bool,
    /// Messages per assessment status, in the order of `Status::ALL`.
    counts: [usize; 8],
    /// Of those `invalid`, how many only because they expired at the `--at` time.
    expired: usize,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Printer {
    /// A printer for JSON Lines or human output.
    pub fn new(json: bool, verbose: bool) -> Self {
        let colour = !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Printer { json, verbose, colour, counts: [0; 8], expired: 0, out: std::io::BufWriter::new(std::io::stdout()) }
    }

    /// Prints one report.
    pub fn print(&mut self, r: &MessageReport) {
        if let Some(i) = Status::ALL.iter().position(|s| *s == r.assessment.status) {
            self.counts[i] += 1;
        }
        self.expired += usize::from(r.assessment.status == Status::Invalid && r.assessment.reason == Some("expired"));
        if self.json {
            let _ = writeln!(self.out, "{}", r.to_json_line());
            return;
        }
        let label = explain::label(&r.assessment);
        let colour = match r.assessment.status {
            Status::Verified => "32",
            Status::Failed | Status::Invalid | Status::Error => "31",
            _ => "33",
        };
        let label = if self.colour { format!("\x1b[1;{colour}m{label:<7}\x1b[0m") } else { format!("{label:<7}") };
        let _ = writeln!(self.out, "{label} {}: {}", r.source, r.summary);
        let show = self.verbose || r.signatures.len() > 1 || r.signatures.iter().any(|s| !s.warnings.is_empty());
        for s in r.signatures.iter().filter(|_| show) {
            let _ = writeln!(
                self.out,
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
                let _ = writeln!(self.out, "           ! {}", w.text);
            }
        }
        for k in &r.domainkeys {
            let _ = writeln!(
                self.out,
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
                let _ = writeln!(self.out, "           ! {}", w.text);
            }
        }
        if r.arc.result != Verdict::None {
            let _ = writeln!(
                self.out,
                "        ARC {} ({}), {} set(s): {}",
                r.arc.result, r.arc.reason, r.arc.instances, r.arc.explanation
            );
            for set in r.arc.sets.iter().filter(|_| self.verbose) {
                let _ = writeln!(self.out, "           {}", set.summary);
            }
        }
        if self.verbose {
            for c in &r.authentication_results {
                let _ = writeln!(self.out, "        {}", c.text);
            }
            let _ = writeln!(self.out, "        {}", explain::judging(&r.judged_at));
            for n in &r.notes {
                let _ = writeln!(self.out, "        note: {n}");
            }
        }
    }

    /// Prints the tally (human output, more than one message) and flushes.
    pub fn finish(&mut self) {
        if !self.json && self.counts.iter().sum::<usize>() > 1 {
            let _ = writeln!(self.out, "{}", explain::tally(&self.counts, self.expired));
        }
        let _ = self.out.flush();
    }
}

impl Printer {
    /// Prints the keys a batch needs: JSON lines `{"missing_key", "count", "first", "last"}`, or
    /// a heading and one line per key.
    pub fn keys_needed(&mut self, list: &[KeyNeeded]) {
        if self.json {
            for k in list {
                let _ = writeln!(self.out, "{}", serde_json::to_string(k).unwrap_or_default());
            }
        } else {
            let _ = writeln!(self.out, "{}", explain::keys_needed_heading(list.len()));
            for k in list {
                let _ = writeln!(self.out, "{}", explain::key_needed_line(k));
            }
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
