# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the classification scripts: compiles org.idx.core, org.idx.io, org.idx.analysis,
# org.idx.stats, the confusion and xgboost method bundles and org.idx.session with plain javac (no Maven, no OSGi)
# and sets CP to the result plus the jars they need from ~/.m2 (XGBoost with its natives inside).
# Source it from a script: . "$(dirname "$0")/env.sh"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVAC="$JAVA_HOME/bin/javac"
JAVA="$JAVA_HOME/bin/java"
M2="${M2_REPO:-$HOME/.m2/repository}"
BUILD="${CLASSIFY_BUILD_DIR:-${TMPDIR:-/tmp}/idx-classify-build}"
jar_of() { # group-path artifact version
  local jar="$M2/$1/$2/$3/$2-$3.jar"
  [ -f "$jar" ] || { echo "missing $jar (run the Maven build once)" >&2; exit 1; }
  printf '%s' "$jar"
}
EP="org/eclipse/platform"
AC="org/apache/commons"
LIBS="$(jar_of $EP org.eclipse.equinox.common 3.21.0):$(jar_of $EP org.eclipse.equinox.registry 3.12.600)"
LIBS="$LIBS:$(jar_of $EP org.eclipse.core.runtime 3.35.0):$(jar_of $EP org.eclipse.core.jobs 3.15.900)"
LIBS="$LIBS:$(jar_of $EP org.eclipse.osgi 3.24.300):$(jar_of ch/randelshofer fastdoubleparser 2.0.1):$(jar_of com/fasterxml/jackson/core jackson-core 2.18.2)"
LIBS="$LIBS:$(jar_of $AC commons-statistics-distribution 1.3)"
for a in gamma core fraction rootfinder combinatorics; do LIBS="$LIBS:$(jar_of $AC commons-numbers-$a 1.3)"; done
LIBS="$LIBS:$(jar_of $AC commons-rng-client-api 1.6):$(jar_of $AC commons-rng-sampling 1.6)"
LIBS="$LIBS:$(jar_of ml/dmlc xgboost4j_2.12 3.0.4):$(jar_of com/esotericsoftware kryo 5.6.2)"
LIBS="$LIBS:$(jar_of com/esotericsoftware minlog 1.3.1):$(jar_of com/esotericsoftware reflectasm 1.11.9)"
LIBS="$LIBS:$(jar_of org/objenesis objenesis 3.4):$(jar_of commons-logging commons-logging 1.3.4)"
JUNIT="$M2/org/junit/platform/junit-platform-console-standalone/1.14.4/junit-platform-console-standalone-1.14.4.jar"
# libgomp's default is to spin waiting threads: on a machine shared with other work that costs
# XGBoost several times its run time. The product's start scripts set the same.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

# compile_main [BUNDLE...]: the bundles the methods need plus the given method bundles -> $BUILD/main
compile_main() {
  rm -rf "$BUILD/main" && mkdir -p "$BUILD/main"
  local dirs=("$ROOT/bundles/org.idx.core/src" "$ROOT/bundles/org.idx.io/src" "$ROOT/bundles/org.idx.analysis/src"
              "$ROOT/bundles/org.idx.stats/src")
  local b
  for b in "$@"; do dirs+=("$ROOT/bundles/$b/src"); done
  find "${dirs[@]}" -name '*.java' > "$BUILD/main.txt"
  # org.idx.session (trained models kept with a session) needs only StoreSpec of org.idx.images
  case " $* " in *" org.idx.session "*) echo "$ROOT/bundles/org.idx.images/src/org/idx/images/StoreSpec.java" >> "$BUILD/main.txt";; esac
  "$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/main" -cp "$LIBS" @"$BUILD/main.txt"
  CP="$BUILD/main:$LIBS"
}

# run_tests BUNDLE [JUnit options]: compiles BUNDLE.tests and runs it with the JUnit console launcher
run_tests() {
  local b="$1"
  shift
  local t="$ROOT/bundles/$b.tests" out="$BUILD/test-$b"
  rm -rf "$out" && mkdir -p "$out"
  "$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$out" -cp "$CP:$JUNIT" $(find "$t/src" "$ROOT/bundles/org.idx.analysis.testing/src" -name '*.java')
  if [ -d "$t/resources" ]; then cp -r "$t/resources/." "$out/"; fi
  "$JAVA" --enable-native-access=ALL-UNNAMED -Didx.pluginXml="$ROOT/bundles/$b/plugin.xml" -jar "$JUNIT" execute \
    --class-path "$out:$CP" --select-package "$b" --disable-banner --details=tree "$@"
}
