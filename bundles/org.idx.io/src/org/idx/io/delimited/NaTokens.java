// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Recognises NA tokens in raw field bytes. An empty field is always NA. */
final class NaTokens {

    private final byte[][] tokens;
    private final boolean[] firstBytes = new boolean[256];

    NaTokens(List<String> tokens) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).filter(t -> t.length > 0)
                .toArray(byte[][]::new);
        for (byte[] token : this.tokens) {
            firstBytes[token[0] & 0xFF] = true;
        }
    }

    boolean matches(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return true;
        }
        if (!firstBytes[b[from] & 0xFF]) {
            return false; // the common case: a number or a word no token starts like
        }
        outer:
        for (byte[] token : tokens) {
            if (token.length != n) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (token[k] != b[from + k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
