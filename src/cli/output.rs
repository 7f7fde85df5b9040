//! Printing reports: short human lines (colour only on a terminal), JSON Lines, CSV or RFC 8601
//! Authentication-Results fields; evidence reports for `--evidence`.

use dkimcheck::catalog;
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::report::csv::{CSV_BOM, csv_header, csv_record};
use dkimcheck::report::evidence_html::{EvidenceInputs, evidence_html};
use dkimcheck::report::row::missing_keys;
use dkimcheck::report::{
    ArcReport, Assessment, JudgingMode, KeyNeeded, MessageReport, Row, SignatureReport, Status, Verdict, Warning,
};
use dkimcheck::report::{authres, explain};
use std::collections::HashSet;
use std::fmt::Write as _;
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
    /// Reads `--format`'s value (`None`: not one of them).
    pub fn parse(v: &str) -> Option<Format> {
        match v {
            "human" => Some(Format::Human),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "ar" => Some(Format::Ar),
            _ => None,
        }
    }
}

/// How reports are printed.
#[derive(Debug, Clone)]
pub struct Style {
    format: Format,
    /// Also make each message's evidence report.
    evidence: bool,
    verbose: bool,
    colour: bool,
    /// The language of the words (JSON keeps its codes; its texts are in this language).
    lang: Lang,
    /// Width of the label column: the longest usual label in `lang` (7 in English).
    width: usize,
    /// The labels in `lang`, by catalog id, rendered once (human output).
    labels: Vec<(&'static str, String)>,
}

/// One report as printed, with what the tally and the exit status need: made on the thread that
/// verified the message, printed in order by the [`Printer`].
pub struct Rendered {
    /// The line(s), each ending in a newline.
    pub text: String,
    /// The message's source and its evidence report (HTML), with `--evidence`.
    pub evidence: Option<(String, String)>,
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
    /// Output in `format` (colour only for people on a terminal, unless NO_COLOR), in `lang`;
    /// `evidence`: also make each message's evidence report.
    pub fn new(format: Format, evidence: bool, verbose: bool, lang: Lang) -> Self {
        let colour =
            format == Format::Human && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let labels: Vec<(&'static str, String)> = Status::ALL
            .iter()
            .map(|&s| explain::label(&Assessment::without_signature(s)).id)
            .chain(["label-expired"])
            .map(|id| (id, catalog::text(lang, id)))
            .collect();
        // CONSISTENT (recovered keys) and INVALID (malformed signatures) are rare and may stick
        // out (IMPOSSIBLE-À-ÉVALUER in French); the others line up.
        let rare = [Status::Consistent, Status::Invalid].map(|s| explain::label(&Assessment::without_signature(s)).id);
        let width =
            labels.iter().filter(|(id, _)| !rare.contains(id)).map(|(_, l)| l.chars().count()).max().unwrap_or(7);
        Style { format, evidence, verbose, colour, lang, width, labels }
    }

    /// The output for one report (`raw`: the message, when it could be read). Human output
    /// words only the lines it prints; JSON and CSV carry every text, in the style's language.
    pub fn render(&self, r: &mut MessageReport, raw: Option<&[u8]>) -> Rendered {
        let evidence = raw.filter(|_| self.evidence).map(|raw| {
            (r.source.clone(), evidence_html(r, raw, &EvidenceInputs { wasm_sha256: None, lang: self.lang }))
        });
        let text = match self.format {
            Format::Json => {
                r.render(self.lang);
                let mut line = r.to_json_line();
                line.push('\n');
                line
            }
            Format::Csv => {
                let mut line = csv_record(&Row::from_report(r, Some(self.lang)), ',');
                line.push_str("\r\n");
                line
            }
            Format::Ar => {
                let mut line = authres::authentication_results(r, raw);
                line.push('\n');
                line
            }
            Format::Human => {
                let mut text = String::new();
                self.write_human(&mut text, r);
                text
            }
        };
        Rendered {
            text,
            evidence,
            status: r.assessment.status,
            expired: r.assessment.status == Status::Invalid && r.assessment.reason == Some("expired"),
            verified: r.verified(),
            missing_keys: (missing_keys(r), r.message.date_unix),
        }
    }

    /// The human line(s) for one report (also timed by `benches/leak/phases.rs`).
    pub fn write_human(&self, out: &mut String, r: &MessageReport) {
        let (lang, width) = (self.lang, self.width);
        let label = explain::label(&r.assessment);
        let label = match self.labels.iter().find(|(id, _)| *id == label.id && label.args.0.is_empty()) {
            Some((_, text)) => text.clone(),
            None => catalog::render(lang, &label),
        };
        let colour = match r.assessment.status {
            Status::Verified => "32",
            Status::Failed | Status::Invalid | Status::Error => "31",
            _ => "33",
        };
        let label =
            if self.colour { format!("\x1b[1;{colour}m{label:<width$}\x1b[0m") } else { format!("{label:<width$}") };
        let _ = writeln!(out, "{label} {}: {}", r.source, r.summary_in(lang));
        let indent = " ".repeat(width + 1);
        // Without -v, a signature that proves nothing in a message that proves nothing is not
        // explained again: the headline said it (its compromised-key warning says it a third time).
        let restated = |s: &SignatureReport| {
            !self.verbose
                && s.assessment.status == Status::ProvesNothing
                && r.assessment.status == Status::ProvesNothing
        };
        let show = self.verbose
            || r.signatures.len() > 1
            || r.signatures.iter().any(|s| shown_warnings(s, restated(s)).next().is_some());
        for s in r.signatures.iter().filter(|_| show) {
            let explanation =
                if restated(s) { String::new() } else { format!(": {}", catalog::render(lang, &s.explanation)) };
            let _ = writeln!(
                out,
                "{indent}#{} {} ({}, {}) d={} s={} {} {}{explanation}",
                s.index + 1,
                s.assessment.status,
                s.result,
                s.reason,
                s.domain.as_deref().unwrap_or("?"),
                s.selector.as_deref().unwrap_or("?"),
                s.algorithm.as_deref().unwrap_or("?"),
                s.canonicalization.as_deref().unwrap_or(""),
            );
            // With -v, the key each signature was checked with (a verified one's explanation
            // already names it): its kind and size, where it came from, when it was seen.
            if let Some(k) = s.key.as_ref().filter(|_| self.verbose && s.assessment.status != Status::Verified) {
                let _ = writeln!(out, "{indent}   {}", catalog::render(lang, &explain::checked_with(k)));
            }
            for w in shown_warnings(s, restated(s)) {
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

/// The warnings printed under a signature: all of them, but the compromised-key one when the
/// signature's explanation is `restated` by the headline (it says the same a third time).
fn shown_warnings(s: &SignatureReport, restated: bool) -> impl Iterator<Item = &Warning> {
    s.warnings.iter().filter(move |w| !(restated && w.code == "compromised_key"))
}

/// Prints rendered reports and a closing tally.
pub struct Printer {
    format: Format,
    /// The CSV header row is printed.
    header_done: bool,
    lang: Lang,
    /// Messages per assessment status, in the order of `Status::ALL`.
    counts: [usize; 8],
    /// Of those `invalid`, how many only because they expired at the `--at` time.
    expired: usize,
    out: std::io::BufWriter<std::io::Stdout>,
}

impl Printer {
    /// A printer for reports rendered in `style`.
    pub fn new(style: &Style) -> Self {
        Printer {
            format: style.format,
            header_done: false,
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
        self.csv_header();
        let _ = self.out.write_all(r.text.as_bytes());
    }

    /// Prints the CSV header row, once (CSV output).
    fn csv_header(&mut self) {
        if self.format == Format::Csv && !std::mem::replace(&mut self.header_done, true) {
            // The byte-order mark tells spreadsheets the file is UTF-8 (as the page's export).
            let _ = write!(self.out, "{CSV_BOM}{}\r\n", csv_header(','));
        }
    }

    /// Prints the tally (human output, more than one message), then, once, what DKIM does not
    /// prove (human output, when a message verified or is consistent) and that a failure is not
    /// proof of forgery (when a message failed), and flushes.
    pub fn finish(&mut self) {
        self.csv_header();
        if self.format == Format::Human && self.counts.iter().sum::<usize>() > 1 {
            let _ = writeln!(self.out, "{}", catalog::render(self.lang, &explain::tally(&self.counts, self.expired)));
        }
        let signed = [Status::Verified, Status::Consistent]
            .iter()
            .filter_map(|s| Status::ALL.iter().position(|a| a == s))
            .any(|i| self.counts[i] > 0);
        if self.format == Format::Human && signed {
            let _ = writeln!(self.out, "{}", catalog::render(self.lang, &explain::dkim_limits()));
        }
        let failed = Status::ALL.iter().position(|a| *a == Status::Failed).is_some_and(|i| self.counts[i] > 0);
        if self.format == Format::Human && failed {
            let _ = writeln!(self.out, "{}", catalog::render(self.lang, &explain::failed_not_forgery()));
        }
        let _ = self.out.flush();
    }
}

impl Printer {
    /// Prints the keys a batch needs: JSON lines `{"missing_key", "count", "first", "last"}`, or
    /// a heading and one line per key (on stderr with CSV or RFC 8601 output, which stay
    /// parseable on stdout).
    pub fn keys_needed(&mut self, list: &[KeyNeeded]) {
        let mut text = String::new();
        if self.format == Format::Json {
            for k in list {
                let _ = writeln!(text, "{}", serde_json::to_string(k).unwrap_or_default());
            }
        } else {
            let _ = writeln!(text, "{}", catalog::render(self.lang, &explain::keys_needed_heading(list.len())));
            if !list.is_empty() {
                let _ = writeln!(text, "    {}", catalog::render(self.lang, &explain::keys_needed_columns()));
            }
            for k in list {
                let (first, last) = (k.first.as_deref().unwrap_or("-"), k.last.as_deref().unwrap_or("-"));
                let _ = writeln!(text, "    {:>8}  {first:<10}  {last:<10}  {}", k.count, k.missing_key);
            }
        }
        if matches!(self.format, Format::Csv | Format::Ar) {
            let _ = self.out.flush();
            let _ = std::io::stderr().write_all(text.as_bytes());
        } else {
            let _ = self.out.write_all(text.as_bytes());
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
        headline: dkimcheck::report::Headline { main: headline, ..Default::default() },
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
    pub fn create(path: &str) -> std::io::Result<EvidenceDir> {
        std::fs::create_dir_all(path)?;
        Ok(EvidenceDir { dir: PathBuf::from(path), used: HashSet::new() })
    }

    /// Writes the evidence report `html` of the message `source`; a file name made of the
    /// source, letters, digits, `.`, `-` and `_` only, made unique in this run. Errors: the path
    /// and the reason.
    pub fn write(&mut self, source: &str, html: &str) -> Result<(), (String, std::io::Error)> {
        let base: String = source
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
        std::fs::write(&path, html).map_err(|e| (path.display().to_string(), e))
    }
}
