// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a session remembers of the table it was made on, to notice when the file has changed
 * since: its size and modification time, a SHA-256 of its header line and the row count read.
 *
 * @param size         the file size in bytes
 * @param modified     the modification time in milliseconds since the epoch
 * @param headerSha256 the hex SHA-256 of the first line (up to 1 MiB) and the row count
 * @param rows         the number of rows read
 */
public record TableFingerprint(long size, long modified, String headerSha256, int rows) {

    private static final int MAX_HEADER = 1 << 20;

    /**
     * @param file the table file
     * @param rows the number of rows read from it
     * @return its fingerprint
     * @throws IOException when the file cannot be read
     */
    public static TableFingerprint of(Path file, int rows) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        byte[] header = new byte[(int) Math.min(MAX_HEADER, size)];
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            while (length < header.length && (b = in.read()) >= 0 && b != '\n') {
                header[length++] = (byte) b;
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(header, 0, length);
            digest.update(("\n" + rows).getBytes(StandardCharsets.US_ASCII));
            return new TableFingerprint(size, modified, HexFormat.of().formatHex(digest.digest()), rows);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * @param current the fingerprint of the table as it is now
     * @return one sentence per difference; empty when the table looks unchanged
     */
    public List<String> differences(TableFingerprint current) {
        List<String> differences = new ArrayList<>();
        if (rows != current.rows) {
            differences.add("it had " + rows + " rows, now " + current.rows);
        }
        if (!headerSha256.equals(current.headerSha256) && rows == current.rows) {
            differences.add("its header line (the column names) differs");
        }
        if (size != current.size) {
            differences.add("its size was " + size + " bytes, now " + current.size);
        } else if (modified != current.modified) {
            differences.add("it was modified since (same size)");
        }
        return differences;
    }
}
