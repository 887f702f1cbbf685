// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;

/**
 * A model a method trained, kept with a table's session so that it can predict again later. The
 * platform knows only what every model has (which method made it, its name, its feature columns,
 * its classes, a description) and keeps the model itself as opaque bytes that only the method
 * reads back (see {@link ModelPredictor}). Immutable.
 *
 * @param method      the id of the method that trained it and can apply it, e.g. {@code xgboost}
 * @param name        the name users see and choose it by; unique among the models of a session
 * @param created     when it was trained
 * @param features    the names of the numeric columns it reads, in the order it reads them
 * @param classes     the classes it predicts (empty for a model that does not predict classes)
 * @param description one line on how it was trained (parameters, evaluation), or an empty string
 * @param bytes       the model in the method's own format
 */
public record TrainedModel(String method, String name, Instant created, List<String> features, List<String> classes,
        String description, byte[] bytes) {

    /** Copies the lists and the bytes and checks the names. */
    public TrainedModel {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        if (!method.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("method id '" + method + "' is not lower case letters, digits and '-'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("a model needs a name");
        }
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        description = description == null ? "" : description;
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the size of {@link #bytes()} without copying them */
    public int size() {
        return bytes.length;
    }

    /**
     * @param newName a name
     * @return this model under that name
     */
    public TrainedModel withName(String newName) {
        return new TrainedModel(method, newName, created, features, classes, description, bytes);
    }

    /**
     * Finds the model's feature columns in a table.
     *
     * @param table a table to apply the model to
     * @return its feature columns, in model order
     * @throws AnalysisException when one is missing or not numeric: one sentence naming the first such
     *                           column (and how many more there are)
     */
    public List<NumericColumn> featureColumns(DataTable table) throws AnalysisException {
        List<NumericColumn> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> notNumeric = new ArrayList<>();
        for (String feature : features) {
            Column column = table.findColumn(feature).orElse(null);
            if (column == null) {
                missing.add(feature);
            } else if (column instanceof NumericColumn numeric) {
                columns.add(numeric);
            } else {
                notNumeric.add(feature);
            }
        }
        if (!missing.isEmpty()) {
            throw new AnalysisException("the table has no column '" + missing.get(0) + "', a feature of model '" + name + "'"
                    + more(missing.size() - 1, "is missing", "are missing"));
        }
        if (!notNumeric.isEmpty()) {
            throw new AnalysisException("column '" + notNumeric.get(0) + "' is not numeric, but model '" + name
                    + "' uses it as a feature" + more(notNumeric.size() - 1, "is not numeric either", "are not numeric either"));
        }
        return columns;
    }

    private static String more(int count, String one, String many) {
        return count == 0 ? "" : " (" + count + " more " + (count == 1 ? "feature " + one : "features " + many) + ")";
    }
}
