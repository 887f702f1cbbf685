// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.table;

import java.util.BitSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.columnChooser.command.DisplayColumnChooserCommandHandler;
import org.eclipse.nebula.widgets.nattable.copy.command.CopyDataToClipboardCommand;
import org.eclipse.nebula.widgets.nattable.coordinate.PositionCoordinate;
import org.eclipse.nebula.widgets.nattable.coordinate.Range;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.hideshow.ColumnHideShowLayer;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.ILayerListener;
import org.eclipse.nebula.widgets.nattable.layer.event.ColumnInsertEvent;
import org.eclipse.nebula.widgets.nattable.layer.event.StructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.reorder.ColumnReorderLayer;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.event.ISelectionEvent;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.ui.menu.HeaderMenuConfiguration;
import org.eclipse.nebula.widgets.nattable.ui.menu.PopupMenuBuilder;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.actions.ActionFactory;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.DataTableListener;
import org.idx.core.RowSelection;
import org.idx.core.filter.FilterException;
import org.idx.core.filter.RowFilter;
import org.idx.core.sort.RowSorter;
import org.idx.core.sort.SortOrder;
import org.idx.ui.editor.DatasetPageContext;
import org.idx.ui.editor.IDatasetPage;
import org.idx.ui.selection.DatasetSelection;

/**
 * The table grid of the dataset editor: a virtual NatTable over the column store. Sorting by a
 * header click, a filter expression or text match above the grid, column hide/show/reorder
 * from the header menu, copy of the selected cells. Rows selected here are published as a
 * {@link DatasetSelection}; rows selected in other views are highlighted.
 */
public final class TablePage implements IDatasetPage {

	private DatasetPageContext context;
	private DataTable table;
	private volatile RowOrder order;
	private int[] permutation;
	private BitSet filterRows;

	private Composite root;
	private Text filterText;
	private Label status;
	private NatTable natTable;
	private SelectionLayer selectionLayer;
	private ViewportLayer viewportLayer;
	private LinkedRowsLabels linkedRows;
	private DataLayer bodyData;
	private final ISelectionListener selectionListener = this::selectionChanged;
	private final DataTableListener tableListener = this::tableChanged;
	private boolean publishing;

