#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Speed of the built-in analysis methods on a seeded 1,000,000 x 30 table, through the same
# AnalysisMethod/ParameterValues API the CLI uses (table in memory; reading time excluded):
#   pca     components=2, scale=true                       target < 3 s
#   kmeans  k=10, restarts=10, scale=true                  target < 30 s
# With --with-r also R's prcomp and kmeans(nstart=10, algorithm="Lloyd"/"Hartigan-Wong") on the
# same numbers (slow; needs Rscript). Each line shows wall and JVM CPU time and the load average before -> after
# (the machine may be shared: compare CPU time, or rerun when the load is high).
#
# Usage: releng/bench/analysis/bench-analysis.sh [ROWS=1000000] [COLS=30] [--with-r]
# Needs a 21+ JDK and the org.eclipse.equinox.common / .registry / org.eclipse.osgi jars (from ~/.m2, filled by the build).
# Environment: IDX_BENCH_JVM_ARGS (default -Xmx6g).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
rows=${1:-1000000}
cols=${2:-30}
withr=${3:-}
. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jar() {
  local found
  found=$(find "${M2_REPO:-$HOME/.m2/repository}/org/eclipse/platform/$1" "$root/product/target/repository/plugins" \
    \( -name "$1-[0-9]*.jar" -o -name "$1_[0-9]*.jar" \) 2>/dev/null | sort | tail -n 1)
  [ -n "$found" ] || { echo "bench-analysis.sh: no $1 jar; run ./mvnw verify once" >&2; exit 1; }
  echo "$found"
}
cp="$(jar org.eclipse.equinox.common):$(jar org.eclipse.equinox.registry):$(jar org.eclipse.osgi)"
out="$here/target/classes"
rm -rf "$out"; mkdir -p "$out"
"$JAVA_HOME/bin/javac" --release 21 -nowarn -d "$out" -cp "$cp" \
  $(find "$root/bundles/org.idx.core/src" "$root/bundles/org.idx.analysis/src" "$root/bundles/org.idx.analysis.pca/src" \
         "$root/bundles/org.idx.analysis.kmeans/src" -name '*.java') \
  "$root/bundles/org.idx.io/src/org/idx/io/json/JsonWriter.java" "$here/AnalysisBench.java"
echo "cores: $(nproc), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx6g} -cp "$out:$cp" AnalysisBench "$rows" "$cols" \
  ${withr:+"$here/target/bench-${rows}x${cols}.csv"}
if [ "$withr" = "--with-r" ]; then
  Rscript -e "
    x <- as.matrix(data.table::fread('$here/target/bench-${rows}x${cols}.csv'))
    t <- system.time(p <- prcomp(x, scale. = TRUE))[['elapsed']]
    cat(sprintf('R prcomp: %.2f s, ratio PC1 %.6f\n', t, p\$sdev[1]^2 / sum(p\$sdev^2)))
    s <- scale(x); set.seed(1)
    t <- system.time(k <- kmeans(s, 10, nstart = 10, iter.max = 100))[['elapsed']]
    cat(sprintf('R kmeans Hartigan-Wong nstart=10: %.2f s, within/total %.6f\n', t, k\$tot.withinss / k\$totss))
  "
fi
