// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.views;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IPropertyListener;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.DataTableListener;
import org.idx.core.RowSelection;
import org.idx.images.ImageRoot;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.selection.DatasetSelection;

/**
 * What every IDX view does to follow the user: it shows the dataset of the active dataset editor
 * (unless pinned), hears when that table's columns or roles change or its image root is pointed
 * elsewhere ({@link #onImagesChanged}), and receives the rows other parts select in that table. A view creates one in {@code createPartControl}, and disposes it in
 * {@code dispose}; the callbacks run on the UI thread.
 */
public final class DatasetFollower {

	private final IWorkbenchPart owner;
	private final IWorkbenchPage page;
	private final Consumer<Dataset> onDataset;
	private final Consumer<DataTableEvent> onTableChanged;
	private final Consumer<RowSelection> onRows;
	private final Map<IWorkbenchPart, ISelection> seen = new WeakHashMap<>();
	private final ISelectionListener selectionListener = this::selectionChanged;
	private final IPropertyListener editorListener = this::editorPropertyChanged;
	private final DataTableListener tableListener = this::tableChanged;
	private final Consumer<ImageRoot> rootListener = this::imagesChanged;
	private Runnable onImages = () -> {
	};
	private final IPartListener2 partListener = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			editorShown(ref);
		}

		@Override
		public void partBroughtToTop(IWorkbenchPartReference ref) {
			editorShown(ref);
		}

		@Override
		public void partClosed(IWorkbenchPartReference ref) {
			IWorkbenchPart closed = ref.getPart(false);
			if (editor != null && closed == editor) {
				follow(null);
				IEditorPart active = page.getActiveEditor();
				if (!pinned && active != closed) {
					follow(active);
				}
			}
		}
	};

	private IEditorPart editor;
	private Dataset dataset;
	private boolean pinned;
	private boolean disposed;

	/**
	 * Starts following the page's active dataset editor at once.
	 *
	 * @param owner          the view (its own selections are not passed back to it)
	 * @param page           the page the view is on
	 * @param onDataset      told the dataset shown, {@code null} when there is none
	 * @param onTableChanged told when the shown table's columns or roles change
	 * @param onRows         told the rows another part selected in the shown table
	 */
	public DatasetFollower(IWorkbenchPart owner, IWorkbenchPage page, Consumer<Dataset> onDataset,
			Consumer<DataTableEvent> onTableChanged, Consumer<RowSelection> onRows) {
		this.owner = Objects.requireNonNull(owner);
		this.page = Objects.requireNonNull(page);
		this.onDataset = Objects.requireNonNull(onDataset);
		this.onTableChanged = Objects.requireNonNull(onTableChanged);
		this.onRows = Objects.requireNonNull(onRows);
		page.addSelectionListener(selectionListener);
		page.addPartListener(partListener);
		follow(page.getActiveEditor());
	}

	/** @return the dataset shown, or {@code null} */
	public Dataset dataset() {
		return dataset;
	}

	/** @return the editor followed, or {@code null} (the editor may still be reading its table) */
	public IEditorPart editor() {
		return editor;
	}

	/** @return whether the view keeps its dataset when another editor becomes active */
	public boolean isPinned() {
		return pinned;
	}

	/**
	 * @param pin whether to keep the current dataset; unpinning follows the active editor again
	 */
	public void setPinned(boolean pin) {
		pinned = pin;
		if (!pin && !disposed) {
			follow(page.getActiveEditor());
		}
	}

	/**
	 * @param what what the view shows, for the tool tip, e.g. "this plot"
	 * @return a toolbar toggle that pins the view
	 */
	public IAction createPinAction(String what) {
		Action pin = new Action("Pin", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				setPinned(isChecked());
			}
		};
		pin.setToolTipText("Keep " + what + " on its table instead of following the active editor");
		return pin;
	}

	/**
	 * @param onImages told (on the UI thread) when the shown dataset's image root is pointed
	 *                 elsewhere, so that the view reads its images (and what it knows of them) again
	 */
	public void onImagesChanged(Runnable onImages) {
		this.onImages = Objects.requireNonNull(onImages);
	}

	/** Stops listening; call it from the view's {@code dispose}. */
	public void dispose() {
		disposed = true;
		page.removeSelectionListener(selectionListener);
		page.removePartListener(partListener);
		if (editor != null) {
			editor.removePropertyListener(editorListener);
		}
		if (dataset != null) {
			dataset.table().removeListener(tableListener);
			dataset.images().removeListener(rootListener);
		}
	}

	private void editorShown(IWorkbenchPartReference ref) {
		if (pinned || disposed) {
			return;
		}
		if (ref.getPart(false) instanceof IEditorPart candidate && isDatasetEditor(candidate)) {
			follow(candidate);
		}
	}

	private static boolean isDatasetEditor(IEditorPart part) {
		return part instanceof DatasetEditor || part.getAdapter(Dataset.class) != null;
	}

	private void follow(IEditorPart next) {
		if (next != null && !isDatasetEditor(next)) {
			next = null;
		}
		if (next == editor && (next == null || next.getAdapter(Dataset.class) == dataset)) {
			if (next == null) {
				show(null);
			}
			return;
		}
		if (editor != null) {
			editor.removePropertyListener(editorListener);
		}
		editor = next;
		if (editor != null) {
			editor.addPropertyListener(editorListener);
		}
		show(editor == null ? null : editor.getAdapter(Dataset.class));
	}

	private void editorPropertyChanged(Object source, int property) {
		if (property == DatasetEditor.PROP_DATASET && source == editor && !disposed) {
			show(editor.getAdapter(Dataset.class));
		}
	}

	private void show(Dataset next) {
		if (next == dataset && next != null) {
			return;
		}
		if (dataset != null) {
			dataset.table().removeListener(tableListener);
			dataset.images().removeListener(rootListener);
		}
		dataset = next;
		if (dataset != null) {
			dataset.table().addListener(tableListener);
			dataset.images().addListener(rootListener);
		}
		onDataset.accept(dataset);
		if (dataset != null) {
			currentRows(dataset.table()).ifPresent(onRows);
		}
	}

	/**
	 * The rows selected in a table before this view followed it, so that a view opened later shows
	 * them too: what another open IDX view shows (they all show the latest selection), else the
	 * editor's own selection.
	 */
	private Optional<RowSelection> currentRows(DataTable table) {
		for (IViewReference ref : page.getViewReferences()) {
			IWorkbenchPart part = ref.getPart(false);
			RowSelection rows = part == null || part == owner ? null : part.getAdapter(RowSelection.class);
			if (rows != null && rows.table() == table && !rows.isEmpty()) {
				return Optional.of(rows);
			}
		}
		ISelectionProvider provider = editor == null ? null : editor.getSite().getSelectionProvider();
		return provider == null ? Optional.empty()
				: DatasetSelection.rowsOf(provider.getSelection())
						.filter(rows -> rows.table() == table && !rows.isEmpty() && rows.origin() != owner);
	}

	private void tableChanged(DataTableEvent event) {
		Display display = Display.getDefault();
		display.asyncExec(() -> {
			if (!disposed && dataset != null && dataset.table() == event.table()) {
				onTableChanged.accept(event);
			}
		});
	}

	/** Called on the thread that re-pointed the root. */
	private void imagesChanged(ImageRoot root) {
		Display.getDefault().asyncExec(() -> {
			if (!disposed && dataset != null && dataset.images() == root) {
				onImages.run();
			}
		});
	}

	private void selectionChanged(IWorkbenchPart part, ISelection selection) {
		if (part == owner || dataset == null || disposed) {
			return;
		}
		DataTable table = dataset.table();
		DatasetSelection.rowsOf(selection).filter(rows -> rows.origin() != owner && rows.table() == table)
				.ifPresent(rows -> {
					// A part that is merely activated again re-sends the selection it already sent.
					if (seen.get(part) == selection) {
						return;
					}
					seen.put(part, selection);
					onRows.accept(rows);
				});
	}
}
