#!/usr/bin/env bash
# Per-element cost of racedet's array hooks: runs bench/arrays/src/bench/ArrayCost.java without and
# with the agent and prints both side by side. Usage: bench/arrays/array-cost.sh (build first:
# mvn -q -DskipTests package). JAVA=/path/to/java picks the JDK; AGENT=/path/to/racedet.jar another jar.
set -euo pipefail
agent=$(realpath -m "${AGENT:-$(dirname "$0")/../../agent/target/racedet.jar}") # before cd: AGENT may be relative
cd "$(dirname "$0")"
java=${JAVA:-java}
[[ -f $agent ]] || { echo "no agent jar at $agent (build first: mvn -q -DskipTests package)" >&2; exit 2; }
out=$(mktemp -d)
javac -d "$out" src/bench/ArrayCost.java
echo "$($java -version 2>&1 | head -1); $(nproc) cores; agent $agent"
plain=$("$java" -cp "$out" bench.ArrayCost)
agented=$("$java" -javaagent:"$agent" -cp "$out" bench.ArrayCost 2>/dev/null)
join -t $'\t' <(echo "$plain" | sort) <(echo "$agented" | sort) | awk -F'\t' '
  BEGIN { printf "%-26s %12s %12s %8s\n", "scenario", "plain ns/op", "racedet", "ratio" }
  { printf "%-26s %12.2f %12.2f %7.1fx\n", $1, $2, $3, ($2 > 0.01 ? $3 / $2 : 0) }'
rm -rf "$out"
