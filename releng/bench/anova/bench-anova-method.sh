#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of the anova method: 1,000,000 rows, 50 groups, table -> report -> JSON through the
# AnalysisMethod interface, best of 3 (target < 5 s). Compiles with plain javac (no Maven).
#   releng/bench/anova/bench-anova-method.sh [rows] [groups] [runs]
. "$(dirname "$0")/env.sh"
compile_main
HERE="$(cd "$(dirname "$0")" && pwd)"
rm -rf "$BUILD/bench" && mkdir -p "$BUILD/bench"
"$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/bench" -cp "$CP" $(find "$HERE/src" -name '*.java')
"$JAVA" -Xmx2g -cp "$BUILD/bench:$CP" org.idx.bench.anova.BenchAnovaMethod "$@"
