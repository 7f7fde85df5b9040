// zip.test.mjs — the page's zip reader and mbox splitter, run directly in node
// (they only use Blob, DecompressionStream and Response, which node has too).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listZip, readZipMember, isJunkPath } from '../../www/js/input/zip.js';
import { windowedReader } from '../../www/js/input/blob-reader.js';
import { splitMbox } from '../../www/js/input/mbox.js';
import { expandFiles, readTask } from '../../www/js/input/sources.js';
import { makeZip } from './helpers.mjs';

const files = [
  { name: 'a/', data: Buffer.alloc(0) },
  { name: 'a/one.eml', data: Buffer.from('Subject: one\r\n\r\nbody one\r\n') },
  { name: 'a/two.eml', data: Buffer.from('Subject: two\r\n\r\n' + 'x'.repeat(100000)) },
  { name: '__MACOSX/a/._one.eml', data: Buffer.from('junk') },
  { name: 'a/.DS_Store', data: Buffer.from('junk') },
];

for (const mode of [{}, { deflate: true }, { zip64: true }, { zip64: true, deflate: true }]) {
  test(`zip reader: ${JSON.stringify(mode)}`, async () => {
    const blob = new Blob([await makeZip(files, mode)]);
    const entries = await listZip(blob);
    assert.deepEqual(entries.map((e) => e.name), ['a/one.eml', 'a/two.eml']);
    const two = Buffer.from(await readZipMember(blob, entries[1]));
    assert.ok(two.equals(files[2].data));
  });
}

test('junk paths', () => {
  assert.ok(isJunkPath('x/'));
  assert.ok(isJunkPath('__MACOSX/x/._y.eml'));
  assert.ok(!isJunkPath('x/y.eml'));
});

test('nested zips and sources', async () => {
  const inner = await makeZip([{ name: 'in.eml', data: Buffer.from('Subject: in\r\n\r\nx\r\n') }], { deflate: true });
  const outer = await makeZip([{ name: 'd/inner.zip', data: inner }, { name: 'top.eml', data: Buffer.from('Subject: top\r\n\r\ny\r\n') }]);
  const tasks = await expandFiles([new File([outer], 'leak.zip')]);
  assert.deepEqual(tasks.map((t) => t.source), ['leak.zip!d/inner.zip!in.eml', 'leak.zip!top.eml']);
  assert.equal(Buffer.from(await readTask(tasks[0])).toString(), 'Subject: in\r\n\r\nx\r\n');
});

test('mbox splitting', async () => {
  const text = 'From a@b Mon Jan  1 00:00:00 2024\nSubject: 1\n\nfirst line\nFrom the start\n>From quoted\n\nFrom c@d Mon Jan  1 00:00:00 2024\nSubject: 2\n\nbody\n';
  const blob = new Blob([text]);
  const ranges = await splitMbox(blob);
  const parts = await Promise.all(ranges.map(async (r) => Buffer.from(await blob.slice(r.start, r.end).arrayBuffer()).toString()));
  // As in src/mbox.rs: only a "From " line after an empty line separates messages, and
  // that empty line belongs to the mbox, not to the message before it.
  assert.equal(parts.length, 2);
  assert.equal(parts[0], 'Subject: 1\n\nfirst line\nFrom the start\n>From quoted\n');
  assert.equal(parts[1], 'Subject: 2\n\nbody\n');
});

test('mbox splitting: the empty line that ends the file is the mbox\'s', async () => {
  const split = async (text) => {
    const blob = new Blob([text]);
    const ranges = await splitMbox(blob);
    return Promise.all(ranges.map(async (r) => Buffer.from(await blob.slice(r.start, r.end).arrayBuffer()).toString()));
  };
  const msg = 'From: a@b\r\n\r\nbody\r\n';
  // As src/message/mbox.rs: left in, that LF would change a CRLF message's body.
  for (const blank of ['\n', '\r\n']) assert.deepEqual(await split(`From x Mon Jan  1 00:00:00 2024\n${msg}${blank}`), [msg]);
  assert.deepEqual(await split(`From x Mon Jan  1 00:00:00 2024\n${msg}`), [msg]);
  assert.deepEqual(await split('From x Mon Jan  1 00:00:00 2024\nFrom: a@b\n\nbody\n\n\n'), ['From: a@b\n\nbody\n\n']);
  assert.deepEqual(await split('From x Mon Jan  1 00:00:00 2024\nFrom: a@b\n\ny'), ['From: a@b\n\ny']);
});

