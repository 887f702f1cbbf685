// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.table;

import java.util.BitSet;
import java.util.function.Supplier;

import org.eclipse.nebula.widgets.nattable.layer.LabelStack;
import org.eclipse.nebula.widgets.nattable.layer.cell.IConfigLabelAccumulator;

/**
 * Marks the cells of rows selected in another view (a plot, an image) so the grid can paint
 * them highlighted. Asked only for visible cells: cost independent of the table size.
 */
final class LinkedRowsLabels implements IConfigLabelAccumulator {

	/** The label of cells in rows selected elsewhere. */
	static final String LINKED = "IDX_LINKED_ROW";

	private final Supplier<RowOrder> order;
	private BitSet linked = new BitSet();

	LinkedRowsLabels(Supplier<RowOrder> order) {
		this.order = order;
	}

	void setLinkedRows(BitSet rows) {
		this.linked = rows;
	}

	BitSet linkedRows() {
		return linked;
	}

	@Override
	public void accumulateConfigLabels(LabelStack configLabels, int columnPosition, int rowPosition) {
		if (!linked.isEmpty() && rowPosition < order.get().size() && linked.get(order.get().rowAt(rowPosition))) {
			configLabels.addLabel(LINKED);
		}
	}
}
