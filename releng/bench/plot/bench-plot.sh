#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Speed of the UI-free plotting engine (bundles/org.idx.plot) at 1000x800 pixels: spatial
# index build, scatter repaint (points, density, automatic; coloured by an annotation column's
# label colours after a recolour, 5% labelled, the labelled rows in front), pick, a ~30% lasso, a rectangle
# and a grouped histogram, on seeded clustered data. Best of RUNS after one warm-up each.
# Compiles with javac into releng/bench/plot/target/ (no Maven needed).
#
# Usage: releng/bench/plot/bench-plot.sh [ROWS...]      (default: 1000000 10000000)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx3g), RUNS (default 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
target="$here/target"

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME

rm -rf "$target/classes"
mkdir -p "$target/classes"
"$jdk/bin/javac" --release 21 -nowarn -d "$target/classes" \
    $(find "$root/bundles/org.idx.plot/src" -name '*.java') "$here/PlotBench.java"
# shellcheck disable=SC2086
exec "$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx3g} -Druns="${RUNS:-5}" -cp "$target/classes" PlotBench "$@"
