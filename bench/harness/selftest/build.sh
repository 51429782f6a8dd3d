#!/usr/bin/env bash
# Builds the self-test program into target/classes (plain javac: it is a single class).
set -euo pipefail
mkdir -p target/classes
javac --release 17 -d target/classes src/selftest/Tiny.java
