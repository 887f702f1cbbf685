// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.Locale;

/** The type of a declared parameter and of its converted value. */
public enum ParameterType {
    /** A whole number: {@link Long}. */
    INTEGER,
    /** A finite number: {@link Double}. */
    NUMBER,
    /** true/false (also yes/no, 1/0): {@link Boolean}. */
    BOOLEAN,
    /** Any text: {@link String}. */
    STRING,
    /** Comma-separated column names: a {@code List<String>}, resolved against the table later. */
    COLUMNS,
    /** One column name: {@link String}, resolved against the table later. */
    COLUMN,
    /** One of the declared choices: {@link String}. */
    CHOICE;

    /** @return the name used in the extension and in JSON, e.g. {@code integer} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a type id as in the extension
     * @return the type
     * @throws IllegalArgumentException when unknown
     */
    public static ParameterType of(String id) {
        for (ParameterType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown parameter type '" + id + "'");
    }
}
