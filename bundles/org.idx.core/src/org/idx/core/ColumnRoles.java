// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable assignment of {@link ColumnRole}s to column names. At most one column per role;
 * a column may carry several roles.
 */
public final class ColumnRoles {

    /** No roles assigned. */
    public static final ColumnRoles NONE = new ColumnRoles(new EnumMap<>(ColumnRole.class));

    private final Map<ColumnRole, String> columns;

    private ColumnRoles(EnumMap<ColumnRole, String> columns) {
        this.columns = Collections.unmodifiableMap(columns);
    }

    /**
     * @param role   the role
     * @param column the name of the column that takes it
     * @return a copy with {@code role} assigned to {@code column}
     */
    public ColumnRoles with(ColumnRole role, String column) {
        EnumMap<ColumnRole, String> copy = copy();
        copy.put(Objects.requireNonNull(role), Objects.requireNonNull(column));
        return new ColumnRoles(copy);
    }

    /**
     * @param role the role
     * @return a copy without {@code role}
     */
    public ColumnRoles without(ColumnRole role) {
        EnumMap<ColumnRole, String> copy = copy();
        copy.remove(role);
        return new ColumnRoles(copy);
    }

    /**
     * @param column a column name
     * @return a copy in which {@code column} has no role
     */
    public ColumnRoles withoutColumn(String column) {
        EnumMap<ColumnRole, String> copy = copy();
        copy.values().removeIf(column::equals);
        return new ColumnRoles(copy);
    }

    /**
     * @param role the role
     * @return the name of the column that has it
     */
    public Optional<String> column(ColumnRole role) {
        return Optional.ofNullable(columns.get(role));
    }

    /** @return the assignment as an unmodifiable map */
    public Map<ColumnRole, String> asMap() {
        return columns;
    }

    private EnumMap<ColumnRole, String> copy() {
        EnumMap<ColumnRole, String> copy = new EnumMap<>(ColumnRole.class);
        copy.putAll(columns);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnRoles that && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "ColumnRoles" + columns;
    }
}
