// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.idx.io.files.AtomicWrite;

/**
 * Session files on disk: {@code <table>.idx-session.json} beside the table, written atomically.
 */
public final class SessionFiles {

    private SessionFiles() {
    }

    /**
     * Writes a session beside its table (atomically: a failure leaves the previous session file
     * as it was). The table itself is never written.
     *
     * @param session the session
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public static Path save(Session session) throws IOException {
        Path file = Session.fileBeside(session.table());
        write(session, file);
        return file;
    }

    /**
     * @param session the session
     * @param file    the file to write atomically
     * @throws IOException when it cannot be written
     */
    public static void write(Session session, Path file) throws IOException {
        AtomicWrite.write(file, out -> SessionCodec.write(session, out));
    }

    /**
     * @param file a session or journal file
     * @return the session it holds
     * @throws SessionFormatException when the file is not a session
     * @throws IOException            when it cannot be read
     */
    public static Session read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return SessionCodec.read(in, file.toString());
        }
    }

    /**
     * @param table a table file
     * @return the session saved beside it, if there is one
     * @throws IOException when it exists but cannot be read
     */
    public static Optional<Session> besides(Path table) throws IOException {
        Path file = Session.fileBeside(table);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }
}
