#!/usr/bin/env bash
# Whole-process speed of the dkimcheck CLI, and the same corpora through Stalwart mail-auth.
#
#   bash scripts/bench-cli.sh [--seed N] [--runs 7] [--dir DIR] [--json] [--no-mail-auth]
#   DKIM=path/to/dkimcheck bash scripts/bench-cli.sh ...   (that binary, not built: for A/B runs)
#
# 1. Builds the CLI (release) and generates, from the seed, a leak-like corpus of 2,000 messages
#    (~226 MB, 10% with attachments, ~2,200 signatures) and its twin without attachments
#    (~23.5 MB) as .eml files plus keys.zone (benches/leak/, via the throughput bench binary),
#    into target/leak-corpus unless --dir. Regenerated only when the seed changes.
# 2. Builds benches/compare-mail-auth (mail-auth 0.13 with aws-lc; its own Cargo.lock; target
#    dir target/compare-mail-auth). It reads the files itself; the keys are put in its
#    resolver's cache first, so no DNS is used.
# 3. For each corpus, RUNS rounds, alternating: dkimcheck on one core (taskset -c 1), mail-auth
#    on one core, dkimcheck on all cores. Whole-process CPU time (user+sys, from wait4's rusage,
#    microseconds) and elapsed time; output to /dev/null. Prints medians, spread (min-max), messages/s, MB/s and
#    the ratio dkimcheck speed / mail-auth speed (from the medians, and the median of the
#    per-round ratios).
#
# Single-core speed is from CPU time (robust on a shared machine); all-core speed is from
# elapsed time, compared with single-core mail-auth's CPU-time speed. Not a test: it asserts no
# timing. On a busy machine the spread says how much to trust a figure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SEED=13
RUNS=7
DIR=$ROOT/target/leak-corpus
JSON=0
MAIL_AUTH=1
MESSAGES=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --messages) MESSAGES=$2; shift ;;
    --json) JSON=1 ;;
    --no-mail-auth) MAIL_AUTH=0 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "bench-cli.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in taskset python3; do
  command -v "$tool" >/dev/null || { echo "bench-cli.sh: needs $tool" >&2; exit 2; }
done

if [ -n "${DKIM:-}" ]; then
  echo "== dkimcheck: $DKIM (from \$DKIM, not built)"
else
  echo "== building dkimcheck (release)"
  cargo build --release --quiet
  DKIM=$ROOT/target/release/dkimcheck
fi

if [ "$(cat "$DIR/SEED" 2>/dev/null)" != "$SEED $MESSAGES" ]; then
  echo "== generating the corpora (seed $SEED) into $DIR"
  cargo bench --quiet --bench throughput -- --leak-corpus "$DIR" --seed "$SEED" --messages "$MESSAGES"
else
  echo "== corpora in $DIR (seed $SEED)"
fi

if [ "$MAIL_AUTH" = 1 ]; then
  echo "== building benches/compare-mail-auth (mail-auth 0.13, aws-lc)"
  if ! CARGO_TARGET_DIR=$ROOT/target/compare-mail-auth cargo build --release --locked --quiet \
      --manifest-path benches/compare-mail-auth/Cargo.toml; then
    echo "bench-cli.sh: mail-auth did not build (aws-lc needs a C compiler; cmake and clang may help: apt-get install -y cmake clang)" >&2
    exit 1
  fi
  MA=$ROOT/target/compare-mail-auth/release/compare-mail-auth
fi

CORES=$(nproc)
OUT_FLAGS=()
[ "$JSON" = 1 ] && OUT_FLAGS=(--json)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Runs a command with stdout to /dev/null; prints "cpu_seconds elapsed_seconds exit_status"
# (user+sys of the whole process and its threads, from wait4).
cat >"$TMP/timed.py" <<'PY'
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=open(os.environ["ERR"], "wb"))
_, status, usage = os.wait4(child.pid, 0)
elapsed = time.perf_counter() - start
print(f"{usage.ru_utime + usage.ru_stime:.4f} {elapsed:.4f} {os.waitstatus_to_exitcode(status)}")
PY

# run NAME CMD...: one timed run, appends "cpu elapsed" to $TMP/NAME.
run() {
  local name=$1; shift
  ERR=$TMP/err python3 "$TMP/timed.py" "$@" >"$TMP/t"
  local rc
  rc=$(cut -d' ' -f3 "$TMP/t")
  # dkimcheck exits 1 when a message does not pass; the check before the rounds shows that.
  if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
    echo "bench-cli.sh: $name exited $rc:" >&2; cat "$TMP/err" >&2; exit 1
  fi
  cut -d' ' -f1,2 "$TMP/t" >>"$TMP/$name"
}

