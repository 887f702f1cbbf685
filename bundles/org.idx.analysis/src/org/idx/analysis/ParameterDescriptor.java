// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter of a method (a {@code parameter} element of the extension).
 *
 * @param name         the name users type, e.g. {@code components}
 * @param type         the type
 * @param defaultValue the default as a user would type it, or {@code null}
 * @param required     whether the user must give a value
 * @param min          the smallest allowed value (integer, number), or {@code null}
 * @param max          the largest allowed value (integer, number), or {@code null}
 * @param choices      the allowed values of a {@link ParameterType#CHOICE}, else empty
 * @param columnFilter which columns a column parameter accepts
 * @param description  one sentence, or an empty string
 */
public record ParameterDescriptor(String name, ParameterType type, String defaultValue, boolean required, Double min,
        Double max, List<String> choices, ColumnFilter columnFilter, String description) {

    /** Checks the declaration. */
    public ParameterDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' is not lower case letters, digits and '-'");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        columnFilter = columnFilter == null ? ColumnFilter.NUMERIC : columnFilter;
        description = description == null ? "" : description;
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' declares no choices");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("parameter '" + name + "' has min > max");
        }
    }

    /**
     * A parameter with only a name, type and default.
     *
     * @param name         the name
     * @param type         the type
     * @param defaultValue the default, or {@code null}
     * @return the descriptor (numeric columns, not required, no range)
     */
    public static ParameterDescriptor of(String name, ParameterType type, String defaultValue) {
        return new ParameterDescriptor(name, type, defaultValue, false, null, null, List.of(), ColumnFilter.NUMERIC, "");
    }
}
