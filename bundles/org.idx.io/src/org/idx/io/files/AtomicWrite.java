// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers (and the next start after a crash) see either the old file or
 * the complete new one, never a part: the content goes to a temporary file in the same folder,
 * which is forced to disk and then renamed over the target; the folder is forced too where the
 * platform allows it. When writing fails, the temporary file is deleted and the target is
 * untouched.
 */
public final class AtomicWrite {

    /** What to write. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write; do not close it
         * @throws IOException when the content cannot be written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    /**
     * @param target  the file to create or replace
     * @param content the new content
     * @throws IOException when it cannot be written; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        boolean moved = false;
        try {
            keepPermissions(absolute, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            forceFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A temporary file is private to its owner; the file replaced keeps its permissions, a new one
     * gets the usual rw-r--r--.
     */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }

    /** Makes the rename durable; not every platform can open a folder, which is then fine. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open folders as channels; the rename itself is atomic there too.
        }
    }
}
