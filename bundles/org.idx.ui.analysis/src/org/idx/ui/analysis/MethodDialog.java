// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * The parameter dialog of an analysis method, generated from the parameters the method
 * declares in its extension. Values are checked by the same parser as {@code idx run}; a bad
 * value keeps the dialog open with a sentence naming the parameter.
 */
public final class MethodDialog extends TitleAreaDialog {

	private final MethodDescriptor method;
	private final DataTable table;
	private final Map<String, ParameterField> fields = new LinkedHashMap<>();
	private ParameterValues values;
	private Button replace;
	private boolean replaceEarlier = true;

	public MethodDialog(Shell parent, MethodDescriptor method, DataTable table) {
		super(parent);
		this.method = method;
		this.table = table;
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
		replace = new Button(body, SWT.CHECK);
		replace.setText("Replace the columns of an earlier run (otherwise add them as NAME.1, NAME.2 …)");
		replace.setSelection(replaceEarlier);
		replace.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
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
		replaceEarlier = replace.getSelection();
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

	/** @return the widget of a parameter, for tests */
	public Control fieldControl(String name) {
		return fields.get(name).control();
	}
}
