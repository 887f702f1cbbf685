# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the benchmarks that read images from a local S3 server (remote/bench-s3.sh,
# images/bench-zarr.sh, bench-tiles.sh, bench-ometiff.sh): finds a 21+ JDK and sets
#   root   the repository,
#   jdk    the JDK (also JAVA_HOME),
#   cp     the jars org.idx.images, org.idx.images.zarr, org.idx.images.s3 and their test support
#          need, from ~/.m2 (AWS SDK 2.56.0, zstd, blosc, Jackson, Equinox, slf4j),
#   proxy  the S3Proxy 4.1.0 jar-with-dependencies the benchmarks start as the server.
# A missing jar stops the script with its path: run ./mvnw verify once to fetch them.
# Source it from a script: . "$root/releng/bench/remote/env.sh"
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)

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
