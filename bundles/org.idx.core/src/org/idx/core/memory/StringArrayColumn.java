// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.memory;

import java.util.Objects;

import org.idx.core.TextColumn;

/** A {@link TextColumn} backed by a {@code String[]} ({@code null} = NA). */
public final class StringArrayColumn implements TextColumn {

    private final String name;
    private final String[] values;
    private volatile int naCount = -1;

    private StringArrayColumn(String name, String[] values) {
        this.name = Objects.requireNonNull(name);
        this.values = values;
    }

    /**
     * Wraps an array without copying it: the caller hands it over and must not change it.
     *
     * @param name   the column name
     * @param values one string per row, {@code null} for NA
     * @return the column
     */
    public static StringArrayColumn adopt(String name, String[] values) {
        return new StringArrayColumn(name, values);
    }

    /**
     * @param name   the column name
     * @param values one string per row, {@code null} for NA (copied)
     * @return the column
     */
    public static StringArrayColumn of(String name, String... values) {
        return new StringArrayColumn(name, values.clone());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public String value(int row) {
        return values[row];
    }

    @Override
    public int naCount() {
        int n = naCount;
        if (n < 0) {
            n = 0;
            for (String v : values) {
                if (v == null) {
                    n++;
                }
            }
            naCount = n;
        }
        return n;
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + values.length + " rows]";
    }
}
