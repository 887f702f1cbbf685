#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Speed targets of the xgboost method (issue 6): train on 50k labelled rows x 30 features, 100
# rounds, under 15 s on 2 cores; predict 1M rows under 5 s. Compiles the bundles with plain javac
# (env.sh) and prints the figures. Arguments: [labelled rows] [features] [classes] [rows to predict]
#   releng/bench/classify/bench-xgboost.sh               # 50000 30 3 1000000
# Predicting 1M rows with the Java TreeEnsemble (2 cores, load average ~1.5, 2026-11-22):
#   10 classes (1000 trees) 2.05 s wall, 3.84 s CPU (before the 64-rows-per-long evaluation: 7.55 s, 14.58 s CPU)
#    5 classes              1.10 s wall, 2.15 s CPU;   3 classes 1.04 s wall, 1.81 s CPU
. "$(dirname "$0")/env.sh"
compile_main org.idx.analysis.confusion org.idx.analysis.xgboost org.idx.session
"$JAVAC" --release 21 -nowarn -encoding UTF-8 -d "$BUILD/bench" -cp "$CP" "$ROOT/releng/bench/classify/XGBoostBench.java"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx6g --enable-native-access=ALL-UNNAMED -cp "$BUILD/bench:$CP" XGBoostBench "$@"
