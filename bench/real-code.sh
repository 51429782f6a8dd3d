#!/usr/bin/env bash
# racedet over real concurrent software nobody here wrote; prints, per workload, whether the program
# succeeded and every distinct race report read from racedet's JSON report. Not part of `mvn verify`.
# Usage: bench/real-code.sh [lucene|h2|pool2|all]...   (default: all; see bench/README-real-code.md)
# Knobs (environment):
#   AGENT=/path/racedet.jar   agent jar (default: agent/target/racedet.jar, built if missing)
#   JAVA=/path/to/java        JDK for every workload (default: java on the PATH)
#   NO_AGENT=1                run the workloads without racedet (baseline: do they pass on their own?)
#   OUT=dir                   where JSON reports and logs go (default: bench/real-code/target/runs/<time>)
#   LUCENE_DOCS=5000 LUCENE_THREADS=4      documents generated and indexed; parallel tasks
#   H2_THREADS=8 H2_TRANSACTIONS=500       JDBC worker threads; transactions per thread
#   POOL2_TESTS=patterns      commons-pool2 tests to run, Surefire -Dtest syntax (default: the suite as its
#                             POM runs it, less the one test that fails without racedet; see pool2/pom.xml)
#   POOL2_QUICK=1             leave out the 4 longest stress tests (about half of the suite's time under racedet)
#   TIMEOUT=1200              seconds before a lucene or h2 run is stopped (pool2: Surefire's fork timeout)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
agent=$(realpath -m "${AGENT:-$root/agent/target/racedet.jar}") # before any cd: AGENT may be relative
java=${JAVA:-java}
java=$(command -v "$java" || echo "$java")
timeout_s=${TIMEOUT:-1200}
workloads=("$@")
[[ ${#workloads[@]} -eq 0 || " ${workloads[*]} " == *" all "* ]] && workloads=(lucene h2 pool2)
for w in "${workloads[@]}"; do
  [[ $w == lucene || $w == h2 || $w == pool2 ]] || { echo "unknown workload '$w' (lucene, h2, pool2, all)" >&2; exit 2; }
done

if [[ -z ${NO_AGENT:-} && ! -f $agent ]]; then
  [[ -n ${AGENT:-} ]] && { echo "no agent jar at $agent" >&2; exit 2; }
  echo "building the agent jar (mvn -q -DskipTests package)"
  (cd "$root" && mvn -q -B -DskipTests package)
fi
out=$(realpath -m "${OUT:-$here/real-code/target/runs/$(date -u +%Y%m%dT%H%M%SZ)}")
mkdir -p "$out"
lib=$here/real-code/target/lib
classes=$out/classes

# Libraries from Maven Central (pinned in bench/real-code/pom.xml), then our drivers.
if [[ ! -d $lib ]]; then
  mvn -q -B -f "$here/real-code/pom.xml" dependency:copy-dependencies
fi
"${java%java}javac" -d "$classes" "$here"/real-code/src/bench/realcode/*.java 2>/dev/null \
  || javac -d "$classes" "$here"/real-code/src/bench/realcode/*.java

# The -javaagent option for one workload, or nothing with NO_AGENT.
agent_arg() { # include-pattern json-file text-file
  [[ -n ${NO_AGENT:-} ]] || echo "-javaagent:$agent=include=$1,json=$2,out=$3"
}

# Prints the outcome of one workload: status line, then racedet's summary and races from its JSON.
summarize() { # name status seconds json text log
  echo "== $1: $2 in $3 s"
  echo "   log: $6"
  if [[ -n ${NO_AGENT:-} ]]; then
    echo "   (run without racedet)"
    return
  fi
  echo "   JSON report: $4   text reports: $5"
  "$java" -cp "$classes" bench.realcode.ReportSummary "$4" "   " || true
}

# Runs a command with a time limit; prints "OK", "FAILED (exit N)" or "TIMEOUT".
run_limited() { # log command...
  local log=$1 rc=0
  shift
  timeout --kill-after=30 "$timeout_s" "$@" >"$log" 2>&1 || rc=$?
  if ((rc == 0)); then echo OK; elif ((rc == 124 || rc == 137)); then echo "TIMEOUT after ${timeout_s} s"; else echo "FAILED (exit $rc)"; fi
}

lucene() {
  local dir=$out/lucene start status
  rm -rf "$dir" && mkdir -p "$dir"
  "$java" -cp "$classes" bench.realcode.LineDocs "$dir/docs.txt" "$dir/queries.txt" "${LUCENE_DOCS:-5000}"
  sed "s/@THREADS@/${LUCENE_THREADS:-4}/g" "$here/real-code/lucene/index-and-search.alg" >"$dir/run.alg"
  start=$SECONDS
  # shellcheck disable=SC2046 # agent_arg is one word or none
  status=$(cd "$dir" && run_limited "$dir/lucene.log" "$java" $(agent_arg 'org.apache.lucene.*' "$out/lucene.json" "$out/lucene-races.txt") \
    -cp "$lib/*" org.apache.lucene.benchmark.byTask.Benchmark run.alg)
  # Benchmark exits 0 even when a task failed: its log then holds the exception.
  if [[ $status == OK ]] && grep -q "^java.lang.Exception\|Exception in thread\|^Error" "$dir/lucene.log"; then
    status="FAILED (exception in the log)"
  elif [[ $status == OK ]] && ! grep -q "D O N E" "$dir/lucene.log"; then
    status="FAILED (no completion banner)"
  fi
  summarize lucene "$status" $((SECONDS - start)) "$out/lucene.json" "$out/lucene-races.txt" "$dir/lucene.log"
}

h2() {
  local dir=$out/h2 start status
  rm -rf "$dir" && mkdir -p "$dir"
  start=$SECONDS
  # shellcheck disable=SC2046
  status=$(run_limited "$dir/h2.log" "$java" $(agent_arg 'org.h2.*' "$out/h2.json" "$out/h2-races.txt") \
    -cp "$classes:$lib/*" bench.realcode.H2Load "$dir" "${H2_THREADS:-8}" "${H2_TRANSACTIONS:-500}")
  summarize h2 "$status" $((SECONDS - start)) "$out/h2.json" "$out/h2-races.txt" "$dir/h2.log"
  grep "^h2-load:" "$dir/h2.log" | sed 's/^/   /' || true
}

pool2() {
  local log=$out/pool2.log start status rc=0 args=()
  start=$SECONDS
  local quick='Test*, *Test, !TestSoftRefOutOfMemory, !TestGenericKeyedObjectPool#testEviction2,'
  quick+=' !TestDefaultPooledObject#testGetIdleTimeMillis, !TestGenericKeyedObjectPool#testMaxActivePerKeyExceeded,'
  quick+=' !TestGenericKeyedObjectPool#testConcurrentBorrowAndClear*'
  [[ -n ${POOL2_QUICK:-} ]] && args+=("-Dpool2.tests=$quick")
  [[ -n ${POOL2_TESTS:-} ]] && args+=("-Dpool2.tests=$POOL2_TESTS")
  mvn -B -f "$here/real-code/pool2/pom.xml" clean test -Djvm="$java" \
    -Dracedet.argLine="$(agent_arg 'org.apache.commons.pool2.*' "$out/pool2.json" "$out/pool2-races.txt")" \
    "${args[@]}" >"$log" 2>&1 || rc=$?
  # Surefire ignores test failures here (testFailureIgnore): the suite's own result line says them.
  local result
  result=$(sed -n '/^\[[A-Z]*\] Results:/,$p' "$log" | grep -E "Tests run: [0-9]+, Failures" | tail -1 | sed 's/^\[[A-Z]*\] //')
  if ((rc != 0)); then status="FAILED (maven exit $rc)"; elif [[ $result == *"Failures: 0, Errors: 0"* ]]; then status=OK; else status=FAILED; fi
  summarize pool2 "$status${result:+ ($result)}" $((SECONDS - start)) "$out/pool2.json" "$out/pool2-races.txt" "$log"
  grep -E "^\[ERROR\]   [A-Za-z]" "$log" | sed 's/^\[ERROR\]/   failed:/' || true
}

echo "$("$java" -version 2>&1 | head -1); $(nproc) cores; ${NO_AGENT:+no agent}${NO_AGENT:-agent $agent}; output in $out"
for w in "${workloads[@]}"; do
  "$w"
done
echo "JSON reports and logs: $out"
