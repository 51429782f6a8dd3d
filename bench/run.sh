#!/usr/bin/env bash
# racedet's benchmark harness (issue 7): runs every workload of bench/*/workloads.txt without and with
# the agent, writes bench/results/<UTC>-jdk<N>.json and regenerates BENCHMARKS.md.
#
# Usage: bench/run.sh [--runs N] [--warmup N] [--java PATH] [--only name,name|glob] [--group g,g]
#                     [--agent JAR] [--jdk N=PATH] [--workloads DIR]... [--results DIR] [--table FILE]
#                     [--keep-scratch] [--rebuild] [--table-only]
# Defaults: 3 runs and 1 warm-up each way, `java` on the PATH, every workload but group scale,
# agent/target/racedet.jar (built with `mvn -q -B -DskipTests package` when missing).
# bench/harness/README.md explains every option, the workload format and the table.
#
# Before the harness runs, each directory with a selected workload is built once: its build.sh when
# it has one, else `mvn -q -B -f DIR/pom.xml package` when it has a pom.xml; only when it has no
# target/ yet (or its last build failed, or --rebuild). A failed build does not stop the run: its
# workloads show "build failed" in the table, with the log under bench/results/build-logs/.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command="bench/run.sh${*:+ $*}" # for the record, before the options are shifted away

agent=""
rebuild=0
table_only=0
pass=()
while (($#)); do
  case $1 in
    -h | --help)
      sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    --rebuild) rebuild=1; shift ;;
    --keep-scratch) pass+=("$1"); shift ;;
    --table-only) table_only=1; pass+=("$1"); shift ;;
    --agent | --java | --runs | --warmup | --only | --group | --jdk | --workloads | --results | --table)
      (($# >= 2)) || { echo "run.sh: $1 needs a value" >&2; exit 2; }
      [[ $1 == --agent ]] && agent=$2
      pass+=("$1" "$2")
      shift 2
      ;;
    *) echo "run.sh: unknown option $1 (--help lists them)" >&2; exit 2 ;;
  esac
done

# The agent: the given jar, or the project's, built when missing.
if [[ -z $agent ]]; then
  agent=$root/agent/target/racedet.jar
  if [[ ! -f $agent ]] && ((table_only == 0)); then
    echo "run.sh: building racedet (mvn -q -B -DskipTests package)"
    (cd "$root" && mvn -q -B -DskipTests package) || { echo "run.sh: the racedet build failed" >&2; exit 1; }
  fi
fi
[[ -f $agent ]] || ((table_only)) || { echo "run.sh: no agent jar at $agent" >&2; exit 2; }
pass+=(--agent "$agent")

# The harness itself: plain javac, no dependencies; recompiled when a source is newer than its classes.
classes=$root/bench/harness/target/classes
stamp=$classes/bench/harness/Harness.class
if [[ ! -f $stamp ]] || [[ -n $(find "$root/bench/harness/src" -name '*.java' -newer "$stamp") ]]; then
  rm -rf "$classes" && mkdir -p "$classes"
  javac -d "$classes" --release 17 "$root"/bench/harness/src/main/java/bench/harness/*.java ||
    { echo "run.sh: the harness does not compile" >&2; exit 1; }
fi
harness=(java -cp "$classes" bench.harness.Harness --root "$root")

# Build the directories of the selected workloads.
dirs=()
if ((table_only == 0)); then
  listing=$("${harness[@]}" --list-dirs "${pass[@]}") || exit $? # bad options: the harness said why
  [[ -n $listing ]] && mapfile -t dirs <<<"$listing"
fi
logs=$root/bench/results/build-logs
for dir in "${dirs[@]}"; do
  [[ -f $dir/build.sh || -f $dir/pom.xml ]] || continue
  if ((rebuild == 0)) && [[ -d $dir/target && ! -e $dir/target/.bench-build-failed ]]; then
    continue
  fi
  mkdir -p "$logs"
  log=$logs/$(basename "$dir").log
  if [[ -f $dir/build.sh ]]; then
    echo "run.sh: building ${dir#"$root"/} (build.sh)"
    (cd "$dir" && bash ./build.sh) >"$log" 2>&1
  else
    echo "run.sh: building ${dir#"$root"/} (mvn -q -B -f ${dir#"$root"/}/pom.xml package)"
    mvn -q -B -f "$dir/pom.xml" package >"$log" 2>&1
  fi
  status=$?
  if ((status != 0)); then
    echo "run.sh: the build of ${dir#"$root"/} failed (status $status, log ${log#"$root"/}); its workloads are marked failed" >&2
    mkdir -p "$dir/target" && touch "$dir/target/.bench-build-failed"
    pass+=(--build-failed "$dir=$log")
  else
    rm -f "$dir/target/.bench-build-failed"
  fi
done

exec "${harness[@]}" --command "$command" "${pass[@]}"
