//! Printing reports: short human lines (colour only on a terminal) or JSON Lines.

use dkimcheck::report::{MessageReport, Verdict};
use std::io::{IsTerminal, Write};

/// Prints reports and a closing tally.
pub struct Printer {
    json: bool,
    verbose: bool,
    colour: bool,
    total: usize,
    passed: usize,
    weak: usize,
    consistent: usize,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Printer {
    /// A printer for JSON Lines or human output.
    pub fn new(json: bool, verbose: bool) -> Self {
        let colour = !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Printer {
            json,
            verbose,
            colour,
            total: 0,
            passed: 0,
            weak: 0,
            consistent: 0,
            out: std::io::BufWriter::new(std::io::stdout()),
        }
    }

    /// Prints one report.
    pub fn print(&mut self, r: &MessageReport) {
        self.total += 1;
        let consistent = r.passes_only_with_recovered_keys();
        self.passed += usize::from(r.passed() && !consistent);
        self.weak += usize::from(r.passes_only_with_weak_keys() && !consistent);
        self.consistent += usize::from(consistent);
        if self.json {
            let _ = writeln!(self.out, "{}", r.to_json_line());
            return;
        }
        let (label, colour) = match r.verdict {
            _ if r.error.is_some() => ("ERROR", "31"),
            Verdict::Pass if consistent => ("CONSISTENT", "33"),
            Verdict::Pass if r.passes_only_with_weak_keys() => ("WEAK", "33"),
            Verdict::Pass => ("PASS", "32"),
            Verdict::Fail => ("FAIL", "31"),
            Verdict::None => ("NONE", "33"),
            Verdict::Neutral => ("NOKEY", "33"),
            _ => ("INVALID", "31"),
        };
        let label = if self.colour { format!("\x1b[1;{colour}m{label:<7}\x1b[0m") } else { format!("{label:<7}") };
        let _ = writeln!(self.out, "{label} {}: {}", r.source, r.summary);
        let show = self.verbose || r.signatures.len() > 1 || r.signatures.iter().any(|s| !s.warnings.is_empty());
        for s in r.signatures.iter().filter(|_| show) {
            let _ = writeln!(
                self.out,
                "        #{} {} d={} s={} {} {}: {}",
                s.index + 1,
                s.result,
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
        if self.verbose {
            for n in &r.notes {
                let _ = writeln!(self.out, "        note: {n}");
            }
        }
    }

    /// Prints the tally (human output, more than one message) and flushes.
    pub fn finish(&mut self) {
        if !self.json && self.total > 1 {
            let _ = write!(self.out, "{} of {} messages verified", self.passed, self.total);
            if self.weak > 0 {
                let _ = write!(
                    self.out,
                    " ({} of them only with a compromised or weak key, which proves little)",
                    self.weak
                );
            }
            if self.consistent > 0 {
                let _ = write!(
                    self.out,
                    "; {} more consistent with keys recovered from these messages (not verified: such a key is \
not known from any public source)",
                    self.consistent
                );
            }
            let _ = writeln!(self.out);
        }
        let _ = self.out.flush();
    }
}

/// A report for an input that could not be read.
pub fn error_report(source: &str, error: &str) -> MessageReport {
    MessageReport {
        source: source.to_string(),
        sha256: String::new(),
        size: 0,
        verdict: Verdict::None,
        summary: format!("Could not be read: {error}"),
        error: Some(error.to_string()),
        from_domain: None,
        aligned: None,
        notes: Vec::new(),
        message: Default::default(),
        headers: Vec::new(),
        signatures: Vec::new(),
        skipped_signatures: 0,
    }
}
