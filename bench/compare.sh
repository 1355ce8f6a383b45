#!/usr/bin/env bash
# Side-by-side with ripgrep on a generated corpus, in the same run.
#
#   bench/compare.sh [COUNT] [DIR]      (defaults: 100000 /tmp/reponses-corpus)
#
# Needs hyperfine, rg and tmux (apt-get install hyperfine ripgrep tmux).
# Prints a Markdown table of medians and ratios, as in the README.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-100000}
dir=${2:-/tmp/reponses-corpus}
runs=${RUNS:-7}

for tool in hyperfine rg tmux; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is needed" >&2; exit 2; }
done

cargo build --release --quiet --bin reponses --example gencorpus --example readerload
bin=$PWD/target/release/reponses
if [ ! -f "$dir/.complete-$count" ]; then
  rm -rf "$dir"
  target/release/examples/gencorpus "$count" "$dir"
  touch "$dir/.complete-$count"
fi
size=$(du -sb --exclude='.complete-*' "$dir" | cut -f1)
bytes=$(find "$dir" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $count documents, $((bytes / 1000000)) MB of text in $dir"

# Medians of ours and theirs, in milliseconds, from RUNS rounds of one
# hyperfine run of each: the two sides alternate, so that both see the
# machine at the same moments (its speed drifts by ±20 % over minutes, and
# RUNS runs of one side then of the other measured the drift as much as
# the programs).
medians() {
  local json round
  json=$(mktemp -d)
  hyperfine -N -i --warmup 1 --runs 1 "$1" "$2" >/dev/null 2>&1
  for round in $(seq 1 "$runs"); do
    hyperfine -N -i --runs 1 --export-json "$json/$round.json" "$1" "$2" >/dev/null 2>&1
  done
  python3 - "$json" <<'PY'
import glob, json, statistics, sys
runs = [json.load(open(f))["results"] for f in glob.glob(sys.argv[1] + "/*.json")]
print(*(round(statistics.median(r[i]["times"][0] for r in runs) * 1000) for i in (0, 1)))
PY
  rm -rf "$json"
}

rows=()
compare() {  # label, ours, theirs
  local ours theirs
  read -r ours theirs < <(medians "$2" "$3")
  rows+=("| $1 | $ours ms | $theirs ms | $(python3 -c "print(f'{$ours/$theirs:.2f}')")× |")
}

compare "check (decode + parse all)" "$bin check $dir" "rg -c '^Question de' $dir"
for word in cnil ministre dispositif quelconque; do
  compare "search -l $word" "$bin search -l $word $dir" "rg -l -i -F $word $dir"
  if ! diff -q <("$bin" search -l "$word" "$dir" | sort) <(rg -l -i -F "$word" "$dir" | sort) >/dev/null; then
    echo "note: search -l $word and rg -l -i -F $word list different files" >&2
  fi
done

# The reader: time to the first screen, to the whole list (the count in the
# list title, loading over) and to the end of indexing, and its peak memory,
# read off a real terminal (tmux) while it loads; medians of READER_RUNS.
total=$(python3 -c "print(f'{$count:,}'.replace(',', ' '))")
reader_once() {
  local session=compare-$$ start first="" listed="" indexed="" screen now pid peak
  start=$(date +%s%N)
  tmux new-session -d -s "$session" -x 160 -y 45 "$bin $dir; sleep 60"
  for _ in $(seq 1 6000); do
    screen=$(tmux capture-pane -p -t "$session" 2>/dev/null || true)
    now=$(date +%s%N)
    if [ -z "$first" ] && grep -q "Questions" <<<"$screen"; then first=$(((now - start) / 1000000)); fi
    if [ -z "$listed" ] && grep -q "Questions $total / $total" <<<"$screen" && ! grep -q "loading" <<<"$screen"; then
      listed=$(((now - start) / 1000000))
    fi
    if [ -n "$listed" ] && ! grep -q "indexing\|reading texts" <<<"$screen"; then
      indexed=$(((now - start) / 1000000)); break
    fi
    sleep 0.02
  done
  pid=$(pgrep -n -f "^$bin $dir" || true)
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  tmux kill-session -t "$session" 2>/dev/null || true
  echo "${first:-0} ${listed:-0} ${indexed:-0} $peak"
}
# Each run follows a run of check, and the ratio is of the medians: this
# machine's speed drifts by a fifth over minutes. (Check runs after a
# second's rest: a reader being killed frees 800 MB.)
timed_check() {
  local t0 t1
  t0=$(date +%s%N); "$bin" check "$dir" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000))"
}
readings=""; checks=""
for _ in $(seq 1 "${READER_RUNS:-5}"); do
  sleep 1
  checks+="$(timed_check)"$'\n'
  readings+="$(reader_once)"$'\n'
done
mid() { sort -n | awk 'NF {a[++n]=$1} END {print a[int((n+1)/2)]}'; }
pick() { awk "{print \$$1}" <<<"$readings" | mid; }
first=$(pick 1); listed=$(pick 2); indexed=$(pick 3); peak=$(pick 4)
check=$(mid <<<"$checks")

# The same load in-process, without a terminal to poll (readerload prints
# records, listed, texts in and indexed, in ms), interleaved with check.
loads=""; checks=""
for _ in $(seq 1 "${READER_RUNS:-5}"); do
  loads+="$(target/release/examples/readerload "$dir")"$'\n'
  checks+="$(timed_check)"$'\n'
done
inproc_listed=$(awk '{print $2}' <<<"$loads" | mid)
inproc_texts=$(awk '{print $3}' <<<"$loads" | mid)
inproc_indexed=$(awk '{print $4}' <<<"$loads" | mid)
inproc_check=$(mid <<<"$checks")

echo
echo "| task | reponses | ripgrep | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "| reader | measured |"
echo "|---|---|"
echo "| first screen | ${first:-?} ms |"
echo "| all $count records listed | ${listed:-?} ms ($(python3 -c "print(f'{$listed/$check:.2f}')")× check, $check ms, interleaved) |"
echo "| texts read and all $count records indexed | ${indexed:-?} ms |"
echo "| in-process, no terminal: all listed | $inproc_listed ms ($(python3 -c "print(f'{$inproc_listed/$inproc_check:.2f}')")× check, $inproc_check ms, interleaved) |"
echo "| in-process: texts in, index built | $inproc_texts ms, $inproc_indexed ms |"
echo "| peak memory | $((peak / 1024)) MB ($(python3 -c "print(f'{$peak*1024/$size:.2f}')")× the corpus on disk, $((size / 1000000)) MB) |"
