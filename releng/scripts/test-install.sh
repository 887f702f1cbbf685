#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the example feature from the built p2 repository into a copy of the built Linux product and
# checks that the installed product lists and runs its method headless. Needs a finished `./mvnw verify`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
product="$root/product/target/products/org.idx.product/linux/gtk/x86_64/idx"
repo="$root/product/target/repository"
[ -x "$product/idx" ] || { echo "test-install: build the product first (./mvnw verify): $product is missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$product" "$work/idx"
export IDX_WORKSPACE="$work/workspace" IDX_CONFIG="$work/configuration"

if "$work/idx/idx" methods | grep -q plate-zscore; then
  echo "test-install: FAIL: the product lists plate-zscore before it was installed" >&2; exit 1
fi
"$root/releng/scripts/install-feature.sh" "$work/idx" "$repo" org.idx.examples.feature
"$work/idx/idx" methods | grep plate-zscore || { echo "test-install: FAIL: idx methods does not list plate-zscore" >&2; exit 1; }

printf 'plate,area\nP1,1\nP1,2\nP1,3\nP2,10\nP2,30\n' > "$work/t.csv"
"$work/idx/idx" run plate-zscore --table "$work/t.csv" --param by=plate --out-table "$work/z.csv" --report "$work/r.json"
expected='plate,area,area_z
P1,1,-1.0
P1,2,0.0
P1,3,1.0
P2,10,-0.7071067811865475
P2,30,0.7071067811865475'
if [ "$(cat "$work/z.csv" | tr -d '\r')" != "$expected" ]; then
  echo "test-install: FAIL: unexpected output table:" >&2; cat "$work/z.csv" >&2; exit 1
fi
echo "test-install: OK: org.idx.examples.feature installed from the p2 repository; plate-zscore listed and run"
