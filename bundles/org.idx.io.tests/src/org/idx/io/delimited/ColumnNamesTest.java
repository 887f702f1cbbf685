// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnNamesTest {

    /** Expected values are R 4.2's {@code make.unique} output for the same input. */
    @Test
    void followsRsMakeUnique() {
        List<String> messages = new ArrayList<>();
        assertEquals(List.of("a", "a.2", "a.3", "a.1"),
                ColumnNames.unique(List.of("a", "a", "a", "a.1"), (c, m) -> messages.add(c + ": " + m)));
        assertEquals(List.of("1: duplicate column name 'a' renamed to 'a.2'", "2: duplicate column name 'a' renamed to 'a.3'"),
                messages);
        assertEquals(List.of("x", "V2", "y"), ColumnNames.unique(List.of(" x ", "", "\ty"), (c, m) -> { }));
    }
}