test('a corrupt deflated member is an error, not a hang', async () => {
  const zip = await makeZip([{ name: 'x.eml', data: Buffer.from('Subject: x\r\n\r\n' + 'y'.repeat(5000)) }], { deflate: true });
  const entries = await listZip(new Blob([zip]));
  // Overwrite the deflate data with garbage.
  const start = 30 + 'x.eml'.length;
  for (let i = start; i < start + entries[0].compressedSize; i++) zip[i] = 0xff;
  // Inflated with DecompressionStream (no wasm inflater set), whose own words are in no catalog.
  await assert.rejects(readZipMember(new Blob([zip]), entries[0]), (e) => /^Broken zip member \(its compressed data cannot be inflated\)\.$/.test(words(e)));
});

test('not a zip', async () => {
  await assert.rejects(listZip(new Blob(['hello'])), (e) => /not a readable zip/.test(words(e)));
});

test('the windowed reader returns the same bytes as direct reads', async () => {
  const data = Buffer.alloc(10000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 8)) & 0xff;
  const blob = new Blob([data]);
  const read = windowedReader(1000);
  // In order, across windows, with a big read and a jump back.
  const ranges = [[0, 10], [5, 900], [990, 30], [1500, 600], [2100, 2500], [100, 50], [9990, 10], [4000, 1]];
  for (const [o, l] of ranges) {
    const got = Buffer.from(await read(blob, o, l, 'k'));
    assert.ok(got.equals(data.subarray(o, o + l)), `${o}+${l}`);
  }
});

// --- budgets against hostile zips (common/budgets.js, the core's src/budget.rs values) ---------

import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { inflateRaw } from '../../www/js/input/zip.js';
import * as budgets from '../../www/js/common/budgets.js';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST } from './helpers.mjs';
import { randomBytes } from 'node:crypto';

// Errors are messages {id, args}: worded here in English by the page's own translator (dist/).
const { Translator } = await import(pathToFileURL(join(DIST, 'js/common/i18n.js')).href);
const en = new Translator('en');
const words = (x) => en.phrase(x?.phrase || x);

test('the page\'s budgets are the core\'s', () => {
  const rust = readFileSync(new URL('../../src/budget.rs', import.meta.url), 'utf8');
  const value = (name) => {
    const m = rust.match(new RegExp(`pub const ${name}: \\w+ = ([^;]+);`));
    assert.ok(m, name);
    return Function(`return ${m[1].replace(/_/g, '')}`)();
  };
  for (const name of ['MAX_MESSAGE_BYTES', 'MAX_ZIP_MEMBERS', 'MAX_ZIP_NESTING', 'MAX_ZIP_INFLATION_RATIO', 'ZIP_INFLATION_ALLOWANCE']) {
    assert.equal(budgets[name], value(name), name);
  }
  assert.equal(words(budgets.exceeded('zip_nesting', 8)), 'more than the 8 levels of zips inside zips allowed (limit zip_nesting)');
  assert.match(words(budgets.tooLarge(300 * 1024 * 1024, 256 * 1024 * 1024)), /^314,572,800 bytes in a message: more than the 268,435,456 allowed \(limit message_size\)\. To check it, raise "Largest message" under Limits/);
});

test('a member never inflates past its header', async () => {
  const data = zlib.deflateRawSync(Buffer.alloc(8 * 1024 * 1024));
  await assert.rejects(inflateRaw(data, 1000), (e) => /more than the 1,000 bytes its header says/.test(words(e)));
  assert.equal((await inflateRaw(data, 8 * 1024 * 1024)).length, 8 * 1024 * 1024);
});

