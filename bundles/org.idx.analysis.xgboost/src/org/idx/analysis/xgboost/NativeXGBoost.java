// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.util.Locale;

import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Loads XGBoost's native library once and turns a failure into one readable sentence. xgboost4j
 * extracts the library for this platform from its jar (lib/OS/ARCH) into a temporary folder and
 * loads it when its classes are first used; on Linux it needs the GNU OpenMP runtime (libgomp.so.1).
 */
final class NativeXGBoost {

    private static volatile String failure;
    private static volatile boolean loaded;

    private NativeXGBoost() {
    }

    /**
     * @throws IllegalStateException when the native library cannot be loaded on this machine
     */
    static void check() {
        if (loaded) {
            return;
        }
        synchronized (NativeXGBoost.class) {
            if (!loaded && failure == null) {
                try {
                    // initialising the JNI class loads the library
                    Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI", true, XGBoost.class.getClassLoader());
                    loaded = true;
                } catch (LinkageError | ClassNotFoundException e) {
                    Throwable cause = e;
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    String reason = String.valueOf(cause.getMessage());
                    failure = "XGBoost's native library cannot be loaded on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + ": " + reason
                            + (reason.contains("libgomp") ? " (install the GNU OpenMP runtime, e.g. the package libgomp1)" : "");
                }
            }
        }
        if (!loaded) {
            throw new IllegalStateException(failure);
        }
    }
}
