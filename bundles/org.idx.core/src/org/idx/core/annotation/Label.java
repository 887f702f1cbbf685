// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.annotation;

import java.util.Objects;

/**
 * One class of a {@link LabelSet}: the name written into the annotation column and the colour
 * it is shown in.
 *
 * @param name the label name, not blank; it is the level of the annotation column
 * @param rgb  the colour as {@code 0xRRGGBB}
 */
public record Label(String name, int rgb) {

    public Label {
        Objects.requireNonNull(name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a label needs a name");
        }
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("label '" + name + "': colour " + Integer.toHexString(rgb)
                    + " is not 0xRRGGBB");
        }
    }

    /** @return the colour as {@code #rrggbb} */
    public String hex() {
        return String.format("#%06x", rgb);
    }
}
