// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Rejects binary and non-UTF-8 files early, from the first bytes: a NUL byte, or a byte sequence
 * that is not UTF-8. (NUL bytes later in the file are caught by the field scanner.)
 */
final class TextCheck {

    private TextCheck() {
    }

    /**
     * @param sample   the first bytes of the file
     * @param from     where the text starts (after a BOM)
     * @param limit    the end of the sample
     * @param complete whether the sample is the whole file
     * @return {@code null} when the sample is UTF-8 text, else {line, problem} as an {@link Issue}
     *         whose localLine is the 1-based line
     */
    static Issue check(byte[] sample, int from, int limit, boolean complete) {
        for (int i = from; i < limit; i++) {
            if (sample[i] == 0) {
                return new Issue("binary", lineOf(sample, from, i), -1,
                        "NUL byte at offset " + i + ": this is a binary file, not a text table");
            }
        }
        int end = limit;
        if (!complete) { // the sample may end inside a multi-byte character
            while (end > from && end > limit - 4 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > from && (sample[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, from, end - from);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int at = in.position();
                return new Issue("encoding", lineOf(sample, from, at), -1, String.format(
                        "not UTF-8 text (byte 0x%02X at offset %d); save the table as UTF-8", sample[at] & 0xFF, at));
            }
            if (result.isUnderflow()) {
                return null;
            }
            out.clear();
        }
    }

    private static long lineOf(byte[] sample, int from, int at) {
        long line = 1;
        for (int i = from; i < at; i++) {
            if (sample[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
