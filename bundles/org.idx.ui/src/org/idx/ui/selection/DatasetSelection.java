// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.selection;

import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.viewers.ISelection;
import org.idx.core.RowSelection;

/**
 * The workbench selection IDX views exchange: one {@link RowSelection} (a table, a bit set of
 * rows and the part that made it), never an object per row. Listeners from other plug-ins get
 * the rows with {@link #rowsOf(ISelection)} or {@code Adapters.adapt(selection, RowSelection.class)}.
 */
public final class DatasetSelection implements ISelection, IAdaptable {

	private final RowSelection rows;

	public DatasetSelection(RowSelection rows) {
		this.rows = Objects.requireNonNull(rows);
	}

	/** @return the selected rows */
	public RowSelection rows() {
		return rows;
	}

	@Override
	public boolean isEmpty() {
		return rows.isEmpty();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return adapter == RowSelection.class ? adapter.cast(rows) : null;
	}

	/**
	 * @param selection any workbench selection
	 * @return the rows it carries, if it carries rows
	 */
	public static Optional<RowSelection> rowsOf(ISelection selection) {
		return Optional.ofNullable(Adapters.adapt(selection, RowSelection.class));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DatasetSelection that && rows.equals(that.rows);
	}

	@Override
	public int hashCode() {
		return rows.hashCode();
	}

	@Override
	public String toString() {
		return "DatasetSelection[" + rows + "]";
	}
}
