#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# UMAP speed and quality, IDX against R's uwot on the same seeded data (12 clusters in a 5-dim
# latent space mapped into 30 columns plus noise; the analysis benchmark's generator), for each
# size in one run: IDX's umap method (neighbors 15, min-dist 0.1, scale; through the same
# AnalysisMethod API the CLI uses, table in memory) and uwot::umap(scale(x), n_neighbors = 15,
# min_dist = 0.1) on the CSV IDX wrote. Both print wall time and the trustworthiness at k = 10
# estimated on the same 2,000 sampled rows (ranks among all rows). Targets: 100k x 30 no slower
# than uwot (issue 4: uwot took 48 s here); trustworthiness within 0.03 of uwot's.
# The uwot part is skipped with a message when Rscript (with uwot, data.table, dbscan) is missing.
#
# Usage: releng/bench/umap/bench-umap.sh [SIZES="20000 100000"] [COLS=30]
# Environment: IDX_BENCH_JVM_ARGS (default -Xmx4g), UWOT_THREADS (default: uwot's own default).
. "$(dirname "$0")/env.sh"
sizes=${1:-"20000 100000"}
cols=${2:-30}
here="$ROOT/releng/bench/umap"
out="$here/target"
mkdir -p "$out"
compile_main
"$JAVAC" --release 21 -nowarn -d "$BUILD/main" -cp "$CP" "$here/UmapBench.java"
echo "cores: $(nproc), $("$JAVA" -version 2>&1 | head -n 1)"
have_r=yes
if ! command -v Rscript >/dev/null || ! Rscript -e 'for (p in c("uwot", "data.table", "dbscan")) if (!requireNamespace(p, quietly = TRUE)) quit(status = 1)' >/dev/null 2>&1; then
  have_r=
  echo "R with uwot, data.table and dbscan not found: skipping the uwot runs"
fi
for n in $sizes; do
  # shellcheck disable=SC2086
  "$JAVA" ${IDX_BENCH_JVM_ARGS:--Xmx4g} -cp "$CP" UmapBench "$n" "$cols" "$out"
  if [ -n "$have_r" ]; then
    Rscript - "$out/umap-${n}x${cols}.csv" "$out/sample-${n}x${cols}.txt" "${UWOT_THREADS:-}" <<'REOF'
args <- commandArgs(trailingOnly = TRUE)
suppressMessages({ library(uwot); library(data.table); library(dbscan) })
x <- scale(as.matrix(fread(args[1])))
sample <- scan(args[2], quiet = TRUE)
threads <- if (nzchar(args[3])) as.integer(args[3]) else NULL
load <- function() tryCatch(scan("/proc/loadavg", what = "", n = 1, quiet = TRUE), error = function(e) "?")
before <- load()
set.seed(1)
t <- system.time(e <- umap(x, n_neighbors = 15, min_dist = 0.1, n_threads = threads, verbose = FALSE))
k <- 10; n <- nrow(x)
nn <- dbscan::kNN(e, k)$id
penalty <- 0
for (i in sample) {
  d <- colSums((t(x) - x[i, ])^2)
  d[i] <- Inf
  r <- rank(d, ties.method = "first")[nn[i, ]] - k
  penalty <- penalty + sum(r[r > 0])
}
trust <- 1 - penalty * 2 / (length(sample) * k * (2 * n - 3 * k - 1))
cat(sprintf("uwot umap %s x %d: %6.2f s (cpu %.2f s, n_threads %s), trustworthiness(10) %.4f on %d sampled rows  [load %s -> %s]\n",
  format(n, big.mark = ","), ncol(x), t[["elapsed"]], t[["user.self"]] + t[["sys.self"]] + t[["user.child"]],
  if (is.null(threads)) "default" else threads, trust, length(sample), before, load()))
REOF
  fi
done
