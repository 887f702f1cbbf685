#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Speed of org.idx.images.zarr.RowImageKeys: image keys of ROWS rows from plate/well/field columns through
# the metadata of two generated 384-well OME-Zarr plates (4 fields per well), and the metadata requests of three
# views resolving the same table at once (each on its own, and sharing the image root's plates). Builds org.idx.core,
# org.idx.images, org.idx.images.zarr and the fixture writer with javac into releng/bench/images/target,
# writes the plates there when missing and prints the figures.
#
# Usage: releng/bench/images/bench-rowkeys.sh [ROWS] [ROUNDS]     (default 1000000 5; needs a 21+ JDK)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx2g)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
target="$here/target"
rows=${1:-1000000}
rounds=${2:-5}

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME
m2="${M2_REPO:-$HOME/.m2/repository}"
jar() { # group-path artifact version
  local j="$m2/$1/$2/$3/$2-$3.jar"
  [ -f "$j" ] || { echo "bench-rowkeys.sh: missing $j (run the Maven build once)" >&2; exit 1; }
  printf '%s' "$j"
}
ep=org/eclipse/platform
libs="$(jar $ep org.eclipse.equinox.common 3.21.0):$(jar $ep org.eclipse.equinox.registry 3.12.600):$(jar $ep org.eclipse.osgi 3.24.300)"
for a in core databind annotations; do libs="$libs:$(jar com/fasterxml/jackson/core jackson-$a 2.18.2)"; done
libs="$libs:$(jar com/github/luben zstd-jni 1.5.7-6):$(jar com/scalableminds blosc-java 0.1-1.21.4)"

classes="$target/rowkeys-classes"
mkdir -p "$classes"
rm -rf "${classes:?}"/*
"$jdk/bin/javac" --release 21 -nowarn -encoding UTF-8 -cp "$libs" -d "$classes" \
    $(find "$root/bundles/org.idx.core/src" "$root/bundles/org.idx.images/src" "$root/bundles/org.idx.images.zarr/src" -name '*.java') \
    "$root/bundles/org.idx.images.testing/src/org/idx/images/testing/ZarrFixture.java" \
    "$root/bundles/org.idx.images.testing/src/org/idx/images/testing/CountingStore.java" "$here/RowKeysBench.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx2g} -cp "$classes:$libs" RowKeysBench "$target" "$rows" "$rounds"
