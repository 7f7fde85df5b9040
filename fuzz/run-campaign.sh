#!/usr/bin/env bash
# run-campaign.sh — a fuzzing campaign: every target (or those named) for SECONDS each, then the
# executions per target.
#
#   bash fuzz/run-campaign.sh [SECONDS] [TARGET[:SECONDS]...]   SECONDS defaults to 600
#   SANITIZER=none bash fuzz/run-campaign.sh ...         no AddressSanitizer (default: address)
#   RUNS=10000000 bash fuzz/run-campaign.sh ...          stop a target at this many executions
#   PARALLEL=2 bash fuzz/run-campaign.sh ...             run this many targets at once (default 1)
#   DEADLINE=18:40 bash fuzz/run-campaign.sh ...         no target runs past this time (`date -d`;
#                                                        a time already past today is tomorrow's)
#   SEED=0 bash fuzz/run-campaign.sh ...                 keep the corpus as is (no seeding from
#                                                        tests/vectors, which builds the tests)
#   MAX_LEN=16384 bash fuzz/run-campaign.sh ...          largest input tried (default 4096 bytes)
#   TIMEOUT=60 bash fuzz/run-campaign.sh ...             seconds one input may take before libFuzzer
#                                                        calls it a hang (default 10; raise it under
#                                                        nice beside other work, where a starved run
#                                                        is stopped for seconds at a time)
#
# SANITIZER=none runs about twice as fast: the targets are safe Rust, so ASan only watches our
# dependencies' unsafe code (and the coverage guidance, panics and our own checks stay). Its
# build goes to fuzz/target/none/ so that it does not replace the ASan build.
# cargo-fuzz needs a nightly compiler; on a stable toolchain RUSTC_BOOTSTRAP=1 (set here) lets it
# use the nightly flags (-Zsanitizer=address). Install it once: cargo install cargo-fuzz.
# The corpus of each target (fuzz/corpus/<target>/) is first seeded from tests/vectors
# (seed-* files, not committed), grows during the run, and is minimized at the end
# (cargo fuzz cmin); commit what is new. A crash leaves its input in fuzz/artifacts/<target>/:
# fix it, then copy the input into fuzz/crashes/<target>/ so that cargo test replays it forever
# (tests/fuzz_corpus.rs). Logs: fuzz/artifacts/<target>.log.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-600}
shift || true
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
  TARGETS=(verify signature tag_list key_record key_import mbox zip wasm_json inflate)
fi
SANITIZER=${SANITIZER:-address}
BUILD=(-s "$SANITIZER")
if [[ $SANITIZER != address ]]; then
  BUILD+=(--target-dir "fuzz/target/$SANITIZER")
fi
LIMITS=(-max_len="${MAX_LEN:-4096}")
[[ -n ${RUNS:-} ]] && LIMITS+=(-runs="$RUNS")
export RUSTC_BOOTSTRAP=1
DEADLINE_AT=$(date -d "${DEADLINE:-tomorrow}" +%s) || exit 1
# A time of day already past today (DEADLINE=01:35 given at 23:50) means tomorrow's.
if ((DEADLINE_AT <= $(date +%s))) && [[ -n ${DEADLINE:-} ]]; then
  DEADLINE_AT=$(date -d "tomorrow ${DEADLINE}" +%s) || exit 1
fi
if [[ ${SEED:-1} != 0 ]]; then
  cargo test --test fuzz_corpus -- --ignored write_seed_corpus >/dev/null || { echo "seeding failed" >&2; exit 1; }
fi
cargo fuzz build "${BUILD[@]}" || exit 1
mkdir -p fuzz/artifacts

# One target (`name` or `name:seconds`): fuzz, then minimize its corpus; prints one line of the
# report.
one() {
  local t=${1%%:*} seconds=$SECONDS_EACH outcome start elapsed execs cov
  [[ $1 == *:* ]] && seconds=${1#*:}
  local log=fuzz/artifacts/$t.log
  start=$(date +%s)
  ((seconds > DEADLINE_AT - start)) && seconds=$((DEADLINE_AT - start))
  ((seconds > 0)) || { printf '%-11s not run (deadline)\n' "$t"; return; }
  if cargo fuzz run "${BUILD[@]}" "$t" -- -max_total_time="$seconds" "${LIMITS[@]}" -print_final_stats=1 \
    -timeout="${TIMEOUT:-10}" >"$log" 2>&1; then
    outcome=ok
  else
    outcome="CRASH (see $log and fuzz/artifacts/$t/)"
  fi
  elapsed=$(($(date +%s) - start))
  # -a: the log holds the inputs libFuzzer printed, often binary, and grep would only say
  # "binary file matches" (the zip count was lost so).
  execs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -ao 'cov: [0-9]*' "$log" | tail -1)
  printf '%-11s %12s executions in %6ss  %-10s %s\n' "$t" "${execs:-?}" "$elapsed" "$cov" "$outcome"
  cargo fuzz cmin "${BUILD[@]}" "$t" -- "${LIMITS[0]}" >>"$log" 2>&1 || true
}

report=fuzz/artifacts/campaign.txt
: >"$report"
for t in "${TARGETS[@]}"; do
  while (($(jobs -rp | wc -l) >= ${PARALLEL:-1})); do wait -n; done
  one "$t" | tee -a "$report" &
done
wait
echo
echo "campaign: ${SECONDS_EACH}s per target (unless given) at most${RUNS:+ or $RUNS executions}, sanitizer $SANITIZER," \
  "${PARALLEL:-1} at a time, $(rustc --version)"
sort "$report"
! grep -q CRASH "$report"
