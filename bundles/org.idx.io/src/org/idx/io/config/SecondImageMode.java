// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.config;

import java.util.Optional;

/** How the second image (e.g. a segmentation mask) is shown beside the first. */
public enum SecondImageMode {
    /** Drawn over the first image. */
    OVERLAY("overlay"),
    /** Shown in its own viewer next to the first image. */
    SIDE_BY_SIDE("side-by-side");

    private final String key;

    SecondImageMode(String key) {
        this.key = key;
    }

    /** @return the name in configuration files: {@code overlay} or {@code side-by-side} */
    public String key() {
        return key;
    }

    /**
     * @param key a name as {@link #key()} gives it
     * @return the mode, if the name is known
     */
    public static Optional<SecondImageMode> of(String key) {
        for (SecondImageMode mode : values()) {
            if (mode.key.equals(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
