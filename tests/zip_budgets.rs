//! The CLI's zip reading (src/cli/sources/, included here as it is) against the zips of the
//! security review, generated here: a lying size header, overlapping members, a 42.zip-style
//! fan-out, zips nested 10,000 deep, stored zips nested around a big member, a directory that
//! claims two million members. Each must give its error naming the limit, read no more than its
//! budget (the bytes handed out are counted) and allocate no more than a bound (the counting
//! allocator). Then the binary: the batch goes on after a bomb. And a member's own checks, as
//! the page does them: sizes that cannot be true, and a CRC-32 that does not match (damage).

#[path = "common/counting_alloc.rs"]
mod counting_alloc;
#[path = "../src/cli/sources/mod.rs"]
#[allow(dead_code)]
mod sources;

use counting_alloc::peak_of;
use dkimcheck::budget::{self, MAX_MESSAGE_BYTES, MAX_ZIP_NESTING};
use dkimcheck::message::zip_member;
use std::io::Write;

const MB: usize = 1024 * 1024;

// --- a small zip writer: stored or deflated members, sizes that may lie ------------------------

fn crc32(data: &[u8]) -> u32 {
    let table: Vec<u32> =
        (0..256u32).map(|n| (0..8).fold(n, |c, _| if c & 1 == 1 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 })).collect();
    !data.iter().fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8))
}

/// Raw deflate of `data` (through the zip crate's writer).
fn deflate(data: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("x", opts).expect("start");
    w.write_all(data).expect("write");
    let zip = w.finish().expect("finish").into_inner();
    let compressed = u32::from_le_bytes(zip[18..22].try_into().expect("4 bytes")) as usize;
    let start = 30 + u16::from_le_bytes([zip[26], zip[27]]) as usize + u16::from_le_bytes([zip[28], zip[29]]) as usize;
    zip[start..start + compressed].to_vec()
}

/// One member as written: `data` is what is stored (deflated or not), `size` what the headers
/// say it inflates to.
struct Member {
    name: String,
    deflated: bool,
    data: Vec<u8>,
    size: u64,
    crc: u32,
}

fn stored(name: &str, data: &[u8]) -> Member {
    Member { name: name.into(), deflated: false, data: data.to_vec(), size: data.len() as u64, crc: crc32(data) }
}

fn deflated(name: &str, data: &[u8]) -> Member {
    Member { name: name.into(), deflated: true, data: deflate(data), size: data.len() as u64, crc: crc32(data) }
}

