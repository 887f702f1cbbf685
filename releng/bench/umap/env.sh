# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the umap scripts: compiles org.idx.core, org.idx.io, org.idx.analysis, org.idx.neighbors
# and org.idx.analysis.umap with plain javac (no Maven, no OSGi) into $BUILD/main and sets CP to
# the result plus the Eclipse jars they need from ~/.m2 (filled by one ./mvnw build).
# Source it from a script: . "$(dirname "$0")/env.sh"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
. "$ROOT/releng/scripts/find-jdk.sh"
idx_find_jdk
JAVAC="$JAVA_HOME/bin/javac"
JAVA="$JAVA_HOME/bin/java"
M2="${M2_REPO:-$HOME/.m2/repository}"
BUILD="${UMAP_BUILD_DIR:-${TMPDIR:-/tmp}/idx-umap-build}"
newest_jar() { # artifact under org/eclipse/platform
  local found
  found=$(find "$M2/org/eclipse/platform/$1" -name "$1-[0-9]*.jar" 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] || { echo "no $1 jar in $M2; run ./mvnw verify once" >&2; exit 1; }
  printf '%s' "$found"
}
LIBS="$(newest_jar org.eclipse.equinox.common):$(newest_jar org.eclipse.equinox.registry):$(newest_jar org.eclipse.osgi)"
LIBS="$LIBS:$(find "$M2/ch/randelshofer/fastdoubleparser" -name 'fastdoubleparser-*.jar' | sort -V | tail -n 1)"
LIBS="$LIBS:$M2/com/fasterxml/jackson/core/jackson-core/2.18.2/jackson-core-2.18.2.jar"
JUNIT="$M2/org/junit/platform/junit-platform-console-standalone/1.14.4/junit-platform-console-standalone-1.14.4.jar"

compile_main() {
  rm -rf "$BUILD/main" && mkdir -p "$BUILD/main"
  find "$ROOT/bundles/org.idx.core/src" "$ROOT/bundles/org.idx.io/src" "$ROOT/bundles/org.idx.analysis/src" \
       "$ROOT/bundles/org.idx.neighbors/src" "$ROOT/bundles/org.idx.analysis.umap/src" -name '*.java' > "$BUILD/main.txt"
  "$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/main" -cp "$LIBS" @"$BUILD/main.txt"
  CP="$BUILD/main:$LIBS"
}
