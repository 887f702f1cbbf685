#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Image display speed of org.idx.images: a 2048x2048 16-bit TIFF (uncompressed and Deflate, 64-row
# strips) read from local disk, decoded, auto-contrasted and mapped to ARGB, then re-mapped from the
# plane cache as a z/t slider step would. Builds org.idx.images with javac into
# releng/bench/images/target/ (no Eclipse jars needed: the extension-registry class is left out),
# writes the fixtures there when missing and prints one line per file.
#
# Usage: releng/bench/images/bench-images.sh [ROUNDS]     (default 7; needs a 21+ JDK)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx1g)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
target="$here/target"
rounds=${1:-7}

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME

mkdir -p "$target/classes"
rm -rf "$target/classes"/*
"$jdk/bin/javac" --release 21 -nowarn -d "$target/classes" \
    $(find "$root/bundles/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') \
    "$here/ImageBench.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx1g} -cp "$target/classes" ImageBench "$target" "$rounds"
