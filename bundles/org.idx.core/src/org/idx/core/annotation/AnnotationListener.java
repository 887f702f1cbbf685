// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.annotation;

/**
 * Told when {@link Annotations} change: rows labelled or cleared, labels added, renamed or
 * recoloured. Called on the thread that made the change, after the table's own
 * {@link org.idx.core.DataTableEvent} when the column changed.
 */
@FunctionalInterface
public interface AnnotationListener {

    /**
     * @param annotations what changed
     */
    void annotationsChanged(Annotations annotations);
}
