#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The tiled image viewer on a large pyramid (see TiledBench.java): a 32768x32768 uint16 OME-Zarr with 7 levels
# and 512x512 zstd chunks, shown in a 1200x800 view through the viewer's composer: fitted (the coarse level
# read whole), then 100 % in the centre (only the tiles in view of level 0 read, composed over the coarse
# level), then a pan; time, bytes and reads of each and the memory held, on local disk and on a local S3
# server (S3Proxy on 127.0.0.1). Compiles org.idx.core, org.idx.images, org.idx.images.zarr,
# org.idx.images.s3, the test support and the viewer's UI-free ImageComposer with javac into
# releng/bench/images/target/tiled-classes; the jars come from ~/.m2 (run ./mvnw verify once to fetch them).
# The fixture (about 2.5 GB, a minute or two to write) is written once into releng/bench/images/target/zarr-tiled-noise.
#
# Usage: releng/bench/images/bench-tiles.sh [ROUNDS]     (default 5; needs a 21+ JDK)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx2g)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../remote/env.sh"
target="$here/target"
rounds=${1:-5}

classes="$target/tiled-classes"
mkdir -p "$classes"
rm -rf "${classes:?}"/* "$target"/s3proxy-tiled-*
b="$root/bundles"
"$jdk/bin/javac" --release 21 -nowarn -d "$classes" -cp "$cp" \
    $(find "$b/org.idx.core/src" -name '*.java') \
    $(find "$b/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') \
    $(find "$b/org.idx.images.zarr/src" "$b/org.idx.images.s3/src" "$b/org.idx.images.testing/src" -name '*.java') \
    "$b/org.idx.ui.image/src/org/idx/ui/image/ImageComposer.java" "$b/org.idx.ui.image/src/org/idx/ui/image/LabelColours.java" \
    "$here/TiledBench.java" "$here/BenchRoots.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx2g} -Didx.s3proxy.jar="$proxy" -cp "$classes:$cp" TiledBench "$target" "$rounds"
