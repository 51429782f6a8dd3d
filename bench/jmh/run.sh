#!/usr/bin/env bash
# JMH microbenchmark of racedet's hooks: runs bench/jmh's benchmarks without and with the agent and
# prints one table (plain ns/op, racedet ns/op, difference = the hook's cost, ratio), also written to
# bench/jmh/results/latest.txt. The agent run checks its own JSON reports: the benchmarks are
# race-free, so any race or internal error is printed and makes the script exit with status 1.
#
#   bench/jmh/run.sh [regex]        regex: JMH's benchmark selector (default: all), e.g. 'field|array';
#                                   the `empty` rows (JMH's own loop) always run too
#
# Environment:
#   JMH_OPTS  JMH options for both runs (default: -f 1 -wi 5 -w 1s -i 5 -r 1s; the agent's JVMs need
#             the longer warm-up: its hooks are compiled, and the JDK instrumented, in the first seconds)
#   AGENT     agent jar (default: agent/target/racedet.jar, built by `mvn -q -B -DskipTests package`
#             at the root if missing)
#   AGENT_OPTS racedet options (default: include=bench.jmh.*,exclude=bench.jmh.jmh_generated.*);
#             the script adds json=... itself
#   JAVA      java to run JMH and its forks with (default: java on the PATH)
#   PLAIN_JSON reuse this JSON of an earlier plain run (e.g. a copy of results/raw/plain.json)
#             instead of running without the agent again: to compare agent builds quickly
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
agent=$(realpath -m "${AGENT:-$root/agent/target/racedet.jar}") # AGENT may be relative to the caller
agent_opts=${AGENT_OPTS:-'include=bench.jmh.*,exclude=bench.jmh.jmh_generated.*'}
jmh_opts=${JMH_OPTS:--f 1 -wi 5 -w 1s -i 5 -r 1s}
java=${JAVA:-java}
regex=${1:-}
# A selection also runs the `empty` rows: the net column needs them.
selectors=()
[[ -n $regex ]] && selectors=("$regex" '\.empty$')
jar=$here/target/benchmarks.jar
results=$here/results
raw=$results/raw

command -v jq >/dev/null || { echo "run.sh needs jq (apt-get install jq)" >&2; exit 2; }

if [[ -z ${AGENT:-} && ! -f $agent ]]; then
  echo "building the agent (mvn -q -B -DskipTests package) ..." >&2
  (cd "$root" && mvn -q -B -DskipTests package)
fi
[[ -f $agent ]] || { echo "no agent jar at $agent" >&2; exit 2; }
# JMH splits -jvmArgsAppend on spaces.
[[ $agent != *' '* && $raw != *' '* ]] || { echo "paths with spaces are not supported: $agent, $raw" >&2; exit 2; }

# Rebuild the benchmark jar when it is missing or older than a source or the pom.
if [[ ! -f $jar || -n $(find "$here/src" "$here/pom.xml" -newer "$jar" -print -quit) ]]; then
  echo "building $jar ..." >&2
  mvn -q -B -f "$here/pom.xml" package
fi

[[ -z ${PLAIN_JSON:-} || -f ${PLAIN_JSON:-} ]] || { echo "no file $PLAIN_JSON" >&2; exit 2; }
[[ -z ${PLAIN_JSON:-} ]] || PLAIN_JSON=$(realpath "$PLAIN_JSON")
rm -rf "$raw"
mkdir -p "$raw"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# run NAME [extra JMH options...]: one JMH run, its JSON results in $raw/NAME.json, its log in
# $raw/NAME.log; prints only the progress lines.
run() {
  local name=$1
  shift
  echo "== $name: $java -jar benchmarks.jar $jmh_opts $* ${selectors[*]}" >&2
  # shellcheck disable=SC2086 # jmh_opts is a list of options
  "$java" -jar "$jar" $jmh_opts -bm avgt -tu ns -rf json -rff "$raw/$name.json" "$@" "${selectors[@]}" \
    >"$raw/$name.log" 2>&1 &
  local pid=$!
  # Progress: one line per benchmark.
  tail -n +1 -f --pid=$pid "$raw/$name.log" 2>/dev/null | grep --line-buffered -E '^# Benchmark: ' | sed -u 's/^# Benchmark: /   /' >&2 || true
  if ! wait $pid; then
    echo "JMH failed ($name); its output: $raw/$name.log" >&2
    tail -n 30 "$raw/$name.log" >&2
    exit 1
  fi
}

