#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that org.idx.images decodes the sample screen: generates it (Deflate by default, or
# uncompressed with --compression none) into DIR when missing, dumps a few of its images and masks
# to raw 16-bit with ImageMagick as a reference, then decodes all TIFFs with IDX and compares those
# pixel by pixel.
#
# Usage: releng/bench/images/check-sample.sh [DIR] [--compression none]   (needs a 21+ JDK, ImageMagick)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
target="$here/target"
dir=${1:-/tmp/sample-images}
shift || true

. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
jdk=$JAVA_HOME
command -v convert >/dev/null || { echo "check-sample.sh: ImageMagick's convert missing; apt-get install -y imagemagick" >&2; exit 1; }

if [ ! -d "$dir/images" ]; then
    "$jdk/bin/java" -XX:TieredStopAtLevel=1 "$root/releng/sampledata/GenerateSample.java" "$dir" "$@"
fi
for tif in $(find "$dir" -name '*.tif' | sort | awk 'NR % 48 == 1'); do
    convert "$tif" -depth 16 -endian LSB "gray:$tif.gray"
done
mkdir -p "$target/check-classes"
rm -rf "$target/check-classes"/*
"$jdk/bin/javac" --release 21 -nowarn -d "$target/check-classes" \
    $(find "$root/bundles/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') "$here/CheckSample.java"
"$jdk/bin/java" -cp "$target/check-classes" CheckSample "$dir"
