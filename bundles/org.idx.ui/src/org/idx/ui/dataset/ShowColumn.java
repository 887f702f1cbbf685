// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dataset;

import java.util.Objects;

import org.idx.core.DataTable;

/**
 * A request to plot one column of a table, e.g. after a click on a feature of a classifier's importance
 * plot. Posted on the workbench's {@code IEventBroker} under {@link #TOPIC}, with this record as the
 * event's data ({@code IEventBroker.DATA}). The distribution view draws the column as a histogram, grouped
 * by {@code group} when that is one of the table's categorical columns (else by the column with the label
 * role, if any). Views showing another table (e.g. pinned to it) ignore it.
 *
 * @param table  the table the column belongs to
 * @param column the name of the column to plot
 * @param group  the name of the column to group by (e.g. the classifier's label column), or {@code null}
 */
public record ShowColumn(DataTable table, String column, String group) {

	/** The event topic. */
	public static final String TOPIC = "org/idx/dataset/showColumn";

	public ShowColumn {
		Objects.requireNonNull(table);
		Objects.requireNonNull(column);
	}
}
