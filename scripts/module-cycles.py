#!/usr/bin/env python3
"""module-cycles.py — circles between modules in cargo-modules' dependency graph.

    cargo install cargo-modules --version 0.27.0 --locked
    cargo modules dependencies --lib --no-externs --no-fns --no-sysroot --no-traits \
        --no-types --no-owns > /tmp/modules.dot
    python3 scripts/module-cycles.py /tmp/modules.dot

cargo-modules' own --acyclic flag reports circles between items (a type and its methods), which
every crate has; this reads only the "uses" edges between modules and prints each strongly
connected set of two or more modules (Tarjan's algorithm). Exit status 1 when there is one.
"""
import re
import sys

edges = {}
for line in open(sys.argv[1]):
    m = re.match(r'\s*"([^"]+)" -> "([^"]+)" \[label="uses"', line)
    if m:
        edges.setdefault(m.group(1), set()).add(m.group(2))

sys.setrecursionlimit(100000)
index, low, stack, on_stack, cycles, counter = {}, {}, [], set(), [], [0]


def connect(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on_stack.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            connect(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            cycles.append(sorted(component))


for v in sorted(set(edges) | {w for ws in edges.values() for w in ws}):
    if v not in index:
        connect(v)
for c in cycles:
    print("circle:", " <-> ".join(c))
print(f"{len(cycles)} circle(s) between modules")
sys.exit(1 if cycles else 0)