/// A zip of `members`, plus `aliases` extra directory entries (name, member index) pointing at
/// the data of an existing member.
fn zip_of(members: &[Member], aliases: &[(String, usize)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for m in members {
        offsets.push(out.len() as u32);
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 0]);
        out.extend_from_slice(&(if m.deflated { 8u16 } else { 0 }).to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&m.crc.to_le_bytes());
        out.extend_from_slice(&(m.data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(m.size as u32).to_le_bytes());
        out.extend_from_slice(&(m.name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(m.name.as_bytes());
        out.extend_from_slice(&m.data);
    }
    let cd_start = out.len() as u32;
    let entries: Vec<(&str, usize)> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.name.as_str(), i))
        .chain(aliases.iter().map(|(n, i)| (n.as_str(), *i)))
        .collect();
    for &(name, i) in &entries {
        let m = &members[i];
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        out.extend_from_slice(&(if m.deflated { 8u16 } else { 0 }).to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&m.crc.to_le_bytes());
        out.extend_from_slice(&(m.data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(m.size as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 12]);
        out.extend_from_slice(&offsets[i].to_le_bytes());
        out.extend_from_slice(name.as_bytes());
    }
    let cd_len = out.len() as u32 - cd_start;
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_start.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// Stored zips nested `levels` deep around `inner` (each level `n.zip` holding the one below),
/// built from the outside in without copying each level (CRCs are 0: stored nested zips are
/// read in place, never checked).
fn nested_stored(levels: usize, inner: &[u8]) -> Vec<u8> {
    const NAME: &[u8] = b"n.zip";
    let mut sizes = vec![inner.len() as u64];
    for _ in 0..levels {
        let below = sizes[sizes.len() - 1];
        sizes.push(30 + NAME.len() as u64 + below + 46 + NAME.len() as u64 + 22);
    }
    let mut out = Vec::with_capacity(sizes[levels] as usize);
    for level in (1..=levels).rev() {
        let below = sizes[level - 1] as u32;
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&below.to_le_bytes());
        out.extend_from_slice(&below.to_le_bytes());
        out.extend_from_slice(&(NAME.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(NAME);
    }
    out.extend_from_slice(inner);
    for level in 1..=levels {
        let below = sizes[level - 1] as u32;
        let cd_start = 30 + NAME.len() as u32 + below;
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&below.to_le_bytes());
        out.extend_from_slice(&below.to_le_bytes());
        out.extend_from_slice(&(NAME.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 16]);
        out.extend_from_slice(NAME);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        out.extend_from_slice(&(46 + NAME.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_start.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
    }
    out
}

const MESSAGE: &[u8] = b"From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n";

/// An item as the tests see it: its source and its size, or why it was not read.
type Expanded = (String, Result<usize, String>);

/// Expands `zip` as the CLI does: (source, Ok(size) or Err(why)) per item, and the peak memory.
fn expand(zip: Vec<u8>, max_message: u64) -> (Vec<Expanded>, usize) {
    peak_of(move || {
        let mut items = Vec::new();
        sources::for_each_in_bytes("t.zip", zip, max_message, |item| {
            items.push((item.source, item.content.map(|c| c.size() as usize).map_err(|e| e.to_string())));
        });
        items
    })
}

fn inflated(items: &[Expanded]) -> usize {
    items.iter().filter_map(|(_, r)| r.as_ref().ok()).sum()
}

#[test]
fn the_zip_writer_makes_zips_the_reader_reads() {
    let zip = zip_of(&[stored("a.eml", MESSAGE), deflated("b.eml", MESSAGE)], &[]);
    let (items, _) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(items, vec![("t.zip!a.eml".into(), Ok(MESSAGE.len())), ("t.zip!b.eml".into(), Ok(MESSAGE.len()))]);
    let (items, _) = expand(nested_stored(3, &zip_of(&[stored("in.eml", MESSAGE)], &[])), MAX_MESSAGE_BYTES);
    assert_eq!(items, vec![("t.zip!n.zip!n.zip!n.zip!in.eml".into(), Ok(MESSAGE.len()))]);
}

#[test]
fn a_lying_size_header_is_refused_one_byte_past_what_it_says() {
    let mut member = deflated("liar.eml", &vec![0u8; 64 * MB]);
    member.size = 1000;
    let (items, peak) = expand(zip_of(&[member, stored("next.eml", MESSAGE)], &[]), MAX_MESSAGE_BYTES);
    let why = items[0].1.as_ref().expect_err("refused");
    assert!(why.contains("more than the 1,000 bytes its header says"), "{why}");
    assert_eq!(items[1].1, Ok(MESSAGE.len()), "the next member is read");
    assert!(peak < MB, "peak {peak}");
    println!("member inflating to 64 MiB behind a 1,000-byte header: refused, peak {peak} bytes (was 512 MB read)");
}

#[test]
fn overlapping_members_are_refused_before_they_are_inflated() {
    // The review's: 1,000 directory entries for one deflated member (here 64 MiB of zeros).
    let bomb = deflated("0.eml", &vec![0u8; 64 * MB]);
    let aliases: Vec<(String, usize)> = (1..1000).map(|i| (format!("{i}.eml"), 0)).collect();
    let zip = zip_of(&[bomb], &aliases);
    let size = zip.len() as u64;
    let (items, bomb_peak) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(items.len(), 1, "{items:?}");
    let why = items[0].1.as_ref().expect_err("refused");
    assert!(bomb_peak < MB, "peak {bomb_peak}");
    assert!(
        why.contains("limit zip_inflated_bytes") && why.contains(&budget::group(budget::max_zip_inflated_bytes(size))),
        "{why}"
    );
    // Within the inflation budget, the overlap itself is refused at the second member.
    let small = deflated("0.eml", &vec![b'x'; MB]);
    let aliases: Vec<(String, usize)> = (1..50).map(|i| (format!("{i}.eml"), 0)).collect();
    let (items, peak) = expand(zip_of(&[small], &aliases), MAX_MESSAGE_BYTES);
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].1, Ok(MB));
    assert!(items[1].1.as_ref().expect_err("refused").contains("overlaps another"), "{items:?}");
    assert!(peak < 3 * MB, "peak {peak}");
    println!(
        "1,000 overlapping entries of 64 MiB: refused before inflating, peak {bomb_peak} bytes (was ~20 minutes); 50 overlapping entries of 1 MiB: refused at the second, peak {peak}"
    );
}

#[test]
fn a_fan_out_bomb_is_refused_by_the_inflation_budget() {
    // 42.zip in small: 16 zips of 16 zips of 16 members of 8 MiB of zeros (32 GiB in all).
    let leaf = zip_of(&(0..16).map(|i| deflated(&format!("{i}.eml"), &vec![0u8; 8 * MB])).collect::<Vec<_>>(), &[]);
    let middle = zip_of(&(0..16).map(|i| deflated(&format!("{i}.zip"), &leaf)).collect::<Vec<_>>(), &[]);
    let top = zip_of(&(0..16).map(|i| deflated(&format!("{i}.zip"), &middle)).collect::<Vec<_>>(), &[]);
    let size = top.len() as u64;
    let (items, peak) = expand(top, MAX_MESSAGE_BYTES);
    let errors: Vec<&String> = items.iter().filter_map(|(_, r)| r.as_ref().err()).collect();
    assert_eq!(errors.len(), 1, "{items:?}");
    assert!(errors[0].contains("limit zip_inflated_bytes"), "{}", errors[0]);
    let budget = budget::max_zip_inflated_bytes(size) as usize;
    assert!(inflated(&items) <= budget, "{} bytes handed out", inflated(&items));
    assert!(peak < budget / 4 + 4 * MB, "peak {peak}");
    println!(
        "42.zip-style fan-out ({size} bytes, 32 GiB inside): refused, {} bytes handed out, peak {peak} (was ~20 minutes)",
        inflated(&items)
    );
}

#[test]
fn zips_nested_10_000_deep_stop_at_the_nesting_budget_without_copies() {
    let zip = nested_stored(10_000, &zip_of(&[stored("deep.eml", MESSAGE)], &[]));
    let len = zip.len();
    let (items, peak) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].0.matches("!n.zip").count(), MAX_ZIP_NESTING + 1);
    assert!(items[0].1.as_ref().expect_err("refused").contains("limit zip_nesting"));
    assert!(peak < MB, "peak {peak} bytes for a {len} byte zip");
    println!("zips nested 10,000 deep ({len} bytes): refused at level {}, peak {peak} bytes", MAX_ZIP_NESTING + 1);
}

