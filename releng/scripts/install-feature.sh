#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs features from a p2 repository into an installed IDX (the folder with the `idx` start script),
# with the p2 director that Tycho brings (the product itself carries no installer UI).
#
#   releng/scripts/install-feature.sh IDX_DIR REPOSITORY FEATURE_ID...
#
# REPOSITORY is a folder or URL of a p2 repository, e.g. product/target/repository after a build;
# FEATURE_ID e.g. org.idx.examples.feature. Run it with the product closed.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '3,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/releng/scripts/find-jdk.sh"
idx_find_jdk
dest=$(cd "$1" && pwd)
repo=$2
shift 2
[ -f "$dest/idx" ] || [ -f "$dest/idx.bat" ] || { echo "install-feature: $dest is not an installed IDX (no idx start script)" >&2; exit 3; }
case "$repo" in
  *://*) ;;
  *) [ -f "$repo/content.jar" ] || [ -f "$repo/content.xml.xz" ] || [ -f "$repo/content.xml" ] \
       || { echo "install-feature: $repo is not a p2 repository (no content.jar)" >&2; exit 3; }
     repo="file:$(cd "$repo" && pwd)" ;;
esac
ius=$(printf '%s.feature.group,' "$@")
cd "$root"
./mvnw -B -q -N org.eclipse.tycho:tycho-p2-director-plugin:5.0.2:director \
  -Ddestination="$dest" -Drepositories="$repo" -DinstallIUs="${ius%,}" -Dprofile=DefaultProfile
echo "install-feature: installed $* into $dest"
