#!/usr/bin/env bash
# run-campaign.sh — a fuzzing campaign: every target (or those named) for SECONDS each, with
# AddressSanitizer, then the executions per target.
#
#   bash fuzz/run-campaign.sh [SECONDS] [TARGET...]      SECONDS defaults to 600
#   MAX_LEN=16384 bash fuzz/run-campaign.sh ...          largest input tried (default 4096 bytes)
#
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
  TARGETS=(verify signature tag_list key_record key_import mbox zip wasm_json)
fi
export RUSTC_BOOTSTRAP=1
cargo test --test fuzz_corpus -- --ignored write_seed_corpus >/dev/null || { echo "seeding failed" >&2; exit 1; }
cargo fuzz build || exit 1
mkdir -p fuzz/artifacts
status=0
report=()
for t in "${TARGETS[@]}"; do
  log=fuzz/artifacts/$t.log
  if cargo fuzz run "$t" -- -max_total_time="$SECONDS_EACH" -max_len="${MAX_LEN:-4096}" -print_final_stats=1 \
    -timeout=10 >"$log" 2>&1; then
    outcome=ok
  else
    outcome="CRASH (see $log and fuzz/artifacts/$t/)"
    status=1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  report+=("$(printf '%-11s %12s executions in %5ss  %-10s %s' "$t" "${execs:-?}" "$SECONDS_EACH" "$cov" "$outcome")")
  printf '%s\n' "${report[-1]}"
  cargo fuzz cmin "$t" -- -max_len="${MAX_LEN:-4096}" >>"$log" 2>&1 || true
done
echo
echo "campaign: ${SECONDS_EACH}s per target, $(rustc --version)"
printf '%s\n' "${report[@]}"
exit $status
