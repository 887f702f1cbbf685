// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.idx.analysis.TrainedModel;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.DataTableListener;
import org.idx.core.annotation.AnnotationListener;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.idx.images.StoreSpec;
import org.idx.io.config.DatasetConfiguration;
import org.idx.io.config.ImageRootSetting;

/**
 * A table being worked on: what is not in its file (annotations, derived columns, trained models,
 * roles, image root), whether that is saved, and its autosave journal. It is UI-free; a dataset editor owns
 * one per open table.
 * <p>
 * The columns of the table as read are its <em>original</em> columns; every column added since is
 * an annotation column (when {@link #annotations()} has it) or a derived column. Any change of the
 * table or of the labels makes the session dirty and, when autosave is on, is journalled a moment
 * later. {@link #save()} writes the session beside the table and deletes the journal.
 */
public final class TableSession implements AutoCloseable {

    private final Path source;
    private final DataTable table;
    private final TableFingerprint fingerprint;
    private final Set<String> original;
    private final Supplier<StoreSpec> imageRoot;
    private final List<Annotations> annotations = new CopyOnWriteArrayList<>();
    private final List<TrainedModel> models = new CopyOnWriteArrayList<>();
    private final Set<String> createdAnnotations = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Runnable> dirtyListeners = new CopyOnWriteArrayList<>();
    private final DataTableListener tableListener = this::tableChanged;
    private final List<AnnotationListener> annotationListeners = new CopyOnWriteArrayList<>();
    private final AnnotationListener annotationListener = a -> {
        changed();
        annotationListeners.forEach(listener -> listener.annotationsChanged(a));
    };
    private volatile boolean dirty;
    private volatile Autosave autosave;
    /** Whether the session file beside the table was not applied and must not be overwritten. */
    private volatile boolean keepPrevious;
    private volatile Path keptPrevious;

    /**
     * Starts a session on a table just read; its current columns are its original columns.
     *
     * @param source      the table file
     * @param table       the table read from it
     * @param fingerprint the file's fingerprint taken when it was read
     * @param imageRoot   tells where the images are now ({@code null} for beside the table); asked
     *                    on the autosave thread too
     */
    public TableSession(Path source, DataTable table, TableFingerprint fingerprint, Supplier<StoreSpec> imageRoot) {
        this.source = source.toAbsolutePath().normalize();
        this.table = Objects.requireNonNull(table);
        this.fingerprint = Objects.requireNonNull(fingerprint);
        this.imageRoot = Objects.requireNonNull(imageRoot);
        this.original = new HashSet<>();
        for (Column column : table.columns()) {
            original.add(column.name());
        }
        table.addListener(tableListener);
    }

    /** @return the table file */
    public Path source() {
        return source;
    }

    /** @return the table */
    public DataTable table() {
        return table;
    }

    /** @return the fingerprint of the table file when it was read */
    public TableFingerprint fingerprint() {
        return fingerprint;
    }

    /** @return where {@link #save()} writes */
    public Path sessionFile() {
        return Session.fileBeside(source);
    }

    /**
     * @param column a column name
     * @return whether the column was in the table file
     */
    public boolean isOriginal(String column) {
        return original.contains(column);
    }

    // ------------------------------------------------------------------ annotations

    /** @return the annotation columns, oldest first */
    public List<Annotations> annotations() {
        return List.copyOf(annotations);
    }

    /**
     * @param column a column name
     * @return the annotations kept in that column, if it is an annotation column
     */
    public Optional<Annotations> annotations(String column) {
        return annotations.stream().filter(a -> a.columnName().equals(column)).findFirst();
    }

    /**
     * Adds an annotation column in which no row is labelled yet.
     *
     * @param column a name no column has
     * @param labels its labels
     * @return the annotations
     */
    public Annotations createAnnotations(String column, LabelSet labels) {
        createdAnnotations.add(column);
        try {
            return track(Annotations.create(table, column, labels));
        } catch (RuntimeException e) {
            createdAnnotations.remove(column);
            throw e;
        }
    }

    /**
     * Keeps labels in an existing categorical column, whose levels become the labels.
     *
     * @param column the name of a categorical column
     * @return the annotations
     */
    public Annotations adoptAnnotations(String column) {
        Optional<Annotations> known = annotations(column);
        if (known.isPresent()) {
            return known.get();
        }
        Annotations adopted = track(Annotations.adopt(table, column, null));
        changed();
        return adopted;
    }

    private Annotations track(Annotations added) {
        annotations.add(added);
        added.addListener(annotationListener);
        annotationListeners.forEach(listener -> listener.annotationsChanged(added));
        return added;
    }

    /**
     * @param listener told (on the changing thread) when any annotation column of the session
     *                 changes (labels given, labels renamed or recoloured) or is added
     */
    public void addAnnotationListener(AnnotationListener listener) {
        annotationListeners.add(listener);
    }

