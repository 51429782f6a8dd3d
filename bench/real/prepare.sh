#!/usr/bin/env bash
# Prepares bench/real's workloads (the `prepare` of every block of bench/real/workloads.txt): builds
# bench/real/target (our drivers, the Spring Boot application, the libraries from Maven Central; see
# pom.xml) and generates the Lucene workload's documents. Idempotent; the second call only compares
# file times: it builds again only when a source, a POM or this script is newer than the last build.
set -euo pipefail
cd "$(dirname "$0")"
stamp=target/.prepared
lucene_docs=1000 # documents the lucene workload indexes (1000 + 4 x 125 updates: 2-5 s without racedet)

if [[ ! -f $stamp ]] || [[ -n $(find pom.xml */pom.xml prepare.sh src boot-app/src lucene ../real-code/src \
      -newer "$stamp" -print -quit) ]]; then
  mvn -q -B -f pom.xml package
  mkdir -p target/lucene
  # A fixed seed: the same documents and queries every time (bench/real-code's generator).
  java -cp target/real.jar bench.realcode.LineDocs target/lucene/docs.txt target/lucene/queries.txt "$lucene_docs"
  touch "$stamp"
fi
