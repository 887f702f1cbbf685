#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Speed of what the plate map and distribution views compute (per-well aggregate, histogram, box
# statistics by 50 groups) and of the non-UI part of a ~30% lasso travelling through the Explore
# views (row set, published RowSelection, scatter highlight repaint, histogram overlay, plate
# counts), on seeded data. Compiles org.idx.core and org.idx.plot with javac (no Maven needed).
#
# Usage: releng/bench/plot/bench-explore.sh [ROWS]      (default: 1000000)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx3g), RUNS (default 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
target="$here/target"

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME

rm -rf "$target/explore-classes"
mkdir -p "$target/explore-classes"
"$jdk/bin/javac" --release 21 -nowarn -d "$target/explore-classes" \
    $(find "$root/bundles/org.idx.plot/src" "$root/bundles/org.idx.core/src" -name '*.java') "$here/ExploreBench.java"
# shellcheck disable=SC2086
exec "$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx3g} -Druns="${RUNS:-5}" -cp "$target/explore-classes" ExploreBench "$@"