    /**
     * @param listener a listener added before
     */
    public void removeAnnotationListener(AnnotationListener listener) {
        annotationListeners.remove(listener);
    }

    // ------------------------------------------------------------------ trained models

    /** @return the models trained on the table, oldest first */
    public List<TrainedModel> models() {
        return List.copyOf(models);
    }

    /**
     * @param name a model name
     * @return the model of that name
     */
    public Optional<TrainedModel> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Keeps a model with the session (it is saved with it and journalled); the session becomes dirty.
     *
     * @param model a model trained on this table
     * @return the model as kept: under its name, or the first free {@code NAME 2}, {@code NAME 3}...
     *         when a model has that name already
     */
    public TrainedModel addModel(TrainedModel model) {
        TrainedModel kept;
        synchronized (models) {
            String name = model.name();
            for (int i = 2; model(name).isPresent(); i++) {
                name = model.name() + " " + i;
            }
            kept = name.equals(model.name()) ? model : model.withName(name);
            models.add(kept);
        }
        changed();
        return kept;
    }

    /**
     * Renames a model; the session becomes dirty.
     *
     * @param name    the model's name
     * @param newName its new name, not blank
     * @return the renamed model
     * @throws IllegalArgumentException when there is no such model, or another model has the new name
     */
    public TrainedModel renameModel(String name, String newName) {
        TrainedModel renamed;
        synchronized (models) {
            TrainedModel model = model(name).orElseThrow(() -> new IllegalArgumentException("there is no model '" + name + "'"));
            String wanted = newName.strip();
            if (!name.equals(wanted) && model(wanted).isPresent()) {
                throw new IllegalArgumentException("a model is named '" + wanted + "' already");
            }
            renamed = model.withName(wanted);
            models.set(models.indexOf(model), renamed);
        }
        changed();
        return renamed;
    }

    /**
     * Forgets a model; the session becomes dirty.
     *
     * @param name the model's name
     * @return whether there was such a model
     */
    public boolean removeModel(String name) {
        boolean removed;
        synchronized (models) {
            removed = models.removeIf(m -> m.name().equals(name));
        }
        if (removed) {
            changed();
        }
        return removed;
    }

    // ------------------------------------------------------------------ snapshot, save, restore

    /** @return the session as it is now (cheap: columns are shared, not copied) */
    public Session snapshot() {
        List<Column> columns = table.columns();
        List<AnnotationState> states = new ArrayList<>();
        Set<String> annotationColumns = new HashSet<>();
        for (Annotations annotation : annotations) {
            Annotations.Snapshot state = annotation.snapshot();
            if (state == null) {
                continue; // the column was removed
            }
            states.add(new AnnotationState(state.labels(), state.column(),
                    createdAnnotations.contains(annotation.columnName())));
            annotationColumns.add(annotation.columnName());
        }
        List<Column> derived = new ArrayList<>();
        for (Column column : columns) {
            if (!original.contains(column.name()) && !annotationColumns.contains(column.name())) {
                derived.add(column);
            }
        }
        return new Session(source, fingerprint, Instant.now(), configuration(),
                states, derived, models);
    }

    /** The roles of the table and its image root, as a configuration file would hold them. */
    private DatasetConfiguration configuration() {
        StoreSpec spec = imageRoot.get();
        return new DatasetConfiguration(table.roles(),
                Optional.ofNullable(spec).map(root -> new ImageRootSetting(root.scheme(), root.properties())), Optional.empty());
    }

