//! One row per message for spreadsheets: the columns of the CLI's `--format csv` and of the
//! page's CSV export (`www/js/views/export.js` builds the same columns, in the same order, from
//! the same report fields; `tests/cli.rs` checks that the names agree). RFC 4180: a header row,
//! CRLF line ends, fields quoted when they hold `"`, `,`, `;`, CR or LF; a cell that a
//! spreadsheet would take for a formula gets a leading `'`.

use super::MessageReport;

/// A column: its name and how a report fills it.
pub type Column = (&'static str, fn(&MessageReport) -> String);

/// The columns, in order.
pub const COLUMNS: &[Column] = &[
    ("source", |r| r.source.clone()),
    ("assessment", |r| r.assessment.status.as_str().into()),
    ("assessment_reason", |r| r.assessment.reason.unwrap_or_default().into()),
    ("caveats", |r| join(r.assessment.caveats.iter().map(|c| snake(&format!("{c:?}"))))),
    ("verdict", |r| r.verdict.as_str().into()),
    ("summary", |r| r.summary.clone()),
    ("from_domain", |r| r.from_domain.clone().unwrap_or_default()),
    ("aligned", |r| r.aligned.map(|a| a.to_string()).unwrap_or_default()),
    ("judged", |r| r.judged_at.time.map_or_else(|| "as_of_signing".into(), |t| format!("at {t}"))),
    ("signing_domains", |r| {
        let mut domains: Vec<&str> = Vec::new();
        for d in r.signatures.iter().filter_map(|s| s.domain.as_deref()) {
            if !domains.contains(&d) {
                domains.push(d);
            }
        }
        domains.join(" ")
    }),
    ("selectors", |r| join(r.signatures.iter().map(|s| s.selector.clone().unwrap_or_default()))),
    ("signature_assessments", |r| join(r.signatures.iter().map(|s| s.assessment.status.as_str().into()))),
    ("results", |r| join(r.signatures.iter().map(|s| s.result.as_str().into()))),
    ("reasons", |r| join(r.signatures.iter().map(|s| s.reason.into()))),
    ("repairs", |r| join(r.signatures.iter().filter_map(|s| s.repair.as_ref().map(|x| x.code.into())))),
    ("key_origins", |r| join(r.evidence.keys.iter().map(|k| k.origin.replace(' ', "_")))),
    ("key_flags", |r| {
        join(r.evidence.keys.iter().flat_map(|k| k.flags.iter().map(|f| format!("{f:?}").to_ascii_lowercase())))
    }),
    ("warnings", |r| {
        let mut codes: Vec<&str> = Vec::new();
        for w in r.signatures.iter().flat_map(|s| s.warnings.iter()) {
            if !codes.contains(&w.code) {
                codes.push(w.code);
            }
        }
        codes.join(" ")
    }),
    ("domainkeys_results", |r| join(r.domainkeys.iter().map(|k| k.result.as_str().into()))),
    ("domainkeys_reasons", |r| join(r.domainkeys.iter().map(|k| k.reason.into()))),
    ("arc", |r| r.arc.result.as_str().into()),
    ("arc_reason", |r| r.arc.reason.into()),
    ("arc_instances", |r| r.arc.instances.to_string()),
    ("arc_sealers", |r| join(r.arc.sets.iter().map(|s| s.sealer.clone().unwrap_or_default()))),
    ("subject", |r| r.message.subject.clone().unwrap_or_default()),
    ("date", |r| r.message.date.clone().unwrap_or_default()),
    ("from", |r| r.message.from.clone().unwrap_or_default()),
    ("size", |r| r.size.to_string()),
    ("sha256", |r| r.sha256.clone()),
    ("error", |r| r.error.as_ref().map(|e| e.text.clone()).unwrap_or_default()),
];

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<String>>().join(" ")
}

/// `CompromisedKey` → `compromised_key`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The header row, with its CRLF.
pub fn csv_header() -> String {
    COLUMNS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(",") + "\r\n"
}

/// One report as a row, with its CRLF (render the report first: `summary` and `error` are
/// its texts).
pub fn csv_row(r: &MessageReport) -> String {
    COLUMNS.iter().map(|(_, get)| cell(&get(r))).collect::<Vec<_>>().join(",") + "\r\n"
}

/// One CSV field: a formula-looking value gets a leading `'`; quoted when it must be.
pub fn cell(value: &str) -> String {
    let guarded =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if guarded.contains(['"', ',', ';', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
