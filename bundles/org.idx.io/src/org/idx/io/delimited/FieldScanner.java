// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the extent of one field in a byte buffer (RFC 4180: optional double quotes, doubled quotes
 * inside, delimiters and line breaks inside quotes; CRLF or LF record ends). Results are left in
 * the public-by-package fields so the hot loop allocates nothing.
 */
final class FieldScanner {

    /** The field ended at a delimiter; more fields follow in the record. */
    static final int DELIMITER = 0;
    /** The field ended the record (line break or end of file). */
    static final int RECORD_END = 1;
    /** The buffer ended before the field did; load more bytes and scan the record again. */
    static final int NEED_MORE = 2;
    /** A NUL byte: not a text file. */
    static final int NUL_BYTE = 3;
    /** End of file inside a quoted field. */
    static final int UNTERMINATED_QUOTE = 4;
    /** Something other than a delimiter or line break after a closing quote. */
    static final int TEXT_AFTER_QUOTE = 5;

    private static final byte QUOTE = '"';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LINE_FEEDS = ONES * '\n';

    private final byte delimiter;
    private final long delimiterPattern;

    /** First byte of the content (inside the quotes for a quoted field). */
    int start;
    /** End (exclusive) of the content, without a trailing CR. */
    int end;
    /** Where the next field or record begins. */
    int next;
    /** Whether the field was quoted. */
    boolean quoted;
    /** Whether the quoted content contains doubled quotes that {@link #unescape} must undo. */
    boolean escapes;
    /** Line feeds inside the field, plus one when the field ended its record with a line feed. */
    int lineFeeds;

    FieldScanner(char delimiter) {
        this.delimiter = (byte) delimiter;
        this.delimiterPattern = ONES * (delimiter & 0xFF);
    }

    /**
     * Scans the field that starts at {@code p}.
     *
     * @param b     the buffer
     * @param p     the field start
     * @param limit the end of valid bytes in {@code b}
     * @param eof   whether {@code limit} is the end of the file
     * @return one of the status constants
     */
    int scan(byte[] b, int p, int limit, boolean eof) {
        lineFeeds = 0;
        escapes = false;
        if (p < limit && b[p] == QUOTE) {
            return scanQuoted(b, p + 1, limit, eof);
        }
        quoted = false;
        start = p;
        final byte delim = delimiter;
        p = skipPlainBytes(b, p, limit);
        while (p < limit) {
            byte c = b[p];
            if (c == delim || (c & 0xFF) <= '\n') {
                if (c == delim) {
                    end = p;
                    next = p + 1;
                    return DELIMITER;
                }
                if (c == '\n') {
                    end = p > start && b[p - 1] == '\r' ? p - 1 : p;
                    next = p + 1;
                    lineFeeds = 1;
                    return RECORD_END;
                }
                if (c == 0) {
                    next = p;
                    return NUL_BYTE;
                }
            }
            p++;
        }
        if (!eof) {
            return NEED_MORE;
        }
        end = p > start && b[p - 1] == '\r' ? p - 1 : p;
        next = p;
        return RECORD_END;
    }

    /**
     * Skips eight bytes at a time while none of them is the delimiter, a line feed or NUL (the
     * classic "has zero byte" test on the word XOR the pattern); the byte loop then finds which.
     */
    private int skipPlainBytes(byte[] b, int p, int limit) {
        while (p + Long.BYTES <= limit) {
            long word = (long) LONGS.get(b, p);
            long delimiters = word ^ delimiterPattern;
            long feeds = word ^ LINE_FEEDS;
            long found = (delimiters - ONES) & ~delimiters | (feeds - ONES) & ~feeds | (word - ONES) & ~word;
            found &= HIGH_BITS;
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            p += Long.BYTES;
        }
        return p;
    }

    private int scanQuoted(byte[] b, int p, int limit, boolean eof) {
        quoted = true;
        start = p;
        int feeds = 0;
        while (true) {
            while (p < limit && b[p] != QUOTE) {
                byte c = b[p];
                if (c == '\n') {
                    feeds++;
                } else if (c == 0) {
                    next = p;
                    return NUL_BYTE;
                }
                p++;
            }
            if (p >= limit) {
                next = start - 1;
                return eof ? UNTERMINATED_QUOTE : NEED_MORE;
            }
            if (p + 1 < limit && b[p + 1] == QUOTE) {
                escapes = true;
                p += 2;
                continue;
            }
            if (p + 1 >= limit && !eof) {
                return NEED_MORE;
            }
            break;
        }
        end = p++;
        lineFeeds = feeds;
        if (p >= limit) {
            next = p;
            return RECORD_END;
        }
        byte c = b[p];
        if (c == delimiter) {
            next = p + 1;
            return DELIMITER;
        }
        if (c == '\n') {
            next = p + 1;
            lineFeeds++;
            return RECORD_END;
        }
        if (c == '\r') {
            if (p + 1 < limit && b[p + 1] == '\n') {
                next = p + 2;
                lineFeeds++;
                return RECORD_END;
            }
            if (p + 1 >= limit) {
                if (!eof) {
                    return NEED_MORE;
                }
                next = p + 1;
                return RECORD_END;
            }
        }
        next = p;
        return TEXT_AFTER_QUOTE;
    }

    /**
     * Copies the current quoted content into {@code target} with doubled quotes made single.
     *
     * @return the number of bytes written
     */
    int unescape(byte[] b, byte[] target) {
        int n = 0;
        for (int i = start; i < end; i++) {
            target[n++] = b[i];
            if (b[i] == QUOTE) {
                i++;
            }
        }
        return n;
    }

    /** @return the length of the current content */
    int length() {
        return end - start;
    }
}
