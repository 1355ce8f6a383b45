#!/usr/bin/env bash
# The Assemblée nationale's JSON side by side with ripgrep: `check` on a
# folder of generated AN documents against `rg -c '"uid"'` on the same
# files, and on their zip archive against `unzip -p ARCHIVE | rg -c`.
#
#   bench/compare-an.sh [COUNT] [DIR]   (defaults: 100000 /tmp/reponses-an;
#                                        the archive is DIR.zip)
#
# Needs hyperfine, rg and unzip (apt-get install hyperfine ripgrep unzip).
# Prints a Markdown table of medians and ratios, as in the README.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-100000}
dir=${2:-/tmp/reponses-an}
zip=$dir.zip
runs=${RUNS:-7}

for tool in hyperfine rg unzip; do
  command -v "$tool" >/dev/null || { echo "compare-an.sh: $tool is needed" >&2; exit 2; }
done

cargo build --release --quiet --bin reponses --example gencorpus
bin=$PWD/target/release/reponses
if [ ! -f "$dir/.complete-$count" ] || [ ! -f "$zip" ]; then
  rm -rf "$dir" "$zip"
  target/release/examples/gencorpus --format an --zip "$zip" "$count" "$dir"
  touch "$dir/.complete-$count"
fi
bytes=$(find "$dir" -name '*.json' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $count AN documents, $((bytes / 1000000)) MB of JSON in $dir; archive $(($(stat -c %s "$zip") / 1000000)) MB"

# Medians of RUNS rounds, the two sides alternating (see compare.sh).
medians() {
  local json round
  json=$(mktemp -d)
  hyperfine -i --shell=bash --warmup 1 --runs 1 "$1" "$2" >/dev/null 2>&1
  for round in $(seq 1 "$runs"); do
    hyperfine -i --shell=bash --runs 1 --export-json "$json/$round.json" "$1" "$2" >/dev/null 2>&1
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

# Both sides agree on the count before they are timed.
records=$("$bin" check "$zip" | grep -o '[0-9,]* records loaded' | tr -d ',' | cut -d' ' -f1)
uids=$(unzip -p "$zip" | rg -o '"uid"' | wc -l)
[ "$records" = "$uids" ] || echo "note: check loads $records records, rg counts $uids uids" >&2

compare "check, folder of JSON" "$bin check --no-cache $dir" "rg -c '\"uid\"' $dir"
compare "check, zip archive" "$bin check --no-cache $zip" "unzip -p $zip | rg -c '\"uid\"'"
compare "search -l ministre, zip" "$bin search --no-cache -l ministre $zip" "unzip -p $zip | rg -c -i ministre"

echo
echo "| task | reponses | ripgrep | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
