//! The evidence report: one self-contained HTML file per message that someone else can read,
//! print and re-check. No script, no external resource (a Content-Security-Policy forbids them);
//! every piece of the message (names, subjects, tag values) is escaped as text: content is data,
//! never markup. The original message is embedded as a download link (a `data:` URL), so anyone
//! can check it again with any tool. The words are the catalogs' `ev-*` messages, in the language
//! asked for.

use super::explain;
use super::outcome::Outcome;
use super::{KeyUsed, MessageReport, SignatureReport};
use crate::catalog;
use crate::l10n::{Lang, Phrase};
use crate::message::{Message, input};
use crate::text::civil_date::unix_to_date_time;
use crate::text::tag_list::TagList;
use base64::Engine;

/// What the report needs besides the message and its report.
#[derive(Debug, Clone, Default)]
pub struct EvidenceInputs {
    /// SHA-256 of the WebAssembly module that ran (hex), when the check ran in a browser.
    pub wasm_sha256: Option<String>,
    /// The language of the report's words.
    pub lang: Lang,
}

/// The evidence report of `report`, the report of the message `raw`.
pub fn evidence_html(report: &MessageReport, raw: &[u8], inputs: &EvidenceInputs) -> String {
    let lang = inputs.lang;
    let t = |id: &str| catalog::text(lang, id);
    let r = |p: &Phrase| catalog::render(lang, p);
    let file = message_file_name(&report.source);
    let mut out = String::with_capacity(16 * 1024 + raw.len() * 4 / 3);
    out.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        lang.code()
    ));
    out.push_str(&format!(
        "<title>{} — {}</title>\n<style>{STYLE}</style></head><body>\n",
        t("ev-title"),
        esc(&report.source)
    ));
    out.push_str(&format!("<h1>{}</h1>\n", t("ev-title")));

    // The verdict.
    let status = report.assessment.status.as_str();
    out.push_str(&format!(
        "<section class=\"verdict\" data-assessment=\"{status}\"><h2>{}</h2>\n<p class=\"label\">{}</p>\n<p class=\"main\">{}</p>\n",
        t("ev-verdict"),
        esc(&r(&Outcome::of(&report.assessment).name())),
        esc(&r(&report.headline.main))
    ));
    list(&mut out, report.headline.caveats.iter().map(|c| esc(&r(c))));
    if let Some(note) = &report.headline.note {
        out.push_str(&format!("<p class=\"note\" data-fact=\"verdict-note\">{}</p>\n", esc(&r(note))));
    }
    out.push_str("</section>\n");
    out.push_str(&format!(
        "<section><h2>{}</h2><p>{}</p><p>{}</p></section>\n",
        t("ev-what"),
        t("ev-proves"),
        t("ev-not")
    ));

    // The input.
    let m = &report.message;
    let mut rows: Vec<(String, String)> = vec![
        (t("ev-name"), esc(&report.source)),
        (t("ev-size"), esc(&r(&Phrase::new("ev-bytes").number("n", report.size)))),
        (t("ev-sha256"), format!("<code data-fact=\"input-sha256\">{}</code>", esc(&report.evidence.input_sha256))),
    ];
    for (id, value) in [("ev-from", &m.from), ("ev-to", &m.to), ("ev-date", &m.date), ("ev-subject", &m.subject)] {
        if let Some(v) = value {
            rows.push((t(id), esc(v)));
        }
    }
    section_table(&mut out, &t("ev-input"), &rows);

    // Signatures.
    out.push_str(&format!("<section><h2>{}</h2>\n", t("ev-signatures")));
    if report.signatures.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", t("ev-no-signature")));
    }
    let tags = signature_tags(raw);
    for s in &report.signatures {
        signature(&mut out, s, tags.get(s.index), lang);
    }
    out.push_str("</section>\n");
    if !report.domainkeys.is_empty() {
        let rows: Vec<(String, String)> = report
            .domainkeys
            .iter()
            .map(|k| (format!("#{} {}", k.index + 1, esc(k.domain.as_deref().unwrap_or("?"))), esc(&r(&k.explanation))))
            .collect();
        section_table(&mut out, &t("ev-domainkeys"), &rows);
    }
    if report.arc.instances > 0 {
        let mut rows = vec![(
            format!("{} ({})", esc(report.arc.result.as_str()), esc(report.arc.reason)),
            esc(&r(&report.arc.explanation)),
        )];
        rows.extend(report.arc.sets.iter().map(|set| (format!("i={}", set.instance), esc(&r(&set.summary)))));
        section_table(&mut out, &t("ev-arc"), &rows);
    }

    // The check.
    let tool = &report.evidence.tool;
    let mut rows = vec![
        (t("ev-checked-at"), esc(&unix_to_date_time(i64::try_from(report.evidence.judged_at).unwrap_or(0)))),
        (t("ev-mode"), esc(&r(&explain::judging(&report.judged_at)))),
        (
            t("ev-tool"),
            format!(
                "<span data-fact=\"tool\">{}</span> <span data-fact=\"version\">{}</span>",
                esc(tool.name),
                esc(tool.version)
            ),
        ),
        (t("ev-commit"), format!("<code data-fact=\"commit\">{}</code>", esc(tool.commit))),
    ];
    if let Some(w) = &inputs.wasm_sha256 {
        rows.push((t("ev-wasm"), format!("<code data-fact=\"wasm-sha256\">{}</code>", esc(w))));
    }
    section_table(&mut out, &t("ev-check"), &rows);

    // How to check it again.
    out.push_str(&format!(
        "<section><h2>{}</h2><p>{}</p>\n<pre data-fact=\"command\">sha256sum {}\n{}</pre>\n",
        t("ev-reproduce"),
        t("ev-reproduce-how"),
        esc(&shell_word(&file)),
        esc(&command(report, &file))
    ));
    if report.evidence.keys.iter().any(|k| k.origin != crate::keys::BUNDLED_ORIGIN) {
        out.push_str(&format!("<p>{}</p>\n", t("ev-user-key")));
    }
    out.push_str("</section>\n");

    // The original message.
    let data = base64::engine::general_purpose::STANDARD.encode(raw);
    out.push_str(&format!(
        "<section><h2>{}</h2><p><a data-fact=\"original\" download=\"{}\" href=\"data:message/rfc822;base64,{data}\">{}</a></p><p>{}</p></section>\n",
        t("ev-original"),
        esc(&file),
        esc(&r(&Phrase::new("ev-download").arg("name", file.as_str()).number("n", raw.len()))),
        t("ev-original-note")
    ));
    out.push_str(&format!(
        "<footer>{}</footer>\n</body></html>\n",
        esc(&r(&Phrase::new("ev-footer").arg("tool", tool.name).arg("version", tool.version)))
    ));
    out
}

