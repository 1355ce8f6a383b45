#!/usr/bin/env bash
# The persistent index's targets, on the corpus of compare.sh, in one run.
#
#   bench/cache.sh [COUNT] [DIR]      (defaults: 100000 /tmp/reponses-corpus)
#
# Uses its own cache folder (XDG_CACHE_HOME under /tmp) and its own tmux
# server (-L), so it touches neither the user's cache nor their tmux.
# Prints a Markdown table of medians. The 1 % run edits files of DIR (a
# copy is made for it: DIR-edited).
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-100000}
dir=${2:-/tmp/reponses-corpus}
runs=${RUNS:-5}
export XDG_CACHE_HOME=${XDG_CACHE_HOME_BENCH:-/tmp/reponses-bench-cache}
export LC_ALL=C

cargo build --release --quiet --bin reponses --example gencorpus --example readerload
bin=$PWD/target/release/reponses
load=$PWD/target/release/examples/readerload
if [ ! -f "$dir/.complete-$count" ]; then
  rm -rf "$dir"
  target/release/examples/gencorpus "$count" "$dir"
  touch "$dir/.complete-$count"
fi
bytes=$(du -sb --exclude='.complete-*' "$dir" | cut -f1)
mid() { sort -n | awk 'NF {a[++n]=$1} END {print a[int((n+1)/2)]}'; }
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
# LC_ALL=C: English numbers, 100,000.
total=$(python3 -c "print(f'{$count:,}')")
tm="tmux -L reponses-bench"

# First opens, in-process: without a cache (today's load), and with the
# cache written at the end; alternating. readerload prints records,
# listed, texts, indexed, written (ms) and peak memory (KB).
plain=""; first=""
for _ in $(seq 1 "$runs"); do
  plain+="$($load "$dir")"$'\n'
  "$bin" cache clear >/dev/null
  first+="$($load --cache "$dir")"$'\n'
