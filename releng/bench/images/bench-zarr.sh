#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# OME-Zarr speed of the image viewer and the gallery (see ZarrBench.java):
# (1) first display of an 8192x8192 uint16 OME-Zarr with 4 levels on local disk, fitted to a 1200x800
#     view: the level the zoom needs versus level 0 only (time and bytes fetched);
# (2) 100 gallery crops from 10 multiscale OME-Zarr images, on local disk and on a local S3 server
#     (S3Proxy on 127.0.0.1): region reads versus whole planes (time, target < 2 s, and bytes fetched).
# Compiles org.idx.core, org.idx.images, org.idx.images.zarr, org.idx.images.s3, the test support,
# the viewer's UI-free ImageComposer and the gallery's Crops with javac into
# releng/bench/images/target/zarr-classes; the jars come from ~/.m2 (see ../remote/env.sh). The
# fixtures (about 0.3 GB) are written once into releng/bench/images/target/.
#
# Usage: releng/bench/images/bench-zarr.sh [ROUNDS]     (default 5; needs a 21+ JDK)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx3g)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../remote/env.sh"
target="$here/target"
rounds=${1:-5}

classes="$target/zarr-classes"
mkdir -p "$classes"
rm -rf "${classes:?}"/* "$target"/s3proxy-*
b="$root/bundles"
"$jdk/bin/javac" --release 21 -nowarn -d "$classes" -cp "$cp" \
    $(find "$b/org.idx.core/src" -name '*.java') \
    $(find "$b/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') \
    $(find "$b/org.idx.images.zarr/src" "$b/org.idx.images.s3/src" "$b/org.idx.images.testing/src" -name '*.java') \
    "$b/org.idx.ui.image/src/org/idx/ui/image/ImageComposer.java" "$b/org.idx.ui.image/src/org/idx/ui/image/LabelColours.java" \
    "$b/org.idx.ui.gallery/src/org/idx/ui/gallery/Crops.java" "$here/ZarrBench.java" "$here/BenchRoots.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx3g} -Didx.s3proxy.jar="$proxy" -cp "$classes:$cp" ZarrBench "$target" "$rounds"