/// One signature: its tags as written, results, repair, warnings and key.
fn signature(out: &mut String, s: &SignatureReport, tags: Option<&Vec<(String, String)>>, lang: Lang) {
    let t = |id: &str| catalog::text(lang, id);
    let r = |p: &Phrase| catalog::render(lang, p);
    let yes_no = |v: Option<bool>| match v {
        Some(true) => t("ev-yes"),
        Some(false) => t("ev-no"),
        None => t("ev-unknown"),
    };
    let title =
        r(&Phrase::new("ev-signature").number("n", s.index + 1).arg("domain", s.domain.as_deref().unwrap_or("?")));
    out.push_str(&format!("<article class=\"signature\" data-signature=\"{}\"><h3>{}</h3>\n", s.index, esc(&title)));
    let mut rows: Vec<(String, String)> = vec![
        (t("ev-result"), format!("<code>{} ({})</code>", esc(s.result.as_str()), esc(s.reason))),
        (t("ev-assessment"), esc(&r(&Outcome::of(&s.assessment).name()))),
        (t("ev-body"), yes_no(s.body_hash_matches)),
        (t("ev-header"), yes_no(s.header_signature_valid)),
        (t("ev-explanation"), esc(&r(&s.explanation))),
    ];
    if let Some(rep) = &s.repair {
        rows.push((t("ev-repair"), format!("<code>{}</code> {}", esc(rep.code), esc(&r(&rep.description)))));
    }
    if !s.warnings.is_empty() {
        let items: Vec<String> = s
            .warnings
            .iter()
            .map(|w| format!("<li><code>{}</code> {}</li>", esc(w.code), esc(&r(&w.message))))
            .collect();
        rows.push((t("ev-warnings"), format!("<ul>{}</ul>", items.concat())));
    }
    if let Some(j) = &s.judged_at {
        rows.push((t("ev-judged"), esc(&unix_to_date_time(i64::try_from(j.time).unwrap_or(0)))));
    }
    table(out, &rows);
    if let Some(tags) = tags {
        out.push_str(&format!("<h4>{}</h4>\n<table class=\"tags\">", t("ev-tags")));
        for (name, value) in tags {
            out.push_str(&format!("<tr><th>{}</th><td><code>{}</code></td></tr>", esc(name), esc(value)));
        }
        out.push_str("</table>\n");
    }
    if let Some(k) = &s.key {
        out.push_str(&format!("<h4>{}</h4>\n", t("ev-key")));
        key(out, k, lang);
    }
    out.push_str("</article>\n");
}

/// A key: name, type, fingerprint, provenance.
fn key(out: &mut String, k: &KeyUsed, lang: Lang) {
    let t = |id: &str| catalog::text(lang, id);
    let p = &k.provenance;
    let seen = k.seen.as_deref().map_or_else(|| t("ev-seen-unknown"), |period| catalog::render(lang, period));
    let flags: Vec<String> = p.flags.iter().map(|f| format!("{f:?}").to_ascii_lowercase()).collect();
    let mut rows = vec![
        (t("ev-name"), format!("<code>{}</code>", esc(&k.name))),
        (t("ev-key-type"), esc(&format!("{} {}", k.key_type, k.bits))),
        (t("ev-spki"), format!("<code data-fact=\"spki-sha256\">{}</code>", esc(&k.spki_sha256))),
        (t("ev-origin"), esc(&catalog::render(lang, &k.origin_words))),
    ];
    if let Some(src) = &p.source {
        rows.push((t("ev-key-source"), esc(src)));
    }
    rows.push((t("ev-seen"), esc(&seen)));
    rows.push((t("ev-flags"), if flags.is_empty() { t("ev-none") } else { esc(&flags.join(", ")) }));
    table(out, &rows);
}

