// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the HCS plates of a screen lie below an image root, as the dataset configuration's
 * {@code platePath} setting says: nothing (the default: the root itself, or a folder named after a
 * plate directly below it), a folder below the root that holds the plate folders (e.g. {@code plates}),
 * or a pattern in which {@value #PLACEHOLDER} stands for a plate's name as the table spells it (e.g.
 * {@code plates/{plate}.ome.zarr}). Only relative, '/'-separated paths that stay below the root are
 * accepted. Immutable.
 *
 * @param text the setting, normalised: no leading, trailing or doubled '/', no {@code .} segments; empty for the default
 */
public record PlatePath(String text) {

    /** What a plate's name replaces in a pattern. */
    public static final String PLACEHOLDER = "{plate}";

    /** The name of the setting, as configuration files and messages spell it. */
    public static final String SETTING = "platePath";

    /** No setting: plates are the root itself or folders named after them directly below it. */
    public static final PlatePath DEFAULT = new PlatePath("");

    /** Requires normalised text: use {@link #parse(String)} for what a user typed. */
    public PlatePath {
        Objects.requireNonNull(text);
    }

    /**
     * Reads the setting as a user typed it.
     *
     * @param typed the setting; null or blank for the default
     * @return the plate path
     * @throws IllegalArgumentException with one sentence naming the setting and saying what is wrong
     */
    public static PlatePath parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return DEFAULT;
        }
        String text = typed.strip();
        if (text.indexOf('\\') >= 0) {
            throw bad(text, "contains '\\'; separate folders with '/'");
        }
        if (text.startsWith("/") || text.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw bad(text, "is not relative to the image root; write a path below it");
        }
        String withoutPlaceholders = text.replace(PLACEHOLDER, "");
        int brace = Math.max(withoutPlaceholders.indexOf('{'), withoutPlaceholders.indexOf('}'));
        if (brace >= 0) {
            throw bad(text, "has a brace that is not part of " + PLACEHOLDER + "; " + PLACEHOLDER
                    + " is the only placeholder (a plate's name replaces it)");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : text.split("/")) {
            if (segment.equals("..")) {
                throw bad(text, "leaves the image root ('..')");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return new PlatePath(String.join("/", segments));
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("The plate path setting '" + text + "' " + problem
                + ". Examples: plates (a folder of plate folders) or plates/{plate}.ome.zarr.");
    }

    /** @return whether this is the default (no setting) */
    public boolean isDefault() {
        return text.isEmpty();
    }

    /** @return whether the setting is a pattern with {@value #PLACEHOLDER} rather than a folder */
    public boolean isPattern() {
        return text.contains(PLACEHOLDER);
    }

    /**
     * @return the folder that holds the plate folders (empty for the root); only for a setting that is
     *         not a pattern
     */
    public String folder() {
        if (isPattern()) {
            throw new IllegalStateException("'" + text + "' is a pattern, not a folder");
        }
        return text;
    }

    /**
     * @param plate a plate's name as a table spells it
     * @return the key the pattern gives for it, not yet checked against the root (a name may hold {@code ..})
     */
    public String keyOf(String plate) {
        if (!isPattern()) {
            throw new IllegalStateException("'" + text + "' is a folder, not a pattern");
        }
        return text.replace(PLACEHOLDER, plate);
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(default)" : text;
    }
}
