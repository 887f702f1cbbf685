// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Makes header names usable: surrounding white space is stripped, an empty name becomes
 * {@code V<n>} (n = 1-based column, as R's fread), and repeated names get suffixes {@code .1},
 * {@code .2}, ... as R's {@code make.unique} (a suffix already taken is skipped).
 */
final class ColumnNames {

    private ColumnNames() {
    }

    /**
     * @param raw     the header fields
     * @param renamed told (column index, message) about every name changed
     * @return unique names
     */
    static List<String> unique(List<String> raw, BiConsumer<Integer, String> renamed) {
        List<String> names = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i).strip();
            if (name.isEmpty()) {
                name = "V" + (i + 1);
                renamed.accept(i, "empty column name; named '" + name + "'");
            }
            names.add(name);
        }
        Set<String> taken = new HashSet<>(names);
        Map<String, Integer> nextSuffix = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (seen.add(name)) {
                continue;
            }
            int suffix = nextSuffix.getOrDefault(name, 1);
            String candidate = name + "." + suffix;
            while (taken.contains(candidate)) {
                candidate = name + "." + ++suffix;
            }
            nextSuffix.put(name, suffix + 1);
            taken.add(candidate);
            seen.add(candidate);
            names.set(i, candidate);
            renamed.accept(i, "duplicate column name '" + name + "' renamed to '" + candidate + "'");
        }
        return names;
    }
}
