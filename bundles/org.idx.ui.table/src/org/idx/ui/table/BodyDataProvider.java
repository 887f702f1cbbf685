// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.table;

import java.util.function.Supplier;

import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.idx.core.DataTable;

/** The grid cells: the text of a table value, asked for only for visible cells. */
final class BodyDataProvider implements IDataProvider {

	private final DataTable table;
	private final Supplier<RowOrder> order;

	BodyDataProvider(DataTable table, Supplier<RowOrder> order) {
		this.table = table;
		this.order = order;
	}

	@Override
	public Object getDataValue(int columnIndex, int rowIndex) {
		int row = order.get().rowAt(rowIndex);
		var column = table.column(columnIndex);
		return column.isNA(row) ? "NA" : column.text(row);
	}

	@Override
	public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
		throw new UnsupportedOperationException("The table grid is read-only.");
	}

	@Override
	public int getColumnCount() {
		return table.columnCount();
	}

	@Override
	public int getRowCount() {
		return order.get().size();
	}
}
