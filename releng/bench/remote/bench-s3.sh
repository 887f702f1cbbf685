#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Remote image speed of org.idx.images.s3 against a local S3 server (S3Proxy, filesystem backend, on
# 127.0.0.1): time to the first decoded plane of a 2048x2048 16-bit TIFF (64-row strips; one strip)
# through the S3 store vs the same bytes from local disk (target: within 2x), and 100 gallery crops
# fetched in parallel (target: under 2 s). Compiles org.idx.images, org.idx.images.s3 and the test support (S3ProxyServer,
# TestTiff) with javac into releng/bench/remote/target/; the jars come from ~/.m2 (AWS SDK 2.56.0,
# S3Proxy 4.1.0 jar-with-dependencies: run ./mvnw verify once, or mvn dependency:get, to fetch them).
#
# Usage: releng/bench/remote/bench-s3.sh [ROUNDS]     (default 15; needs a 21+ JDK)
# Environment: JAVA_HOME (a 21+ JDK), IDX_BENCH_JVM_ARGS (default: -Xmx1g), S3PROXY_JVM (the
# server JVM's options; default the tests' "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; a fully
# compiling server, "-Xmx512m -XX:+UseSerialGC", measured no faster here once warmed up)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
target="$here/target"
rounds=${1:-15}

mkdir -p "$target/classes"
rm -rf "$target/classes"/* "$target"/s3proxy-* "$target/disk"
"$jdk/bin/javac" --release 21 -nowarn -d "$target/classes" -cp "$cp" \
    $(find "$root/bundles/org.idx.images/src" -name '*.java' -not -path '*/extensions/*') \
    $(find "$root/bundles/org.idx.images.s3/src" "$root/bundles/org.idx.images.testing/src" -name '*.java' -not -name 'ZarrFixture.java') \
    "$here/S3Bench.java"
# shellcheck disable=SC2086
"$jdk/bin/java" ${IDX_BENCH_JVM_ARGS:--Xmx1g} -Didx.s3proxy.jar="$proxy" -Didx.bench.s3proxyJvm="${S3PROXY_JVM:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}" -cp "$target/classes:$cp" S3Bench "$target" "$rounds"
