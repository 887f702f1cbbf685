// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterDescriptor;
import org.idx.analysis.ParameterException;
import org.idx.analysis.ParameterValues;
import org.idx.core.DataTable;
import org.idx.core.RowSelection;

/**
 * The parameter dialog of an analysis method, generated from the parameters the method
 * declares in its extension. Values are checked by the same parser as {@code idx run}; a bad
 * value keeps the dialog open with a sentence naming the parameter. When rows of the table are selected,
 * the dialog offers to analyse only those (for every method: the runner gives the method a view of them),
 * or to analyse all rows and keep the results in the selected rows only (e.g. train a classifier on
 * every labelled row and predict the selected ones; NA elsewhere).
 */
public final class MethodDialog extends TitleAreaDialog {

	private final MethodDescriptor method;
	private final DataTable table;
	private final RowSelection selection;
	private final Map<String, ParameterField> fields = new LinkedHashMap<>();
	private ParameterValues values;
	private ReplaceColumnsCheck replace;
	private boolean replaceEarlier = true;
	private Button selectedRows;
	private Button selectedResults;
	private BitSet rows;
	private BitSet resultRows;

	public MethodDialog(Shell parent, MethodDescriptor method, DataTable table) {
		this(parent, method, table, null);
	}

	/**
	 * @param parent    the parent shell
	 * @param method    the method
	 * @param table     the table it will run on
	 * @param selection the rows selected in the table, or null: when some are, the dialog offers to analyse
	 *                  only those
	 */
	public MethodDialog(Shell parent, MethodDescriptor method, DataTable table, RowSelection selection) {
		super(parent);
		this.method = method;
		this.table = table;
		this.selection = selection == null || selection.isEmpty() || selection.table() != table ? null : selection;
		setHelpAvailable(false);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(method.name());
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(method.name());
		setMessage(method.description().isEmpty() ? "Set the parameters and press Run." : method.description());
		Composite body = new Composite(area, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new GridLayout(2, false));
		for (ParameterDescriptor parameter : method.parameters()) {
			Label label = new Label(body, SWT.NONE);
			label.setText(parameter.name() + (parameter.required() ? " *" : "") + ":");
			label.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
			ParameterField field = ParameterField.create(body, parameter, table);
			field.control().setToolTipText(parameter.description());
			fields.put(parameter.name(), field);
		}
		if (selection != null) {
			Label label = new Label(body, SWT.NONE);
			label.setText("Rows:");
			label.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
			Composite choice = new Composite(body, SWT.NONE);
			choice.setLayout(new GridLayout(1, false));
			Button all = new Button(choice, SWT.RADIO);
			all.setText(String.format(Locale.ROOT, "all (%,d)", table.rowCount()));
			all.setSelection(true);
			selectedRows = new Button(choice, SWT.RADIO);
			selectedRows.setText(String.format(Locale.ROOT, "selected (%,d)", selection.cardinality()));
			selectedRows.setToolTipText("Analyse the selected rows only; new columns are NA in the other rows");
			selectedResults = new Button(choice, SWT.RADIO);
			selectedResults.setText(String.format(Locale.ROOT, "all, results in the selected rows only (%,d)",
					selection.cardinality()));
			selectedResults.setToolTipText("Analyse all rows (e.g. train on every labelled row) but write the new columns' "
					+ "values for the selected rows only (e.g. predict them); NA in the other rows");
		}
		replace = new ReplaceColumnsCheck(body, 2);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Run", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		List<String> assignments = new ArrayList<>();
		fields.forEach((name, field) -> field.value().ifPresent(value -> assignments.add(name + "=" + value)));
		try {
			values = ParameterValues.parse(method, assignments);
		} catch (ParameterException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		replaceEarlier = replace.replace();
		rows = selectedRows != null && selectedRows.getSelection() ? (BitSet) selection.rows().clone() : null;
		resultRows = selectedResults != null && selectedResults.getSelection() ? (BitSet) selection.rows().clone() : null;
		super.okPressed();
	}

	/** @return whether new columns replace those of an earlier run of the method (after Run) */
	public boolean replaceEarlierColumns() {
		return replaceEarlier;
	}

	/** @return the checked parameter values (after Run) */
	public ParameterValues values() {
		return values;
	}

	/** @return the rows to analyse (after Run), or null for all rows */
	public BitSet rows() {
		return rows;
	}

	/** @return the rows whose results are kept (after Run), or null for every analysed row */
	public BitSet resultRows() {
		return resultRows;
	}

	/** @return the "all, results in the selected rows only" choice, or null when no rows were selected (for tests) */
	public Button selectedResultsButton() {
		return selectedResults;
	}

	/** @return the "selected rows" choice, or null when no rows were selected (for tests) */
	public Button selectedRowsButton() {
		return selectedRows;
	}

	/** @return the widget of a parameter, for tests */
	public Control fieldControl(String name) {
		return fields.get(name).control();
	}
}
