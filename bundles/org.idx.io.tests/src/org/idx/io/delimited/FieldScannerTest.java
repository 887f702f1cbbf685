// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FieldScannerTest {

    /** Field ends at every offset relative to the eight-byte words the scanner skips. */
    @Test
    void findsEveryTerminatorPosition() {
        for (char delimiter : new char[] {',', '\t', ';', '|'}) {
            FieldScanner scanner = new FieldScanner(delimiter);
            for (int length = 0; length < 40; length++) {
                for (String end : new String[] {String.valueOf(delimiter), "\n", "\r\n", ""}) {
                    String field = "é".repeat(length / 2) + "x".repeat(length % 2);
                    byte[] bytes = (field + end + "rest").getBytes(StandardCharsets.UTF_8);
                    int limit = end.isEmpty() ? bytes.length - 4 : bytes.length;
                    int status = scanner.scan(bytes, 0, limit, true);
                    assertEquals(end.equals(String.valueOf(delimiter)) ? FieldScanner.DELIMITER : FieldScanner.RECORD_END,
                            status, field + end);
                    assertEquals(field, new String(bytes, scanner.start, scanner.length(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void reportsNulAndNeedMore() {
        FieldScanner scanner = new FieldScanner(',');
        byte[] nul = "abcdefghij\0k,".getBytes(StandardCharsets.UTF_8);
        assertEquals(FieldScanner.NUL_BYTE, scanner.scan(nul, 0, nul.length, true));
        byte[] open = "abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);
        assertEquals(FieldScanner.NEED_MORE, scanner.scan(open, 0, open.length, false));
        byte[] quoted = "\"a,\"\"b\"\"\nc\",d".getBytes(StandardCharsets.UTF_8);
        assertEquals(FieldScanner.DELIMITER, scanner.scan(quoted, 0, quoted.length, true));
        byte[] target = new byte[quoted.length];
        assertEquals("a,\"b\"\nc", new String(target, 0, scanner.unescape(quoted, target), StandardCharsets.UTF_8));
        assertEquals(1, scanner.lineFeeds);
    }
}
