// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.idx.analysis.ParameterDescriptor;
import org.idx.core.Column;
import org.idx.core.DataTable;

/**
 * The widget for one declared parameter in the method dialog. Its value is what a user would
 * type after {@code --param NAME=} on the command line, or empty to take the default, so the
 * dialog and the CLI share one parser.
 */
interface ParameterField {

	/** @return the value to pass, or empty for the declared default */
	Optional<String> value();

	/** @return the main control, for tests and focus */
	Control control();

	/** Creates the field that fits the parameter's type. */
	static ParameterField create(Composite parent, ParameterDescriptor parameter, DataTable table) {
		return switch (parameter.type()) {
			case BOOLEAN -> new CheckField(parent, parameter);
			case CHOICE -> new ChoiceField(parent, parameter, parameter.choices());
			case COLUMN -> new ChoiceField(parent, parameter, columnNames(parameter, table));
			case COLUMNS -> new ColumnsField(parent, parameter, columnNames(parameter, table));
			default -> new TextField(parent, parameter);
		};
	}

	private static List<String> columnNames(ParameterDescriptor parameter, DataTable table) {
		List<String> names = new ArrayList<>();
		for (Column column : table.columns()) {
			if (parameter.columnFilter().accepts(column)) {
				names.add(column.name());
			}
		}
		return names;
	}

	/** Integers, numbers and strings: a text field showing the default as a hint. */
	final class TextField implements ParameterField {
		private final Text text;

		TextField(Composite parent, ParameterDescriptor parameter) {
			text = new Text(parent, SWT.BORDER);
			text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			if (parameter.defaultValue() != null) {
				text.setMessage(parameter.defaultValue());
			}
		}

		@Override
		public Optional<String> value() {
			String typed = text.getText().strip();
			return typed.isEmpty() ? Optional.empty() : Optional.of(typed);
		}

		@Override
		public Control control() {
			return text;
		}
	}

	/** Booleans: a check box set to the default. */
	final class CheckField implements ParameterField {
		private final Button check;

		CheckField(Composite parent, ParameterDescriptor parameter) {
			check = new Button(parent, SWT.CHECK);
			check.setSelection(Boolean.parseBoolean(parameter.defaultValue()));
		}

		@Override
		public Optional<String> value() {
			return Optional.of(Boolean.toString(check.getSelection()));
		}

		@Override
		public Control control() {
			return check;
		}
	}

	/** A choice or one column: a combo; its first entry means "default" when the parameter is optional. */
	final class ChoiceField implements ParameterField {
		private final Combo combo;
		private final boolean optional;

		ChoiceField(Composite parent, ParameterDescriptor parameter, List<String> items) {
			combo = new Combo(parent, SWT.READ_ONLY);
			combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			optional = !parameter.required();
			if (optional) {
				combo.add(parameter.defaultValue() == null ? "(none)" : "(default: " + parameter.defaultValue() + ")");
			}
			items.forEach(combo::add);
			combo.select(0);
		}

		@Override
		public Optional<String> value() {
			int index = combo.getSelectionIndex();
			if (index < 0 || (optional && index == 0)) {
				return Optional.empty();
			}
			return Optional.of(combo.getItem(index));
		}

		@Override
		public Control control() {
			return combo;
		}
	}

	/** Several columns: a multi-selection list; nothing selected means the declared default. */
	final class ColumnsField implements ParameterField {
		private final org.eclipse.swt.widgets.List list;

		ColumnsField(Composite parent, ParameterDescriptor parameter, List<String> names) {
			list = new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
			GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
			data.heightHint = 140;
			list.setLayoutData(data);
			names.forEach(list::add);
			list.setToolTipText("Select the columns to use; none selected: all numeric columns without a role");
		}

		@Override
		public Optional<String> value() {
			String[] selected = list.getSelection();
			return selected.length == 0 ? Optional.empty() : Optional.of(String.join(",", selected));
		}

		@Override
		public Control control() {
			return list;
		}
	}
}
