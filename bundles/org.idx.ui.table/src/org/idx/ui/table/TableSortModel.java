// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.table;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;

/**
 * Sort state of the grid: one column at a time. The sorting itself is the core's primitive
 * {@code RowSorter}, run by the page in a background job; NatTable's comparators are not used.
 */
final class TableSortModel implements ISortModel {

	private final BiConsumer<Integer, SortDirectionEnum> sorter;
	private int column = -1;
	private SortDirectionEnum direction = SortDirectionEnum.NONE;

	/** @param sorter called with the column index and direction to sort by (NONE: table order) */
	TableSortModel(BiConsumer<Integer, SortDirectionEnum> sorter) {
		this.sorter = sorter;
	}

	@Override
	public List<Integer> getSortedColumnIndexes() {
		return column < 0 ? List.of() : List.of(column);
	}

	@Override
	public boolean isColumnIndexSorted(int columnIndex) {
		return columnIndex == column && direction != SortDirectionEnum.NONE;
	}

	@Override
	public SortDirectionEnum getSortDirection(int columnIndex) {
		return columnIndex == column ? direction : SortDirectionEnum.NONE;
	}

	@Override
	public int getSortOrder(int columnIndex) {
		return columnIndex == column ? 0 : -1;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public List<Comparator> getComparatorsForColumnIndex(int columnIndex) {
		return List.of();
	}

	@Override
	public Comparator<?> getColumnComparator(int columnIndex) {
		return null;
	}

	@Override
	public void sort(int columnIndex, SortDirectionEnum sortDirection, boolean accumulate) {
		column = sortDirection == SortDirectionEnum.NONE ? -1 : columnIndex;
		direction = sortDirection;
		sorter.accept(columnIndex, sortDirection);
	}

	@Override
	public void clear() {
		sort(column, SortDirectionEnum.NONE, false);
	}
}
