#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of the anova method on a table from disk, by default the sample screen (./idx
# generates it: releng/sampledata/target/sample/nuclei.csv) with value=area, group=siRNA
# (23 groups, 5,389 rows). Compiles with plain javac (no Maven).
#   releng/bench/anova/bench-anova-table.sh [TABLE [VALUE [GROUP [RUNS]]]]
. "$(dirname "$0")/env.sh"
compile_main
HERE="$(cd "$(dirname "$0")" && pwd)"
TABLE="${1:-$ROOT/releng/sampledata/target/sample/nuclei.csv}"
[ -f "$TABLE" ] || { echo "no table $TABLE (run ./idx once, or: java releng/sampledata/GenerateSample.java releng/sampledata/target/sample)" >&2; exit 1; }
rm -rf "$BUILD/bench" && mkdir -p "$BUILD/bench"
"$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/bench" -cp "$CP" $(find "$HERE/src" -name '*.java')
"$JAVA" -Xmx2g -cp "$BUILD/bench:$CP" org.idx.bench.anova.BenchAnovaTable "$TABLE" "${@:2}"
