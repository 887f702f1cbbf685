// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Parses a number from bytes without creating strings, with fastdoubleparser (correctly rounded),
 * and tells whole numbers written as digit strings apart, so that integer columns can be flagged
 * and integers beyond 2<sup>53</sup> detected. Accepts surrounding spaces, a sign,
 * {@code Inf}/{@code Infinity}, and the configured decimal mark.
 * Not one instance per thread: it keeps a scratch buffer.
 */
final class NumberParser {

    /** Not a number. */
    static final int NOT_A_NUMBER = 0;
    /** A whole number of magnitude at most 2^53: {@link #value} is exact. */
    static final int INTEGER = 1;
    /** A whole number written without fraction or exponent whose magnitude exceeds 2^53. */
    static final int BIG_INTEGER = 2;
    /** Any other number. */
    static final int DECIMAL = 3;

    private static final long EXACT_LIMIT = 1L << 53;

    private final boolean decimalComma;
    private byte[] scratch = new byte[64];

    /** The value of the last successful parse. */
    double value;

    NumberParser(char decimal) {
        this.decimalComma = decimal == ',';
    }

    int parse(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            return NOT_A_NUMBER;
        }
        byte last = b[to - 1];
        if (!(last >= '0' && last <= '9' || last == '.' || last == ',')) {
            return parseInfinity(b, from, to); // also keeps Java's "1d", "1f" suffixes out
        }
        byte[] source = b;
        int offset = from;
        if (decimalComma) {
            source = swapDecimalMark(b, from, to);
            offset = 0;
        }
        try {
            value = JavaDoubleParser.parseDouble(source, offset, to - from);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
        if (value != Math.rint(value) || !isIntegerLiteral(b, from, to)) {
            return DECIMAL; // the common case for measurements: no second look at the bytes
        }
        return Math.abs(value) < EXACT_LIMIT || isExactLong(b, from, to) ? INTEGER : BIG_INTEGER;
    }

    /** @return whether the number is written as an optionally signed digit string */
    private static boolean isIntegerLiteral(byte[] b, int from, int to) {
        int i = b[from] == '-' || b[from] == '+' ? from + 1 : from;
        for (; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** @return whether a digit string of magnitude around 2^53 is exactly {@link #value} */
    private boolean isExactLong(byte[] b, int from, int to) {
        int i = b[from] == '-' || b[from] == '+' ? from + 1 : from;
        if (to - i > 18) {
            return false;
        }
        long n = 0;
        for (; i < to; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n <= EXACT_LIMIT && n == (long) Math.abs(value);
    }

    private int parseInfinity(byte[] b, int from, int to) {
        int i = from;
        double sign = 1;
        if (b[i] == '-' || b[i] == '+') {
            sign = b[i] == '-' ? -1 : 1;
            i++;
        }
        int n = to - i;
        if ((n == 3 || n == 8) && regionEquals(b, i, n == 3 ? "Inf" : "Infinity")) {
            value = sign * Double.POSITIVE_INFINITY;
            return DECIMAL;
        }
        return NOT_A_NUMBER;
    }

    private static boolean regionEquals(byte[] b, int from, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (b[from + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Copies the number with ',' as '.', and '.' made invalid (a point is no decimal mark here). */
    private byte[] swapDecimalMark(byte[] b, int from, int to) {
        int n = to - from;
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, 2 * scratch.length)];
        }
        for (int k = 0; k < n; k++) {
            byte c = b[from + k];
            scratch[k] = c == ',' ? (byte) '.' : c == '.' ? (byte) 'x' : c;
        }
        return scratch;
    }
}