test('overlapping members, too many members and inflation beyond the budget end the file', async () => {
  const zip = await makeZip([{ name: 'a.eml', data: Buffer.from('Subject: a\r\n\r\nx\r\n') }]);
  // A second directory entry for the same data.
  const cdStart = zip.readUInt32LE(zip.length - 6);
  const cd = zip.subarray(cdStart, zip.length - 22);
  const twice = Buffer.concat([zip.subarray(0, zip.length - 22), cd, zip.subarray(zip.length - 22)]);
  twice.writeUInt16LE(2, twice.length - 14); twice.writeUInt16LE(2, twice.length - 12);
  twice.writeUInt32LE(cd.length * 2, twice.length - 10);
  await assert.rejects(listZip(new Blob([twice])), (e) => e instanceof budgets.BudgetError && /overlaps another/.test(words(e)));
  await assert.rejects(listZip(new Blob([zip]), { membersLeft: 0 }), (e) => /limit zip_members/.test(words(e)));
  // Members whose headers add up to more than 100 times the file plus 64 MiB.
  const big = await makeZip([{ name: 'big.eml', data: Buffer.alloc(80 * 1024 * 1024) }], { deflate: true });
  const tasks = await expandFiles([new File([big], 'big.zip'), new File(['Subject: next\r\n\r\nx\r\n'], 'next.eml')]);
  assert.deepEqual(tasks.map((t) => t.source), ['big.zip', 'next.eml']);
  assert.match(words(tasks[0].error), /limit zip_inflated_bytes/);
});

test('messages over the size budget are error tasks, with how to raise it', async () => {
  budgets.setMaxMessageMB(1);
  try {
    const tasks = await expandFiles([new File([Buffer.alloc(2 * 1024 * 1024, 0x41)], 'huge.eml')]);
    assert.match(words(tasks[0].error), /limit message_size.*Largest message/);
  } finally {
    budgets.setMaxMessageMB(null);
  }
});

test('the workers\' inflater (wasm) gives the same bytes and refuses the same members', async () => {
  const { default: init, inflate_raw } = await import(pathToFileURL(join(DIST, 'pkg/dkimcheck.js')).href);
  await init({ module_or_path: readFileSync(join(DIST, 'pkg/dkimcheck_bg.wasm')) });
  const { setInflater } = await import('../../www/js/input/zip.js');
  setInflater(inflate_raw);
  try {
    const text = Buffer.from('Subject: a\r\n\r\n' + 'body line\r\n'.repeat(1000));
    const data = zlib.deflateRawSync(text);
    assert.deepEqual(Buffer.from(await inflateRaw(data, text.length)), text);
    assert.equal((await inflateRaw(zlib.deflateRawSync(Buffer.alloc(0)), 0)).length, 0);
    const big = zlib.deflateRawSync(Buffer.alloc(8 * 1024 * 1024));
    await assert.rejects(inflateRaw(big, 1000), (e) => /more than the 1,000 bytes its header says/.test(words(e)));
    await assert.rejects(inflateRaw(data, text.length - 1), (e) => /more than the/.test(words(e)));
    assert.equal((await inflateRaw(big, 8 * 1024 * 1024)).length, 8 * 1024 * 1024);
    await assert.rejects(inflateRaw(Buffer.from([0xff, 0xff, 0xff, 0xff]), 1000), (e) => /cannot be inflated/.test(words(e)));
    // The edges: a header claiming more than the data gives (a little, or far more than deflate
    // can inflate to), data cut short, bytes after the end, nothing at all, stored blocks.
    assert.deepEqual(Buffer.from(await inflateRaw(data, text.length + 1)), text);
    assert.deepEqual(Buffer.from(await inflateRaw(data, 1e9)), text);
    assert.equal((await inflateRaw(big, 1e12)).length, 8 * 1024 * 1024);
    const dense = zlib.deflateRawSync(Buffer.alloc(1 << 20), { level: 9 });
    assert.equal((await inflateRaw(dense, 1 << 20)).length, 1 << 20);
    await assert.rejects(inflateRaw(dense, (1 << 20) - 1), (e) => /more than the/.test(words(e)));
    await assert.rejects(inflateRaw(data.subarray(0, data.length - 1), text.length), (e) => /cannot be inflated/.test(words(e)));
    await assert.rejects(inflateRaw(data.subarray(0, data.length >> 1), text.length), (e) => /cannot be inflated/.test(words(e)));
    assert.deepEqual(Buffer.from(await inflateRaw(Buffer.concat([data, Buffer.from('trailing')]), text.length)), text);
    await assert.rejects(inflateRaw(Buffer.alloc(0), 1000), (e) => /cannot be inflated/.test(words(e)));
    const stored = zlib.deflateRawSync(text, { level: 0 });
    assert.deepEqual(Buffer.from(await inflateRaw(stored, text.length)), text);
    await assert.rejects(inflateRaw(stored, text.length - 1), (e) => /more than the/.test(words(e)));
  } finally {
    setInflater(null);
  }
});

