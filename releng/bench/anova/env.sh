# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the anova scripts: compiles org.idx.core, org.idx.io, org.idx.analysis, org.idx.stats
# and org.idx.analysis.anova with plain javac (no Maven) and sets CP to the result plus the jars
# they need from ~/.m2. Source it from a script: . "$(dirname "$0")/env.sh"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVAC="$JAVA_HOME/bin/javac"
JAVA="$JAVA_HOME/bin/java"
M2="${M2_REPO:-$HOME/.m2/repository}"
BUILD="${ANOVA_BUILD_DIR:-${TMPDIR:-/tmp}/idx-anova-build}"
jar_of() { # group-path artifact version
  local jar="$M2/$1/$2/$3/$2-$3.jar"
  [ -f "$jar" ] || { echo "missing $jar" >&2; exit 1; }
  printf '%s' "$jar"
}
EP="org/eclipse/platform"
AC="org/apache/commons"
LIBS="$(jar_of $EP org.eclipse.equinox.common 3.21.0):$(jar_of $EP org.eclipse.equinox.registry 3.12.600)"
LIBS="$LIBS:$(jar_of $EP org.eclipse.core.runtime 3.35.0):$(jar_of $EP org.eclipse.core.jobs 3.15.900)"
LIBS="$LIBS:$(jar_of $EP org.eclipse.osgi 3.24.300):$(jar_of ch/randelshofer fastdoubleparser 2.0.1)"
LIBS="$LIBS:$(jar_of $AC commons-statistics-distribution 1.3):$(jar_of com/fasterxml/jackson/core jackson-core 2.18.2)"
for a in gamma core fraction rootfinder combinatorics; do LIBS="$LIBS:$(jar_of $AC commons-numbers-$a 1.3)"; done
LIBS="$LIBS:$(jar_of $AC commons-rng-client-api 1.6):$(jar_of $AC commons-rng-sampling 1.6)"
JUNIT="$M2/org/junit/platform/junit-platform-console-standalone/1.14.4/junit-platform-console-standalone-1.14.4.jar"

# compile_main: the four bundles the method needs and the method bundle itself -> $BUILD/main
compile_main() {
  rm -rf "$BUILD/main" && mkdir -p "$BUILD/main"
  local b
  find "$ROOT/bundles/org.idx.core/src" "$ROOT/bundles/org.idx.io/src" "$ROOT/bundles/org.idx.analysis/src" \
       "$ROOT/bundles/org.idx.stats/src" "$ROOT/bundles/org.idx.analysis.anova/src" -name '*.java' > "$BUILD/main.txt"
  "$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/main" -cp "$LIBS" @"$BUILD/main.txt"
  for b in org.idx.analysis.anova; do cp "$ROOT/bundles/$b/plugin.xml" "$BUILD/main/" ; done
  CP="$BUILD/main:$LIBS"
}
