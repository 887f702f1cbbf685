// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.Locale;

/** The menu group of an analysis method ({@code category} in the extension). */
public enum MethodCategory {
    /** New coordinates (PCA, UMAP). */
    REDUCTION,
    /** A cluster column (k-means, HDBSCAN). */
    CLUSTERING,
    /** A prediction column. */
    CLASSIFICATION,
    /** A report only. */
    STATISTICS,
    /** Anything else. */
    OTHER;

    /** @return the name used in the extension and in JSON, e.g. {@code reduction} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a category id as in the extension
     * @return the category
     * @throws IllegalArgumentException when unknown
     */
    public static MethodCategory of(String id) {
        for (MethodCategory category : values()) {
            if (category.id().equals(id)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category '" + id + "'");
    }
}
