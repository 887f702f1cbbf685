// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPart;
import org.idx.core.CategoricalColumn;
import org.idx.core.DataTable;
import org.idx.core.RowSelection;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.Label;
import org.idx.core.annotation.LabelSet;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.selection.DatasetSelection;

/**
 * What the labelling commands and the Labels view share, on the UI thread: the rows last selected
 * in each table (by any part: plot, table, image viewer, gallery), the annotation column and label
 * each table is labelled with now, and running a {@link LabelOperation} in the editor's undo
 * context.
 */
public final class Labelling {

	/** The name given to an annotation column made on the fly. */
	public static final String DEFAULT_COLUMN = "label";

	private static final Map<DataTable, RowSelection> lastRows = new WeakHashMap<>();
	private static final Map<TableSession, String> activeColumn = new WeakHashMap<>();
	private static final Map<TableSession, Integer> activeLabel = new WeakHashMap<>();
	private static final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private Labelling() {
	}

	/**
	 * Where labels go: the dataset editor's table, session and undo context.
	 *
	 * @param dataset the dataset
	 * @param session its session
	 * @param context its editor's undo context
	 */
	public record Target(Dataset dataset, TableSession session, IUndoContext context) {
	}

	/**
	 * @param editor an editor, may be null
	 * @return the labelling target of a dataset editor whose table has been read, or null
	 */
	public static Target target(IEditorPart editor) {
		if (editor == null) {
			return null;
		}
		Dataset dataset = editor.getAdapter(Dataset.class);
		TableSession session = editor.getAdapter(TableSession.class);
		IUndoContext context = editor.getAdapter(IUndoContext.class);
		return dataset == null || session == null || context == null ? null : new Target(dataset, session, context);
	}

	/** Remembers the rows a part selected; installed on every workbench window. */
	static void selectionChanged(IWorkbenchPart part, ISelection selection) {
		DatasetSelection.rowsOf(selection).ifPresent(rows -> {
			lastRows.put(rows.table(), rows);
			fire();
		});
	}

	/**
	 * @param table a table
	 * @return the rows last selected in it by any part, or null
	 */
	public static RowSelection rows(DataTable table) {
		return lastRows.get(table);
	}

	/**
	 * @param session a session
	 * @return the annotation column labels go to now, or null when the table has none
	 */
	public static Annotations active(TableSession session) {
		String column = activeColumn.get(session);
		if (column != null) {
			Annotations chosen = session.annotations(column).orElse(null);
			if (chosen != null) {
				return chosen;
			}
		}
		List<Annotations> all = session.annotations();
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

	/**
	 * @param session     a session
	 * @param annotations the annotation column labels go to from now on
	 */
	public static void setActive(TableSession session, Annotations annotations) {
		activeColumn.put(session, annotations.columnName());
		fire();
	}

	/**
	 * @param session a session
	 * @return the label chosen in the Labels view (position), 0 when none was
	 */
	public static int activeLabel(TableSession session) {
		return activeLabel.getOrDefault(session, 0);
	}

	/**
	 * @param session a session
	 * @param label   the position of the label chosen in the Labels view
	 */
	public static void setActiveLabel(TableSession session, int label) {
		activeLabel.put(session, label);
	}

	/**
	 * The annotation column to label into, made when there is none yet ("label", with labels
	 * "class 1", "class 2"...), with at least {@code labels} labels (more are added as "class N").
	 *
	 * @param session a session
	 * @param labels  the number of labels needed
	 * @return the annotations
	 */
	public static Annotations activeOrCreate(TableSession session, int labels) {
		Annotations annotations = active(session);
		if (annotations == null) {
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= Math.max(2, labels); i++) {
				names.add("class " + i);
			}
			annotations = session.createAnnotations(freeName(session.table(), DEFAULT_COLUMN), LabelSet.named(names));
			setActive(session, annotations);
		}
		while (annotations.labels().size() < labels) {
			int next = annotations.labels().size();
			String name = "class " + (next + 1);
			while (annotations.labels().indexOf(name) >= 0) {
				name = name + "'";
			}
			annotations.addLabel(new Label(name, LabelSet.defaultColour(next)));
		}
		return annotations;
	}

	/**
	 * @param table a table
	 * @param base  a wanted column name
	 * @return {@code base}, or {@code base 2}, {@code base 3}... whichever the table does not have
	 */
	public static String freeName(DataTable table, String base) {
		String name = base;
		for (int i = 2; table.findColumn(name).isPresent(); i++) {
			name = base + " " + i;
		}
		return name;
	}

	/**
	 * @param table a table
	 * @return the names of its categorical columns (those that can hold labels)
	 */
	public static List<String> categoricalColumns(DataTable table) {
		return table.columns().stream().filter(CategoricalColumn.class::isInstance).map(c -> c.name()).toList();
	}

	/**
	 * Labels rows (or clears them) through the workbench's operation history.
	 *
	 * @param target where
	 * @param rows   the rows
	 * @param label  the label's position in the active annotations, or -1 to clear
	 * @param annotations the annotation column
	 * @return the operation, executed
	 */
	public static LabelOperation run(Target target, RowSelection rows, Annotations annotations, int label) {
		LabelOperation operation = new LabelOperation(annotations, rows.rows(), label, target.context());
		try {
			OperationHistoryFactory.getOperationHistory().execute(operation, null, null);
		} catch (ExecutionException e) {
			Platform.getLog(Labelling.class).log(new Status(IStatus.ERROR, Labelling.class,
					"Labelling " + rows.cardinality() + " rows failed", e));
		}
		fire();
		return operation;
	}

	/**
	 * Adds, renames, recolours or removes a label through the workbench's operation history.
	 *
	 * @param edit the edit, not executed yet
	 */
	public static void edit(LabelEditOperation edit) {
		try {
			OperationHistoryFactory.getOperationHistory().execute(edit, null, null);
		} catch (ExecutionException | RuntimeException e) {
			Platform.getLog(Labelling.class).log(new Status(IStatus.ERROR, Labelling.class,
					"'" + edit.getLabel() + "' failed", e));
		}
		fire();
	}

	/**
	 * @param listener told (on the UI thread) when the rows, the annotation column or the labels
	 *                 in use change
	 */
	public static void addListener(Runnable listener) {
		listeners.add(listener);
	}

	/**
	 * @param listener a listener added before
	 */
	public static void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	static void fire() {
		listeners.forEach(Runnable::run);
	}
}
