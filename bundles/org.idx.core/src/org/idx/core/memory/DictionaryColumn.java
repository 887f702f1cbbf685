// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.memory;

import java.util.List;
import java.util.Objects;

import org.idx.core.CategoricalColumn;
import org.idx.core.LevelCounts;

/** A {@link CategoricalColumn} backed by an {@code int[]} of level codes and a list of levels. */
public final class DictionaryColumn implements CategoricalColumn {

    private final String name;
    private final int[] codes;
    private final List<String> levels;
    private volatile LevelCounts counts;

    private DictionaryColumn(String name, int[] codes, List<String> levels) {
        this.name = Objects.requireNonNull(name);
        this.codes = codes;
        this.levels = levels;
    }

    /**
     * Wraps a code array without copying it: the caller hands it over and must not change it.
     *
     * @param name   the column name
     * @param codes  one code per row, {@link #NA_CODE} for NA
     * @param levels the distinct levels, indexed by code (copied)
     * @return the column
     * @throws IllegalArgumentException when a code is out of range or levels repeat
     */
    public static DictionaryColumn adopt(String name, int[] codes, List<String> levels) {
        List<String> copy = List.copyOf(levels);
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("Column '" + name + "': levels repeat");
        }
        for (int code : codes) {
            if (code < NA_CODE || code >= copy.size()) {
                throw new IllegalArgumentException("Column '" + name + "': code " + code + " out of range");
            }
        }
        return new DictionaryColumn(name, codes, copy);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public int code(int row) {
        return codes[row];
    }

    @Override
    public List<String> levels() {
        return levels;
    }

    @Override
    public LevelCounts levelCounts() {
        LevelCounts c = counts;
        if (c == null) {
            c = LevelCounts.of(this);
            counts = c;
        }
        return c;
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + codes.length + " rows, " + levels.size() + " levels]";
    }
}
