// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The autosave journals in a folder of the workspace: one file per open table,
 * {@code <hash of the table path>.idx-journal.json}, in the session format. A journal exists while
 * a table has unsaved changes; it is deleted when they are saved or discarded, so a journal found
 * at start-up is work a crash would otherwise have lost.
 *
 * @param folder the folder holding the journals
 */
public record Journal(Path folder) {

    private static final String SUFFIX = ".idx-journal.json";

    /**
     * @param table a table file
     * @return the journal file of that table
     */
    public Path fileOf(Path table) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(table.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash, 0, 12) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * @return the journal files present, oldest first
     * @throws IOException when the folder cannot be listed
     */
    public List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            entries.forEach(files::add);
        }
        files.sort((a, b) -> {
            try {
                return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            } catch (IOException e) {
                return a.compareTo(b);
            }
        });
        return files;
    }

    /**
     * Keeps a journal the user chose not to restore, renamed so it is not offered again but not
     * destroyed either.
     *
     * @param file a journal file
     * @return the new name
     * @throws IOException when it cannot be renamed
     */
    public Path setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + "." + System.currentTimeMillis() + ".discarded");
        return Files.move(file, aside);
    }
}
