#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Save/load time of a session for a 1M-row table with one label column and two derived columns.
# Compiles org.idx.core, org.idx.io, org.idx.session (and StoreSpec of org.idx.images, TrainedModel of
# org.idx.analysis) with plain javac.
# Usage: releng/bench/session/bench-session.sh [rows]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
M2="${M2_REPO:-$HOME/.m2/repository}"
JACKSON="$M2/com/fasterxml/jackson/core/jackson-core/2.18.2/jackson-core-2.18.2.jar"
FDP="$M2/ch/randelshofer/fastdoubleparser/2.0.1/fastdoubleparser-2.0.1.jar"
[ -f "$JACKSON" ] && [ -f "$FDP" ] || { echo "missing $JACKSON or $FDP (run ./mvnw once)" >&2; exit 1; }
BUILD="${TMPDIR:-/tmp}/idx-session-bench-build"
rm -rf "$BUILD" && mkdir -p "$BUILD"
{ find "$ROOT/bundles/org.idx.core/src" "$ROOT/bundles/org.idx.io/src" "$ROOT/bundles/org.idx.session/src" -name '*.java'
  echo "$ROOT/bundles/org.idx.images/src/org/idx/images/StoreSpec.java"
  echo "$ROOT/bundles/org.idx.analysis/src/org/idx/analysis/TrainedModel.java"
  echo "$ROOT/bundles/org.idx.analysis/src/org/idx/analysis/AnalysisException.java"
  echo "$ROOT/releng/bench/session/SessionBench.java"; } > "$BUILD/sources.txt"
"$JAVA_HOME/bin/javac" --release 21 -nowarn -encoding UTF-8 -d "$BUILD" -cp "$JACKSON:$FDP" @"$BUILD/sources.txt"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$BUILD:$JACKSON:$FDP" SessionBench "${1:-1000000}"
