//! Printing reports: short human lines (colour only on a terminal) or JSON Lines.

use dkimcheck::catalog;
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::report::explain;
use dkimcheck::report::{ArcReport, Assessment, JudgingMode, MessageReport, Status, Verdict};
use std::io::{IsTerminal, Write};

/// Prints reports and a closing tally.
pub struct Printer {
    json: bool,
    verbose: bool,
    colour: bool,
    /// The language of the words (JSON keeps its codes; its texts are in this language).
    lang: Lang,
    /// Width of the label column: the longest usual label in `lang` (7 in English).
    width: usize,
    /// Messages per assessment status, in the order of `Status::ALL`.
    counts: [usize; 8],
    /// Of those `invalid`, how many only because they expired at the `--at` time.
    expired: usize,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Printer {
    /// A printer for JSON Lines or human output, in `lang`.
    pub fn new(json: bool, verbose: bool, lang: Lang) -> Self {
        let colour = !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        // CONSISTENT (recovered keys, rare) may stick out; the others line up.
        let width = Status::ALL
            .iter()
            .filter(|s| **s != Status::Consistent)
            .map(|&s| catalog::render(lang, &explain::label(&Assessment::without_signature(s))).chars().count())
            .chain([catalog::text(lang, "label-expired").chars().count()])
            .max()
            .unwrap_or(7);
        Printer {
            json,
            verbose,
            colour,
            lang,
            width,
            counts: [0; 8],
            expired: 0,
            out: std::io::BufWriter::new(std::io::stdout()),
        }
    }

    /// Prints one report. Human output words only the lines it prints.
    pub fn print(&mut self, r: &mut MessageReport) {
        if let Some(i) = Status::ALL.iter().position(|s| *s == r.assessment.status) {
            self.counts[i] += 1;
        }
        self.expired += usize::from(r.assessment.status == Status::Invalid && r.assessment.reason == Some("expired"));
        let lang = self.lang;
        if self.json {
            r.render(lang);
            let _ = writeln!(self.out, "{}", r.to_json_line());
            return;
        }
        let label = catalog::render(lang, &explain::label(&r.assessment));
        let width = self.width;
        let colour = match r.assessment.status {
            Status::Verified => "32",
            Status::Failed | Status::Invalid | Status::Error => "31",
            _ => "33",
        };
        let label =
            if self.colour { format!("\x1b[1;{colour}m{label:<width$}\x1b[0m") } else { format!("{label:<width$}") };
        let _ = writeln!(self.out, "{label} {}: {}", r.source, r.summary_in(lang));
        let indent = " ".repeat(width + 1);
        let show = self.verbose || r.signatures.len() > 1 || r.signatures.iter().any(|s| !s.warnings.is_empty());
        for s in r.signatures.iter().filter(|_| show) {
            let _ = writeln!(
                self.out,
                "{indent}#{} {} ({}, {}) d={} s={} {} {}: {}",
                s.index + 1,
                s.assessment.status,
                s.result,
                s.reason,
                s.domain.as_deref().unwrap_or("?"),
                s.selector.as_deref().unwrap_or("?"),
                s.algorithm.as_deref().unwrap_or("?"),
                s.canonicalization.as_deref().unwrap_or(""),
                catalog::render(lang, &s.explanation)
            );
            for w in &s.warnings {
                let _ = writeln!(self.out, "{indent}   ! {}", catalog::render(lang, &w.message));
            }
        }
        for k in &r.domainkeys {
            let _ = writeln!(
                self.out,
                "{indent}DomainKeys #{} {} ({}, {}) d={} s={} {}: {}",
                k.index + 1,
                k.assessment.status,
                k.result,
                k.reason,
                k.domain.as_deref().unwrap_or("?"),
                k.selector.as_deref().unwrap_or("?"),
                k.canonicalization.as_deref().unwrap_or(""),
                catalog::render(lang, &k.explanation)
            );
            for w in k.warnings.iter().filter(|_| self.verbose) {
                let _ = writeln!(self.out, "{indent}   ! {}", catalog::render(lang, &w.message));
            }
        }
        if r.arc.result != Verdict::None {
            let sets = Phrase::new("cli-arc-sets").number("count", r.arc.instances);
            let _ = writeln!(
                self.out,
                "{indent}ARC {} ({}), {}: {}",
                r.arc.result,
                r.arc.reason,
                catalog::render(lang, &sets),
                catalog::render(lang, &r.arc.explanation)
            );
            for set in r.arc.sets.iter().filter(|_| self.verbose) {
                let _ = writeln!(self.out, "{indent}   {}", catalog::render(lang, &set.summary));
            }
        }
        if self.verbose {
            for c in &r.authentication_results {
                let _ = writeln!(self.out, "{indent}{}", catalog::render(lang, &c.explanation));
            }
            let _ = writeln!(self.out, "{indent}{}", catalog::render(lang, &explain::judging(&r.judged_at)));
            for n in &r.notes {
                let note = Phrase::new("cli-note").phrase("note", n.clone());
                let _ = writeln!(self.out, "{indent}{}", catalog::render(lang, &note));
            }
        }
    }

    /// Prints the tally (human output, more than one message) and flushes.
    pub fn finish(&mut self) {
        if !self.json && self.counts.iter().sum::<usize>() > 1 {
            let _ = writeln!(self.out, "{}", catalog::render(self.lang, &explain::tally(&self.counts, self.expired)));
        }
        let _ = self.out.flush();
    }
}

/// A report for an input that could not be read.
pub fn error_report(source: &str, error: Phrase, judged_at: JudgingMode) -> MessageReport {
    let headline = Phrase::new("error-could-not-read").phrase("error", error.clone());
    MessageReport {
        source: source.to_string(),
        sha256: String::new(),
        size: 0,
        verdict: Verdict::None,
        assessment: Assessment::without_signature(Status::Error),
        judged_at,
        summary: String::new(),
        headline: dkimcheck::report::Headline { main: headline, caveats: Vec::new() },
        error: Some(error),
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