#[test]
fn stored_zips_nested_around_a_big_member_are_read_in_place() {
    // The review's 8 stored levels around 480 MB (here 48 MiB): every level held at once.
    let big = [MESSAGE, &vec![b'x'; 48 * MB]].concat();
    let zip = nested_stored(7, &zip_of(&[stored("big.eml", &big)], &[]));
    let (items, peak) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].1, Ok(big.len()));
    assert!(peak < big.len() + MB, "peak {peak} for a {} byte member", big.len());
    // Over the message budget: refused unread.
    let zip = nested_stored(7, &zip_of(&[stored("big.eml", &big)], &[]));
    let (items, peak) = expand(zip, 16 * MB as u64);
    assert!(items[0].1.as_ref().expect_err("refused").contains("--max-message-size"));
    assert!(peak < MB, "peak {peak}");
    println!("8 stored levels around {} bytes: read once in place, peak {peak} when refused", big.len());
}

#[test]
fn a_directory_claiming_two_million_members_is_refused_before_it_is_read() {
    // One empty member, then a ZIP64 end record claiming 2,000,000 members.
    let mut zip = zip_of(&[stored("a.eml", b"")], &[]);
    zip.truncate(30 + 5); // the local header only
    let record = zip.len() as u64;
    zip.extend_from_slice(&0x0606_4b50u32.to_le_bytes());
    zip.extend_from_slice(&44u64.to_le_bytes());
    zip.extend_from_slice(&[45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    zip.extend_from_slice(&2_000_000u64.to_le_bytes());
    zip.extend_from_slice(&2_000_000u64.to_le_bytes());
    zip.extend_from_slice(&0u64.to_le_bytes());
    zip.extend_from_slice(&record.to_le_bytes());
    zip.extend_from_slice(&0x0706_4b50u32.to_le_bytes());
    zip.extend_from_slice(&[0; 4]);
    zip.extend_from_slice(&record.to_le_bytes());
    zip.extend_from_slice(&[1, 0, 0, 0]);
    zip.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    zip.extend_from_slice(&[0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0]);
    let (items, _) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(items[0].1.as_ref().expect_err("refused").contains("limit zip_members"), "{items:?}");
}

#[test]
fn the_cli_reports_each_bomb_and_checks_the_rest_of_the_batch() {
    let dir = std::env::temp_dir().join(format!("dkimcheck-zip-budgets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bomb = deflated("0.eml", &vec![0u8; 64 * MB]);
    let aliases: Vec<(String, usize)> = (1..1000).map(|i| (format!("{i}.eml"), 0)).collect();
    std::fs::write(dir.join("a-bomb.zip"), zip_of(&[bomb], &aliases)).expect("write");
    std::fs::write(dir.join("b-deep.zip"), nested_stored(10_000, &zip_of(&[stored("deep.eml", MESSAGE)], &[])))
        .expect("write");
    std::fs::write(dir.join("c-good.eml"), MESSAGE).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dkimcheck"))
        .args(["--json", "--no-bundled-keys"])
        .arg(&dir)
        .output()
        .expect("run");
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0]["error"]["text"].as_str().unwrap_or("").contains("limit zip_inflated_bytes"));
    assert!(lines[1]["error"]["text"].as_str().unwrap_or("").contains("limit zip_nesting"));
    assert_eq!((lines[2]["error"].is_null(), &lines[2]["verdict"]), (true, &serde_json::json!("none")));
    assert_eq!(out.status.code(), Some(2), "unreadable input is exit status 2");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_member_claiming_far_more_than_its_data_can_give_reserves_only_what_it_can() {
    // 60 MiB claimed for a 40-byte deflate stream (the budget of a tiny zip allows 64 MiB): the
    // reader once reserved the claimed size up front; now, as the page's inflater, no more than
    // deflate can inflate the data to (src/message/inflate.rs, output_room).
    let mut member = deflated("claims.eml", MESSAGE);
    member.size = 60 * MB as u64;
    let (items, peak) = expand(zip_of(&[member], &[]), MAX_MESSAGE_BYTES);
    assert_eq!(items, vec![("t.zip!claims.eml".into(), Ok(MESSAGE.len()))]);
    assert!(peak < MB, "peak {peak} bytes for a member of {} bytes", MESSAGE.len());
    println!("a {}-byte member claiming 60 MiB: peak {peak} bytes (was 62,967,297: the claim reserved)", MESSAGE.len());
}

#[test]
fn names_climbing_out_are_labels_70_000_members_in_zip64_are_read_and_a_cut_zip_says_so() {
    // Member names are only labels (nothing is written anywhere): read as given.
    let zip = zip_of(&[stored("../../x.eml", MESSAGE), deflated("/abs.eml", MESSAGE)], &[]);
    let (items, _) = expand(zip.clone(), MAX_MESSAGE_BYTES);
    assert_eq!(
        items,
        vec![("t.zip!../../x.eml".into(), Ok(MESSAGE.len())), ("t.zip!/abs.eml".into(), Ok(MESSAGE.len()))]
    );
    // Cut anywhere past its first 4 bytes (shorter, it is not sniffed as a zip), a zip loses
    // its end record.
    for cut in (4..zip.len()).step_by(7) {
        let (items, _) = expand(zip[..cut].to_vec(), MAX_MESSAGE_BYTES);
        assert_eq!(
            items,
            vec![("t.zip".into(), Err("not a readable zip file (no end-of-archive record)".into()))],
            "cut at {cut}"
        );
    }
    // More members than a plain end record can count: the zip crate's writer writes ZIP64.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..70_000 {
        w.start_file(format!("m/{i}.eml"), zip::write::SimpleFileOptions::default()).expect("start");
        w.write_all(MESSAGE).expect("write");
    }
    let zip = w.finish().expect("finish").into_inner();
    assert!(zip.windows(4).rev().take(200).any(|w| w == b"PK\x06\x06"), "a ZIP64 end record");
    let (items, _) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(items.len(), 70_000);
    assert!(items.iter().all(|(_, r)| *r == Ok(MESSAGE.len())));
    assert_eq!(items[69_999].0, "t.zip!m/69999.eml");
}

/// Sets the compressed size the headers (local and central) of member `name` give.
fn set_compressed_size(zip: &mut [u8], name: &str, compressed: u32) {
    for sig in [0x0403_4b50u32, 0x0201_4b50] {
        let (field, name_at) = if sig == 0x0403_4b50 { (18, 30) } else { (20, 46) };
        let at = (0..zip.len() - name_at)
            .find(|&i| zip[i..].starts_with(&sig.to_le_bytes()) && zip[i + name_at..].starts_with(name.as_bytes()))
            .expect("the member's header");
        zip[at + field..at + field + 4].copy_from_slice(&compressed.to_le_bytes());
    }
}

#[test]
fn members_whose_sizes_cannot_be_true_are_refused_as_the_page_refuses_them() {
    // Deflated data far larger than the size it says it inflates to (deflate never grows data by
    // more than 1/64 plus 64 KiB: here 70,000 bytes after the end of the stream), stored data
    // larger than its size, and data running past the end of the file: the page's errors
    // (src/message/zip_member.rs, as www/js/input/zip.js), before anything is inflated.
    let mut padded = deflated("padded.eml", MESSAGE);
    padded.data.extend(vec![0u8; 70_000]);
    let mut larger = stored("larger.eml", MESSAGE);
    larger.size = 10;
    let mut lying = deflated("lying.eml", MESSAGE);
    lying.size = 10;
    let zip = zip_of(&[padded, larger, lying, stored("next.eml", MESSAGE)], &[]);
    let (items, peak) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(
        items,
        vec![
            ("t.zip!padded.eml".into(), Err("Broken zip member (its compressed size does not fit its size).".into())),
            (
                "t.zip!larger.eml".into(),
                Err("This zip member is larger than the 10 bytes its header says; it was skipped.".into())
            ),
            (
                "t.zip!lying.eml".into(),
                Err("This zip member inflates to more than the 10 bytes its header says; it was skipped.".into())
            ),
            ("t.zip!next.eml".into(), Ok(MESSAGE.len())),
        ]
    );
    assert!(peak < MB, "peak {peak}");
    // At the limit, still plausible (the bytes after the end of the stream are ignored); one
    // byte more, not.
    let limit = zip_member::max_deflated_size(MESSAGE.len() as u64) as usize;
    for (extra, read) in [(0, true), (1, false)] {
        let mut edge = deflated("edge.eml", MESSAGE);
        edge.data.resize(limit + extra, 0);
        assert_eq!(
            expand(zip_of(&[edge], &[]), MAX_MESSAGE_BYTES).0[0].1.is_ok(),
            read,
            "{extra} byte(s) past the limit"
        );
    }

    // The last member's data said to run past the end of the file.
    let mut zip = zip_of(&[stored("a.eml", MESSAGE), deflated("cut.eml", MESSAGE)], &[]);
    let len = zip.len() as u32;
    set_compressed_size(&mut zip, "cut.eml", len);
    let (items, _) = expand(zip, MAX_MESSAGE_BYTES);
    assert_eq!(
        items,
        vec![
            ("t.zip!a.eml".into(), Ok(MESSAGE.len())),
            ("t.zip!cut.eml".into(), Err("Broken zip member (its data runs past the end of the file).".into())),
        ]
    );
}

/// The RFC 8463 example message (signed with ed25519, its key in the bundled archive).
fn rfc8463() -> Vec<u8> {
    std::fs::read(format!("{}/tests/vectors/mimekit/messages/rfc8463-example.msg", env!("CARGO_MANIFEST_DIR")))
        .expect("the RFC 8463 vector")
}

/// A zip of the RFC 8463 message three times, two of them damaged after the zip was made: one
/// byte flipped in a stored copy (in its body) and one in a deflated copy (the first, from the
/// middle of its data on, whose flip leaves deflate that inflates to as many bytes, other ones
/// in the body).
/// tests/e2e/hostile.test.mjs builds the same zip for the page.
fn damaged_zip() -> Vec<u8> {
    use dkimcheck::message::inflate::inflate_raw;
    let text = rfc8463();
    let mut damaged_stored = stored("damaged-stored.eml", &text);
    let body = text.windows(6).position(|w| w == b"hungry").expect("the word hungry");
    damaged_stored.data[body] ^= 1;
    let head = text.windows(2).position(|w| w == b"\n\n").expect("a header (LF line ends)") + 2;
    let mut damaged_deflated = deflated("damaged-deflated.eml", &text);
    let data = &mut damaged_deflated.data;
    let at = (data.len() / 2..data.len())
        .find(|&i| {
            let mut d = data.clone();
            d[i] ^= 1;
            inflate_raw(&d, text.len())
                .is_ok_and(|out| out.len() == text.len() && out != text && out[..head] == text[..head])
        })
        .expect("a byte to flip");
    data[at] ^= 1;
    zip_of(&[stored("intact.eml", &text), damaged_stored, damaged_deflated], &[])
}

#[test]
fn a_damaged_member_is_said_to_be_damaged_as_the_page_says_it() {
    let path = std::env::temp_dir().join(format!("dkimcheck-damaged-{}.zip", std::process::id()));
    std::fs::write(&path, damaged_zip()).expect("write");
    let run = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dkimcheck"))
            .args(["--json", "--lang", lang])
            .arg(&path)
            .output()
            .expect("run");
        let lines: Vec<serde_json::Value> =
            String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
        (out.status.code(), lines)
    };
    let (status, lines) = run("en");
    let name = path.to_str().expect("a UTF-8 path");
    let sources: Vec<String> = lines.iter().map(|l| l["source"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(
        sources,
        ["intact.eml", "damaged-stored.eml", "damaged-deflated.eml"].map(|m| format!("{name}!{m}")).to_vec()
    );
    assert_eq!((&lines[0]["verdict"], lines[0]["error"].is_null()), (&serde_json::json!("pass"), true));
    for line in &lines[1..] {
        assert_eq!(line["error"]["id"], "input-zip-member-damaged", "{line}");
        assert_eq!(
            line["error"]["text"],
            "Damaged zip member (its contents do not match the CRC-32 checksum the archive records for them): this \
             copy of the archive is damaged, so it was not checked. The damage says nothing about the original \
             message; check it in an intact copy of the archive.",
        );
        assert_eq!(line["verdict"], "none", "never a failed signature");
    }
    assert_eq!(status, Some(2), "unreadable input is exit status 2");
    let (_, lines) = run("fr");
    assert!(
        lines[2]["error"]["text"]
            .as_str()
            .unwrap_or("")
            .starts_with("Élément de zip endommagé (son contenu ne correspond pas"),
        "{}",
        lines[2]
    );
    let _ = std::fs::remove_file(&path);
}