test('hostile directories: names with ../ or /, ZIP64 records cut short or past the end, truncated zips', async () => {
  const msg = Buffer.from('From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n');
  // Names are labels only (nothing is written anywhere): read as given, like the CLI.
  const named = await makeZip([{ name: '../../x.eml', data: msg }, { name: '/abs.eml', data: msg }], { deflate: true });
  const tasks = await expandFiles([new File([named], 't.zip')]);
  assert.deepEqual(tasks.map((t) => t.source), ['t.zip!../../x.eml', 't.zip!/abs.eml']);
  for (const t of tasks) assert.deepEqual(Buffer.from(await readTask(t)), msg);
  // A ZIP64 locator pointing past the end of the file; a ZIP64 extra field shorter than the
  // values it must hold. Both once failed with the engine's "Offset is outside the bounds of
  // the DataView", in no catalog.
  const zip64 = await makeZip([{ name: 'a.eml', data: msg }], { zip64: true });
  const pastEnd = Buffer.from(zip64);
  pastEnd.writeBigUInt64LE(BigInt(zip64.length + 1000), zip64.length - 22 - 20 + 8);
  await assert.rejects(listZip(new Blob([pastEnd])), (e) => words(e) === 'Broken ZIP64 end-of-archive record.');
  const shortExtra = Buffer.from(zip64);
  const cdStart = Number(zip64.readBigUInt64LE(zip64.length - 22 - 20 - 56 + 48));
  shortExtra.writeUInt16LE(8, cdStart + 46 + 'a.eml'.length + 2); // holds one value of the three
  await assert.rejects(listZip(new Blob([shortExtra])), (e) => words(e) === 'Broken zip central directory.');
  // Cut anywhere, a zip loses its end record: the same words at every length.
  for (const zip of [named, zip64]) {
    for (let cut = 0; cut < zip.length; cut += 7) {
      const found = await expandFiles([new File([zip.subarray(0, cut)], 'cut.zip')]);
      assert.equal(found.length, 1);
      assert.equal(words(found[0].error), 'This is not a readable zip file (no end-of-archive record found).', `cut at ${cut}`);
    }
  }
});

test('a ZIP64 zip of 70,000 members (more than a plain end record can count) is read whole', async () => {
  const many = Array.from({ length: 70000 }, (_, i) => ({ name: `m/${i}.eml`, data: Buffer.from(`Subject: ${i}\r\n\r\nx\r\n`) }));
  const zip = await makeZip(many, { zip64: true });
  const tasks = await expandFiles([new File([zip], 'many.zip')]);
  assert.equal(tasks.length, 70000);
  assert.equal(tasks.filter((t) => t.error).length, 0);
  assert.equal(tasks[69999].source, 'many.zip!m/69999.eml');
  assert.equal(Buffer.from(await readTask(tasks[69999])).toString(), 'Subject: 69999\r\n\r\nx\r\n');
});

test('without the wasm inflater (DecompressionStream), a member stops at the size its header gives', async () => {
  // Data of several input pieces (random bytes barely compress), inflated to exactly its size,
  // and refused one byte under it; a member whose header says less than it inflates to.
  const random = randomBytes(100000);
  const data = zlib.deflateRawSync(random);
  assert.ok(data.length > 3 * 16 * 1024, `${data.length} bytes: several pieces`);
  assert.deepEqual(Buffer.from(await inflateRaw(data, random.length)), random);
  await assert.rejects(inflateRaw(data, random.length - 1),
    (e) => e.phrase?.id === 'input-zip-member-inflates-more' && words(e) === `This zip member inflates to more than the 99,999 bytes its header says; it was skipped.`);
  await assert.rejects(inflateRaw(zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024)), 1000), (e) => e.phrase?.id === 'input-zip-member-inflates-more');
  const zip = await makeZip([{ name: 'liar.eml', data: Buffer.alloc(300000, 0x41) }, { name: 'next.eml', data: Buffer.from('Subject: n\r\n\r\nx\r\n') }], { deflate: true });
  const cdStart = zip.readUInt32LE(zip.length - 6);
  zip.writeUInt32LE(1000, cdStart + 24); // the central directory's size of liar.eml
  const entries = await listZip(new Blob([zip]));
  await assert.rejects(readZipMember(new Blob([zip]), entries[0]),
    (e) => e.phrase?.id === 'input-zip-member-inflates-more' && /more than the 1,000 bytes its header says/.test(words(e)));
  assert.equal(Buffer.from(await readZipMember(new Blob([zip]), entries[1])).toString(), 'Subject: n\r\n\r\nx\r\n');
});

