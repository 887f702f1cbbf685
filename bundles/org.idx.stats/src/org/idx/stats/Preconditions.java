// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

/** Checks shared by the tests; each failure is a {@link NotComputableException} with a sentence. */
final class Preconditions {

    private Preconditions() {
    }

    /** Requires at least {@code minimum} groups. */
    static void requireGroups(GroupedSample sample, int minimum, String test) {
        if (sample.groupCount() < minimum) {
            throw new NotComputableException(test + " needs at least " + minimum + " groups, there "
                    + (sample.groupCount() == 1 ? "is 1." : "are " + sample.groupCount() + "."));
        }
    }

    /** Requires every group to have at least two values and a positive variance. */
    static void requireVariance(GroupedSample sample, String test) {
        for (int g = 0; g < sample.groupCount(); g++) {
            if (sample.size(g) < 2) {
                throw new NotComputableException(
                        test + " needs at least 2 values per group, group " + sample.name(g) + " has 1.");
            }
            if (sample.isConstant(g)) {
                throw new NotComputableException(
                        test + " is undefined: all values of group " + sample.name(g) + " are identical.");
            }
        }
    }
}
