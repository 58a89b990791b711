#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, seeded from the
# project's own agreements (corpus/) and catalogs (clauses/).
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs cargo-fuzz and a nightly toolchain. The crate forbids unsafe code,
# so the address sanitizer is off (it would only slow the search). New inputs go to
# fuzz/corpus/TARGET, crashes to fuzz/artifacts/TARGET; libFuzzer prints the
# executions it made ("#N DONE") when a run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown text catalog)

for target in "${targets[@]}"; do
  case "$target" in
    catalog) seeds=(clauses); extra=(-dict=fuzz/catalog.dict) ;;
    *) seeds=(corpus); extra=() ;;
  esac
  mkdir -p "fuzz/corpus/$target"
  echo "== fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run -O --sanitizer none "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "${extra[@]}"
done
