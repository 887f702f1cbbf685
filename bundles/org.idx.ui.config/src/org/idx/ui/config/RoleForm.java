// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.ColumnType;
import org.idx.core.DataTable;

/**
 * One row per {@link ColumnRole}: a combo of the columns that suit the role (anchors are numeric; image
 * paths and wells are not) and whether the choice is the one detected from the column names or the user's.
 */
final class RoleForm {

	/** The text of the combo entry meaning "no column". */
	static final String NONE = "(none)";

	private final DataTable table;
	private final Consumer<ColumnRoles> onChange;
	private final Map<ColumnRole, Combo> combos = new EnumMap<>(ColumnRole.class);
	private final Map<ColumnRole, Label> states = new EnumMap<>(ColumnRole.class);
	private ColumnRoles detected;

	/**
	 * @param parent   the parent; the form adds a composite to it
	 * @param table    the table whose columns are offered
	 * @param detected the roles detected from the column names
	 * @param onChange told the whole new assignment when the user picks a column
	 */
	RoleForm(Composite parent, DataTable table, ColumnRoles detected, Consumer<ColumnRoles> onChange) {
		this.table = table;
		this.detected = detected;
		this.onChange = onChange;
		Composite grid = new Composite(parent, SWT.NONE);
		grid.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		grid.setLayout(new GridLayout(3, false));
		for (ColumnRole role : ColumnRole.values()) {
			new Label(grid, SWT.NONE).setText(label(role) + ":");
			Combo combo = new Combo(grid, SWT.READ_ONLY | SWT.DROP_DOWN);
			GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
			data.widthHint = 260;
			combo.setLayoutData(data);
			combo.setVisibleItemCount(20);
			combo.setData("role", role);
			combo.addListener(SWT.Selection, event -> onChange.accept(roles()));
			combos.put(role, combo);
			Label state = new Label(grid, SWT.NONE);
			state.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			states.put(role, state);
		}
		refreshColumns();
	}

	/** @return how the role reads on the form */
	static String label(ColumnRole role) {
		return switch (role) {
		case IMAGE -> "Image";
		case MASK_IMAGE -> "Second image (mask)";
		case ANCHOR_X -> "Anchor x";
		case ANCHOR_Y -> "Anchor y";
		case ANCHOR_Z -> "Anchor z";
		case ANCHOR_T -> "Anchor t";
		case PLATE -> "Plate";
		case WELL -> "Well";
		case FIELD -> "Field (site)";
		case GROUP -> "Group";
		case LABEL -> "Label";
		};
	}

	/**
	 * @param column a column
	 * @param role   a role
	 * @return whether the column may take the role: anchors need numbers, image paths and wells text
	 */
	static boolean suits(Column column, ColumnRole role) {
		return switch (role) {
		case ANCHOR_X, ANCHOR_Y, ANCHOR_Z, ANCHOR_T -> column.type() == ColumnType.NUMERIC;
		case IMAGE, MASK_IMAGE, WELL -> column.type() != ColumnType.NUMERIC;
		case PLATE, FIELD, GROUP, LABEL -> true;
		};
	}

	/** Refills the combos from the table's columns (after columns were added) and shows the table's roles. */
	void refreshColumns() {
		for (Map.Entry<ColumnRole, Combo> entry : combos.entrySet()) {
			List<String> items = new ArrayList<>();
			items.add(NONE);
			for (Column column : table.columns()) {
				if (suits(column, entry.getKey())) {
					items.add(column.name());
				}
			}
			entry.getValue().setItems(items.toArray(String[]::new));
		}
		show(table.roles());
	}

	/** @param roles the assignment to show */
	void show(ColumnRoles roles) {
		for (Map.Entry<ColumnRole, Combo> entry : combos.entrySet()) {
			Combo combo = entry.getValue();
			String column = roles.column(entry.getKey()).orElse(NONE);
			int index = combo.indexOf(column);
			if (index < 0) {
				combo.add(column); // a column that does not suit the role, assigned elsewhere: show it anyway
				index = combo.getItemCount() - 1;
			}
			combo.select(index);
		}
		showStates(roles);
	}

	/** @return the assignment the combos show */
	ColumnRoles roles() {
		ColumnRoles roles = ColumnRoles.NONE;
		for (Map.Entry<ColumnRole, Combo> entry : combos.entrySet()) {
			String text = entry.getValue().getText();
			if (!text.isEmpty() && !NONE.equals(text)) {
				roles = roles.with(entry.getKey(), text);
			}
		}
		return roles;
	}

	/** @param roles the roles detected from the column names, to tell detected choices from the user's */
	void setDetected(ColumnRoles roles) {
		detected = roles;
		showStates(roles());
	}

	private void showStates(ColumnRoles roles) {
		for (Map.Entry<ColumnRole, Label> entry : states.entrySet()) {
			ColumnRole role = entry.getKey();
			String now = roles.column(role).orElse(null);
			String found = detected.column(role).orElse(null);
			String text;
			if (now == null) {
				text = found == null ? "" : "chosen: none (detected '" + found + "')";
			} else if (now.equals(found)) {
				text = "detected from the column name";
			} else {
				text = found == null ? "chosen" : "chosen (detected '" + found + "')";
			}
			entry.getValue().setText(text);
		}
	}

	/**
	 * @param role a role
	 * @return its combo (for tests)
	 */
	Combo combo(ColumnRole role) {
		return combos.get(role);
	}
}