done
col() { awk "{print \$$1}" | mid; }
plain_listed=$(col 2 <<<"$plain"); plain_indexed=$(col 4 <<<"$plain"); plain_peak=$(col 6 <<<"$plain")
first_listed=$(col 2 <<<"$first"); first_indexed=$(col 4 <<<"$first"); first_written=$(col 5 <<<"$first")
first_peak=$(col 6 <<<"$first")
cache_bytes=$(du -cb "$XDG_CACHE_HOME"/reponses/*.idx | tail -1 | cut -f1)

# Second opens, in-process and through tmux (the list full and no
# "loading"/"indexing" left), then the first keystroke of a filter.
second=""
for _ in $(seq 1 "$runs"); do second+="$($load --cache "$dir")"$'\n'; done
second_listed=$(col 2 <<<"$second"); second_peak=$(col 6 <<<"$second")
tmux_once() {
  local start now screen listed="" key=""
  start=$(date +%s%N)
  $tm new-session -d -s bench -x 160 -y 45 "env XDG_CACHE_HOME=$XDG_CACHE_HOME $bin $dir; sleep 60"
  for _ in $(seq 1 3000); do
    screen=$($tm capture-pane -p -t bench 2>/dev/null || true)
    if grep -q "Questions $total / $total" <<<"$screen" && ! grep -q "loading\|indexing\|reading texts" <<<"$screen"; then
      now=$(date +%s%N); listed=$(((now - start) / 1000000)); break
    fi
    sleep 0.01
  done
  $tm send-keys -t bench /
  sleep 0.3
  start=$(date +%s%N)
  $tm send-keys -t bench m
  for _ in $(seq 1 3000); do
    if $tm capture-pane -p -t bench | grep -q 'filter "m"'; then
      now=$(date +%s%N); key=$(((now - start) / 1000000)); break
    fi
  done
  $tm kill-server 2>/dev/null || true
  echo "${listed:-0} ${key:-0}"
}
readings=""
for _ in $(seq 1 "$runs"); do readings+="$(tmux_once)"$'\n'; sleep 0.5; done
tmux_listed=$(col 1 <<<"$readings"); tmux_key=$(col 2 <<<"$readings")
# The same keystroke through tmux without typing anything else: what tmux
# and capture-pane cost alone (an empty filter on a list of one record).
baseline=$(
  $tm new-session -d -s bench -x 160 -y 45 "env XDG_CACHE_HOME=$XDG_CACHE_HOME $bin; sleep 60"; sleep 1
  $tm send-keys -t bench /; sleep 0.3
  start=$(date +%s%N); $tm send-keys -t bench m
  for _ in $(seq 1 3000); do $tm capture-pane -p -t bench | grep -q 'filter "m"' && break; done
  echo $((($(date +%s%N) - start) / 1000000)); $tm kill-server 2>/dev/null || true
)

# search -l cnil with the cache against ripgrep, alternating.
hyper() {
  local json r
  json=$(mktemp -d)
  for r in $(seq 1 7); do
    hyperfine -N -i --runs 1 --export-json "$json/$r.json" "$1" "$2" >/dev/null 2>&1
  done
  python3 - "$json" <<'PY'
import glob, json, statistics, sys
runs = [json.load(open(f))["results"] for f in glob.glob(sys.argv[1] + "/*.json")]
print(*(round(statistics.median(r[i]["times"][0] for r in runs) * 1000) for i in (0, 1)))
PY
  rm -rf "$json"
}
read -r ours rg < <(hyper "$bin search -l cnil $dir" "rg -l -i -F cnil $dir")
diff -q <("$bin" search -l cnil "$dir" | sort) <(rg -l -i -F cnil "$dir" | sort) >/dev/null \
  || echo "note: search -l cnil (cached) and rg list different files" >&2
read -r check_cached check_plain < <(hyper "$bin check $dir" "$bin --no-cache check $dir")

# 1 % of the files changed: a copy of the corpus, cached, then 1 % of its
# files touched and edited (a word added), reopened in-process.
edited=$dir-edited
if [ ! -d "$edited" ]; then cp -a "$dir" "$edited"; fi
"$load" --cache "$edited" >/dev/null
changed=""
for round in $(seq 1 "$runs"); do
  find "$edited" -name '*.txt' | sort | awk -v r="$round" 'NR % 100 == r' | while read -r f; do
    sed -i "0,/^Question de/s//Zorglub$round\nQuestion de/" "$f" 2>/dev/null || true
    printf 'Erratum zorglub%s\n' "$round" >>"$f"
  done
  changed+="$($load --cache "$edited")"$'\n'
  seen=$("$bin" search -l "zorglub$round" "$edited" | wc -l)
  [ "$seen" -gt 0 ] || echo "note: the edits of round $round are not visible" >&2
done
changed_listed=$(col 2 <<<"$changed")

echo
echo "corpus: $count documents, $((bytes / 1000000)) MB"
echo
echo "| measure | measured | target |"
echo "|---|---|---|"
echo "| second open: all listed, index ready (in-process) | $second_listed ms | ≤ 1,000 ms |"
echo "| second open: the same through tmux, 160×45 | $tmux_listed ms | ≤ 1,000 ms |"
echo "| first filter keystroke through tmux (tmux alone: $baseline ms) | $tmux_key ms | ≤ 20 ms |"
echo "| peak memory, second open | $((second_peak / 1024)) MB, $(ratio $((second_peak * 1024)) "$bytes")× the corpus | ≤ 0.5× |"
echo "| first open: all listed, without / with cache | $plain_listed / $first_listed ms ($(ratio "$first_listed" "$plain_listed")×) | ≤ 1.1× |"
echo "| first open: indexed, without / with cache; cache written | $plain_indexed / $first_indexed ms; $first_written ms ($(ratio "$first_written" "$plain_indexed")× today's indexing) | ≤ 1.5× |"
echo "| first open peak memory, without / with cache | $((plain_peak / 1024)) / $((first_peak / 1024)) MB | — |"
echo "| cache size | $((cache_bytes / 1000000)) MB, $(ratio "$cache_bytes" "$bytes")× the corpus | ≤ 0.5× |"
echo "| 1 % of files changed: reopen, listed and indexed (in-process) | $changed_listed ms | ≤ 1,500 ms |"
echo "| search -l cnil, cached / rg -l -i -F cnil | $ours / $rg ms ($(ratio "$ours" "$rg")×) | ≤ 0.3× |"
echo "| check, cached / --no-cache | $check_cached / $check_plain ms | — |"
