#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A trained classifier kept with a session (issue 6): train 100 rounds x 10 classes, save and read the
# session of a 1M-row table holding the model, restore it, predict 1M rows from the restored model
# (target < 5 s). Compiles the bundles with plain javac (env.sh) and prints the figures.
# Arguments: [labelled rows] [features] [classes] [rows]
#   releng/bench/classify/bench-saved-model.sh           # 50000 30 10 1000000
. "$(dirname "$0")/env.sh"
compile_main org.idx.analysis.confusion org.idx.analysis.xgboost org.idx.session
"$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/bench" -cp "$CP" "$ROOT/releng/bench/classify/XGBoostBench.java" \
  "$ROOT/releng/bench/classify/SavedModelBench.java"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx6g --enable-native-access=ALL-UNNAMED -cp "$BUILD/bench:$CP" SavedModelBench "$@"
