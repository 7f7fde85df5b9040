//! The human-facing parts of a message (From, To, Date, Subject, Sender, plain-text body, attachment
//! names), decoded with mail-parser for display. Verification never uses these.

use super::{HeaderField, Message};
use crate::budget::{Exceeded, Limit, MAX_MIME_PARTS};
use mail_parser::{MessageParser, MimeHeaders, PartType};
use serde::Serialize;

/// The header fields a summary shows.
const DISPLAYED: &[&str] = &["from", "to", "cc", "date", "subject", "sender", "reply-to"];

/// The header fields the verdict and its headline read from a summary: From's domain (alignment),
/// Sender (a caveat names it) and Date (signatures judged as of signing).
const FOR_VERDICT: &[&str] = &["from", "date", "sender"];

/// Largest body text returned, in characters.
pub const MAX_BODY_CHARS: usize = 200_000;

/// What a reader wants to see of a message.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Summary {
    /// From, as "Name <address>".
    pub from: Option<String>,
    /// To.
    pub to: Option<String>,
    /// Cc.
    pub cc: Option<String>,
    /// Date, as written in the header.
    pub date: Option<String>,
    /// Date as unix seconds, when it parses.
    pub date_unix: Option<i64>,
    /// Subject, decoded.
    pub subject: Option<String>,
    /// Sender (who sent it on the author's behalf).
    pub sender: Option<String>,
    /// Reply-To.
    pub reply_to: Option<String>,
    /// The plain-text body (HTML converted to text), at most [`MAX_BODY_CHARS`] characters;
    /// `None` unless asked for.
    pub body_text: Option<String>,
    /// How many characters of the body text were cut off for display (0: none).
    pub body_omitted_chars: usize,
    /// Attachments: name and size in bytes (only read with the body).
    pub attachments: Vec<Attachment>,
    /// The domain of the first From address, lower-case.
    #[serde(skip)]
    pub from_domain: Option<String>,
    /// Why the body and attachments are not shown, when a budget was hit.
    #[serde(skip)]
    pub body_skipped: Option<Exceeded>,
}

/// An attachment.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Attachment {
    /// File name, if given.
    pub name: Option<String>,
    /// Decoded size in bytes.
    pub size: usize,
}

/// The message's Date (its first Date field) as unix seconds, parsed as [`Summary::read`]
/// parses it; `None` without a readable one.
pub fn date_unix(message: &Message<'_>) -> Option<i64> {
    let (_, field) = message.fields("date").next()?;
    mail_parser::DateTime::parse_rfc822(&String::from_utf8_lossy(field.value)).map(|d| d.to_timestamp())
}

impl Summary {
    /// Reads the summary of a message (`bytes`, already split into `message`). With
    /// `with_body`, the MIME structure is parsed for the text body and the attachments; without
    /// it only the displayed header fields are handed to mail-parser, which keeps batch
    /// verification fast.
    ///
    /// The MIME structure is read only for messages with at most [`MAX_MIME_PARTS`] parts and
    /// nested messages (counted from above, before parsing, by [`mime_parts_bound`]); others
    /// are summarized from their header fields and `body_skipped` says why.
    pub fn read(bytes: &[u8], message: &Message<'_>, with_body: bool) -> Summary {
        Summary::read_fields(bytes, message, with_body, DISPLAYED)
    }

    /// Only what the verdict and its headline need (From, Sender, Date; no body): To, Cc,
    /// Subject and Reply-To are left out, for a batch that prints one line per message (the
    /// display parse was ~6% of such a batch's time on small mail).
    pub fn read_for_verdict(bytes: &[u8], message: &Message<'_>) -> Summary {
        Summary::read_fields(bytes, message, false, FOR_VERDICT)
    }