    /**
     * Writes the session beside the table (atomically) and deletes the journal; the session is
     * then clean.
     *
     * @return the file written
     * @throws IOException when it cannot be written; the previous session file is then intact
     */
    public Path save() throws IOException {
        Session session = snapshot();
        if (keepPrevious && Files.exists(sessionFile())) {
            keptPrevious = Files.copy(sessionFile(),
                    sessionFile().resolveSibling(sessionFile().getFileName() + "." + System.currentTimeMillis() + ".replaced"),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path file = SessionFiles.save(session);
        keepPrevious = false;
        markClean();
        return file;
    }

    /**
     * Says that the session file beside the table was not put into this session (the user opened
     * the table without it, or it could not be read): the next {@link #save()} first copies it to
     * {@code <session file>.<millis>.replaced}, so the labels it holds are never lost to a save.
     */
    public void keepPreviousOnSave() {
        keepPrevious = true;
    }

    /** @return where the last {@link #save()} kept the session file it replaced, if it kept one */
    public Optional<Path> keptPrevious() {
        return Optional.ofNullable(keptPrevious);
    }

    /**
     * Puts a saved session (or journal) into the table: derived and annotation columns, labels,
     * roles and trained models (a model replaces the one of the same name). What does not fit (a
     * column of another row count, a role of a missing column) is left
     * out and said in the returned notes. The image root of the session is for the caller to apply.
     *
     * @param session a session of this table
     * @return one sentence per thing not restored; empty when everything was
     */
    public List<String> restore(Session session) {
        List<String> notes = new ArrayList<>();
        int rows = table.rowCount();
        for (Column column : session.derived()) {
            if (column.size() != rows) {
                notes.add("Column '" + column.name() + "' has " + column.size() + " rows, the table " + rows
                        + ": not restored.");
            } else if (original.contains(column.name())) {
                notes.add("Column '" + column.name() + "' is in the table file now: the saved one is not restored.");
            } else {
                put(column);
            }
        }
        for (AnnotationState state : session.annotations()) {
            CategoricalColumn column = state.column();
            if (column.size() != rows) {
                notes.add("Annotation column '" + column.name() + "' has " + column.size() + " rows, the table " + rows
                        + ": its labels are not restored.");
                continue;
            }
            if (state.created() && original.contains(column.name())) {
                notes.add("Annotation column '" + column.name()
                        + "' is in the table file now: the saved labels are not restored.");
                continue;
            }
            put(column);
            if (state.created()) {
                createdAnnotations.add(column.name());
            }
            Optional<Annotations> known = annotations(column.name());
            if (known.isPresent()) {
                known.get().setLabels(state.labels());
            } else {
                track(Annotations.adopt(table, column.name(), state.labels()));
            }
        }
        ColumnRoles roles = table.roles();
        for (Map.Entry<ColumnRole, String> role : session.configuration().roles().asMap().entrySet()) {
            if (table.findColumn(role.getValue()).isPresent()) {
                roles = roles.with(role.getKey(), role.getValue());
            } else {
                notes.add("The role " + role.getKey() + " was given to column '" + role.getValue()
                        + "', which the table does not have.");
            }
        }
        table.setRoles(roles);
        synchronized (models) {
            for (TrainedModel model : session.models()) {
                models.removeIf(m -> m.name().equals(model.name()));
                models.add(model);
            }
        }
        changed();
        return notes;
    }

    private void put(Column column) {
        if (table.findColumn(column.name()).isPresent()) {
            table.replaceColumn(column);
        } else {
            table.addColumn(column);
        }
    }

    // ------------------------------------------------------------------ dirty state and autosave

    /** @return whether there are changes not saved beside the table */
    public boolean isDirty() {
        return dirty;
    }

    /**
     * Declares the current state saved (after {@link #save()}, or after restoring the saved
     * session on opening); deletes the journal.
     */
    public void markClean() {
        boolean was = dirty;
        dirty = false;
        Autosave current = autosave;
        if (current != null) {
            try {
                current.clean();
            } catch (IOException e) {
                // A stale journal only means an extra offer to restore after a crash.
            }
        }
        if (was) {
            dirtyListeners.forEach(Runnable::run);
        }
    }

    /** Notes a change that is not a table or label change (e.g. the image root was re-pointed). */
    public void changed() {
        boolean was = dirty;
        dirty = true;
        Autosave current = autosave;
        if (current != null) {
            current.changed();
        }
        if (!was) {
            dirtyListeners.forEach(Runnable::run);
        }
    }

    private void tableChanged(DataTableEvent event) {
        if (event.kind() == DataTableEvent.Kind.COLUMN_REMOVED) {
            annotations.removeIf(a -> a.columnName().equals(event.column()));
        }
        changed();
    }

    /**
     * @param listener told (on the changing thread) when the session becomes dirty or clean
     */
    public void addDirtyListener(Runnable listener) {
        dirtyListeners.add(listener);
    }

    /**
     * @param listener a listener added before
     */
    public void removeDirtyListener(Runnable listener) {
        dirtyListeners.remove(listener);
    }

    /**
     * Journals unsaved changes to {@code journal.fileOf(source())} {@code delay} after each burst.
     *
     * @param journal   the workspace's journals
     * @param delay     the debounce delay
     * @param onFailure told when a journal write fails
     * @return the autosave
     */
    public Autosave startAutosave(Journal journal, Duration delay, Consumer<IOException> onFailure) {
        Autosave started = new Autosave(journal.fileOf(source), this::snapshot, delay, onFailure);
        autosave = started;
        if (dirty) {
            started.changed();
        }
        return started;
    }

    /** @return the autosave, if started */
    public Optional<Autosave> autosave() {
        return Optional.ofNullable(autosave);
    }

    /**
     * Ends the session: stops listening and autosaving and deletes the journal, since the user has
     * saved or chosen to discard the changes.
     */
    @Override
    public void close() {
        table.removeListener(tableListener);
        for (Annotations annotation : annotations) {
            annotation.removeListener(annotationListener);
        }
        Autosave current = autosave;
        if (current != null) {
            try {
                current.discard();
            } catch (IOException e) {
                // The journal stays; it will be offered at the next start.
            }
        }
    }
}
