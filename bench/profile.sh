#!/usr/bin/env bash
# Usage: bench/profile.sh [--agent JAR] [--java PATH] [--size reduced|full] [--out DIR] NAME...
#
# Where does racedet's time go? Runs each named workload of bench/*/workloads.txt ONCE without
# racedet (plain, for the slowdown at that size) and ONCE with it, under JFR (settings=profile),
# a GC log and GNU time, then classifies every JFR execution sample by the innermost racedet frame
# on its stack (bench/profile/analyze.py) and regenerates bench/PROFILES.md.
#
#   --agent JAR     the racedet jar (default: agent/target/racedet.jar)
#   --java PATH     the java to run (default: java on the PATH); a block's `jdk = 25` uses
#                   --jdk25 PATH (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
#   --size reduced  the block's `profile` line when it has one, else its `java` line (default)
#   --size full     the block's `java` line (the benchmark's size; many run minutes with racedet)
#   --out DIR       where the reports go (default bench/results/profiles/<UTC>)
#   --timeout S     seconds per JVM run (default 300)
#   --table FILE    the table to regenerate (default bench/PROFILES.md); --no-table: none
#   NAME...         workload names (see bench/*/workloads.txt); --help prints this
#
# Per workload it writes DIR/NAME.txt (the report) and DIR/NAME.json (its numbers, read by the
# table); the JFR recording, GC log, stdout/stderr and racedet's JSON report stay in DIR/raw/NAME/
# (not committed). Runs one JVM at a time, in a fresh scratch directory like bench/run.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
AGENT=$ROOT/agent/target/racedet.jar
JAVA=java
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
SIZE=reduced
TIMEOUT=300 # seconds per JVM run (exit 124 in the report when reached)
OUT=
TABLE=$ROOT/bench/PROFILES.md
NAMES=()

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "profile.sh: $*" >&2; exit 2; }

