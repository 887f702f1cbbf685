// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dialogs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.idx.core.Column;
import org.idx.core.ColumnType;
import org.idx.io.delimited.Dialect;
import org.idx.io.delimited.ReadOptions;
import org.idx.io.delimited.ReadResult;
import org.idx.io.delimited.TableReadException;

/**
 * The open dialog: shows what the reader makes of the first lines of a table (delimiter, decimal
 * mark, each column's type) and lets the user override the dialect and any column's type.
 */
public final class ReadOptionsDialog extends TitleAreaDialog {

	private static final String AUTO = "detect";
	private static final String[] DELIMITERS = { AUTO, ",", "TAB", ";", "|" };
	private static final String[] DECIMALS = { AUTO, ".", "," };
	private static final String[] TYPES = { "numeric", "categorical", "text" };

	private final Path file;
	private final Map<String, ColumnType> detected = new LinkedHashMap<>();
	private final Map<String, ColumnType> chosen = new LinkedHashMap<>();
	private ReadResult preview;
	private String problem;
	private Combo delimiter;
	private Combo decimal;
	private ReadOptions options = ReadOptions.DEFAULTS;

	public ReadOptionsDialog(Shell parent, Path file) {
		super(parent);
		this.file = file;
		setHelpAvailable(false);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Open Table");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Open " + file.getFileName());
		readPreview();
		Composite body = new Composite(area, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new GridLayout(4, false));

		new Label(body, SWT.NONE).setText("Delimiter:");
		delimiter = combo(body, DELIMITERS);
		new Label(body, SWT.NONE).setText("Decimal mark:");
		decimal = combo(body, DECIMALS);

		TableViewer columns = new TableViewer(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
		data.heightHint = 280;
		columns.getTable().setLayoutData(data);
		columns.getTable().setHeaderVisible(true);
		columns.setContentProvider(ArrayContentProvider.getInstance());
		TableViewerColumn name = new TableViewerColumn(columns, SWT.LEFT);
		name.getColumn().setText("Column");
		name.getColumn().setWidth(220);
		name.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> (String) element));
		TableViewerColumn type = new TableViewerColumn(columns, SWT.LEFT);
		type.getColumn().setText("Read as");
		type.getColumn().setToolTipText("Click a type to change how the column is read");
		type.getColumn().setWidth(200);
		type.setLabelProvider(ColumnLabelProvider.createTextProvider(
				element -> label(chosen.get(element)) + (chosen.get(element) != detected.get(element) ? "  (changed)" : "")));
		type.setEditingSupport(new TypeEditing(columns));
		TableViewerColumn sample = new TableViewerColumn(columns, SWT.LEFT);
		sample.getColumn().setText("First values");
		sample.getColumn().setWidth(260);
		sample.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> firstValues((String) element)));
		columns.setInput(List.copyOf(detected.keySet()));

		if (problem != null) {
			setErrorMessage(problem);
		} else {
			setMessage(String.format(Locale.ROOT,
					"Types as detected on the first %,d rows; the whole file is read when you press Open.",
					preview.table().rowCount()));
		}
		return area;
	}

	private void readPreview() {
		try {
			preview = TablePreview.read(file, ReadOptions.DEFAULTS);
			for (Column column : preview.table().columns()) {
				detected.put(column.name(), column.type());
			}
			chosen.putAll(detected);
		} catch (IOException e) {
			problem = "IDX could not read " + file + ": " + e.getMessage();
		} catch (TableReadException e) {
			problem = e.getMessage();
		}
	}

	private String firstValues(String column) {
		Column values = preview.table().column(column);
		StringBuilder text = new StringBuilder();
		for (int row = 0; row < Math.min(4, values.size()); row++) {
			text.append(row == 0 ? "" : ", ").append(values.isNA(row) ? "NA" : values.text(row));
		}
		return text.toString();
	}

	private static Combo combo(Composite parent, String[] items) {
		Combo combo = new Combo(parent, SWT.READ_ONLY);
		combo.setItems(items);
		combo.select(0);
		return combo;
	}

	private static String label(ColumnType type) {
		return type == null ? "" : type.name().toLowerCase(Locale.ROOT);
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Open", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		ReadOptions result = ReadOptions.DEFAULTS;
		String delimiterChoice = delimiter.getText();
		String decimalChoice = decimal.getText();
		if (!AUTO.equals(delimiterChoice) || !AUTO.equals(decimalChoice)) {
			Dialect sniffed = preview != null ? preview.dialect() : Dialect.CSV;
			char d = AUTO.equals(delimiterChoice) ? sniffed.delimiter()
					: "TAB".equals(delimiterChoice) ? '\t' : delimiterChoice.charAt(0);
			char m = AUTO.equals(decimalChoice) ? sniffed.decimal() : decimalChoice.charAt(0);
			result = result.withDialect(new Dialect(d, m));
		}
		for (Map.Entry<String, ColumnType> entry : chosen.entrySet()) {
			if (entry.getValue() != detected.get(entry.getKey())) {
				result = result.withColumnType(entry.getKey(), entry.getValue());
			}
		}
		options = result;
		super.okPressed();
	}

	/** @return the options to read the whole table with (after OK) */
	public ReadOptions options() {
		return options;
	}

	/** The "Read as" cell: a combo of the three types. */
	private final class TypeEditing extends EditingSupport {
		private final ComboBoxCellEditor editor;

		TypeEditing(TableViewer viewer) {
			super(viewer);
			editor = new ComboBoxCellEditor(viewer.getTable(), TYPES, SWT.READ_ONLY);
		}

		@Override
		protected org.eclipse.jface.viewers.CellEditor getCellEditor(Object element) {
			return editor;
		}

		@Override
		protected boolean canEdit(Object element) {
			return true;
		}

		@Override
		protected Object getValue(Object element) {
			return chosen.get(element).ordinal();
		}

		@Override
		protected void setValue(Object element, Object value) {
			int index = (Integer) value;
			if (index >= 0) {
				chosen.put((String) element, ColumnType.values()[index]);
				getViewer().update(element, null);
			}
		}
	}
}
