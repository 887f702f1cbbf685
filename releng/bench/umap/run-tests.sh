#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Compiles org.idx.neighbors, org.idx.analysis.umap and their test fragments with plain javac (no
# Maven, no OSGi) and runs the tests with the JUnit console launcher. R is not needed (reference
# values are recorded). The Tycho build runs the same tests under OSGi.
#   releng/bench/umap/run-tests.sh [extra JUnit console options, e.g. --select-class org.idx.neighbors.NearestNeighborDescentTest]
. "$(dirname "$0")/env.sh"
compile_main
rm -rf "$BUILD/test" && mkdir -p "$BUILD/test"
"$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/test" -cp "$CP:$JUNIT" \
  $(find "$ROOT/bundles/org.idx.neighbors.tests/src" "$ROOT/bundles/org.idx.analysis.umap.tests/src" \
  "$ROOT/bundles/org.idx.analysis.testing/src" -name '*.java')
cp -r "$ROOT/bundles/org.idx.analysis.umap.tests/resources/." "$BUILD/test/"
select=(--select-package org.idx.neighbors --select-package org.idx.analysis.umap)
[ $# -gt 0 ] && select=("$@")
"$JAVA" -Didx.pluginXml="$ROOT/bundles/org.idx.analysis.umap/plugin.xml" -jar "$JUNIT" execute \
  --class-path "$BUILD/test:$CP" --disable-banner --details=tree "${select[@]}"