test('the page refuses the members whose sizes cannot be true as the core does (src/message/zip_member.rs)', async () => {
  const { checkSizes } = await import('../../www/js/input/zip.js');
  // The boundaries of the core's test (zip_member.rs, sizes_that_cannot_be_true_are_refused).
  const cases = [
    [8, 65536, 0, null], [8, 65537, 0, 'input-zip-member-size-mismatch'],
    [8, 6400 + 100 + 65536, 6400, null], [8, 6400 + 100 + 65537, 6400, 'input-zip-member-size-mismatch'],
    [0, 10, 10, null], [0, 11, 10, 'input-zip-member-larger'],
  ];
  for (const [method, compressedSize, size, id] of cases) {
    let got = null;
    try { checkSizes({ method, compressedSize, size }); } catch (e) { got = e.phrase.id; }
    assert.equal(got, id, JSON.stringify({ method, compressedSize, size }));
  }
  const rust = readFileSync(new URL('../../src/message/zip_member.rs', import.meta.url), 'utf8');
  assert.match(rust, /size\.saturating_add\(size \/ 64\)\.saturating_add\(65_536\)/, 'the rule checkSizes repeats');
});

test('a member whose bytes do not match its CRC-32 is damaged (isDamaged: the core\'s CRC-32, as the CLI checks it)', async () => {
  const { default: init, inflate_raw, crc32 } = await import(pathToFileURL(join(DIST, 'pkg/dkimcheck.js')).href);
  await init({ module_or_path: readFileSync(join(DIST, 'pkg/dkimcheck_bg.wasm')) });
  const { setInflater, isDamaged } = await import('../../www/js/input/zip.js');
  const text = Buffer.from('Subject: a\r\n\r\n' + 'body line\r\n'.repeat(1000));
  const damage = (zip, name) => {
    // A byte of the member's data flipped, after the zip was made (its CRC-32 kept).
    const at = zip.indexOf(Buffer.from(name)) + name.length + 20;
    zip[at] ^= 0x20;
    return zip;
  };
  const zips = {
    stored: await makeZip([{ name: 's.eml', data: text }]),
    deflated: await makeZip([{ name: 'd.eml', data: text }], { deflate: true }),
    damagedStored: damage(await makeZip([{ name: 's.eml', data: text }]), 's.eml'),
    // Deflate's stored blocks (level 0): a flipped byte leaves deflate, other bytes.
    damagedDeflated: damage(await makeZip([{ name: 'd.eml', data: text, level: 0 }], { deflate: true }), 'd.eml'),
  };
  const check = async (zip) => {
    const [entry] = await listZip(new Blob([zip]));
    const bytes = await readZipMember(new Blob([zip]), entry);
    assert.equal(bytes.length, text.length);
    return isDamaged(entry, bytes);
  };
  for (const [inflate, where] of [[inflate_raw, 'the wasm inflater'], [null, 'DecompressionStream']]) {
    setInflater(inflate, crc32);
    try {
      const found = {};
      for (const [name, zip] of Object.entries(zips)) found[name] = await check(zip);
      assert.deepEqual(found, { stored: false, deflated: false, damagedStored: true, damagedDeflated: true }, where);
    } finally {
      setInflater(null);
    }
  }
  // Without a CRC-32 function (the main thread, which reads only nested archives), not checked.
  assert.equal(await check(zips.damagedStored), false);
});
