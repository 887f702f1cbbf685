#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Pyramidal OME-TIFF speed of the image viewer (see PyramidTiffBench.java): first display of a
# 16384x16384 uint16 OME-TIFF (7 levels in SubIFDs, 256x256 Deflate tiles) fitted to a 1200x800 view:
# the level the zoom needs versus level 0 (time, bytes fetched, reads), on local disk and on a local
# S3 server (S3Proxy on 127.0.0.1). Compiles org.idx.images, org.idx.images.s3, the test support and
# the viewer's UI-free ImageComposer with javac into releng/bench/images/target/ometiff-classes; the
# jars come from ~/.m2 (run ./mvnw verify once to fetch them). The fixture (about 0.3 GB) is written
# once into releng/bench/images/target/ometiff/.
#
# Usage: releng/bench/images/bench-ometiff.sh [ROUNDS] [nos3]     (default 3; needs a 21+ JDK)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx3g)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../remote/env.sh"
target="$here/target"
rounds=${1:-3}
s3=${2:-}

classes="$target/ometiff-classes"
mkdir -p "$classes"
rm -rf "${classes:?}"/* "$target"/s3proxy-*
b="$root/bundles"
"$jdk/bin/javac" --release 21 -nowarn -d "$classes" -cp "$cp" \
    $(find "$b/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') \
    $(find "$b/org.idx.images.s3/src" "$b/org.idx.images.testing/src" -name '*.java') \
    "$b/org.idx.ui.image/src/org/idx/ui/image/ImageComposer.java" "$b/org.idx.ui.image/src/org/idx/ui/image/LabelColours.java" \
    "$here/PyramidTiffBench.java" "$here/BenchRoots.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx3g} -Didx.s3proxy.jar="$proxy" -cp "$classes:$cp" PyramidTiffBench "$target" "$rounds" $s3
