// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained XGBoost classifier (gradient-boosted trees, histogram method): the one place that talks
 * to xgboost4j. Two classes are trained with {@code binary:logistic}, more with
 * {@code multi:softprob}; probabilities always come back as one value per class. Holds native
 * memory: close it.
 */
final class GradientBoosting implements AutoCloseable {

    /**
     * The training settings.
     *
     * @param rounds   boosting rounds
     * @param maxDepth maximum tree depth
     * @param eta      learning rate
     * @param seed     XGBoost's random seed (only used by sampling options; kept for reproducibility)
     * @param threads  native threads
     */
    record Settings(int rounds, int maxDepth, double eta, long seed, int threads) {
    }

    private final Booster booster;
    private final int classes;

    private GradientBoosting(Booster booster, int classes) {
        this.booster = booster;
        this.classes = classes;
    }

    /**
     * @param x        {@code n x p} features, row-major, NaN for missing
     * @param n        rows
     * @param p        features
     * @param labels   the class code (0..classes-1) of every row
     * @param classes  the number of classes, at least 2
     * @param settings the settings
     * @param canceled asked before every round; when true, training stops with a {@link CancellationException}
     * @param round    told after every round (1-based)
     * @return the trained classifier
     */
    static GradientBoosting train(float[] x, int n, int p, float[] labels, int classes, Settings settings,
            BooleanSupplier canceled, IntConsumer round) {
        Map<String, Object> params = new HashMap<>();
        if (classes == 2) {
            params.put("objective", "binary:logistic");
        } else {
            params.put("objective", "multi:softprob");
            params.put("num_class", classes);
        }
        params.put("tree_method", "hist");
        params.put("max_depth", settings.maxDepth());
        params.put("eta", settings.eta());
        params.put("seed", settings.seed());
        params.put("nthread", settings.threads());
        params.put("verbosity", 0);
        DMatrix data = null;
        Booster booster = null;
        boolean done = false;
        try {
            NativeXGBoost.check();
            data = new DMatrix(x, n, p, Float.NaN);
            data.setLabel(labels);
            booster = XGBoost.train(data, params, 0, new HashMap<>(), null, null);
            for (int i = 0; i < settings.rounds(); i++) {
                if (canceled.getAsBoolean()) {
                    throw new CancellationException();
                }
                booster.update(data, i);
                round.accept(i + 1);
            }
            done = true;
            return new GradientBoosting(booster, classes);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.dispose();
            }
            if (!done && booster != null) {
                booster.dispose();
            }
        }
    }

    /**
     * @param bytes a model as {@link #toBytes()} wrote it
     * @param classes its number of classes
     * @return the classifier
     */
    static GradientBoosting load(byte[] bytes, int classes) {
        NativeXGBoost.check();
        try {
            return new GradientBoosting(XGBoost.loadModel(bytes), classes);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost cannot read the model: " + e.getMessage(), e);
        }
    }

    /** @return the number of classes */
    int classes() {
        return classes;
    }

    /**
     * @param x {@code n x p} features, row-major, NaN for missing
     * @param n rows
     * @param p features (as trained)
     * @return {@code n x classes} class probabilities, row-major
     */
    float[] predict(float[] x, int n, int p) {
        try {
            float[][] raw = booster.inplace_predict(x, n, p, Float.NaN);
            float[] probabilities = new float[n * classes];
            for (int i = 0; i < n; i++) {
                if (classes == 2) {
                    probabilities[2 * i] = 1 - raw[i][0];
                    probabilities[2 * i + 1] = raw[i][0];
                } else {
                    System.arraycopy(raw[i], 0, probabilities, i * classes, classes);
                }
            }
            return probabilities;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        }
    }

    /**
     * The model as a {@link TreeEnsemble} evaluated in Java, which predicts as {@link #predict} does
     * (the same classes, the same probabilities up to float rounding of {@code exp}) several times
     * faster.
     *
     * @return the ensemble, or empty when the model is not one it evaluates (then predict with
     *         {@link #predict})
     */
    java.util.Optional<TreeEnsemble> trees() {
        try {
            return java.util.Optional.of(TreeEnsemble.parse(booster.toByteArray("json"), classes));
        } catch (TreeEnsemble.UnsupportedModelException e) {
            return java.util.Optional.empty();
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost's model cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param p the number of features
     * @return the total gain of the splits on every feature (0 for features never split on)
     */
    double[] totalGain(int p) {
        String[] names = new String[p];
        for (int c = 0; c < p; c++) {
            names[c] = "f" + c;
        }
        try {
            Map<String, Double> scores = booster.getScore(names, "total_gain");
            double[] gain = new double[p];
            for (int c = 0; c < p; c++) {
                Double value = scores.get(names[c]);
                gain[c] = value == null ? 0 : value;
            }
            return gain;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to report feature importance: " + e.getMessage(), e);
        }
    }

    /** @return the model in XGBoost's own UBJSON format (readable by every XGBoost binding, including R and Python) */
    byte[] toBytes() {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to save the model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