# stats FILE COLUMN: "median min max"
stats() {
  awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.3f %.3f %.3f\n", m, v[1], v[NR] }'
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   dkimcheck $("$DKIM" --version | cut -d' ' -f2), output: $([ "$JSON" = 1 ] && echo 'JSON Lines' || echo 'human lines'), bundled archive + keys.zone; $RUNS rounds, medians"

SUMMARY=()
for corpus in main noattach; do
  C=$DIR/$corpus
  N=$(find "$C" -name '*.eml' | wc -l)
  BYTES=$(find "$C" -name '*.eml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
  echo
  echo "== corpus $corpus: $N messages, $MB MB"
  # Check (and warm the page cache): every message passes with both tools.
  "$DKIM" "${OUT_FLAGS[@]}" --keys "$DIR/keys.zone" "$C" >"$TMP/check" || true
  if [ "$JSON" = 1 ]; then
    echo "   dkimcheck: $(grep -c '"verdict":"pass"' "$TMP/check") of $N pass"
  else
    # The tally ("2,000 of 2,000 messages verified"), not the once-per-run lines after it.
    echo "   dkimcheck: $(grep -E '^[0-9][0-9,  ]* (of|sur) ' "$TMP/check" | tail -n 1)"
  fi
  if [ "$MAIL_AUTH" = 1 ]; then
    echo "   mail-auth: $("$MA" --keys "$DIR/keys.zone" "$C" | tail -n 1)"
  fi
  rm -f "$TMP/dk1" "$TMP/ma1" "$TMP/dkN"
  for ((r = 1; r <= RUNS; r++)); do
    run dk1 taskset -c 1 "$DKIM" "${OUT_FLAGS[@]}" --jobs 1 --keys "$DIR/keys.zone" "$C"
    [ "$MAIL_AUTH" = 1 ] && run ma1 taskset -c 1 "$MA" --keys "$DIR/keys.zone" "$C"
    run dkN "$DKIM" "${OUT_FLAGS[@]}" --keys "$DIR/keys.zone" "$C"
    printf '   round %d/%d: dkimcheck 1 core %s s CPU%s, all cores %s s elapsed\n' "$r" "$RUNS" \
      "$(tail -n 1 "$TMP/dk1" | cut -d' ' -f1)" \
      "$([ "$MAIL_AUTH" = 1 ] && echo ", mail-auth $(tail -n 1 "$TMP/ma1" | cut -d' ' -f1) s CPU")" \
      "$(tail -n 1 "$TMP/dkN" | cut -d' ' -f2)"
  done
  read -r DK1 DK1_MIN DK1_MAX < <(stats "$TMP/dk1" 1)
  read -r DKN DKN_MIN DKN_MAX < <(stats "$TMP/dkN" 2)
  read -r DKN_CPU _ _ < <(stats "$TMP/dkN" 1)
  speed() { awk -v n="$N" -v mb="$MB" -v s="$1" 'BEGIN { printf "%6.0f messages/s %6.1f MB/s", n / s, mb / s }'; }
  echo "   dkimcheck, 1 core:     $DK1 s CPU (spread $DK1_MIN-$DK1_MAX)   $(speed "$DK1")"
  echo "   dkimcheck, $CORES cores:   $DKN s elapsed (spread $DKN_MIN-$DKN_MAX; $DKN_CPU s CPU)   $(speed "$DKN")"
  if [ "$MAIL_AUTH" = 1 ]; then
    read -r MA1 MA1_MIN MA1_MAX < <(stats "$TMP/ma1" 1)
    echo "   mail-auth, 1 core:     $MA1 s CPU (spread $MA1_MIN-$MA1_MAX)   $(speed "$MA1")"
    paste -d' ' "$TMP/dk1" "$TMP/ma1" | awk '{ print $3 / $1 }' >"$TMP/pair"
    read -r PAIR PAIR_MIN PAIR_MAX < <(stats "$TMP/pair" 1)
    R1=$(awk -v a="$MA1" -v b="$DK1" 'BEGIN { printf "%.2f", a / b }')
    RN=$(awk -v a="$MA1" -v b="$DKN" 'BEGIN { printf "%.2f", a / b }')
    echo "   ratio dkimcheck speed / mail-auth speed, 1 core: $R1 (per-round ratios: median $PAIR, $PAIR_MIN-$PAIR_MAX)"
    echo "   ratio dkimcheck on $CORES cores / mail-auth on 1 core: $RN"
    SUMMARY+=("$(printf '| %-8s | %6.1f | %5s | %5s | %4s | %5s | %4s |' "$corpus" "$MB" "$DK1" "$MA1" "$R1" "$DKN" "$RN")")
  else
    SUMMARY+=("$(printf '| %-8s | %6.1f | %5s | - | - | %5s | - |' "$corpus" "$MB" "$DK1" "$DKN")")
  fi
done
echo
echo "| corpus | MB | dkimcheck 1 core, CPU s | mail-auth 1 core, CPU s | ratio 1 core | dkimcheck $CORES cores, elapsed s | ratio $CORES cores / mail-auth 1 core |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${SUMMARY[@]}"
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
