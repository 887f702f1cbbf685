// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dataset;

import java.util.List;
import java.util.Objects;

import org.idx.core.DataTable;

/**
 * Columns an analysis has just added to (or replaced in) a table. Posted on the workbench's
 * {@code IEventBroker} under {@link #TOPIC}, with this record as the event's data
 * ({@code IEventBroker.DATA}), so that views can show the result the way the Image Data Explorer
 * does: a scatter plot switches its axes to a reduction's first two columns and colours by a
 * clustering's column. Views of other tables ignore it; a pinned view may too.
 *
 * @param table    the table the columns belong to
 * @param category the method's category id: {@code reduction}, {@code clustering}, {@code classification},
 *                 {@code statistics} or {@code other}
 * @param columns  the names of the new columns, in the method's order
 */
public record ResultColumns(DataTable table, String category, List<String> columns) {

	/** The event topic. */
	public static final String TOPIC = "org/idx/dataset/resultColumns";

	public ResultColumns {
		Objects.requireNonNull(table);
		Objects.requireNonNull(category);
		columns = List.copyOf(columns);
	}
}