    /// [`Summary::read`] with the header fields in `fields` (lower case) handed to mail-parser.
    fn read_fields(bytes: &[u8], message: &Message<'_>, with_body: bool, fields: &[&str]) -> Summary {
        let parts = if with_body { mime_parts_bound(bytes) } else { 0 };
        if parts > MAX_MIME_PARTS {
            let mut summary = Summary::read_fields(bytes, message, false, fields);
            summary.body_skipped = Some(Exceeded::new(Limit::MimeParts, Some(parts as u64)));
            return summary;
        }
        let displayed: Vec<u8>;
        let input = if with_body {
            bytes
        } else {
            // Copied a field at a time (byte by byte, through iterator adapters, this copy cost
            // more than mail-parser's reading of it).
            let mut copy = Vec::with_capacity(512);
            for h in message.headers.iter().filter(|h| fields.iter().any(|name| h.is(name))) {
                copy.extend_from_slice(h.raw);
                if !h.raw.ends_with(b"\n") {
                    copy.push(b'\n');
                }
            }
            copy.extend_from_slice(b"\r\n");
            displayed = copy;
            &displayed
        };
        let Some(msg) = MessageParser::default().parse(input) else { return Summary::default() };
        let addresses = |a: Option<&mail_parser::Address<'_>>| a.and_then(format_addresses);
        let from_domain = msg
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .and_then(|e| e.rsplit_once('@'))
            .map(|(_, d)| d.trim().trim_end_matches('>').to_lowercase());
        let mut body_omitted_chars = 0;
        let body_text = with_body.then(|| {
            let text = msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default();
            let total = text.chars().count();
            if total > MAX_BODY_CHARS {
                body_omitted_chars = total - MAX_BODY_CHARS;
                text.chars().take(MAX_BODY_CHARS).collect()
            } else {
                text
            }
        });
        let summary = Summary {
            from: addresses(msg.from()),
            to: addresses(msg.to()),
            cc: addresses(msg.cc()),
            date: msg.header_raw("Date").map(|d| d.trim().to_string()),
            date_unix: msg.date().map(|d| d.to_timestamp()),
            subject: msg.subject().map(str::to_string),
            sender: addresses(msg.sender()),
            reply_to: addresses(msg.reply_to()),
            body_text,
            body_omitted_chars,
            attachments: if with_body {
                msg.attachments()
                    .map(|p| Attachment { name: p.attachment_name().map(str::to_string), size: p.contents().len() })
                    .collect()
            } else {
                Vec::new()
            },
            from_domain,
            body_skipped: None,
        };
        free_iteratively(msg);
        summary
    }
}

/// An upper bound on the MIME parts and nested messages mail-parser would build from `bytes`,
/// found without parsing: every multipart part starts after a line beginning with `--`, and
/// every nested message (`message/rfc822`, `message/global`) needs a `Content-Type` field of
/// its own. (mail-parser also opens nested messages that are base64- or quoted-printable-
/// encoded, at most 3 levels deep, whose parts this count cannot see.)
pub fn mime_parts_bound(bytes: &[u8]) -> usize {
    let dashes = memchr::memmem::find_iter(bytes, b"\n--").count() + usize::from(bytes.starts_with(b"--"));
    let content_types = content_type_fields(bytes);
    dashes + content_types
}

/// Occurrences of `content-type`, in any case: each hyphen is checked for `content` before it
/// and `type` after it.
fn content_type_fields(bytes: &[u8]) -> usize {
    let mut n = 0;
    for at in memchr::memchr_iter(b'-', bytes) {
        let Some(before) = at.checked_sub(7) else { continue };
        if bytes.len() >= at + 5
            && bytes[before..at].eq_ignore_ascii_case(b"content")
            && bytes[at + 1..at + 5].eq_ignore_ascii_case(b"type")
        {
            n += 1;
        }
    }
    n
}

/// Drops a parsed message without recursion: a message nested 100,000 deep would otherwise be
/// freed one stack frame per level, and overflow the stack (a crash, not a panic).
fn free_iteratively(message: mail_parser::Message<'_>) {
    let mut stack = vec![message];
    while let Some(mut m) = stack.pop() {
        for part in &mut m.parts {
            if matches!(part.body, PartType::Message(_))
                && let PartType::Message(nested) = std::mem::take(&mut part.body)
            {
                stack.push(nested);
            }
        }
    }
}

