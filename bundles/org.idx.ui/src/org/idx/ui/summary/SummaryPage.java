// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.summary;

import java.util.Locale;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import org.idx.io.delimited.ReadResult;
import org.idx.io.info.ColumnInfo;
import org.idx.io.info.TableInfo;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.editor.DatasetPageContext;
import org.idx.ui.editor.IDatasetPage;

/**
 * The Summary page of the dataset editor: rows and columns, each column's type, NA count and
 * min/max/mean or levels, and every warning the reader gave. It shows the same facts as
 * {@code idx info}, from the same {@link TableInfo}.
 */
public final class SummaryPage implements IDatasetPage {

	private Composite root;
	private TableViewer viewer;

	@Override
	public Control createControl(Composite parent, DatasetPageContext context) {
		Dataset dataset = context.dataset();
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout());
		Label heading = new Label(root, SWT.WRAP);
		heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		heading.setText(String.format(Locale.ROOT, "%s: %,d rows, %d columns, delimiter %s, decimal '%s'",
				dataset.source(), dataset.table().rowCount(), dataset.table().columnCount(),
				dataset.dialect().delimiter() == '\t' ? "TAB" : "'" + dataset.dialect().delimiter() + "'",
				dataset.dialect().decimal()));

		Composite tableHolder = new Composite(root, SWT.NONE);
		tableHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		TableColumnLayout columns = new TableColumnLayout();
		tableHolder.setLayout(columns);
		viewer = new TableViewer(tableHolder, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.VIRTUAL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(columns, "Column", 3, ColumnInfo::name);
		column(columns, "Type", 2, ColumnInfo::type);
		column(columns, "NA", 1, info -> Integer.toString(info.na()));
		column(columns, "Min", 2, info -> number(info.min()));
		column(columns, "Max", 2, info -> number(info.max()));
		column(columns, "Mean", 2, info -> number(info.mean()));
		column(columns, "Levels", 5, SummaryPage::levels);

		Label rolesLabel = new Label(root, SWT.WRAP);
		rolesLabel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		rolesLabel.setText(dataset.roleNotes().isEmpty()
				? "No column roles were recognised from the column names."
				: "Column roles recognised from the names: " + String.join(" ", dataset.roleNotes()));

		Label warningsLabel = new Label(root, SWT.NONE);
		warningsLabel.setText(dataset.warnings().isEmpty() ? "The reader gave no warnings."
				: "Warnings from the reader (" + dataset.warnings().size() + "):");
		if (!dataset.warnings().isEmpty()) {
			org.eclipse.swt.widgets.List warnings = new org.eclipse.swt.widgets.List(root, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
			GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
			data.heightHint = 120;
			warnings.setLayoutData(data);
			dataset.warnings().forEach(warning -> warnings.add(warning.toString()));
		}
		fillInBackground(dataset);
		return root;
	}

	/** Column statistics are a pass over every value: computed off the UI thread. */
	private void fillInBackground(Dataset dataset) {
		Job.create("Summarising " + dataset.name(), monitor -> {
			TableInfo info = TableInfo.of(new ReadResult(dataset.table(), dataset.dialect(), dataset.warnings()));
			root.getDisplay().asyncExec(() -> {
				if (!viewer.getTable().isDisposed()) {
					viewer.setInput(info.columns());
				}
			});
			return Status.OK_STATUS;
		}).schedule();
	}

	private void column(TableColumnLayout layout, String title, int weight, java.util.function.Function<ColumnInfo, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((ColumnInfo) element);
			}
		});
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 50));
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
	}

	private static String levels(ColumnInfo info) {
		java.util.List<String> levels = info.levels();
		if (levels == null) {
			return "";
		}
		java.util.List<String> first = levels.subList(0, Math.min(8, levels.size()));
		return levels.size() + ": " + String.join(", ", first) + (levels.size() > first.size() ? ", …" : "");
	}

	@Override
	public void setFocus() {
		viewer.getTable().setFocus();
	}
}
