#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Compiles org.idx.analysis.anova and its test fragment with plain javac (no Maven, no OSGi) and
# runs the tests with the JUnit console launcher. R is not needed (reference values are recorded).
#   releng/bench/anova/run-tests.sh [extra JUnit console options]
. "$(dirname "$0")/env.sh"
compile_main
T="$ROOT/bundles/org.idx.analysis.anova.tests"
rm -rf "$BUILD/test" && mkdir -p "$BUILD/test"
"$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/test" -cp "$CP:$JUNIT" $(find "$T/src" "$ROOT/bundles/org.idx.analysis.testing/src" -name '*.java')
cp -r "$T/resources/." "$BUILD/test/"
"$JAVA" -Didx.pluginXml="$ROOT/bundles/org.idx.analysis.anova/plugin.xml" -jar "$JUNIT" execute \
  --class-path "$BUILD/test:$CP" --select-package org.idx.analysis.anova --disable-banner --details=tree "$@"
