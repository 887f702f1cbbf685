// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.util.Objects;

import org.idx.core.CategoricalColumn;
import org.idx.core.annotation.LabelSet;

/**
 * A saved annotation column: its labels (names, colours, order) and the column with a code per
 * row; the column's levels are the label names.
 *
 * @param labels  the labels
 * @param column  the annotation column
 * @param created whether the session added the column (otherwise it is a column of the table
 *                whose values the session replaces)
 */
public record AnnotationState(LabelSet labels, CategoricalColumn column, boolean created) {

    public AnnotationState {
        Objects.requireNonNull(labels);
        Objects.requireNonNull(column);
        if (!labels.names().equals(column.levels())) {
            throw new IllegalArgumentException("Annotation column '" + column.name() + "' has the levels "
                    + column.levels() + ", its labels are " + labels.names());
        }
    }
}
