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
root=$(cd "$here/../../.." && pwd)
target="$here/target"
rounds=${1:-5}

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME
m2=${M2_REPO:-$HOME/.m2/repository}

jar() { # group-path artifact version
  local f="$m2/$1/$2/$3/$2-$3.jar"
  [ -f "$f" ] || { echo "missing $f (run ./mvnw verify once to fetch it)" >&2; exit 1; }
  printf '%s:' "$f"
}
cp=""
for a in $(grep '^software.amazon.awssdk:' "$root/releng/target-gen/artifacts.txt" | cut -d: -f2); do
  cp="$cp$(jar software/amazon/awssdk "$a" 2.56.0)"
done
cp="$cp$(jar software/amazon/eventstream eventstream 1.0.1)$(jar org/reactivestreams reactive-streams 1.0.4)"
cp="$cp$(jar org/slf4j slf4j-api 1.7.36)$(jar org/slf4j slf4j-nop 1.7.36)"
cp="$cp$(jar com/github/luben zstd-jni 1.5.7-28)$(jar com/scalableminds blosc-java 0.1-1.21.4)"
for a in core databind annotations; do cp="$cp$(jar com/fasterxml/jackson/core jackson-$a 2.18.2)"; done
ep=org/eclipse/platform
cp="$cp$(jar $ep org.eclipse.equinox.common 3.21.0)$(jar $ep org.eclipse.equinox.preferences 3.12.100)"
cp="$cp$(jar $ep org.eclipse.osgi 3.24.300)$(jar org/osgi org.osgi.service.prefs 1.1.2)"
proxy="$m2/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar"
[ -f "$proxy" ] || { echo "missing $proxy (run ./mvnw verify once to fetch it)" >&2; exit 1; }

classes="$target/tiled-classes"
mkdir -p "$classes"
rm -rf "${classes:?}"/* "$target"/s3proxy-tiled-*
b="$root/bundles"
"$jdk/bin/javac" --release 21 -nowarn -d "$classes" -cp "$cp" \
    $(find "$b/org.idx.core/src" -name '*.java') \
    $(find "$b/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') \
    $(find "$b/org.idx.images.zarr/src" "$b/org.idx.images.s3/src" "$b/org.idx.images.testing/src" -name '*.java') \
    "$b/org.idx.ui.image/src/org/idx/ui/image/ImageComposer.java" "$b/org.idx.ui.image/src/org/idx/ui/image/LabelColours.java" \
    "$here/TiledBench.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx2g} -Didx.s3proxy.jar="$proxy" -cp "$classes:$cp" TiledBench "$target" "$rounds"
