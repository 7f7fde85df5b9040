//! Rows as CSV that spreadsheets open as they are: a UTF-8 byte-order mark (Excel reads the
//! file as UTF-8), a comma or a semicolon between cells (a French Excel expects `;`), RFC 4180
//! quoting, and cells that would start a formula prefixed with `'`. One list of columns, used
//! by the page's export and the CLI.

use super::row::Row;

/// The byte-order mark a CSV file starts with.
pub const CSV_BOM: &str = "\u{feff}";

/// The columns, in order.
pub const CSV_COLUMNS: [&str; 28] = [
    "source",
    "outcome",
    "assessment",
    "assessment_reason",
    "basis",
    "caveats",
    "signing_domains",
    "aligned",
    "key_origin",
    "key_flags",
    "warnings",
    "repairs",
    "missing_keys",
    "verdict",
    "selectors",
    "signature_results",
    "domainkeys_results",
    "arc",
    "arc_instances",
    "from_domain",
    "from",
    "subject",
    "date",
    "date_unix",
    "summary",
    "size",
    "sha256",
    "error",
];

fn list(items: &[String]) -> String {
    items.join(" ")
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// The text of one cell of `row`, before quoting.
fn cell(row: &Row, column: &str) -> String {
    match column {
        "source" => row.source.clone(),
        "outcome" => row.outcome.as_str().to_string(),
        "assessment" => row.assessment.status.clone(),
        "assessment_reason" => opt(&row.assessment.reason),
        "basis" => opt(&row.assessment.basis),
        "caveats" => list(&row.assessment.caveats),
        "signing_domains" => list(&row.signing_domains),
        "aligned" => opt(&row.aligned),
        "key_origin" => opt(&row.key_origin),
        "key_flags" => list(&row.key_flags),
        "warnings" => list(&row.warnings),
        "repairs" => list(&row.repairs),
        "missing_keys" => list(&row.missing_keys),
        "verdict" => row.verdict.clone(),
        "selectors" => list(&row.selectors),
        "signature_results" => list(&row.signature_results),
        "domainkeys_results" => list(&row.domainkeys_results),
        "arc" => row.arc.clone(),
        "arc_instances" => row.arc_instances.to_string(),
        "from_domain" => opt(&row.from_domain),
        "from" => opt(&row.from),
        "subject" => opt(&row.subject),
        "date" => opt(&row.date),
        "date_unix" => opt(&row.date_unix),
        "summary" => row.summary.clone(),
        "size" => row.size.to_string(),
        "sha256" => row.sha256.clone(),
        "error" => opt(&row.error),
        _ => String::new(),
    }
}

/// One cell, quoted when it holds the separator, a quote or a line break; a cell that a
/// spreadsheet would read as a formula gets a leading `'`.
pub fn quote(text: &str, separator: char) -> String {
    let guarded =
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if guarded.contains([separator, '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The header line (without line break).
pub fn csv_header(separator: char) -> String {
    CSV_COLUMNS.join(&separator.to_string())
}

/// One row's line (without line break).
pub fn csv_record(row: &Row, separator: char) -> String {
    CSV_COLUMNS.iter().map(|c| quote(&cell(row, c), separator)).collect::<Vec<_>>().join(&separator.to_string())
}

/// A whole file: byte-order mark, header, one line per row, CRLF line ends.
pub fn csv_document<'r>(rows: impl IntoIterator<Item = &'r Row>, separator: char) -> String {
    let mut out = String::from(CSV_BOM);
    out.push_str(&csv_header(separator));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&csv_record(row, separator));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::outcome::Outcome;

    #[test]
    fn semicolons_quotes_formulas_and_bom() {
        let row = Row {
            source: "a;b.eml".into(),
            outcome: Outcome::Verified,
            subject: Some("=SUM(A1) \"Réservation\"".into()),
            signing_domains: vec!["x.org".into(), "y.org".into()],
            ..Row::default()
        };
        let doc = csv_document([&row], ';');
        assert!(doc.starts_with("\u{feff}source;outcome;"));
        let line = doc.lines().nth(1).unwrap_or_default();
        assert!(line.starts_with("\"a;b.eml\";verified;"), "{line}");
        assert!(line.contains(";x.org y.org;"), "{line}");
        assert!(
            line.contains(";'=SUM(A1) \"Réservation\";") || line.contains(";\"'=SUM(A1) \"\"Réservation\"\"\";"),
            "{line}"
        );
        assert!(line.split(';').count() >= CSV_COLUMNS.len());
        assert_eq!(quote("a,b", ';'), "a,b");
        assert_eq!(quote("a,b", ','), "\"a,b\"");
    }
}