parse_args() {
  while [[ $# -gt 0 ]]; do
    case $1 in
      --help|-h) usage; exit 0 ;;
      --agent) AGENT=$(realpath "$2"); shift 2 ;;
      --java) JAVA=$2; shift 2 ;;
      --jdk25) JDK25=$2; shift 2 ;;
      --size) SIZE=$2; [[ $SIZE == reduced || $SIZE == full ]] || die "--size reduced|full"; shift 2 ;;
      --timeout) TIMEOUT=$2; shift 2 ;;
      --out) OUT=$(realpath -m "$2"); shift 2 ;;
      --table) TABLE=$(realpath -m "$2"); shift 2 ;;
      --no-table) TABLE=; shift ;;
      -*) die "unknown option $1 (--help)" ;;
      *) NAMES+=("$1"); shift ;;
    esac
  done
  [[ ${#NAMES[@]} -gt 0 ]] || { usage >&2; exit 2; }
  [[ -f $AGENT ]] || die "no agent jar $AGENT (build: mvn -q -B -o -DskipTests -pl agent package)"
  [[ -x /usr/bin/time ]] || die "needs GNU time (/usr/bin/time)"
  command -v jfr >/dev/null || die "needs the JDK's jfr tool on the PATH"
  OUT=${OUT:-$ROOT/bench/results/profiles/$(date -u +%Y%m%dT%H%M%SZ)}
}

# The workloads.txt holding block [NAME].
block_file() {
  grep -l -x "\[$1\]" "$ROOT"/bench/*/workloads.txt | head -1
}

# The value of KEY in block [NAME] of FILE (empty when absent). Same format as the harness's
# Workload parser: `key = value` lines until the next [block]; # starts a comment line.
block_key() {
  awk -v name="[$2]" -v key="$3" '
    /^[[:space:]]*#/ { next }
    /^\[/ { inblock = ($0 == name); next }
    inblock { i = index($0, "="); if (i == 0) next
              k = substr($0, 1, i - 1); gsub(/[[:space:]]/, "", k)
              if (k == key) { v = substr($0, i + 1); sub(/^[[:space:]]+/, "", v); sub(/[[:space:]]+$/, "", v); print v; exit } }
  ' "$1"
}

# ${DIR} and ${ROOT} as the harness expands them.
expand() {
  local s=$1 dir=$2
  s=${s//\$\{DIR\}/$dir}
  s=${s//\$\{ROOT\}/$ROOT}
  printf '%s' "$s"
}

# Runs `java ARGS...` in directory $1 with output prefix $2 under GNU time; the time file's last line
# is "wall user sys maxrss_kb exit" (analyze.py reads it). Never fails: the exit status is recorded.
timed_run() {
  local dir=$1 prefix=$2; shift 2
  # timeout sends SIGTERM: the JVM still runs its shutdown hooks, so JFR writes its recording.
  ( cd "$dir" && /usr/bin/time -f '%e %U %S %M %x' -o "$prefix.time" timeout "$TIMEOUT" "$@" >"$prefix.out" 2>"$prefix.err" ) || true
  tail -1 "$prefix.time"
}

profile_one() {
  local name=$1 file dir line size java_cmd prep score raw scratch
  file=$(block_file "$name") || true
  [[ -n $file ]] || { echo "profile.sh: no workload [$name] in bench/*/workloads.txt" >&2; return 1; }
  dir=$(dirname "$file")
  line=$(block_key "$file" "$name" profile); size=reduced
  if [[ $SIZE == full || -z $line ]]; then line=$(block_key "$file" "$name" java); size=full; fi
  line=$(expand "$line" "$dir")
  java_cmd=$JAVA; [[ $(block_key "$file" "$name" jdk) == 25 ]] && java_cmd=$JDK25
  score=$(block_key "$file" "$name" score)
  prep=$(block_key "$file" "$name" prepare)
  if [[ -n $prep ]]; then
    # The block's own preparation (builds, generated inputs); idempotent by the format's rules.
    (cd "$dir" && bash -c "$(expand "$prep" "$dir")") >"$OUT/raw/$name.prepare.log" 2>&1 \
      || { echo "profile.sh: $name: prepare failed ($OUT/raw/$name.prepare.log)" >&2; return 1; }
  fi
  raw=$OUT/raw/$name; mkdir -p "$raw"
  local agent_opts; agent_opts="$(block_key "$file" "$name" agent),json=$raw/racedet-%p.json"
  # shellcheck disable=SC2206 # the java line is split on whitespace, like the harness does
  local args
  set -f; args=($line); set +f # no pathname expansion: `-cp lib/*` is the JVM's wildcard, as in the harness

  echo "== $name ($size): $line"
  scratch=$(mktemp -d); echo -n "   plain:   "; timed_run "$scratch" "$raw/plain" "$java_cmd" "${args[@]}"; rm -rf "$scratch"
  # JFR and the GC log are only on the racedet run: the plain run is the reference time.
  scratch=$(mktemp -d); echo -n "   racedet: "
  # DebugNonSafepoints: debug info at every compiled PC, so a sample in inlined code is attributed
  # to the method it is in, not to the nearest safepoint (often a hook's call site or exit).
  timed_run "$scratch" "$raw/agent" "$java_cmd" "-javaagent:$AGENT=$agent_opts" \
    -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
    "-XX:StartFlightRecording=filename=$raw/agent.jfr,settings=profile" "-Xlog:gc:file=$raw/agent.gc.log" "${args[@]}"
  rm -rf "$scratch"

  python3 "$ROOT/bench/profile/analyze.py" report --name "$name" --size "$size" --java-line "$line" \
    --utc "$(basename "$OUT")" --commit "$(agent_commit)" \
    --jfr "$raw/agent.jfr" --gc "$raw/agent.gc.log" --agent-time "$raw/agent.time" --plain-time "$raw/plain.time" \
    --score-regex "$score" --plain-out "$raw/plain.out" --agent-out "$raw/agent.out" \
    --txt "$OUT/$name.txt" --json "$OUT/$name.json" >/dev/null
  sed -n '4,6p;8p' "$OUT/$name.txt" | sed 's/^/   /'
}

# racedet's commit: from JAR.commit when present (a copied jar, e.g. /tmp/prof-agent.jar, keeps the
# commit it was built from there: the manifest has none), else the repository's HEAD.
agent_commit() {
  if [[ -f $AGENT.commit ]]; then head -c 12 "$AGENT.commit"; echo; return; fi
  git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown
}

main() {
  parse_args "$@"
  mkdir -p "$OUT/raw"
  local failed=0 n
  for n in "${NAMES[@]}"; do profile_one "$n" || failed=1; done
  if [[ -n $TABLE ]]; then
    python3 "$ROOT/bench/profile/analyze.py" table --profiles "$(dirname "$OUT")" --out "$TABLE" \
      --command "bench/profile.sh --size $SIZE NAME..." \
      --order "demo series sor sparse crypt montecarlo raytracer moldyn trees lists sync-transfers lock-transfers pipeline executor-graphs statics-volatiles alloc lucene h2 jmh-sample"
    echo "table: $TABLE"
  fi
  echo "reports: $OUT"
  return $failed
}

main "$@"
