//! Printing reports: short human lines (colour only on a terminal) or JSON Lines.

use dkimcheck::catalog;
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::report::explain;
use dkimcheck::report::row::missing_keys;
use dkimcheck::report::{ArcReport, Assessment, JudgingMode, KeyNeeded, MessageReport, Status, Verdict};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};

/// How reports are printed.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    json: bool,
    verbose: bool,
    colour: bool,
    /// The language of the words (JSON keeps its codes; its texts are in this language).
    lang: Lang,
    /// Width of the label column: the longest usual label in `lang` (7 in English).
    width: usize,
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
    /// The names of the keys it needs (`--missing-keys`) and its Date.
    pub missing_keys: (Vec<String>, Option<i64>),
}

impl Style {
    /// JSON Lines or human output (colour only on a terminal, unless NO_COLOR), in `lang`.
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
        Style { json, verbose, colour, lang, width }
    }

    /// The output for one report. Human output words only the lines it prints; JSON carries
    /// every text, in the style's language.
    pub fn render(&self, r: &mut MessageReport) -> Rendered {
        let text = if self.json {
            r.render(self.lang);
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
            missing_keys: (missing_keys(r), r.message.date_unix),
        }
    }

    fn write_human(&self, out: &mut String, r: &MessageReport) {
        let (lang, width) = (self.lang, self.width);
        let label = catalog::render(lang, &explain::label(&r.assessment));
        let colour = match r.assessment.status {
            Status::Verified => "32",
            Status::Failed | Status::Invalid | Status::Error => "31",
            _ => "33",
        };
        let label =
            if self.colour { format!("\x1b[1;{colour}m{label:<width$}\x1b[0m") } else { format!("{label:<width$}") };
        let _ = writeln!(out, "{label} {}: {}", r.source, r.summary_in(lang));
        let indent = " ".repeat(width + 1);
        let show = self.verbose || r.signatures.len() > 1 || r.signatures.iter().any(|s| !s.warnings.is_empty());
        for s in r.signatures.iter().filter(|_| show) {
            let _ = writeln!(
                out,
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
                let _ = writeln!(out, "{indent}   ! {}", catalog::render(lang, &w.message));
            }
        }
        for k in &r.domainkeys {
            let _ = writeln!(
                out,
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
                let _ = writeln!(out, "{indent}   ! {}", catalog::render(lang, &w.message));
            }
        }
        if r.arc.result != Verdict::None {
            let sets = Phrase::new("cli-arc-sets").number("count", r.arc.instances);
            let _ = writeln!(
                out,
                "{indent}ARC {} ({}), {}: {}",
                r.arc.result,
                r.arc.reason,
                catalog::render(lang, &sets),
                catalog::render(lang, &r.arc.explanation)
            );
            for set in r.arc.sets.iter().filter(|_| self.verbose) {
                let _ = writeln!(out, "{indent}   {}", catalog::render(lang, &set.summary));
            }
        }
        if self.verbose {
            for c in &r.authentication_results {
                let _ = writeln!(out, "{indent}{}", catalog::render(lang, &c.explanation));
            }
            let _ = writeln!(out, "{indent}{}", catalog::render(lang, &explain::judging(&r.judged_at)));
            for n in &r.notes {
                let note = Phrase::new("cli-note").phrase("note", n.clone());
                let _ = writeln!(out, "{indent}{}", catalog::render(lang, &note));
            }
        }
    }
}

/// Prints rendered reports and a closing tally.
pub struct Printer {
    json: bool,
    lang: Lang,
    /// Messages per assessment status, in the order of `Status::ALL`.
    counts: [usize; 8],
    /// Of those `invalid`, how many only because they expired at the `--at` time.
    expired: usize,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Printer {
    /// A printer for reports rendered in `style`.
    pub fn new(style: Style) -> Self {
        Printer {
            json: style.json,
            lang: style.lang,
            counts: [0; 8],
            expired: 0,
            out: std::io::BufWriter::new(std::io::stdout()),
        }
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
            let _ = writeln!(self.out, "{}", catalog::render(self.lang, &explain::tally(&self.counts, self.expired)));
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
            let _ = writeln!(self.out, "{}", catalog::render(self.lang, &explain::keys_needed_heading(list.len())));
            if !list.is_empty() {
                let _ = writeln!(self.out, "    {}", catalog::render(self.lang, &explain::keys_needed_columns()));
            }
            for k in list {
                let (first, last) = (k.first.as_deref().unwrap_or("-"), k.last.as_deref().unwrap_or("-"));
                let _ = writeln!(self.out, "    {:>8}  {first:<10}  {last:<10}  {}", k.count, k.missing_key);
            }
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
