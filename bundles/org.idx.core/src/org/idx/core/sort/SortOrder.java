// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.sort;

/** The direction of a row sort. NA rows come last in both. */
public enum SortOrder {
    /** Smallest first. */
    ASCENDING,
    /** Largest first. */
    DESCENDING
}
