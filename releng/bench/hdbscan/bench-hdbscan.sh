#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Speed and memory of the hdbscan method (min-points=10) on seeded 2-D tables of 20,000, 100,000
# and 1,000,000 rows (12 blobs of different spreads + 5 % noise), each in its own JVM, through the
# AnalysisMethod API the CLI uses (table in memory; reading excluded). Targets: 100k < 10 s,
# 1M < 2 min, memory linear in n. Then, when Rscript with the dbscan package is installed, R's
# dbscan::hdbscan on the same 20k rows in the same run (R builds an n x n matrix: 100k fails),
# with the adjusted Rand index between R's labels and IDX's.
#
# Usage: releng/bench/hdbscan/bench-hdbscan.sh [SIZES="20000 100000 1000000"]
# Needs a 21+ JDK and the org.eclipse.equinox.common / .registry / org.eclipse.osgi jars (from ~/.m2, filled by the build).
# Environment: IDX_BENCH_JVM_ARGS (default -Xmx2g).
#
# Figures on the shared 2-core machine (load 15-18 from other builds; the CPU time is the steadier
# figure): 20k 2.7 s (cpu 1.1 s), peak heap 14 MB; 100k 6.6 s (cpu 3.3 s), 56 MB; 1M 28.5 s
# (cpu 15.4 s), 403 MB, and the same 1M run fits in -Xmx600m. R dbscan::hdbscan on the 20k rows
# 35.5 s in the same run, adjusted Rand index against IDX's labels 1.0000.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
sizes=${1:-"20000 100000 1000000"}
. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jar() {
  local found
  found=$(find "${M2_REPO:-$HOME/.m2/repository}/org/eclipse/platform/$1" "$root/product/target/repository/plugins" \
    \( -name "$1-[0-9]*.jar" -o -name "$1_[0-9]*.jar" \) 2>/dev/null | sort | tail -n 1)
  [ -n "$found" ] || { echo "bench-hdbscan.sh: no $1 jar; run ./mvnw verify once" >&2; exit 1; }
  echo "$found"
}
cp="$(jar org.eclipse.equinox.common):$(jar org.eclipse.equinox.registry):$(jar org.eclipse.osgi)"
out="$here/target/classes"
rm -rf "$out" "$here/target/hdbscan-20000.csv" "$here/target/idx-labels-20000.txt"; mkdir -p "$out"
"$JAVA_HOME/bin/javac" --release 21 -nowarn -d "$out" -cp "$cp" \
  $(find "$root/bundles/org.idx.core/src" "$root/bundles/org.idx.analysis/src" "$root/bundles/org.idx.spatial/src" \
         "$root/bundles/org.idx.analysis.hdbscan/src" -name '*.java') \
  "$root/bundles/org.idx.io/src/org/idx/io/json/JsonWriter.java" "$here/HdbscanBench.java"
echo "cores: $(nproc), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
for n in $sizes; do
  extra=()
  [ "$n" = 20000 ] && extra=("$here/target/hdbscan-20000.csv" "$here/target/idx-labels-20000.txt")
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx2g} -cp "$out:$cp" HdbscanBench "$n" "${extra[@]}"
done
if [ -f "$here/target/hdbscan-20000.csv" ] && command -v Rscript > /dev/null && Rscript -e 'library(dbscan)' > /dev/null 2>&1; then
  Rscript -e "
    suppressMessages(library(dbscan))
    x <- as.matrix(read.csv('$here/target/hdbscan-20000.csv'))
    t <- system.time(fit <- hdbscan(x, minPts = 10))[['elapsed']]
    idx <- as.integer(readLines('$here/target/idx-labels-20000.txt'))
    pairs <- function(v) sum(choose(v, 2))
    tab <- table(fit\$cluster, idx)
    a <- pairs(tab); r <- pairs(rowSums(tab)); c <- pairs(colSums(tab)); e <- r * c / choose(length(idx), 2)
    cat(sprintf('R dbscan::hdbscan     20,000 rows x 2, minPts=10: %7.2f s; %d clusters, %d noise; adjusted Rand vs IDX %.4f\n',
                t, length(setdiff(unique(fit\$cluster), 0)), sum(fit\$cluster == 0), (a - e) / ((r + c) / 2 - e)))
  "
else
  echo "R dbscan::hdbscan: skipped (Rscript with package dbscan not installed)"
fi
