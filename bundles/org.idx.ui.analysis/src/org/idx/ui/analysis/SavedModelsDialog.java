// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.TrainedModel;
import org.idx.core.DataTable;
import org.idx.core.RowSelection;
import org.idx.session.TableSession;

/**
 * Lists the models kept with a dataset's session (name, method, features, classes, when trained) and
 * applies the chosen one: on all rows or the selected ones, replacing the columns of an earlier run or
 * beside them. Models can be renamed and deleted here (the session becomes dirty). A model whose
 * method is not installed, or whose feature columns the table lacks, cannot be chosen: the dialog says
 * why in one sentence.
 */
public final class SavedModelsDialog extends TitleAreaDialog {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.systemDefault());
	private static final int SHOWN_NAMES = 4;

	private final TableSession session;
	private final MethodRegistry methods;
	private final RowSelection selection;
	private Table list;
	private Label details;
	private Button rename;
	private Button delete;
	private Button selectedRows;
	private ReplaceColumnsCheck replace;
	private List<TrainedModel> models = List.of();
	private TrainedModel chosen;
	private MethodDescriptor chosenMethod;
	private BitSet rows;
	private boolean replaceEarlier = true;

	/**
	 * @param parent    the parent shell
	 * @param session   the dataset's session, which keeps the models
	 * @param methods   the installed methods
	 * @param selection the rows selected in the table, or null: when some are, the dialog offers to predict
	 *                  only those
	 */
	public SavedModelsDialog(Shell parent, TableSession session, MethodRegistry methods, RowSelection selection) {
		super(parent);
		this.session = session;
		this.methods = methods;
		DataTable table = session.table();
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
		shell.setText("Predict with Saved Model");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Predict with Saved Model");
		setMessage("Models trained on " + session.source().getFileName() + " are kept with its session. Choose one to "
				+ "predict the table's rows with it.");
		Composite body = new Composite(area, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new GridLayout(2, false));

		list = new Table(body, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
		list.setHeaderVisible(true);
		list.setLinesVisible(true);
		GridData listData = new GridData(SWT.FILL, SWT.FILL, true, true);
		listData.heightHint = 160;
		listData.widthHint = 720;
		list.setLayoutData(listData);
		for (String[] column : new String[][] { { "Name", "150" }, { "Method", "130" }, { "Features", "160" },
				{ "Classes", "150" }, { "Trained", "115" } }) {
			TableColumn tableColumn = new TableColumn(list, SWT.NONE);
			tableColumn.setText(column[0]);
			tableColumn.setWidth(Integer.parseInt(column[1]));
		}
		list.addListener(SWT.Selection, e -> chosenChanged());
		list.addListener(SWT.DefaultSelection, e -> {
			if (getButton(IDialogConstants.OK_ID).isEnabled()) {
				okPressed();
			}
		});

		Composite side = new Composite(body, SWT.NONE);
		side.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		GridLayout sideLayout = new GridLayout(1, true);
		sideLayout.marginHeight = 0;
		side.setLayout(sideLayout);
		rename = new Button(side, SWT.PUSH);
		rename.setText("Rename...");
		rename.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		rename.addListener(SWT.Selection, e -> renameChosen());
		delete = new Button(side, SWT.PUSH);
		delete.setText("Delete");
		delete.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		delete.addListener(SWT.Selection, e -> deleteChosen());

		details = new Label(body, SWT.WRAP);
		GridData detailsData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		detailsData.widthHint = 720;
		details.setLayoutData(detailsData);

		if (selection != null) {
			Composite choice = new Composite(body, SWT.NONE);
			choice.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
			choice.setLayout(new GridLayout(3, false));
			new Label(choice, SWT.NONE).setText("Rows:");
			Button all = new Button(choice, SWT.RADIO);
			all.setText(String.format(Locale.ROOT, "all (%,d)", session.table().rowCount()));
			all.setSelection(true);
			selectedRows = new Button(choice, SWT.RADIO);
			selectedRows.setText(String.format(Locale.ROOT, "selected only (%,d)", selection.cardinality()));
			selectedRows.setToolTipText("Predict the selected rows only; the new columns are NA in the other rows");
		}
		replace = new ReplaceColumnsCheck(body, 2);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Predict", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
		refresh(null);
	}

	/** Lists the session's models again and selects the one of that name (or the newest). */
	private void refresh(String select) {
		models = session.models();
		list.removeAll();
		int index = models.size() - 1;
		for (int i = 0; i < models.size(); i++) {
			TrainedModel model = models.get(i);
			TableItem item = new TableItem(list, SWT.NONE);
			item.setText(new String[] { model.name(), methodName(model), names(model.features()), names(model.classes()),
					TIME.format(model.created()) });
			if (model.name().equals(select)) {
				index = i;
			}
		}
		if (index >= 0) {
			list.select(index);
		}
		chosenChanged();
	}

	private String methodName(TrainedModel model) {
		return methods.find(model.method()).map(MethodDescriptor::name).orElse(model.method() + " (not installed)");
	}

	private static String names(List<String> names) {
		if (names.isEmpty()) {
			return "";
		}
		String shown = String.join(", ", names.size() <= SHOWN_NAMES ? names : names.subList(0, SHOWN_NAMES));
		return names.size() + ": " + shown + (names.size() > SHOWN_NAMES ? ", …" : "");
	}

	private void chosenChanged() {
		int index = list.getSelectionIndex();
		chosen = index < 0 ? null : models.get(index);
		rename.setEnabled(chosen != null);
		delete.setEnabled(chosen != null);
		String problem = null;
		chosenMethod = null;
		if (models.isEmpty()) {
			problem = "No model is kept with this table yet: run a classifier (Analyze > XGBoost classifier) first.";
			details.setText("");
		} else if (chosen == null) {
			problem = "Choose a model.";
			details.setText("");
		} else {
			details.setText(chosen.description() + (chosen.description().isEmpty() ? "" : ". ") + "Features: "
					+ String.join(", ", chosen.features()) + ". Classes: " + String.join(", ", chosen.classes()) + ".");
			Optional<MethodDescriptor> method = methods.find(chosen.method());
			if (method.isEmpty()) {
				problem = "Model '" + chosen.name() + "' was trained by the method '" + chosen.method()
						+ "', which is not installed.";
			} else {
				try {
					chosen.featureColumns(session.table());
					chosenMethod = method.get();
				} catch (AnalysisException e) {
					problem = sentence(e.getMessage());
				}
			}
		}
		setErrorMessage(problem);
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(chosenMethod != null);
		}
		details.getParent().layout(true);
	}

	private static String sentence(String message) {
		return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
	}

	private void renameChosen() {
		if (chosen == null) {
			return;
		}
		String old = chosen.name();
		InputDialog input = new InputDialog(getShell(), "Rename Model", "New name of model '" + old + "':", old, text -> {
			String name = text.strip();
			if (name.isEmpty()) {
				return "A model needs a name.";
			}
			return !name.equals(old) && session.model(name).isPresent() ? "A model is named '" + name + "' already." : null;
		});
		if (input.open() == Window.OK && !input.getValue().strip().equals(old)) {
			refresh(session.renameModel(old, input.getValue()).name());
		}
	}

	private void deleteChosen() {
		if (chosen != null && MessageDialog.openConfirm(getShell(), "Delete Model",
				"Delete model '" + chosen.name() + "'? It is removed from the session when the table is saved.")) {
			session.removeModel(chosen.name());
			refresh(null);
		}
	}

	@Override
	protected void okPressed() {
		if (chosenMethod == null) {
			return;
		}
		rows = selectedRows != null && selectedRows.getSelection() ? (BitSet) selection.rows().clone() : null;
		replaceEarlier = replace.replace();
		super.okPressed();
	}

	/** @return the model chosen (after Predict) */
	public TrainedModel model() {
		return chosen;
	}

	/** @return the method that trained the chosen model (after Predict) */
	public MethodDescriptor method() {
		return chosenMethod;
	}

	/** @return the rows to predict (after Predict), or null for all */
	public BitSet rows() {
		return rows;
	}

	/** @return whether the new columns replace those of an earlier run (after Predict) */
	public boolean replaceEarlierColumns() {
		return replaceEarlier;
	}

	/** @return the list of models, for tests */
	public Table modelList() {
		return list;
	}

	/** @return the "selected only" choice, or null when no rows were selected (for tests) */
	public Button selectedRowsButton() {
		return selectedRows;
	}
}
