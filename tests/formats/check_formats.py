"""The CLI's --format csv and --format ar read back with independent parsers: Python's csv
module (RFC 4180) and authres (an RFC 8601 Authentication-Results parser, from PyPI).

Usage: python check_formats.py DKIMCHECK_BINARY REPO_DIR
Run by scripts/test-formats.sh, which makes a virtualenv with authres.
"""

import csv
import io
import subprocess
import sys

import authres

binary, repo = sys.argv[1], sys.argv[2]
vectors = repo + "/tests/vectors/"
# A pass, a changed body, a key anyone can sign with, unsigned, DomainKeys, ARC, several signatures.
messages = [
    "mimekit/messages/gmail.msg",
    "mimekit/messages/gmail-fail-body.msg",
    "mimekit/messages/rfc8463-example.msg",
]
extra = subprocess.run(
    ["bash", "-c", f"ls {vectors}*/*/*.eml {vectors}*/*.eml {vectors}*/*/*.msg {vectors}*/*.txt 2>/dev/null | head -60"],
    capture_output=True, text=True, check=False,
).stdout.split()
paths = [vectors + m for m in messages] + extra

def run(fmt):
    out = subprocess.run([binary, "--format", fmt, *paths], capture_output=True, check=False)
    assert out.returncode in (0, 1, 2), out.stderr
    # utf-8-sig: the CSV starts with a byte-order mark, for spreadsheets.
    return out.stdout.decode("utf-8-sig")

json_lines = [l for l in run("json").splitlines() if l]
count = len(json_lines)
assert count >= 3, count

# CSV: a header row and one row per message, every row as wide as the header.
rows = list(csv.reader(io.StringIO(run("csv"), newline="")))
header = rows[0]
assert header[:3] == ["source", "outcome", "assessment"], header
for column in ["signing_domains", "aligned", "key_origin", "key_flags", "warnings", "repairs", "sha256"]:
    assert column in header, column
assert len(rows) == count + 1, (len(rows), count)
assert all(len(r) == len(header) for r in rows), [len(r) for r in rows]
by_source = {r[0]: dict(zip(header, r)) for r in rows[1:]}
assert by_source[vectors + messages[0]]["assessment"] == "verified"
assert by_source[vectors + messages[1]]["assessment"] == "failed"
assert by_source[vectors + messages[2]]["assessment"] == "proves_nothing"
assert "compromised" in by_source[vectors + messages[2]]["key_flags"]

# ar: one Authentication-Results field per message, each parsed by authres.
fields = [l for l in run("ar").splitlines() if l]
assert len(fields) == count, (len(fields), count)
methods_seen = set()
for field in fields:
    parsed = authres.AuthenticationResultsHeader.parse(field)
    assert parsed.authserv_id == "dkimcheck", field
    assert parsed.results, field
    for result in parsed.results:
        methods_seen.add(result.method)
        assert result.result in ("pass", "fail", "neutral", "policy", "temperror", "permerror", "none"), field
first = authres.AuthenticationResultsHeader.parse(fields[0])
dkim = [r for r in first.results if r.method == "dkim"][0]
assert dkim.result == "pass"
props = {(p.type, p.name): p.value for p in dkim.properties}
assert props[("header", "d")] == "gmail.com", props
assert len(props[("header", "b")]) == 8, props
second = [r for r in authres.AuthenticationResultsHeader.parse(fields[1]).results if r.method == "dkim"][0]
assert second.result == "fail" and second.reason, second
assert "dkim" in methods_seen and "arc" in methods_seen, methods_seen
print(f"csv: {count} rows of {len(header)} columns; ar: {len(fields)} fields ({', '.join(sorted(methods_seen))}) parsed by authres {authres.__version__ if hasattr(authres, '__version__') else ''}")
