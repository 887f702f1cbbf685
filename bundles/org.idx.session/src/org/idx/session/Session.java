// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.idx.analysis.TrainedModel;
import org.idx.core.Column;
import org.idx.io.config.DatasetConfiguration;

/**
 * Everything a user did to a table that is not in the table file: the configuration, the
 * annotation columns with their labels, the columns analyses derived and the models they trained. Immutable: columns are
 * immutable, so a session is a cheap snapshot that can be written on another thread.
 *
 * @param table         the table file the session belongs to
 * @param fingerprint   what the table file was like
 * @param saved         when the snapshot was taken
 * @param configuration roles and image root
 * @param annotations   the annotation columns
 * @param derived       the columns added to the table that are not annotations (analysis results),
 *                      in table order
 * @param models        the models analyses trained on the table, oldest first (names unique)
 */
public record Session(Path table, TableFingerprint fingerprint, Instant saved, DatasetConfiguration configuration,
        List<AnnotationState> annotations, List<Column> derived, List<TrainedModel> models) {

    public Session {
        Objects.requireNonNull(table);
        Objects.requireNonNull(fingerprint);
        Objects.requireNonNull(saved);
        Objects.requireNonNull(configuration);
        annotations = List.copyOf(annotations);
        derived = List.copyOf(derived);
        models = models == null ? List.of() : List.copyOf(models);
    }

    /**
     * A session without trained models.
     *
     * @param table         the table file
     * @param fingerprint   what the table file was like
     * @param saved         when the snapshot was taken
     * @param configuration roles and image root
     * @param annotations   the annotation columns
     * @param derived       the derived columns
     */
    public Session(Path table, TableFingerprint fingerprint, Instant saved, DatasetConfiguration configuration,
            List<AnnotationState> annotations, List<Column> derived) {
        this(table, fingerprint, saved, configuration, annotations, derived, List.of());
    }

    /**
     * @param table a table file
     * @return the session file beside it: {@code <table file name>.idx-session.json}
     */
    public static Path fileBeside(Path table) {
        Path absolute = table.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".idx-session.json");
    }
}
