// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/**
 * Receives {@link DataTableEvent}s. Events are delivered on the thread that made the change;
 * a UI listener must move to its display thread itself.
 */
@FunctionalInterface
public interface DataTableListener {

    /**
     * @param event what changed
     */
    void tableChanged(DataTableEvent event);
}
