#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Compiles org.idx.stats and AnovaBench, then times the full anova report.
# Usage: releng/bench/stats/bench-anova.sh [rows=1000000] [groups=50] [repeats=3]
# Needs a JDK (JAVA_HOME or javac on PATH) and the Commons jars in ~/.m2 (resolved with mvn).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
java_home=$JAVA_HOME
javac="$java_home/bin/javac"
java="$java_home/bin/java"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
artifacts=(
  org.apache.commons:commons-statistics-distribution:1.3
  org.apache.commons:commons-numbers-gamma:1.3
  org.apache.commons:commons-numbers-core:1.3
  org.apache.commons:commons-numbers-rootfinder:1.3
  org.apache.commons:commons-numbers-combinatorics:1.3
  org.apache.commons:commons-numbers-fraction:1.3
  org.apache.commons:commons-rng-client-api:1.6
  org.apache.commons:commons-rng-sampling:1.6
)
cp=""
for a in "${artifacts[@]}"; do
  IFS=: read -r g n v <<<"$a"
  jar="$repo/${g//.//}/$n/$v/$n-$v.jar"
  if [ ! -f "$jar" ]; then
    mvn -q dependency:get -Dartifact="$a" -Dtransitive=false >/dev/null
  fi
  cp="$cp:$jar"
done
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$javac" --release 21 -d "$out" -cp "${cp#:}" $(find "$root/bundles/org.idx.stats/src" -name '*.java') "$here/AnovaBench.java"
echo "cores: $(nproc), java: $("$java" -version 2>&1 | head -1)"
/usr/bin/time -f "wall %e s, max RSS %M KB" "$java" -Xmx2g -cp "$out${cp}" AnovaBench "${1:-1000000}" "${2:-50}" "${3:-3}"
