// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

/**
 * Summary of one group.
 *
 * @param name the group label
 * @param n number of values
 * @param mean arithmetic mean
 * @param sd sample standard deviation (denominator n - 1); NaN for one value
 * @param median median
 */
public record GroupSummary(String name, int n, double mean, double sd, double median) {

    /**
     * @param sample the grouped sample
     * @param group group index
     * @return the summary of that group
     */
    public static GroupSummary of(GroupedSample sample, int group) {
        return new GroupSummary(sample.name(group), sample.size(group), sample.mean(group),
                Math.sqrt(sample.variance(group)), Descriptive.median(sample.sortedValues(group)));
    }
}
