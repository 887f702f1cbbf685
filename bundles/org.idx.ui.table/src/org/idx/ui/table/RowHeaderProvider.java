// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.table;

import java.util.function.Supplier;

import org.eclipse.nebula.widgets.nattable.data.IDataProvider;

/** Row headers: the 1-based number of the row in the table, whatever the sort and filter. */
final class RowHeaderProvider implements IDataProvider {

	private final Supplier<RowOrder> order;

	RowHeaderProvider(Supplier<RowOrder> order) {
		this.order = order;
	}

	@Override
	public Object getDataValue(int columnIndex, int rowIndex) {
		return order.get().rowAt(rowIndex) + 1;
	}

	@Override
	public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
		throw new UnsupportedOperationException();
	}

	@Override
	public int getColumnCount() {
		return 1;
	}

	@Override
	public int getRowCount() {
		return order.get().size();
	}
}