	@Override
	public Control createControl(Composite parent, DatasetPageContext pageContext) {
		this.context = pageContext;
		this.table = pageContext.dataset().table();
		this.order = RowOrder.natural(table);

		root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 0;
		layout.marginHeight = 2;
		root.setLayout(layout);
		filterText = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage("Filter: Area > 300 && siRNA == \"ctrl\", or text to find");
		filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		filterText.addListener(SWT.DefaultSelection, event -> applyFilter(filterText.getText()));
		status = new Label(root, SWT.NONE);
		status.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

		natTable = createGrid(root);
		natTable.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		updateStatus(null);

		pageContext.site().getPage().addSelectionListener(selectionListener);
		table.addListener(tableListener);
		pageContext.site().getActionBars().setGlobalActionHandler(ActionFactory.COPY.getId(), new Action() {
			@Override
			public void run() {
				copySelection();
			}
		});
		pageContext.site().getActionBars().setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), new Action() {
			@Override
			public void run() {
				selectionLayer.selectAll();
			}
		});
		return root;
	}

	private NatTable createGrid(Composite parent) {
		bodyData = new DataLayer(new BodyDataProvider(table, () -> order), 110, 22);
		linkedRows = new LinkedRowsLabels(() -> order);
		bodyData.setConfigLabelAccumulator(linkedRows);
		ColumnReorderLayer reorder = new ColumnReorderLayer(bodyData);
		ColumnHideShowLayer hideShow = new ColumnHideShowLayer(reorder);
		selectionLayer = new SelectionLayer(hideShow);
		viewportLayer = new ViewportLayer(selectionLayer);

		ColumnHeaderProvider headerProvider = new ColumnHeaderProvider(table);
		DataLayer headerData = new DataLayer(headerProvider, 110, 40);
		ColumnHeaderLayer columnHeader = new ColumnHeaderLayer(headerData, viewportLayer, selectionLayer);
		SortHeaderLayer<Object> sortHeader = new SortHeaderLayer<>(columnHeader, new TableSortModel(this::sort));

		RowHeaderProvider rowProvider = new RowHeaderProvider(() -> order);
		DataLayer rowHeaderData = new DataLayer(rowProvider, 70, 22);
		RowHeaderLayer rowHeader = new RowHeaderLayer(rowHeaderData, viewportLayer, selectionLayer);
		CornerLayer corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(headerProvider, rowProvider)),
				rowHeader, sortHeader);

		selectionLayer.registerCommandHandler(
				new DisplayColumnChooserCommandHandler(selectionLayer, hideShow, columnHeader, headerData, null, null));
		selectionLayer.addLayerListener(rowSelectionPublisher());

		NatTable grid = new NatTable(parent, new GridLayer(viewportLayer, sortHeader, rowHeader, corner), false);
		grid.addConfiguration(new DefaultNatTableStyleConfiguration());
		grid.addConfiguration(new SingleClickSortConfiguration());
		grid.addConfiguration(new HeaderMenuConfiguration(grid) {
			@Override
			protected PopupMenuBuilder createColumnHeaderMenu(NatTable natTable) {
				return super.createColumnHeaderMenu(natTable).withColumnChooserMenuItem();
			}
		});
		grid.addConfiguration(new AbstractRegistryConfiguration() {
			@Override
			public void configureRegistry(IConfigRegistry registry) {
				Style linked = new Style();
				linked.setAttributeValue(CellStyleAttributes.BACKGROUND_COLOR, new Color(255, 226, 150));
				registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, linked, DisplayMode.NORMAL,
						LinkedRowsLabels.LINKED);
			}
		});
		grid.configure();
		return grid;
	}

	private ILayerListener rowSelectionPublisher() {
		return event -> {
			if (event instanceof ISelectionEvent && !publishing) {
				BitSet rows = new BitSet(table.rowCount());
				RowOrder current = order;
				for (Range range : selectionLayer.getSelectedRowPositions()) {
					for (int position = range.start; position < range.end && position < current.size(); position++) {
						rows.set(current.rowAt(position));
					}
				}
				linkedRows.setLinkedRows(new BitSet());
				// The row clicked last is the focus: the one the image viewers show.
				PositionCoordinate last = selectionLayer.getLastSelectedCellPosition();
				int focus = last == null || last.rowPosition < 0 || last.rowPosition >= current.size() ? -1
						: current.rowAt(last.rowPosition);
				context.selection().setSelection(
						new DatasetSelection(new RowSelection(table, rows, this, focus >= 0 && rows.get(focus) ? focus : -1)));
			}
		};
	}

	private void selectionChanged(IWorkbenchPart part, org.eclipse.jface.viewers.ISelection selection) {
		DatasetSelection.rowsOf(selection)
				.filter(rows -> rows.table() == table && rows.origin() != this)
				.ifPresent(this::showLinkedRows);
	}

	/** Highlights rows selected in another view and scrolls the first of them into sight. */
	void showLinkedRows(RowSelection rows) {
		if (natTable.isDisposed()) {
			return;
		}
		linkedRows.setLinkedRows(rows.rows());
		publishing = true;
		try {
			selectionLayer.clear(false);
		} finally {
			publishing = false;
		}
		int first = firstVisiblePosition(rows.rows());
		if (first >= 0) {
			viewportLayer.moveRowPositionIntoViewport(first);
		}
		updateStatus(null);
		natTable.redraw();
	}

	private int firstVisiblePosition(BitSet rows) {
		int best = -1;
		RowOrder current = order;
		for (int row = rows.nextSetBit(0); row >= 0; row = rows.nextSetBit(row + 1)) {
			int position = current.positionOf(row);
			if (position >= 0 && (best < 0 || position < best)) {
				best = position;
			}
		}
		return best;
	}

	/** New columns (analysis results, annotations) appear at once; events may come from any thread. */
	private void tableChanged(DataTableEvent event) {
		if (root.isDisposed()) {
			return;
		}
		root.getDisplay().asyncExec(() -> {
			if (natTable.isDisposed()) {
				return;
			}
			int index = event.column() == null ? -1 : table.columns().indexOf(table.findColumn(event.column()).orElse(null));
			if (event.kind() == DataTableEvent.Kind.COLUMN_ADDED && index >= 0) {
				bodyData.fireLayerEvent(new ColumnInsertEvent(bodyData, index));
			} else if (event.kind() != DataTableEvent.Kind.ROLES_CHANGED) {
				bodyData.fireLayerEvent(new StructuralRefreshEvent(bodyData));
			}
			natTable.refresh();
		});
	}

	private void sort(int columnIndex, SortDirectionEnum direction) {
		if (direction == SortDirectionEnum.NONE) {
			permutation = null;
			reorder(null, filterRows, "Restoring table order");
			return;
		}
		SortOrder sortOrder = direction == SortDirectionEnum.ASC ? SortOrder.ASCENDING : SortOrder.DESCENDING;
		var column = table.column(columnIndex);
		BitSet filter = filterRows;
		runInBackground("Sorting by " + column.name(), () -> {
			int[] permutationOut = RowSorter.sort(column, sortOrder);
			RowOrder next = RowOrder.of(permutationOut, filter, table.rowCount());
			return () -> {
				permutation = permutationOut;
				install(next);
			};
		});
	}

	private void applyFilter(String expression) {
		String trimmed = expression.strip();
		if (trimmed.isEmpty()) {
			reorder(permutation, null, "Clearing the filter");
			return;
		}
		RowFilter filter = null;
		try {
			filter = RowFilter.compile(trimmed, table);
		} catch (FilterException e) {
			if (looksLikeExpression(trimmed)) {
				updateStatus(e.getMessage());
				return;
			}
		}
		// Evaluating touches every row: off the UI thread, like the sort.
		RowFilter compiled = filter;
		int[] sortPermutation = permutation;
		runInBackground("Filtering", () -> {
			BitSet rows = compiled != null ? compiled.apply() : RowFilter.textMatch(table, trimmed);
			RowOrder next = RowOrder.of(sortPermutation, rows, table.rowCount());
			return () -> {
				filterRows = rows;
				install(next);
			};
		});
	}

	private static boolean looksLikeExpression(String text) {
		return text.matches(".*([<>=!&|]|\\bis\\b).*");
	}

	private void reorder(int[] sortPermutation, BitSet filter, String what) {
		runInBackground(what, () -> {
			RowOrder next = RowOrder.of(sortPermutation, filter, table.rowCount());
			return () -> {
				filterRows = filter;
				install(next);
			};
		});
	}

	private void install(RowOrder next) {
		if (natTable.isDisposed()) {
			return;
		}
		order = next;
		publishing = true;
		try {
			selectionLayer.clear(false);
		} finally {
			publishing = false;
		}
		updateStatus(null);
		natTable.refresh();
	}

	/** Runs work off the UI thread; the returned step runs back on it. */
	private void runInBackground(String name, java.util.function.Supplier<Runnable> work) {
		Job job = Job.create(name, (IProgressMonitor monitor) -> {
			Runnable apply = work.get();
			if (!root.isDisposed()) {
				root.getDisplay().asyncExec(() -> {
					if (!root.isDisposed()) {
						apply.run();
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setSystem(false);
		job.schedule();
	}

	private void updateStatus(String problem) {
		if (status.isDisposed()) {
			return;
		}
		if (problem != null) {
			status.setText(problem);
			status.setForeground(status.getDisplay().getSystemColor(SWT.COLOR_RED));
		} else {
			int linked = linkedRows == null ? 0 : linkedRows.linkedRows().cardinality();
			String text = String.format("%,d of %,d rows", order.size(), table.rowCount());
			status.setText(linked > 0 ? text + String.format(" · %,d selected elsewhere", linked) : text);
			status.setForeground(null);
		}
		root.layout(new Control[] { status });
	}

	private void copySelection() {
		natTable.doCommand(new CopyDataToClipboardCommand("\t", System.lineSeparator(), natTable.getConfigRegistry()));
	}

	@Override
	public void setFocus() {
		if (natTable != null && !natTable.isDisposed()) {
			natTable.setFocus();
		}
	}

	@Override
	public void dispose() {
		if (context != null) {
			context.site().getPage().removeSelectionListener(selectionListener);
			table.removeListener(tableListener);
		}
	}
}
