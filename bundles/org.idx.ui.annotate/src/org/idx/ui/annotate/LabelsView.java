// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.ColorDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.idx.core.DataTableEvent;
import org.idx.core.RowSelection;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.views.DatasetFollower;

/**
 * The Labels view: the labels of the active table's annotation column with their colour, key and
 * count; choose or make the annotation column, add, rename, recolour and remove labels (each
 * undoable with Edit &gt; Undo), and give the rows
 * selected anywhere (plot, table, image, gallery) a label or clear theirs. Keys 1-9 and 0 do the
 * same from any IDX part.
 */
public final class LabelsView extends ViewPart {

	/** The view id. */
	public static final String ID = "org.idx.ui.annotate.labels";

	private static final String NEW_COLUMN = "New annotation column…";

	private DatasetFollower follower;
	private Combo columns;
	private Table labels;
	private Button assign;
	private Button clear;
	private Button add;
	private Button rename;
	private Button recolour;
	private Button remove;
	private Label status;
	private final List<String> columnChoices = new ArrayList<>();
	private final Runnable labellingListener = this::refreshSoon;
	private boolean refreshScheduled;
	private TableSession watched;

	@Override
	public void createPartControl(Composite parent) {
		AnnotateStartup.install(PlatformUI.getWorkbench());
		parent.setLayout(new GridLayout(2, false));
		new Label(parent, SWT.NONE).setText("Annotation column");
		columns = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
		columns.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		columns.addListener(SWT.Selection, e -> columnChosen());

		labels = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
		labels.setHeaderVisible(true);
		labels.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		for (String[] column : new String[][] { { "", "24" }, { "Key", "40" }, { "Label", "160" }, { "Rows", "90" } }) {
			TableColumn tableColumn = new TableColumn(labels, column[0].equals("Rows") ? SWT.RIGHT : SWT.LEFT);
			tableColumn.setText(column[0]);
			tableColumn.setWidth(Integer.parseInt(column[1]));
		}
		labels.addListener(SWT.Selection, e -> labelChosen());
		labels.addListener(SWT.DefaultSelection, e -> assign(labels.getSelectionIndex()));

		Composite buttons = new Composite(parent, SWT.NONE);
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		RowLayout row = new RowLayout(SWT.HORIZONTAL);
		row.wrap = true;
		buttons.setLayout(row);
		assign = button(buttons, "Assign Selection", "Give the selected rows the chosen label (keys 1-9)",
				() -> assign(labels.getSelectionIndex()));
		clear = button(buttons, "Clear Labels", "Remove the labels of the selected rows (key 0)", () -> assign(-1));
		add = button(buttons, "Add…", "Add a label", this::addLabel);
		rename = button(buttons, "Rename…", "Rename the chosen label", this::renameLabel);
		recolour = button(buttons, "Colour…", "Change the colour of the chosen label", this::recolourLabel);
		remove = button(buttons, "Remove…", "Remove the chosen label (Edit > Undo gives it back to its rows)",
				this::removeLabel);
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false, 2, 1));

		follower = new DatasetFollower(this, getSite().getPage(), d -> refresh(), this::tableChanged, rows -> refreshSoon());
		getViewSite().getActionBars().getToolBarManager().add(follower.createPinAction("these labels"));
		Labelling.addListener(labellingListener);
		refresh();
	}

	private Button button(Composite parent, String text, String tip, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.setToolTipText(tip);
		button.addListener(SWT.Selection, e -> action.run());
		return button;
	}

	private Labelling.Target target() {
		IEditorPart editor = follower == null ? null : follower.editor();
		Labelling.Target target = Labelling.target(editor);
		return target != null && target.dataset() == follower.dataset() ? target : null;
	}

	private void tableChanged(DataTableEvent event) {
		refreshSoon();
	}

	/** Coalesces bursts of changes (a label assigned fires table and labelling events). */
	private void refreshSoon() {
		if (refreshScheduled || labels == null || labels.isDisposed()) {
			return;
		}
		refreshScheduled = true;
		labels.getDisplay().asyncExec(() -> {
			refreshScheduled = false;
			refresh();
		});
	}

	private void refresh() {
		if (follower == null || labels == null || labels.isDisposed()) {
			// The follower tells the first dataset from its constructor; refresh() follows it.
			return;
		}
		Labelling.Target target = target();
		Dataset dataset = follower.dataset();
		if (target == null) {
			watch(null);
			columns.setItems();
			labels.removeAll();
			enable(false, false);
			status.setText(dataset == null ? "Open a table to label its rows." : "Waiting for the table …");
			return;
		}
		TableSession session = target.session();
		watch(session);
		Annotations active = Labelling.active(session);
		columnChoices.clear();
		columnChoices.addAll(Labelling.categoricalColumns(session.table()));
		List<String> items = new ArrayList<>(columnChoices);
		items.add(NEW_COLUMN);
		columns.setItems(items.toArray(String[]::new));
		if (active != null) {
			columns.select(columnChoices.indexOf(active.columnName()));
		}
		int chosen = Math.max(0, labels.getSelectionIndex());
		labels.removeAll();
		if (active != null) {
			int[] counts = active.counts();
			LabelSet set = active.labels();
			for (int i = 0; i < set.size(); i++) {
				TableItem item = new TableItem(labels, SWT.NONE);
				int rgb = set.label(i).rgb();
				item.setBackground(0, new Color(labels.getDisplay(), rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
				item.setText(new String[] { "", i < 9 ? Integer.toString(i + 1) : "", set.label(i).name(),
						String.format("%,d", counts[i]) });
			}
			TableItem none = new TableItem(labels, SWT.NONE);
			none.setText(new String[] { "", "0", "(unlabelled)", String.format("%,d", counts[set.size()]) });
			none.setForeground(labels.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			labels.select(Math.min(chosen, set.size() - 1));
		}
		RowSelection rows = Labelling.rows(session.table());
		int selected = rows == null ? 0 : rows.cardinality();
		enable(active != null, selected > 0);
		StringBuilder text = new StringBuilder(String.format("%,d rows selected in %s", selected, target.dataset().name()));
		if (active == null) {
			text.append(". Press 1-9 in the plot or table to make a label column, or choose a column above.");
		}
		text.append(session.isDirty() ? " · unsaved (Ctrl+S saves the session)" : " · saved");
		status.setText(text.toString());
		status.getParent().layout(true);
	}

	/** Follows the saved/unsaved state of the session shown. */
	private void watch(TableSession session) {
		if (watched == session) {
			return;
		}
		if (watched != null) {
			watched.removeDirtyListener(labellingListener);
		}
		watched = session;
		if (watched != null) {
			watched.addDirtyListener(labellingListener);
		}
	}

	private void enable(boolean hasLabels, boolean hasRows) {
		assign.setEnabled(hasRows);
		clear.setEnabled(hasLabels && hasRows);
		add.setEnabled(hasLabels);
		rename.setEnabled(hasLabels);
		recolour.setEnabled(hasLabels);
		remove.setEnabled(hasLabels);
		columns.setEnabled(target() != null);
	}

	// ------------------------------------------------------------------ actions

	private void columnChosen() {
		Labelling.Target target = target();
		int index = columns.getSelectionIndex();
		if (target == null || index < 0) {
			return;
		}
		TableSession session = target.session();
		try {
			if (index == columnChoices.size()) {
				InputDialog dialog = new InputDialog(getSite().getShell(), "New Annotation Column",
						"Name of the new column (its labels start as class 1 and class 2):",
						Labelling.freeName(session.table(), Labelling.DEFAULT_COLUMN),
						name -> name.isBlank() ? "A column needs a name."
								: session.table().findColumn(name).isPresent() ? "The table has a column '" + name + "'."
										: null);
				if (dialog.open() == Window.OK) {
					Labelling.setActive(session, session.createAnnotations(dialog.getValue().strip(),
							LabelSet.named(List.of("class 1", "class 2"))));
				}
			} else {
				Labelling.setActive(session, session.adoptAnnotations(columnChoices.get(index)));
			}
		} catch (IllegalArgumentException e) {
			status.setText(e.getMessage());
		}
		refresh();
	}

	private void labelChosen() {
		Labelling.Target target = target();
		int index = labels.getSelectionIndex();
		Annotations active = target == null ? null : Labelling.active(target.session());
		if (active != null && index >= 0 && index < active.labels().size()) {
			Labelling.setActiveLabel(target.session(), index);
		}
	}

	private void assign(int label) {
		Labelling.Target target = target();
		if (target == null) {
			return;
		}
		RowSelection rows = Labelling.rows(target.dataset().table());
		if (rows == null || rows.isEmpty()) {
			status.setText("Select rows first: in the plot, the table or an image.");
			return;
		}
		Annotations annotations = label < 0 ? Labelling.active(target.session())
				: Labelling.activeOrCreate(target.session(), Math.max(label, 0) + 1);
		if (annotations == null) {
			return;
		}
		if (label >= annotations.labels().size()) {
			return; // the "(unlabelled)" row: use Clear Labels
		}
		Labelling.run(target, rows, annotations, label < 0 ? -1 : Math.max(label, 0));
	}

	private IInputValidator nameValidator(Annotations annotations, String current) {
		return name -> {
			if (name.isBlank()) {
				return "A label needs a name.";
			}
			if (!name.strip().equals(current) && annotations.labels().indexOf(name.strip()) >= 0) {
				return "There is a label '" + name.strip() + "' already.";
			}
			return null;
		};
	}

	private void addLabel() {
		Labelling.Target target = target();
		Annotations active = target == null ? null : Labelling.active(target.session());
		if (active == null) {
			return;
		}
		int next = active.labels().size();
		InputDialog dialog = new InputDialog(getSite().getShell(), "Add Label", "Name of the new label:",
				"class " + (next + 1), nameValidator(active, null));
		if (dialog.open() == Window.OK) {
			Labelling.edit(LabelEditOperation.add(active,
					new org.idx.core.annotation.Label(dialog.getValue().strip(), LabelSet.defaultColour(next)),
					target.context()));
			refresh();
		}
	}

	private void renameLabel() {
		Labelling.Target target = target();
		Annotations active = target == null ? null : Labelling.active(target.session());
		int index = labels.getSelectionIndex();
		if (active == null || index < 0 || index >= active.labels().size()) {
			return;
		}
		String current = active.labels().label(index).name();
		InputDialog dialog = new InputDialog(getSite().getShell(), "Rename Label", "New name of '" + current + "':",
				current, nameValidator(active, current));
		if (dialog.open() == Window.OK) {
			String name = dialog.getValue().strip();
			if (!name.equals(current)) {
				Labelling.edit(LabelEditOperation.rename(active, index, name, target.context()));
			}
			refresh();
		}
	}

	private void recolourLabel() {
		Labelling.Target target = target();
		Annotations active = target == null ? null : Labelling.active(target.session());
		int index = labels.getSelectionIndex();
		if (active == null || index < 0 || index >= active.labels().size()) {
			return;
		}
		int rgb = active.labels().label(index).rgb();
		ColorDialog dialog = new ColorDialog(getSite().getShell());
		dialog.setRGB(new RGB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
		RGB chosen = dialog.open();
		if (chosen != null) {
			recolour(index, chosen.red << 16 | chosen.green << 8 | chosen.blue);
		}
	}

	/**
	 * Gives a label of the active annotation column a new colour, undoably (what the Colour…
	 * button does once the colour is chosen).
	 *
	 * @param index the label's position
	 * @param rgb   the colour, {@code 0xRRGGBB}
	 */
	public void recolour(int index, int rgb) {
		Labelling.Target target = target();
		Annotations active = target == null ? null : Labelling.active(target.session());
		if (active == null || index < 0 || index >= active.labels().size() || active.labels().label(index).rgb() == rgb) {
			return;
		}
		Labelling.edit(LabelEditOperation.recolour(active, index, rgb, target.context()));
		refresh();
	}

	private void removeLabel() {
		Labelling.Target target = target();
		Annotations active = target == null ? null : Labelling.active(target.session());
		int index = labels.getSelectionIndex();
		if (active == null || index < 0 || index >= active.labels().size()) {
			return;
		}
		String name = active.labels().label(index).name();
		int rows = active.counts()[index];
		if (rows > 0 && !MessageDialog.openConfirm(getSite().getShell(), "Remove Label",
				String.format("%,d %s labelled '%s'. Remove the label? %s unlabelled; Edit > Undo gives the label "
						+ "back to %s.", rows, rows == 1 ? "row is" : "rows are", name, rows == 1 ? "It becomes" : "They become",
						rows == 1 ? "it" : "them"))) {
			return;
		}
		Labelling.edit(LabelEditOperation.remove(active, index, target.context()));
		refresh();
	}

	// ------------------------------------------------------------------ for tests

	/** @return the label rows shown: key, name and count of each, then the unlabelled row */
	public List<String> shownLabels() {
		List<String> shown = new ArrayList<>();
		for (TableItem item : labels.getItems()) {
			shown.add(item.getText(1) + " " + item.getText(2) + " " + item.getText(3));
		}
		return shown;
	}

	/** @return the status line of the view */
	public String statusText() {
		return status.getText();
	}

	@Override
	public void setFocus() {
		labels.setFocus();
	}

	@Override
	public void dispose() {
		Labelling.removeListener(labellingListener);
		watch(null);
		if (follower != null) {
			follower.dispose();
		}
		super.dispose();
	}
}
