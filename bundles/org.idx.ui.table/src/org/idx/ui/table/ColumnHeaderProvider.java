// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.table;

import java.util.Locale;

import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.idx.core.Column;
import org.idx.core.DataTable;

/** Column headers: the name, and below it the type and how many values are NA. */
final class ColumnHeaderProvider implements IDataProvider {

	private final DataTable table;

	ColumnHeaderProvider(DataTable table) {
		this.table = table;
	}

	static String label(Column column) {
		String type = column.type().name().toLowerCase(Locale.ROOT);
		int na = column.naCount();
		return column.name() + "\n" + type + (na > 0 ? " · " + na + " NA" : "");
	}

	@Override
	public Object getDataValue(int columnIndex, int rowIndex) {
		return label(table.column(columnIndex));
	}

	@Override
	public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
		throw new UnsupportedOperationException();
	}

	@Override
	public int getColumnCount() {
		return table.columnCount();
	}

	@Override
	public int getRowCount() {
		return 1;
	}
}
