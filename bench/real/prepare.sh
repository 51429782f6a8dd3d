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
  rm -rf target/cds # a CDS archive holds the jars' sizes and times: made again for new jars
  touch "$stamp"
fi

# The cds workload's archive: the classes the classload workload loads, dumped at the exit of one run
# (JDK 13+ dynamic archive, on top of the JDK's default one). It fits only the JDK that made it: the
# java on the PATH (JDK 17 here); a JVM of another version warns and runs without it.
# CDS checks the class path's jars by size and time: a jar rebuilt since (the harness's --rebuild)
# would make the JVM ignore the archive, so it is made again then.
if [[ ! -f target/cds/classload.jsa ]] || [[ -n $(find target/real.jar target/classload \
      -newer target/cds/classload.jsa -print -quit) ]]; then
  rm -f target/cds/classload.jsa
  mkdir -p target/cds
  java -XX:ArchiveClassesAtExit=target/cds/classload.jsa -cp "$PWD/target/real.jar" bench.real.ClassLoad \
    "$PWD/target/classload" >target/cds/dump.log 2>&1
fi
