//! A leak-like corpus for the whole-process comparison (`scripts/bench-cli.sh`): mail as it was
//! sent 2009–2017 (Exchange/Outlook, Gmail, Apple Mail, mailing lists and bulk senders), with
//! trace headers added after signing, multipart/alternative text and HTML in quoted-printable,
//! quoted replies, and 10% of messages carrying base64 attachments. About 10% carry a second
//! signature (a list or an email service provider signing on top of the author's domain).
//! Signatures: mostly rsa-sha256 with 2048-bit keys, some with 1024-bit keys, rsa-sha1 with
//! 1024-bit keys, a few ed25519-sha256; relaxed/relaxed, relaxed/simple and simple/simple.
//!
//! Everything, keys included, comes from one seed, so the same seed writes the same bytes. The
//! twin corpus is the same messages without their attachment parts (signed afresh).

pub mod phases;

use crate::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::{Algorithm, Canonicalization};
use rsa::rand_core::{TryCryptoRng, TryRng};
use std::convert::Infallible;

/// splitmix64: deterministic, and good enough to drive prime search for test keys.
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Self {
        Seeded(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

impl TryRng for Seeded {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.next() as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.next())
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            let v = self.next().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        Ok(())
    }
}
impl TryCryptoRng for Seeded {}

fn rsa_key(rng: &mut Seeded, bits: usize) -> TestKey {
    TestKey::Rsa(rsa::PrivateKey::new(rng, bits).expect("RSA key generation"))
}

fn ed_key(rng: &mut Seeded) -> TestKey {
    let mut seed = [0u8; 32];
    rng.try_fill_bytes(&mut seed).expect("infallible");
    TestKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
}

/// One way of signing: a key, and the signature's algorithm, canonicalization and header list.
struct Signer {
    key: usize,
    spec: Spec,
}

/// The kinds of sender, each with its header style and signing habits.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    Exchange,
    Gmail,
    AppleMail,
    List,
    Bulk,
}

const FIRST: &[&str] = &[
    "John", "Jennifer", "Robby", "Huma", "Neera", "Jake", "Karen", "Dan", "Sara", "Mark", "Amanda", "Luis", "Teddy",
    "Marcel", "Eric", "Jose", "Ryan", "Josh", "Anne", "Kristina", "Brian", "Jess", "Tina", "Philippe", "Cheryl",
];
const LAST: &[&str] = &[
    "Podesta", "Palmieri", "Mook", "Abedin", "Tanden", "Sullivan", "Dunn", "Schwerin", "Latimer", "Lynch", "Miranda",
    "Wallace", "Walsh", "Brown", "Schwartz", "Fallon", "Cabrera", "Anderson", "Reines", "Mills", "Flournoy",
];
const WORDS: &[&str] = &[
    "the",
    "campaign",
    "meeting",
    "tomorrow",
    "draft",
    "statement",
    "press",
    "please",
    "review",
    "attached",
    "thanks",
    "schedule",
    "call",
    "budget",
    "numbers",
    "policy",
    "team",
    "update",
    "we",
    "should",
    "talk",
    "about",
    "this",
    "before",
    "the",
    "event",
    "on",
    "Thursday",
    "and",
    "I",
    "think",
    "it",
    "is",
    "fine",
    "to",
    "send",
    "them",
    "a",
    "note",
    "with",
    "latest",
    "polling",
    "memo",
    "from",
    "our",
    "friends",
    "in",
    "Iowa",
    "New",
    "Hampshire",
    "can",
    "you",
    "get",
    "back",
    "to",
    "me",
    "by",
    "EOD",
    "re:",
    "speech",
    "remarks",
    "Q&A",
    "—",
    "donors",
    "list",
    "travel",
    "logistics",
    "Senator",
    "Secretary",
    "office",
    "staff",
    "follow-up",
    "briefing",
    "book",
    "interview",
    "request",
];
const SUBJECTS: &[&str] = &[
    "Re: Draft statement for tomorrow",
    "Fwd: Polling memo",
    "Call at 4?",
    "RE: Schedule for next week",
    "Briefing book - final",
    "Re: Fwd: Interview request from NYT",
    "Donor list (CONFIDENTIAL)",
    "Re: Re: travel logistics",
    "Remarks — latest version",
    "Quick question",
    "FW: Budget numbers Q3",
    "Re: Thursday event",
    "[Weekly update] Field operations",
    "Your daily briefing",
];
const ORGS: &[(&str, Style)] = &[
    ("campaign-hq.example", Style::Exchange),
    ("state-dept.example.gov", Style::Exchange),
    ("bigmail.example", Style::Gmail),
    ("thinktank.example.org", Style::AppleMail),
    ("lists.progressive.example", Style::List),
    ("news.mediaco.example", Style::Bulk),
    ("oldmail.example", Style::Exchange),
    ("modernmail.example", Style::Gmail),
];

