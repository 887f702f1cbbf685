# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by ./idx and .ci/run: points JAVA_HOME at a Java 21+ JDK, or says what to install.
# Order: JAVA_HOME if it is 21+, then the newest 21+ JDK in the system's JVM directories.

idx_java_version() { # prints the feature version of the JDK at $1, e.g. 21
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

idx_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(idx_java_version "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_version=0 dir version
  for dir in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$dir/bin/javac" ] || continue
    version=$(idx_java_version "$dir")
    if [ "${version:-0}" -ge 21 ] 2>/dev/null && [ "$version" -gt "$best_version" ]; then
      best=$dir best_version=$version
    fi
  done
  if [ -z "$best" ]; then
    echo "IDX needs a Java 21 or newer JDK and found none (JAVA_HOME is '${JAVA_HOME:-unset}')." >&2
    echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21, or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
