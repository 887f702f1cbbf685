#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every test: unit tests in OSGi and the workbench UI tests on a virtual display (Xvfb).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk

if [ -z "${DISPLAY:-}" ] || [ -n "${CI:-}" ]; then
  command -v Xvfb >/dev/null || { echo "The UI tests need Xvfb: apt-get install xvfb libgtk-3-0" >&2; exit 1; }
  display=":$((90 + RANDOM % 100))"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  export DISPLAY=$display
  sleep 1
fi
cd "$root"
./mvnw -B clean verify "$@"
# The built product and p2 repository: a plug-in from the repository installs into an installed IDX.
if [ $# -eq 0 ]; then
  releng/scripts/test-install.sh
fi