/// The tags of each DKIM-Signature field of `raw`, top first, as written (folding removed).
fn signature_tags(raw: &[u8]) -> Vec<Vec<(String, String)>> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    message
        .fields("dkim-signature")
        .take(crate::dkim::MAX_SIGNATURES)
        .map(|(_, field)| match TagList::parse(field.value) {
            Ok(list) => list
                .tags
                .iter()
                .map(|tag| {
                    // Folding removed; in base64 values (b=, bh=) whitespace means nothing at all.
                    let joiner = if matches!(tag.name, "b" | "bh") { "" } else { " " };
                    let text = String::from_utf8_lossy(tag.value);
                    (tag.name.to_string(), text.split_whitespace().collect::<Vec<_>>().join(joiner))
                })
                .collect(),
            Err(_) => vec![(String::new(), String::from_utf8_lossy(field.value).trim().to_string())],
        })
        .collect()
}

/// The command that checks the message again, judged the same way.
pub fn command(report: &MessageReport, file: &str) -> String {
    let mut cmd = String::from("dkimcheck --format json");
    if let Some(at) = report.judged_at.time {
        cmd.push_str(&format!(" --at {at}"));
    }
    if report.evidence.keys.iter().any(|k| k.origin != crate::keys::BUNDLED_ORIGIN) {
        cmd.push_str(" --keys KEYS.zone");
    }
    cmd.push(' ');
    cmd.push_str(&shell_word(file));
    cmd
}

/// A safe file name for the message of `source` (a path, `leak.zip!a/b.eml`, `box.mbox#3`):
/// its last part, with only letters, digits, `.`, `-` and `_` (others become `_`), at most 100
/// characters, ending in `.eml`.
pub fn message_file_name(source: &str) -> String {
    let last = source.rsplit(['/', '\\', '!']).next().unwrap_or("");
    let mut name: String = last
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .take(100)
        .collect();
    name = name.trim_start_matches('.').to_string();
    if name.is_empty() {
        name = "message".into();
    }
    if !name.to_ascii_lowercase().ends_with(".eml") {
        name.push_str(".eml");
    }
    name
}

/// `word` quoted for a POSIX shell when it needs it.
fn shell_word(word: &str) -> String {
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c)) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Text escaped for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn list(out: &mut String, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.map(|i| format!("<li>{i}</li>")).collect();
    if !items.is_empty() {
        out.push_str(&format!("<ul>{}</ul>\n", items.concat()));
    }
}

/// A table of (label, HTML) rows; labels are the report's own words or escaped.
fn table(out: &mut String, rows: &[(String, String)]) {
    out.push_str("<table>");
    for (label, value) in rows {
        out.push_str(&format!("<tr><th>{label}</th><td>{value}</td></tr>"));
    }
    out.push_str("</table>\n");
}

fn section_table(out: &mut String, title: &str, rows: &[(String, String)]) {
    out.push_str(&format!("<section><h2>{title}</h2>\n"));
    table(out, rows);
    out.push_str("</section>\n");
}

const STYLE: &str = "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;max-width:60rem;\
margin:2rem auto;padding:0 1rem}h1{font-size:1.6rem;margin:0 0 1rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;\
margin:1.6rem 0 .6rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{font-size:.95rem;margin:.8rem 0 .3rem}\
table{border-collapse:collapse;width:100%;margin:.3rem 0}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;\
border-bottom:1px solid #eee}th{width:16rem;font-weight:600}code,pre{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;\
overflow-wrap:anywhere;word-break:break-all}pre{background:#f5f5f5;padding:.6rem;white-space:pre-wrap}\
.verdict{border:2px solid #888;border-radius:6px;padding:.2rem 1rem .6rem}.verdict h2{border:0}\
.verdict .label{font-size:1.3rem;font-weight:700;margin:.2rem 0}.verdict .note{font-size:.95rem;color:#333}.verdict[data-assessment=verified]{border-color:#1a7f37}\
.verdict[data-assessment=failed],.verdict[data-assessment=invalid]{border-color:#b42318}\
article.signature{border-left:3px solid #ccc;padding-left:.8rem;margin:1rem 0}footer{margin-top:2rem;color:#555;font-size:.85rem}\
@media print{body{margin:0;max-width:none;font-size:11pt}a[href^=data]{color:#111}section,article{break-inside:auto}\
tr,h2,h3,h4{break-inside:avoid;break-after:avoid}}";
