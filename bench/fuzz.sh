#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ in turn for SECONDS each (default 600)
# and prints the executions of each. Inputs that fail are left in
# fuzz/artifacts/<target>/: keep each in tests/regressions/<target>/,
# where `cargo test` checks it again on stable.
#
#   bench/fuzz.sh [SECONDS] [TARGET…]
#
# libFuzzer needs a nightly compiler's sanitizer flags. A nightly
# toolchain is used when rustup has one (installed when missing, where the
# network allows); otherwise the stable compiler is told to accept them
# (RUSTC_BOOTSTRAP=1), which works for cargo-fuzz's flags.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(load query sentences wrap sanitize quote app)
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi
toolchain=()
if command -v rustup >/dev/null 2>&1; then
  if rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal >/dev/null 2>&1; then
    toolchain=(+nightly)
  fi
fi
if [ ${#toolchain[@]} -eq 0 ]; then
  export RUSTC_BOOTSTRAP=1
  echo "note: no nightly toolchain; the stable compiler with RUSTC_BOOTSTRAP=1"
fi

cd fuzz
# Each target starts from the inputs kept for it.
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  cp -n ../tests/regressions/"$target"/* "corpus/$target/" 2>/dev/null || true
done
cargo "${toolchain[@]}" fuzz build -O

summary=()
for target in "${targets[@]}"; do
  log=$(mktemp)
  status=0
  # -timeout: an input that takes over 10 s counts as a hang.
  cargo "${toolchain[@]}" fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  result="ok"
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status): see fuzz/artifacts/$target/"
    tail -30 "$log"
  fi
  line="$target: ${runs:-?} executions in ${seconds} s, $result"
  echo "$line"
  summary+=("$line")
  rm -f "$log"
done
echo
printf '%s\n' "${summary[@]}"