fn words(rng: &mut Seeded, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        let word: &&str = rng.pick(WORDS);
        s.push_str(word);
    }
    s
}

fn person(rng: &mut Seeded) -> (String, String) {
    let (f, l) = (rng.pick(FIRST), rng.pick(LAST));
    (format!("{f} {l}"), format!("{}{}", &f[..1].to_lowercase(), l.to_lowercase()))
}

const DAYS: &[&str] = &["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: &[&str] = &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// An RFC 5322 date for unix time `t`, with a zone offset of `tz` hours.
fn rfc5322_date(t: i64, tz: i64) -> String {
    let local = t + tz * 3600;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (y, m, d) = dkimcheck::text::civil_date::civil_from_unix(local);
    let weekday = (days + 4).rem_euclid(7) as usize;
    format!(
        "{}, {} {} {} {:02}:{:02}:{:02} {}{:02}00",
        DAYS[weekday],
        d,
        MONTHS[(m - 1) as usize],
        y,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        if tz < 0 { '-' } else { '+' },
        tz.abs()
    )
}

/// Quoted-printable text as mailers wrote it: soft line breaks at 76, `=20` for trailing spaces.
fn quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for line in text.split("\r\n") {
        let mut col = 0;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let enc = match b {
                b'=' => "=3D".to_string(),
                b' ' if i + 1 == bytes.len() => "=20".to_string(),
                0x80.. => format!("={b:02X}"),
                _ => (b as char).to_string(),
            };
            if col + enc.len() > 75 {
                out.push_str("=\r\n");
                col = 0;
            }
            col += enc.len();
            out.push_str(&enc);
        }
        out.push_str("\r\n");
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The plain text of a message: paragraphs, a signature block, sometimes a quoted reply.
fn plain_text(rng: &mut Seeded, name: &str, target: usize) -> String {
    let mut out = String::new();
    out.push_str(&format!("{},\r\n\r\n", rng.pick(FIRST)));
    while out.len() < target {
        let sentences = 1 + rng.below(5) as usize;
        let mut para = String::new();
        for _ in 0..sentences {
            let n = 6 + rng.below(18) as usize;
            para.push_str(&words(rng, n));
            para.push_str(if rng.chance(80) { ". " } else { "?  " });
        }
        // Wrap at 72 columns, as mailers did; some lines keep trailing white space.
        let mut col = 0;
        for w in para.split(' ') {
            if col + w.len() > 72 {
                if rng.chance(10) {
                    out.push(' ');
                }
                out.push_str("\r\n");
                col = 0;
            }
            out.push_str(w);
            out.push(' ');
            col += w.len() + 1;
        }
        out.push_str("\r\n\r\n");
        if rng.chance(25) {
            // A quoted earlier message.
            let (who, _) = person(rng);
            out.push_str(&format!(
                "On {}, {who} wrote:\r\n",
                rfc5322_date(1_300_000_000 + rng.below(100_000_000) as i64, 0)
            ));
            for _ in 0..(2 + rng.below(10)) {
                let n = 5 + rng.below(10) as usize;
                out.push_str(&format!("> {}\r\n", words(rng, n)));
            }
            out.push_str("\r\n");
        }
    }
    out.push_str(&format!("--\r\n{name}\r\nSent from my BlackBerry\u{00ae} wireless device\r\n"));
    out
}

fn html_version(text: &str) -> String {
    let mut out = String::from(
        "<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n</head>\r\n\
         <body style=\"word-wrap: break-word; -webkit-nbsp-mode: space; -webkit-line-break: after-white-space;\">\r\n",
    );
    for para in text.split("\r\n\r\n") {
        if para.trim().is_empty() {
            continue;
        }
        out.push_str("<div><span style=\"font-family: Calibri, sans-serif; font-size: 11pt;\">");
        out.push_str(&html_escape(&para.replace("\r\n", " ")));
        out.push_str("</span></div>\r\n<div><br>\r\n</div>\r\n");
    }
    out.push_str("</body>\r\n</html>\r\n");
    out
}

const ATTACHMENTS: &[(&str, &str)] = &[
    ("application/pdf", "pdf"),
    ("image/jpeg", "jpg"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ("application/msword", "doc"),
    ("application/vnd.ms-excel", "xls"),
    ("image/png", "png"),
];

/// `bytes` random bytes in base64 lines; the bytes come from their own generator, seeded from
/// `rng`, so attachment sizes do not shift the rest of the corpus.
fn base64_lines(rng: &mut Seeded, bytes: usize) -> String {
    use base64::Engine;
    let mut raw = vec![0u8; bytes];
    Seeded::new(rng.next()).try_fill_bytes(&mut raw).expect("infallible");
    let b64 = base64::engine::general_purpose::STANDARD.encode(raw);
    let mut out = String::with_capacity(b64.len() + b64.len() / 38 + 2);
    for chunk in b64.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push_str("\r\n");
    }
    out
}

/// Raw size of the attachments of the message at quantile `q` (0..1) of the distribution:
/// mostly tens to hundreds of KB, some several MB (mean about 740 KB). Sizes are taken at
/// evenly spaced quantiles and shuffled, so the corpus size does not depend on chance.
fn attachment_size(q: f64) -> usize {
    let (from, span, q0, width) = match q {
        q if q < 0.45 => (30_000.0, 250_000.0, 0.0, 0.45),
        q if q < 0.80 => (280_000.0, 700_000.0, 0.45, 0.35),
        q if q < 0.95 => (1_000_000.0, 1_500_000.0, 0.80, 0.15),
        _ => (2_500_000.0, 2_500_000.0, 0.95, 0.05),
    };
    (from + span * (q - q0) / width) as usize
}

/// One message before signing: header fields (without trace fields) and body, with the
/// attachment parts kept apart so the twin can leave them out.
struct Draft {
    style: Style,
    org: usize,
    time: i64,
    headers: String,
    /// Body up to where attachments would go.
    body_head: String,
    /// The attachment parts (each starting with its boundary line).
    attachments: Vec<String>,
    /// What closes the body after the attachments.
    body_tail: String,
    from_domain: String,
}

fn boundary(rng: &mut Seeded, style: Style) -> String {
    match style {
        Style::Gmail => format!("001a11{:012x}", rng.next() & 0xffff_ffff_ffff),
        Style::AppleMail => {
            format!("Apple-Mail={:08X}-{:04X}-{:04X}", rng.next() as u32, rng.next() as u16, rng.next() as u16)
        }
        Style::Exchange => format!("_000_{:016X}EXCH{:04}_", rng.next(), rng.below(10_000)),
        _ => format!("----=_Part_{}_{}.{}", rng.below(1_000_000), rng.below(1_000_000_000), rng.below(10_000_000)),
    }
}

fn draft(rng: &mut Seeded, i: usize, attachment_bytes: Option<usize>) -> Draft {
    let with_attachment = attachment_bytes.is_some();
    let org = rng.below(ORGS.len() as u64) as usize;
    let (domain, style) = ORGS[org];
    // 2009-01-01 .. 2017-12-31
    let time = 1_230_768_000 + rng.below(283_996_800) as i64;
    let tz = *rng.pick(&[-8i64, -7, -5, -4, 0, 1, 2]);
    let (from_name, from_local) = person(rng);
    let mut to = Vec::new();
    for _ in 0..(1 + rng.below(3)) {
        let (n, l) = person(rng);
        to.push(format!("{n} <{l}@{}>", ORGS[rng.below(ORGS.len() as u64) as usize].0));
    }
    let subject = rng.pick(SUBJECTS).to_string();
    let msgid = match style {
        Style::Gmail => format!("<CAE{:x}{:x}@mail.{domain}>", rng.next(), rng.next()),
        Style::Exchange => format!("<{:X}@EXCH{:02}.{domain}>", rng.next(), rng.below(20)),
        Style::AppleMail => {
            format!("<{:08X}-{:04X}-{:04X}@{domain}>", rng.next() as u32, rng.next() as u16, rng.next() as u16)
        }
        _ => format!("<{}.{}.{}.JavaMail.root@{domain}>", rng.below(1 << 40), i, rng.below(1 << 20)),
    };
    let date = rfc5322_date(time, tz);
    let mut h = String::new();
    let from = format!("{from_name} <{from_local}@{domain}>");
    match style {
        Style::Exchange => {
            h.push_str(&format!("From: {from}\r\nTo: {}\r\n", to.join(",\r\n\t")));
            if rng.chance(40) {
                let (n, l) = person(rng);
                h.push_str(&format!("CC: {n} <{l}@{domain}>\r\n"));
            }
            h.push_str(&format!(
                "Subject: {subject}\r\nThread-Topic: {}\r\nThread-Index: AdH{:x}Q==\r\nDate: {date}\r\n\
                 Message-ID: {msgid}\r\nAccept-Language: en-US\r\nContent-Language: en-US\r\nX-MS-Has-Attach: {}\r\n\
                 X-MS-TNEF-Correlator:\r\nx-originating-ip: [10.{}.{}.{}]\r\n",
                subject.trim_start_matches("Re: ").trim_start_matches("RE: "),
                rng.next(),
                if with_attachment { "yes" } else { "" },
                rng.below(256),
                rng.below(256),
                rng.below(256)
            ));
        }
        Style::Gmail => {
            h.push_str("MIME-Version: 1.0\r\n");
            if rng.chance(50) {
                let r = format!("<CAE{:x}@mail.{domain}>", rng.next());
                h.push_str(&format!(
                    "In-Reply-To: {r}\r\nReferences: <CAK{:x}@mail.{domain}>\r\n\t{r}\r\n",
                    rng.next()
                ));
            }
            h.push_str(&format!(
                "Date: {date}\r\nMessage-ID: {msgid}\r\nSubject: {subject}\r\nFrom: {from}\r\nTo: {}\r\n",
                to.join(", ")
            ));
        }
        Style::AppleMail => {
            h.push_str(&format!(
                "From: {from}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-Id: {msgid}\r\nTo: {}\r\n\
                 Mime-Version: 1.0 (Apple Message framework v1085)\r\nX-Mailer: Apple Mail (2.1085)\r\n",
                to.join(", ")
            ));
        }
        Style::List | Style::Bulk => {
            h.push_str(&format!(
                "Date: {date}\r\nFrom: {from}\r\nReply-To: {from_local}@{domain}\r\nTo: {}\r\nMessage-ID: {msgid}\r\n\
                 Subject: {subject}\r\nMIME-Version: 1.0\r\nList-Unsubscribe: <mailto:unsubscribe-{:x}@{domain}>\r\n\
                 List-Id: <updates.{domain}>\r\nPrecedence: bulk\r\nX-Campaign: c{}\r\n",
                to[0],
                rng.next(),
                rng.below(100_000)
            ));
        }
    }
    // Text size: most mail is short; some long threads and newsletters.
    let text_len = match rng.below(100) {
        0..=54 => 300 + rng.below(1_300) as usize,
        55..=84 => 1_500 + rng.below(3_600) as usize,
        _ => 5_000 + rng.below(12_400) as usize,
    };
    let text = plain_text(rng, &from_name, text_len * 98 / 100);
    let alt = boundary(rng, style);
    let mut alternative = String::new();
    let html = style != Style::AppleMail || rng.chance(50);
    if html {
        let qp = style != Style::Gmail;
        let cte = if qp { "quoted-printable" } else { "7bit" };
        alternative.push_str(&format!(
            "--{alt}\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{}\r\n\
             --{alt}\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{}\r\n--{alt}--\r\n",
            if qp { quoted_printable(&text) } else { text.clone() },
            if qp { quoted_printable(&html_version(&text)) } else { html_version(&text) },
        ));
    }
    let (content_type, body_head, attachments, body_tail);
    if with_attachment {
        let mixed = boundary(rng, style);
        content_type = format!("multipart/mixed;\r\n\tboundary=\"{mixed}\"");
        let first = if html {
            format!(
                "--{mixed}\r\nContent-Type: multipart/alternative;\r\n\tboundary=\"{alt}\"\r\n\r\n{alternative}\r\n"
            )
        } else {
            format!(
                "--{mixed}\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n{text}\r\n"
            )
        };
        body_head = first;
        // One message in five carries two files.
        let total = attachment_bytes.unwrap_or_default();
        let sizes = if rng.chance(20) { vec![total * 3 / 5, total - total * 3 / 5] } else { vec![total] };
        attachments = sizes
            .into_iter()
            .enumerate()
            .map(|(k, size)| {
                let (ctype, ext) = *rng.pick(ATTACHMENTS);
                let name = format!(
                    "{}_{}_{k}.{ext}",
                    rng.pick(&["memo", "draft", "scan", "IMG", "budget", "briefing"]),
                    rng.below(10_000)
                );
                format!(
                    "--{mixed}\r\nContent-Type: {ctype};\r\n\tname=\"{name}\"\r\nContent-Description: {name}\r\n\
                     Content-Disposition: attachment;\r\n\tfilename=\"{name}\"; size={size}\r\n\
                     Content-Transfer-Encoding: base64\r\n\r\n{}\r\n",
                    base64_lines(rng, size)
                )
            })
            .collect();
        body_tail = format!("--{mixed}--\r\n");
    } else if html {
        content_type = format!("multipart/alternative; boundary=\"{alt}\"");
        body_head = alternative;
        attachments = Vec::new();
        body_tail = String::new();
    } else {
        content_type = "text/plain;\r\n\tcharset=us-ascii".into();
        body_head = text;
        attachments = Vec::new();
        body_tail = String::new();
    }
    h.push_str(&format!("Content-Type: {content_type}\r\n"));
    if style == Style::Exchange {
        h.push_str("MIME-Version: 1.0\r\n");
    }
    Draft { style, org, time, headers: h, body_head, attachments, body_tail, from_domain: domain.to_string() }
}

/// Trace fields added by the receiving side, above the signatures.
fn trace(rng: &mut Seeded, d: &Draft, to_domain: &str) -> String {
    let mut t = String::new();
    t.push_str(&format!("Delivered-To: someone@{to_domain}\r\n"));
    let hops = 2 + rng.below(5);
    let mut when = d.time + 30;
    let mut received = Vec::new();
    for k in 0..hops {
        when += rng.below(20) as i64;
        received.push(format!(
            "Received: from {}.{} ({}.{} [{}.{}.{}.{}])\r\n        by mx{}.{to_domain} with ESMTPS id {:x}\r\n        \
             for <someone@{to_domain}>\r\n        (version=TLS1_2 cipher=ECDHE-RSA-AES128-GCM-SHA256 bits=128/128);\r\n        {}\r\n",
            ["mail", "smtp", "out", "relay", "exch"][k as usize % 5],
            d.from_domain,
            ["mail", "smtp", "out", "relay", "exch"][k as usize % 5],
            d.from_domain,
            rng.below(224),
            rng.below(256),
            rng.below(256),
            rng.below(256),
            rng.below(10),
            rng.next(),
            rfc5322_date(when, 0)
        ));
    }
    received.reverse();
    t.push_str(&received[0]);
    t.push_str(&format!(
        "X-Received: by 10.{}.{}.{} with SMTP id {:x};\r\n        {}\r\n",
        rng.below(256),
        rng.below(256),
        rng.below(256),
        rng.next(),
        rfc5322_date(when, 0)
    ));
    t.push_str(&format!("Return-Path: <bounce-{:x}@{}>\r\n", rng.next(), d.from_domain));
    for r in &received[1..] {
        t.push_str(r);
    }
    t.push_str(&format!(
        "Received-SPF: pass (google.com: domain of sender@{0} designates 192.0.2.{1} as permitted sender) client-ip=192.0.2.{1};\r\n\
         Authentication-Results: mx.{2};\r\n       dkim=pass header.i=@{0};\r\n       spf=pass (google.com: domain of sender@{0} designates 192.0.2.{1} as permitted sender) smtp.mailfrom=sender@{0}\r\n",
        d.from_domain,
        rng.below(256),
        to_domain
    ));
    if d.style == Style::Gmail {
        t.push_str(&format!(
            "X-Google-DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d=1e100.net; s=20130820;\r\n        \
             h=x-gm-message-state:mime-version:date:message-id:subject:from:to;\r\n        bh={}=;\r\n        b={}\r\n\
             X-Gm-Message-State: ALoCoQ{}\r\n",
            &base64_lines(rng, 32)[..43],
            base64_lines(rng, 256).replace("\r\n", "\r\n         ").trim_end(),
            &base64_lines(rng, 60)[..70]
        ));
    }
    t
}

/// The signers: (key index, spec). Key 0: rsa 2048, 1: rsa 2048, 2: rsa 1024, 3: rsa 1024 (sha1),
/// 4: ed25519, 5: rsa 2048 (the list / ESP signing on top).
fn signers() -> Vec<(&'static str, &'static str, usize, Algorithm, Canonicalization, Canonicalization, &'static str)> {
    use Canonicalization::{Relaxed, Simple};
    vec![
        // (domain, selector, key, algorithm, header canon, body canon, h=)
        (
            "campaign-hq.example",
            "mail2015",
            0,
            Algorithm::RsaSha256,
            Relaxed,
            Relaxed,
            "From:To:CC:Subject:Thread-Topic:Thread-Index:Date:Message-ID:Content-Type:MIME-Version",
        ),
        (
            "state-dept.example.gov",
            "selector1",
            0,
            Algorithm::RsaSha256,
            Relaxed,
            Relaxed,
            "From:To:Subject:Date:Message-ID:Content-Type:MIME-Version",
        ),
        (
            "bigmail.example",
            "20120113",
            1,
            Algorithm::RsaSha256,
            Relaxed,
            Relaxed,
            "mime-version:in-reply-to:references:date:message-id:subject:from:to:content-type",
        ),
        (
            "thinktank.example.org",
            "apple",
            2,
            Algorithm::RsaSha256,
            Relaxed,
            Simple,
            "From:Subject:Date:Message-Id:To:Mime-Version:Content-Type",
        ),
        (
            "lists.progressive.example",
            "k1",
            1,
            Algorithm::RsaSha256,
            Relaxed,
            Relaxed,
            "Date:From:Reply-To:To:Message-ID:Subject:MIME-Version:Content-Type:List-Unsubscribe:List-Id",
        ),
        (
            "news.mediaco.example",
            "s1024",
            3,
            Algorithm::RsaSha1,
            Simple,
            Simple,
            "Date:From:Reply-To:To:Message-ID:Subject:MIME-Version:Content-Type",
        ),
        (
            "oldmail.example",
            "s1024",
            3,
            Algorithm::RsaSha1,
            Relaxed,
            Simple,
            "From:To:Subject:Date:Message-ID:Content-Type:MIME-Version",
        ),
        (
            "modernmail.example",
            "ed2017",
            4,
            Algorithm::Ed25519Sha256,
            Relaxed,
            Relaxed,
            "mime-version:date:message-id:subject:from:to:content-type",
        ),
        (
            "esp.example.net",
            "k2",
            5,
            Algorithm::RsaSha256,
            Relaxed,
            Relaxed,
            "From:To:Subject:Date:Message-ID:Content-Type:MIME-Version",
        ),
    ]
}

/// The two corpora: `(main, twin)` messages, and the zone lines of their keys.
pub struct LeakCorpus {
    pub main: Vec<Vec<u8>>,
    pub twin: Vec<Vec<u8>>,
    pub zone: String,
}

pub fn generate(seed: u64, n: usize) -> LeakCorpus {
    let mut rng = Seeded::new(seed);
    let keys = [
        rsa_key(&mut rng, 2048),
        rsa_key(&mut rng, 2048),
        rsa_key(&mut rng, 1024),
        rsa_key(&mut rng, 1024),
        ed_key(&mut rng),
        rsa_key(&mut rng, 2048),
    ];
    let signers: Vec<Signer> = signers()
        .into_iter()
        .map(|(domain, selector, key, algorithm, hc, bc, h)| Signer {
            key,
            spec: Spec {
                domain: domain.into(),
                selector: selector.into(),
                header_canon: hc,
                body_canon: bc,
                headers: h.split(':').map(str::to_string).collect(),
                ..Spec::new(algorithm)
            },
        })
        .collect();
    let mut zone = String::from("; dkimcheck leak-like benchmark corpus keys\n");
    for s in &signers {
        zone.push_str(&s.spec.zone_line(&keys[s.key]));
        zone.push('\n');
    }
    // Exactly 10% with attachments, their sizes at evenly spaced quantiles; spread by the seed.
    let mut with_attachment: Vec<Option<usize>> = vec![None; n];
    let mut order: Vec<usize> = (0..n).collect();
    for k in (1..n).rev() {
        order.swap(k, rng.below(k as u64 + 1) as usize);
    }
    let m = n / 10;
    for (j, &k) in order[..m].iter().enumerate() {
        with_attachment[k] = Some(attachment_size((j as f64 + 0.5) / m as f64));
    }
    let mut main = Vec::with_capacity(n);
    let mut twin = Vec::with_capacity(n);
    for (i, &attach) in with_attachment.iter().enumerate() {
        let d = draft(&mut rng, i, attach);
        let second = rng.chance(10);
        let to_domain = *rng.pick(&["gmail.example", "campaign-hq.example", "bigmail.example"]);
        let tr = trace(&mut rng, &d, to_domain);
        // Signed with a timestamp at the message's time.
        let mut first = signers[d.org].spec.clone();
        first.timestamp = Some(d.time as u64);
        let mut esp = signers[8].spec.clone();
        esp.timestamp = Some(d.time as u64 + 2);
        let build = |body_attachments: &[String]| {
            let mut m = d.headers.clone();
            m.push_str("\r\n");
            m.push_str(&d.body_head);
            for a in body_attachments {
                m.push_str(a);
            }
            m.push_str(&d.body_tail);
            let mut signed = sign(m.as_bytes(), &keys[signers[d.org].key], &first);
            if second {
                signed = sign(&signed, &keys[signers[8].key], &esp);
            }
            let mut out = tr.clone().into_bytes();
            out.extend_from_slice(&signed);
            out
        };
        main.push(build(&d.attachments));
        twin.push(if d.attachments.is_empty() { main[i].clone() } else { build(&[]) });
    }
    LeakCorpus { main, twin, zone }
}

/// Writes `dir/main/NNNNN.eml`, `dir/noattach/NNNNN.eml` and `dir/keys.zone`.
pub fn write(dir: &str, seed: u64, n: usize) {
    let c = generate(seed, n);
    for (sub, msgs) in [("main", &c.main), ("noattach", &c.twin)] {
        let path = format!("{dir}/{sub}");
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("corpus dir");
        for (i, m) in msgs.iter().enumerate() {
            std::fs::write(format!("{path}/{i:05}.eml"), m).expect("write");
        }
        let bytes: usize = msgs.iter().map(Vec::len).sum();
        let sigs: usize = msgs.iter().map(|m| count(m, b"\nDKIM-Signature:")).sum();
        let attach = msgs.iter().filter(|m| count(m, b"Content-Disposition: attachment") > 0).count();
        println!(
            "{path}: {} messages, {:.1} MB, {sigs} signatures, {attach} with attachments",
            msgs.len(),
            bytes as f64 / 1e6
        );
    }
    std::fs::write(format!("{dir}/keys.zone"), &c.zone).expect("write");
    std::fs::write(format!("{dir}/SEED"), format!("{seed} {n}\n")).expect("write");
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    memchr::memmem::find_iter(hay, needle).count()
}
