#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Display speed of the Image Viewer on its real SWT canvas: first display of a 2048x2048 16-bit plane
# after its bytes are read (auto contrast + colour mapping + paint) and z slider steps from the plane
# cache. Builds org.idx.images and the viewer's UI-free composer and canvas with javac against the SWT
# jar from ~/.m2 into releng/bench/images/target/viewer-classes, writes an 8-plane fixture there when
# missing and prints the figures. Needs a display: run it under Xvfb (DISPLAY=:NN).
#
# Usage: releng/bench/images/bench-viewer.sh [ROUNDS]     (default 9; needs a 21+ JDK)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx2g), SWT_JAR (default: newest in ~/.m2)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
target="$here/target"
rounds=${1:-9}

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME
swt=${SWT_JAR:-$(ls "$HOME"/.m2/repository/org/eclipse/platform/org.eclipse.swt.gtk.linux.x86_64/*/org.eclipse.swt.gtk.linux.x86_64-*.jar \
    | grep -v sources | sort -V | tail -n 1)}
[ -n "${DISPLAY:-}" ] || { echo "bench-viewer.sh: no DISPLAY; start Xvfb :NN and export DISPLAY=:NN" >&2; exit 1; }

classes="$target/viewer-classes"
mkdir -p "$classes"
rm -rf "${classes:?}"/*
ui="$root/bundles/org.idx.ui.image/src/org/idx/ui/image"
"$jdk/bin/javac" --release 21 -nowarn -cp "$swt" -d "$classes" \
    $(find "$root/bundles/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') \
    "$ui/ImageComposer.java" "$ui/LabelColours.java" "$ui/ImageCanvas.java" "$here/ViewerBench.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx2g} -cp "$classes:$swt" ViewerBench "$target" "$rounds"
