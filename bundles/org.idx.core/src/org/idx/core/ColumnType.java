// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/** The kind of values a {@link Column} holds. */
public enum ColumnType {
    /** Numbers, stored as {@code double}; see {@link NumericColumn}. */
    NUMERIC,
    /** Strings from a small set of levels, dictionary-encoded; see {@link CategoricalColumn}. */
    CATEGORICAL,
    /** Free text, one string per row; see {@link TextColumn}. */
    TEXT
}
