#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Compiles the confusion and xgboost methods and their test fragments with plain javac (no Maven,
# no OSGi) and runs the tests with the JUnit console launcher. R is not needed (reference values
# are recorded).   releng/bench/classify/run-tests.sh [confusion|xgboost]...
. "$(dirname "$0")/env.sh"
compile_main org.idx.analysis.confusion org.idx.analysis.xgboost org.idx.session
for m in "${@:-confusion xgboost}"; do
  for b in $m; do run_tests "org.idx.analysis.$b"; done
done
