#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reading speed of IDX's delimited-text reader against R's data.table::fread on the same file.
# Builds org.idx.core + org.idx.io with javac into releng/bench/target/, generates the seeded
# 1,000,000-row x (30 doubles + 2 text) CSV there when missing, then prints fread's best of 3,
# IDX's best of 3 (after one warm-up read, same JVM), their ratio, the heap held by the table
# and the time to sort one numeric column.
#
# Usage: releng/bench/bench-read.sh [ROWS]        (needs: a 21+ JDK; Rscript with data.table)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx8g), FREAD_THREADS
# (data.table threads; default: all cores, as IDX uses).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target="$here/target"
rows=${1:-1000000}
data="$target/table-${rows}.csv"

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME
m2=${M2_REPO:-$HOME/.m2/repository}
fdp="$m2/ch/randelshofer/fastdoubleparser/2.0.1/fastdoubleparser-2.0.1.jar"
jackson="$m2/com/fasterxml/jackson/core/jackson-core/2.18.2/jackson-core-2.18.2.jar"
if [ ! -f "$fdp" ]; then
    echo "bench-read.sh: $fdp missing; fetch it with: mvn dependency:get -Dartifact=ch.randelshofer:fastdoubleparser:2.0.1" >&2
    exit 1
fi
command -v Rscript >/dev/null || { echo "bench-read.sh: Rscript missing; apt-get install -y r-cran-data.table" >&2; exit 1; }

mkdir -p "$target/classes"
rm -rf "$target/classes"/*
"$jdk/bin/javac" --release 21 -nowarn -d "$target/classes" -cp "$fdp:$jackson" \
    $(find "$root/bundles/org.idx.core/src" "$root/bundles/org.idx.io/src" -name '*.java') \
    "$here/ReadCsvBench.java" "$here/GenTable.java"

if [ ! -f "$data" ]; then
    echo "generating $data ..."
    "$jdk/bin/java" -cp "$target/classes" GenTable "$data" "$rows"
fi
echo "file: $data ($(du -h "$data" | cut -f1)), $(nproc) cores"

fread_threads=${FREAD_THREADS:-$(nproc)}
fread_out=$(Rscript -e '
suppressMessages(library(data.table))
setDTthreads(as.integer(commandArgs(TRUE)[2]))
f <- commandArgs(TRUE)[1]
invisible(fread(f))
best <- Inf
for (i in 1:3) best <- min(best, system.time(d <- fread(f))[["elapsed"]])
cat(sprintf("FREAD_BEST %.3f threads %d rows %d cols %d\n", best, getDTthreads(), nrow(d), ncol(d)))
' "$data" "$fread_threads")
echo "$fread_out"

# shellcheck disable=SC2086
idx_out=$("$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx8g} -cp "$target/classes:$fdp" ReadCsvBench "$data" 3)
echo "$idx_out"

fread_best=$(echo "$fread_out" | awk '/FREAD_BEST/ {print $2}')
idx_best=$(echo "$idx_out" | awk '/IDX_READ_BEST/ {print $2}')
awk -v f="$fread_best" -v i="$idx_best" 'BEGIN { printf "fread %.3f s, IDX %.3f s, IDX/fread = %.2f\n", f, i, i / f }'