/// An address list as "Name <address>, address".
fn format_addresses(a: &mail_parser::Address<'_>) -> Option<String> {
    let list: Vec<String> = a
        .iter()
        .map(|addr| match (addr.name(), addr.address()) {
            (Some(n), Some(e)) => format!("{n} <{e}>"),
            (None, Some(e)) => e.to_string(),
            (Some(n), None) => n.to_string(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// A header field value for display: encoded words decoded (`=?utf-8?q?R=C3=A9union?=` →
/// `Réunion`), addresses as "Name <address>", anything else unfolded and trimmed.
pub fn display_value(name: &str, value: &[u8]) -> String {
    let unfolded = || {
        let text: Vec<u8> = value.iter().copied().filter(|&b| b != b'\r' && b != b'\n').collect();
        String::from_utf8_lossy(text.trim_ascii()).into_owned()
    };
    let well_formed = !name.is_empty() && name.bytes().all(|b| (33..=126).contains(&b) && b != b':');
    if !well_formed {
        return unfolded();
    }
    let mut bytes = Vec::with_capacity(name.len() + value.len() + 8);
    bytes.extend_from_slice(name.as_bytes());
    bytes.push(b':');
    bytes.extend_from_slice(value);
    bytes.extend_from_slice(b"\r\n\r\n");
    let Some(msg) = MessageParser::default().parse(&bytes[..]) else { return unfolded() };
    let unfold = |t: &str| t.replace(['\r', '\n'], "").trim().to_string();
    match msg.header(name) {
        Some(mail_parser::HeaderValue::Text(t)) => unfold(t),
        Some(mail_parser::HeaderValue::TextList(l)) => unfold(&l.join(", ")),
        Some(mail_parser::HeaderValue::Address(a)) => format_addresses(a).unwrap_or_else(unfolded),
        _ => unfolded(),
    }
}

/// The first address (`local@domain`) in an address header field such as From or Sender, read
/// with mail-parser; `None` when the field holds no address with an `@`.
pub fn first_address(field: &HeaderField<'_>) -> Option<String> {
    let mut bytes = Vec::with_capacity(field.value.len() + 10);
    bytes.extend_from_slice(b"From:");
    bytes.extend_from_slice(field.value);
    bytes.extend_from_slice(b"\r\n\r\n");
    let msg = MessageParser::default().parse(&bytes[..])?;
    let address = msg.from()?.first()?.address()?.trim().to_string();
    address.contains('@').then_some(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_display_fields() {
        let raw = b"From: Joe <joe@Example.COM>\r\nTo: a@b.c\r\nSubject: =?utf-8?q?h=C3=A9llo?=\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nHi\r\n";
        let s = Summary::read(raw, &Message::parse(raw), true);
        let without_body = Summary::read(raw, &Message::parse(raw), false);
        assert_eq!(
            (without_body.subject, without_body.date_unix, without_body.body_text),
            (s.subject.clone(), s.date_unix, None)
        );
        assert_eq!(s.from.as_deref(), Some("Joe <joe@Example.COM>"));
        assert_eq!(s.from_domain.as_deref(), Some("example.com"));
        assert_eq!(s.subject.as_deref(), Some("héllo"));
        assert_eq!(s.date_unix, Some(1_456_826_400));
        assert_eq!(date_unix(&Message::parse(raw)), s.date_unix);
        assert_eq!(s.body_text.as_deref().map(str::trim), Some("Hi"));
    }

    #[test]
    fn the_verdict_s_fields_are_read_as_in_a_full_summary() {
        let raw = b"From: Joe <joe@Example.COM>\r\nTo: a@b.c\r\nSender: List <l@lists.example>\r\n\
Subject: hi\r\nReply-To: r@x.org\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nHi\r\n";
        let m = Message::parse(raw);
        let (full, brief) = (Summary::read(raw, &m, false), Summary::read_for_verdict(raw, &m));
        assert_eq!(
            (&brief.from, &brief.from_domain, &brief.sender, &brief.date, brief.date_unix),
            (&full.from, &full.from_domain, &full.sender, &full.date, full.date_unix)
        );
        assert_eq!((brief.to, brief.subject, brief.reply_to), (None, None, None));
        assert_eq!(brief.date_unix, Some(1_456_826_400));
    }

    #[test]
    fn display_values_are_decoded() {
        assert_eq!(display_value("Subject", b" =?utf-8?q?R=C3=A9union_lundi?="), "Réunion lundi");
        assert_eq!(display_value("From", b" =?utf-8?q?Fran=C3=A7ois?= <f@example.fr>"), "François <f@example.fr>");
        assert_eq!(display_value("X-Thing", b" a\r\n b "), "a b");
        assert_eq!(display_value("Bad:Name", b" x"), "x");
    }

    #[test]
    fn first_address_of_a_field() {
        let raw = b"Sender: \"Long, J\" <jlong@Messiah.edu>, other@x.org\r\nFrom: nobody\r\n\r\n";
        let m = Message::parse(raw);
        assert_eq!(first_address(&m.headers[0]).as_deref(), Some("jlong@Messiah.edu"));
        assert_eq!(first_address(&m.headers[1]), None);
    }
}
