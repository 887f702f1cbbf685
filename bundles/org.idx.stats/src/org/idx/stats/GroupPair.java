// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Two group indices, {@code first < second}: the pairs compared by the post-hoc tests, each once,
 * in the order (0,1), (0,2), ..., (1,2), ...
 *
 * @param first index of group1
 * @param second index of group2
 */
record GroupPair(int first, int second) {

    /** @return all pairs of {@code k} groups */
    static List<GroupPair> all(int k) {
        List<GroupPair> pairs = new ArrayList<>(k * (k - 1) / 2);
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pairs.add(new GroupPair(i, j));
            }
        }
        return pairs;
    }
}
