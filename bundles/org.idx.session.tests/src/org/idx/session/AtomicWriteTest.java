// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.idx.core.DataTable;
import org.idx.core.annotation.LabelSet;
import org.idx.io.files.AtomicWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A write that fails half-way leaves the previous file exactly as it was, and no litter. */
class AtomicWriteTest {

    @TempDir
    Path folder;

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact() throws Exception {
        Path target = folder.resolve("a.json");
        AtomicWrite.write(target, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        IOException failure = assertThrows(IOException.class, () -> AtomicWrite.write(target, out -> {
            out.write(new byte[200_000]); // more than the buffer: bytes reach the temporary file
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files(), "the temporary file is removed");
        AtomicWrite.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files());
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                    "readable like any file the user writes, not private like a temporary file");
        }
    }

    @Test
    void aSessionWhoseWriterFailsKeepsTheSavedSession() throws Exception {
        Path file = SessionTables.writeFile(folder, 50);
        DataTable table = SessionTables.read(50);
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, 50), () -> null);
        session.createAnnotations("class", LabelSet.named(List.of("a", "b"))).assign(SessionRoundTripTest.bits(1, 2), 0);
        Path saved = session.save();
        byte[] before = Files.readAllBytes(saved);

        session.annotations("class").orElseThrow().assign(SessionRoundTripTest.bits(3), 1);
        Session next = session.snapshot();
        IOException failure = assertThrows(IOException.class,
                () -> AtomicWrite.write(saved, out -> SessionCodec.write(next, new FailingAfter(out, 300))));
        assertEquals("device gone after 300 bytes", failure.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(saved));
        Session read = SessionFiles.read(saved);
        assertEquals(-1, read.annotations().get(0).column().code(3), "the old session, complete");
        assertEquals(0, read.annotations().get(0).column().code(1));
    }

    /** An output stream that breaks after some bytes, like a full or unplugged disk. */
    private static final class FailingAfter extends OutputStream {
        private final OutputStream out;
        private final int limit;
        private int count;

        FailingAfter(OutputStream out, int limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (++count > limit) {
                throw new IOException("device gone after " + limit + " bytes");
            }
            out.write(b);
        }
    }
}
