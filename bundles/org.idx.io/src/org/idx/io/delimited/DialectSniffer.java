// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

/**
 * Guesses the delimiter and decimal mark from the first lines of a file.
 * <p>
 * Delimiter: for each of {@code , \t ; |}, the number of delimiters outside quotes is counted on
 * each of the first 100 lines. A candidate is consistent when it occurs on the header line and
 * at least 90% of the lines have the header's count. The consistent candidate with the most
 * fields wins (ties in the order {@code , \t ; |}); with no consistent candidate, the one most
 * frequent on the header line; with none at all, {@code ,} (a one-column table).
 * <p>
 * Decimal mark: {@code ,} when the delimiter is {@code ;} and an unquoted field in the first
 * lines looks like {@code 12,5} while none looks like {@code 12.5}; otherwise {@code .}.
 */
final class DialectSniffer {

    private static final char[] CANDIDATES = {',', '\t', ';', '|'};
    private static final int LINES = 100;

    private DialectSniffer() {
    }

    static char delimiter(byte[] b, int from, int limit) {
        int best = -1;
        int bestFields = 0;
        int fallback = -1;
        int fallbackCount = 0;
        for (int k = 0; k < CANDIDATES.length; k++) {
            int[] counts = countPerLine(b, from, limit, (byte) CANDIDATES[k]);
            int lines = counts[LINES];
            if (lines == 0 || counts[0] == 0) {
                continue;
            }
            if (counts[0] > fallbackCount) {
                fallback = k;
                fallbackCount = counts[0];
            }
            int same = 0;
            for (int i = 0; i < lines; i++) {
                if (counts[i] == counts[0]) {
                    same++;
                }
            }
            if (same * 10 >= lines * 9 && counts[0] > bestFields) {
                best = k;
                bestFields = counts[0];
            }
        }
        int chosen = best >= 0 ? best : fallback;
        return chosen >= 0 ? CANDIDATES[chosen] : ',';
    }

    /** @return delimiter counts of the first lines, and at index {@link #LINES} the number of lines */
    private static int[] countPerLine(byte[] b, int from, int limit, byte delimiter) {
        int[] counts = new int[LINES + 1];
        int line = 0;
        boolean quoted = false;
        for (int i = from; i < limit && line < LINES; i++) {
            byte c = b[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == delimiter) {
                counts[line]++;
            } else if (!quoted && c == '\n') {
                line++;
            }
        }
        counts[LINES] = line; // complete lines only: the sample's last line may be cut short
        if (line == 0) {
            counts[LINES] = 1;
        }
        return counts;
    }

    static char decimal(byte[] b, int from, int limit, char delimiter) {
        if (delimiter != ';') {
            return '.';
        }
        boolean comma = false;
        int fieldStart = from;
        boolean quoted = false;
        for (int i = from; i <= limit; i++) {
            byte c = i < limit ? b[i] : (byte) '\n';
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == '\n' || c == '\r')) {
                int mark = decimalMark(b, fieldStart, i);
                if (mark == '.') {
                    return '.';
                }
                comma |= mark == ',';
                fieldStart = i + 1;
            }
        }
        return comma ? ',' : '.';
    }

    /** @return the mark of a field like {@code -12,5} or {@code 12.5}, else 0 */
    private static int decimalMark(byte[] b, int from, int to) {
        int i = from;
        if (i < to && b[i] == '-') {
            i++;
        }
        int digitsBefore = 0;
        while (i < to && Character.isDigit(b[i])) {
            i++;
            digitsBefore++;
        }
        if (digitsBefore == 0 || i >= to || b[i] != ',' && b[i] != '.') {
            return 0;
        }
        int mark = b[i++];
        int digitsAfter = 0;
        while (i < to && Character.isDigit(b[i])) {
            i++;
            digitsAfter++;
        }
        return i == to && digitsAfter > 0 ? mark : 0;
    }
}
