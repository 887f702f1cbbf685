// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.MultiPageEditorPart;
import org.idx.io.delimited.TableReadException;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.dataset.LoadDatasetJob;
import org.idx.ui.selection.DatasetSelectionProvider;

/**
 * The document of IDX: one opened table. The table is read by a background job; until then the
 * editor shows what it is doing, and if reading fails it says why, in a sentence, in place.
 * Once the table is in, the pages contributed through {@code org.idx.ui.datasetPages} appear.
 * Views follow the active editor's {@link Dataset} via {@code getAdapter(Dataset.class)} and
 * the {@link #PROP_DATASET} property.
 * <p>
 * The table file is never written. What users add (labels, analysis columns, roles) is a
 * {@link TableSession} (adapter): it makes the editor dirty, Save writes it beside the table, it is
 * restored on opening and journalled against crashes (see {@link DatasetSessions}). Changes are
 * undone through the workbench operation history in the editor's {@link IUndoContext} (adapter);
 * Edit &gt; Undo and Redo reach it from every IDX part (handlers in {@code org.idx.ui.annotate}).
 */
public final class DatasetEditor extends MultiPageEditorPart {

	/** The editor id. */
	public static final String ID = "org.idx.ui.datasetEditor";
	/** Fired (as an editor property) when the dataset has been read. */
	public static final int PROP_DATASET = 0x4001;

	private final DatasetSelectionProvider selectionProvider = new DatasetSelectionProvider();
	private final List<IDatasetPage> pages = new ArrayList<>();
	private Dataset dataset;
	private Label status;
	private LoadDatasetJob loadJob;
	private TableSession session;
	private final ObjectUndoContext undoContext = new ObjectUndoContext(this, "Dataset");
	private final Runnable dirtyListener = () -> {
		var display = getSite().getShell().getDisplay();
		if (!display.isDisposed()) {
			display.asyncExec(() -> firePropertyChange(PROP_DIRTY));
		}
	};

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof DatasetEditorInput)) {
			throw new PartInitException("The dataset editor opens tables, not " + input.getName() + ".");
		}
		super.init(site, input);
		setPartName(input.getName());
		site.setSelectionProvider(selectionProvider);
	}

	@Override
	protected void createPages() {
		Composite loading = new Composite(getContainer(), SWT.NONE);
		loading.setLayout(new GridLayout());
		status = new Label(loading, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		DatasetEditorInput input = (DatasetEditorInput) getEditorInput();
		status.setText("Reading " + input.file() + " …");
		setPageText(addPage(loading), "Table");
		loadJob = new LoadDatasetJob(input.file(), input.options(), this::loaded, this::failed);
		loadJob.schedule();
	}

	private void loaded(Dataset loaded) {
		DatasetSessions.Prepared prepared = DatasetSessions.prepare(loaded);
		getSite().getShell().getDisplay().asyncExec(() -> {
			if (getContainer() == null || getContainer().isDisposed()) {
				prepared.session().close();
				return;
			}
			String said = DatasetSessions.restore(getSite().getShell(), loaded, prepared);
			session = prepared.session();
			session.addDirtyListener(dirtyListener);
			dataset = loaded;
			showPages();
			firePropertyChange(PROP_DATASET);
			firePropertyChange(PROP_DIRTY);
			if (said != null) {
				setTitleToolTip(loaded.source() + "\n" + said);
				getEditorSite().getActionBars().getStatusLineManager().setMessage(said);
			}
		});
	}

	private void failed(TableReadException problem) {
		Platform.getLog(getClass()).log(new Status(IStatus.ERROR, getClass(), problem.getMessage(), problem));
		getSite().getShell().getDisplay().asyncExec(() -> {
			if (status != null && !status.isDisposed()) {
				status.setText(problem.getMessage());
				status.getParent().layout();
			}
		});
	}

	private void showPages() {
		removePage(0);
		DatasetPageContext context = new DatasetPageContext(dataset, getEditorSite(), selectionProvider);
		for (DatasetPageDescriptor descriptor : DatasetPageRegistry.pages()) {
			try {
				IDatasetPage page = descriptor.create();
				Composite holder = new Composite(getContainer(), SWT.NONE);
				holder.setLayout(new org.eclipse.swt.layout.FillLayout());
				Control control = page.createControl(holder, context);
				if (pages.isEmpty()) {
					FirstPaintProbe.watch(dataWidget(control), dataset.source());
				}
				pages.add(page);
				setPageText(addPage(holder), descriptor.name());
			} catch (CoreException | RuntimeException e) {
				Platform.getLog(getClass()).log(new Status(IStatus.ERROR, getClass(),
						"The dataset editor page '" + descriptor.name() + "' could not be created.", e));
			}
		}
		if (getPageCount() > 0) {
			setActivePage(0);
		}
	}

	/**
	 * The widget that paints a page's data: a page lays out its tools first and its grid or
	 * table last, so follow the last child down.
	 */
	private static Control dataWidget(Control control) {
		Control current = control;
		while (current instanceof Composite composite && composite.getChildren().length > 0) {
			Control[] children = composite.getChildren();
			current = children[children.length - 1];
		}
		return current;
	}

	@Override
	protected void pageChange(int newPageIndex) {
		super.pageChange(newPageIndex);
		if (newPageIndex >= 0 && newPageIndex < pages.size()) {
			pages.get(newPageIndex).setFocus();
		}
	}

	@Override
	public void setFocus() {
		int active = getActivePage();
		if (active >= 0 && active < pages.size()) {
			pages.get(active).setFocus();
		} else {
			Control control = getContainer();
			if (control != null) {
				control.setFocus();
			}
		}
	}

	/** @return the opened table, or null while it is being read or when reading failed */
	public Dataset dataset() {
		return dataset;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == Dataset.class) {
			return adapter.cast(dataset);
		}
		if (adapter == TableSession.class) {
			return adapter.cast(session);
		}
		if (adapter == IUndoContext.class) {
			return adapter.cast(undoContext);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		if (session == null) {
			return;
		}
		try {
			// On the UI thread with a busy cursor, so that closing after Save never outruns the write;
			// 1M rows with a label column and two derived columns take about a second.
			Path[] saved = new Path[1];
			IOException[] failure = new IOException[1];
			BusyIndicator.showWhile(getSite().getShell().getDisplay(), () -> {
				try {
					saved[0] = session.save();
				} catch (IOException e) {
					failure[0] = e;
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
			Path written = saved[0];
			getEditorSite().getActionBars().getStatusLineManager().setMessage("Session saved to " + written.getFileName());
		} catch (IOException e) {
			Platform.getLog(getClass()).log(new Status(IStatus.ERROR, getClass(),
					"The session of " + dataset.name() + " could not be saved", e));
			MessageDialog.openError(getSite().getShell(), "Save", "The session could not be written to "
					+ session.sessionFile() + ": " + e.getMessage() + "\n\nThe previous session file is unchanged; "
					+ "your changes are still in the autosave journal.");
			if (monitor != null) {
				monitor.setCanceled(true);
			}
		}
	}

	@Override
	public void doSaveAs() {
		// Export Table... writes the table with its derived columns.
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	@Override
	public boolean isDirty() {
		return session != null && session.isDirty();
	}

	@Override
	public void dispose() {
		if (loadJob != null) {
			loadJob.cancel();
		}
		for (IDatasetPage page : pages) {
			page.dispose();
		}
		if (session != null) {
			session.removeDirtyListener(dirtyListener);
			session.close();
		}
		OperationHistoryFactory.getOperationHistory().dispose(undoContext, true, true, true);
		super.dispose();
	}
}
