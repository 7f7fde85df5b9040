//! Printing reports: short human lines (colour only on a terminal), JSON Lines, CSV or RFC 8601
//! Authentication-Results fields; writing evidence reports.

use dkimcheck::report::evidence_html::{EvidenceInputs, evidence_html};
use dkimcheck::report::{ArcReport, Assessment, JudgingMode, MessageReport, Status, Verdict};
use dkimcheck::report::{authres, explain, table};
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// What `--format` asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Short lines for people, and a tally.
    #[default]
    Human,
    /// One JSON object per message (JSON Lines).
    Json,
    /// A header row, then one row per message.
    Csv,
    /// One RFC 8601 Authentication-Results field per message.
    Ar,
}

impl Format {
    /// Reads `--format`'s value.
    pub fn parse(v: &str) -> Result<Format, String> {
        match v {
            "human" => Ok(Format::Human),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "ar" => Ok(Format::Ar),
            _ => Err(format!("--format: \"{v}\" is not one of human, json, csv, ar")),
        }
    }
}

/// Prints reports and a closing tally.
pub struct Printer {
    format: Format,
    /// The CSV header row is printed.
    header_done: bool,
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
    pub fn new(format: Format, verbose: bool) -> Self {
        let colour =
            format == Format::Human && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let out = std::io::BufWriter::new(std::io::stdout());
        Printer { format, header_done: false, verbose, colour, counts: [0; 8], expired: 0, out }
    }

    /// Prints one report (`raw`: the message, when it could be read).
    pub fn print(&mut self, r: &MessageReport, raw: Option<&[u8]>) {
        if let Some(i) = Status::ALL.iter().position(|s| *s == r.assessment.status) {
            self.counts[i] += 1;
        }
        self.expired += usize::from(r.assessment.status == Status::Invalid && r.assessment.reason == Some("expired"));
        match self.format {
            Format::Human => {}
            Format::Json => {
                let _ = writeln!(self.out, "{}", r.to_json_line());
                return;
            }
            Format::Csv => {
                if !std::mem::replace(&mut self.header_done, true) {
                    let _ = write!(self.out, "{}", table::csv_header());
                }
                let _ = write!(self.out, "{}", table::csv_row(r));
                return;
            }
            Format::Ar => {
                let _ = writeln!(self.out, "{}", authres::authentication_results(r, raw));
                return;
            }
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
        if self.format == Format::Csv && !self.header_done {
            let _ = write!(self.out, "{}", table::csv_header());
        }
        if self.format == Format::Human && self.counts.iter().sum::<usize>() > 1 {
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
        evidence: dkimcheck::report::evidence::Evidence { judged_at: judged_at.now, ..Default::default() },
    }
}

/// The folder `--evidence` writes into, and the names used so far.
pub struct EvidenceDir {
    dir: PathBuf,
    used: HashSet<String>,
}

impl EvidenceDir {
    /// Creates the folder (and its parents) if needed.
    pub fn create(path: &str) -> Result<EvidenceDir, String> {
        std::fs::create_dir_all(path).map_err(|e| format!("{path}: {e}"))?;
        Ok(EvidenceDir { dir: PathBuf::from(path), used: HashSet::new() })
    }

    /// Writes the evidence report of `r` (the report of the message `raw`); a file name made of
    /// the message's source, letters, digits, `.`, `-` and `_` only, made unique in this run.
    pub fn write(&mut self, r: &MessageReport, raw: &[u8]) -> Result<(), String> {
        let base: String = r
            .source
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
            .collect::<String>()
            .trim_start_matches(['.', '_'])
            .chars()
            .take(120)
            .collect();
        let base = if base.is_empty() { "message".to_string() } else { base };
        let mut name = format!("{base}.evidence.html");
        let mut n = 1;
        while !self.used.insert(name.clone()) {
            n += 1;
            name = format!("{base}-{n}.evidence.html");
        }
        let path = self.dir.join(&name);
        let html = evidence_html(r, raw, &EvidenceInputs::default());
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
    }
}
