#!/usr/bin/env bash
# Wall time of the demo app with and without racedet: median of N runs each (default 5).
# Usage: bench/demo-timing.sh [runs] [demo args...]   (build first: mvn -q -DskipTests package)
# Prints one line per configuration: label, median seconds, all samples; then the slowdown.
# JAVA=/path/to/java picks the JDK; AGENT=/path/to/racedet.jar another agent jar (default: the built one).
set -euo pipefail
agent=$(realpath -m "${AGENT:-$(dirname "$0")/../agent/target/racedet.jar}") # before cd: AGENT may be relative
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
java=${JAVA:-java}
demo=demo-app/target/demo-app.jar
[[ -f $agent && -f $demo ]] || { echo "no agent jar at $agent or no demo (build first: mvn -q -DskipTests package)" >&2; exit 2; }

# Prints the median wall time in seconds of $runs runs of the given command, then the samples.
measure() {
  local samples=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    samples+=("$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')")
  done
  local median
  median=$(printf '%s\n' "${samples[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
  echo "$median ${samples[*]}"
}

echo "$($java -version 2>&1 | head -1); $(nproc) cores; agent $agent; demo args: ${*:-(default)}; $runs runs each"
plain=$(measure "$java" -jar "$demo" "$@")
agented=$(measure "$java" -javaagent:"$agent" -jar "$demo" "$@")
echo "without agent: median ${plain%% *} s   samples: ${plain#* }"
echo "with racedet:  median ${agented%% *} s   samples: ${agented#* }"
awk -v a="${agented%% *}" -v p="${plain%% *}" 'BEGIN { printf "slowdown: %.1fx\n", a / p }'
