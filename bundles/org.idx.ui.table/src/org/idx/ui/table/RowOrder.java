// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.table;

import java.util.BitSet;

import org.idx.core.DataTable;

/**
 * Which rows the grid shows, in which order: a sort permutation restricted to the rows that
 * pass the filter. Position {@code p} of the grid shows table row {@code rowAt(p)}.
 */
final class RowOrder {

	private final int[] rows;
	private final int[] positions;

	private RowOrder(int[] rows, int tableRows) {
		this.rows = rows;
		this.positions = new int[tableRows];
		java.util.Arrays.fill(positions, -1);
		for (int p = 0; p < rows.length; p++) {
			positions[rows[p]] = p;
		}
	}

	/** @return every row in table order */
	static RowOrder natural(DataTable table) {
		return of(null, null, table.rowCount());
	}

	/**
	 * @param permutation the sort order of all rows, or null for table order
	 * @param filter      the rows to keep, or null for all
	 */
	static RowOrder of(int[] permutation, BitSet filter, int tableRows) {
		int count = filter == null ? tableRows : filter.cardinality();
		int[] rows = new int[count];
		int p = 0;
		for (int i = 0; i < tableRows; i++) {
			int row = permutation == null ? i : permutation[i];
			if (filter == null || filter.get(row)) {
				rows[p++] = row;
			}
		}
		return new RowOrder(rows, tableRows);
	}

	int size() {
		return rows.length;
	}

	int rowAt(int position) {
		return rows[position];
	}

	/** @return the grid position of a table row, or -1 when the filter hides it */
	int positionOf(int row) {
		return positions[row];
	}
}