if [[ -n ${PLAIN_JSON:-} ]]; then
  cp "$PLAIN_JSON" "$raw/plain.json" # the plain run of an earlier call (comparing agent builds)
else
  run plain
fi
run racedet -jvmArgsAppend "-javaagent:$agent=$agent_opts,json=$raw/racedet-%p.json"

# Operations per call of each benchmark (@OperationsPerInvocation), from the list JMH's annotation
# processor wrote: "Class method opi". In JMH 1.37's format the method is the third string (S len
# value) of a line and the operations per call the optional int (I len value) before the last field.
opi=$(awk '{
    c = 0; m = ""
    for (i = 1; i < NF; i++) if ($i == "S" && ++c == 3) { m = $(i + 2); break }
    n = 1
    if (match($0, / I [0-9]+ [0-9]+ E *$/)) { split(substr($0, RSTART + 1), a, " "); n = a[3] }
    sub(/^bench\.jmh\./, "", $4)
    print $4 "." m "\t" n
  }' "$here/target/classes/META-INF/BenchmarkList")

# The table. JMH writes "NaN" (a string) as the error when there are too few iterations.
# net = diff less JMH's own loop under racedet: the `empty` row of the same class (diff per call),
# divided by the benchmark's operations per call.
rows=$(jq -r -n --slurpfile p "$raw/plain.json" --slurpfile r "$raw/racedet.json" '
  def err: if type == "number" then . else "" end;
  ($r[0] | map({key: .benchmark, value: .primaryMetric}) | from_entries) as $rm
  | $p[0][]
  | select($rm[.benchmark] != null)
  | [(.benchmark | sub("^bench\\.jmh\\."; "")), .threads, .primaryMetric.score, (.primaryMetric.scoreError | err),
     $rm[.benchmark].score, ($rm[.benchmark].scoreError | err)]
  | @tsv')
table=$(awk -F'\t' '
  function pm(e) { return e == "" ? "      " : sprintf("± %-4s", (e < 10 ? sprintf("%.2f", e) : sprintf("%.0f", e))) }
  NR == FNR { opi[$1] = $2; next }
  { n++; name[n] = $1; thr[n] = $2; p[n] = $3; pe[n] = $4; r[n] = $5; re[n] = $6
    if ($1 ~ /\.empty$/) { cls = $1; sub(/\.empty$/, "", cls); loop[cls] = $5 - $3 } }
  END {
    printf "%-36s %3s %17s %18s %9s %7s %9s\n", "benchmark", "thr", "plain ns/op", "racedet ns/op", "diff ns", "ratio", "net ns"
    for (i = 1; i <= n; i++) {
      cls = name[i]; sub(/\.[^.]*$/, "", cls)
      k = (name[i] in opi) ? opi[name[i]] : 1
      net = (cls in loop) ? sprintf("%9.2f", r[i] - p[i] - loop[cls] / k) : sprintf("%9s", "-")
      printf "%-36s %3d %10.2f %-6s %11.2f %-6s %9.2f %6.1fx %s\n", name[i], thr[i], p[i], pm(pe[i]), r[i], pm(re[i]),
        r[i] - p[i], (p[i] > 0 ? r[i] / p[i] : 0), net
    }
  }' <(echo "$opi") <(echo "$rows"))

# racedet's own verdict on the benchmarks, from every forked JVM's JSON report.
reports=("$raw"/racedet-*.json)
if [[ ! -e ${reports[0]} ]]; then
  echo "no racedet JSON report was written (did the agent run?)" >&2
  exit 1
fi
races=$(jq -s 'map(.summary.races) | add' "${reports[@]}")
errors=$(jq -s 'map(.summary.internalErrors) | add' "${reports[@]}")
verdict="racedet: ${#reports[@]} JVMs, $races races, $errors internal errors ($agent_opts)"

{
  echo "racedet hook costs (JMH, average time; diff = racedet - plain = the hooks' cost per operation)"
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; $("$java" -version 2>&1 | head -1)"
  echo "agent:   $agent ($(date -u -r "$agent" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$agent" | cut -c1-12))"
  echo "JMH:     $jmh_opts${regex:+ (selector: $regex)}"
  echo
  echo "$table"
  echo
  echo "$verdict"
} | tee "$results/latest.txt"

if [[ $races != 0 || $errors != 0 ]]; then
  echo >&2
  echo "racedet reported races or internal errors in the benchmarks:" >&2
  jq -r '.races[] | "  [\(.id)] \(.kind) on \(.field): \(.previous.location) / \(.access.location) (\(.count) times)"' "${reports[@]}" >&2
  exit 1
fi
