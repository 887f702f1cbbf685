// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.views;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.idx.core.RowSelection;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.selection.DatasetSelection;
import org.idx.ui.selection.DatasetSelectionProvider;

/**
 * A view that draws one chart of the active dataset (the distribution view, the plate map): a
 * wrapping bar of choices above a {@link ChartCanvas}, a status line below it, Pin, Export PNG and
 * Export SVG in the tool bar and view menu. It follows the active dataset editor through a
 * {@link DatasetFollower}, offers the rows its chart selects to the workbench and keeps the rows
 * other parts select as its highlight.
 * <p>
 * Subclasses fill the bar ({@link #createChoices}), make the canvas ({@link #createChart}), compute
 * the chart (in a job) when the dataset, its columns or the highlight change, and count each chart
 * they show ({@link #rendered()}).
 */
public abstract class ChartView extends ViewPart {

	private final String what;
	private final DatasetSelectionProvider provider = new DatasetSelectionProvider();
	private DatasetFollower follower;
	private ChartCanvas<?> chart;
	private Label status;
	private IAction pin;
	private Dataset dataset;
	private BitSet highlight = new BitSet();
	private int renders;

	/** @param what what the view draws, for sentences ("There is no plate map to export yet.") */
	protected ChartView(String what) {
		this.what = what;
	}

	@Override
	public final void createPartControl(Composite parent) {
		GridLayout layout = new GridLayout();
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 2;
		parent.setLayout(layout);
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		RowLayout row = new RowLayout(SWT.HORIZONTAL);
		row.center = true;
		row.wrap = true;
		row.marginTop = 2;
		row.marginBottom = 0;
		bar.setLayout(row);
		createChoices(bar);
		chart = createChart(parent);
		chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));

		getSite().setSelectionProvider(provider);
		follower = new DatasetFollower(this, getSite().getPage(), this::follow, event -> {
			if (!chart.isDisposed()) {
				columnsChanged();
			}
		}, rows -> setHighlight(rows.rows()));
		createActions();
		pin.setChecked(follower.isPinned());
		following(follower);
	}

	/**
	 * Fills the bar of choices above the chart (e.g. with {@link #choice}).
	 *
	 * @param bar a composite with a wrapping row layout
	 */
	protected abstract void createChoices(Composite bar);

	/**
	 * Makes the chart; controls created in the parent before it stand between the bar and the chart.
	 *
	 * @param parent a composite with a one-column grid layout
	 * @return the chart canvas, which the view lays out to fill the space
	 */
	protected abstract ChartCanvas<?> createChart(Composite parent);

	/**
	 * Called once the view follows the active dataset, at the end of {@link #createPartControl}: the
	 * place to hear more of the follower (e.g. {@link DatasetFollower#onImagesChanged}) or of the workbench.
	 *
	 * @param datasetFollower the view's follower
	 */
	protected void following(DatasetFollower datasetFollower) {
	}

	/**
	 * Another dataset is shown (or none): the highlight is cleared already.
	 *
	 * @param next the dataset, or null
	 */
	protected abstract void datasetChanged(Dataset next);

	/** The shown table's columns or roles changed. */
	protected abstract void columnsChanged();

	/** The highlight ({@link #highlight()}) changed: rows selected here or elsewhere. */
	protected abstract void highlightChanged();

	/** @return the file name an export offers, without its extension */
	protected abstract String exportName();

	/**
	 * Adds a labelled read-only combo to the bar.
	 *
	 * @param bar      the bar of choices
	 * @param label    its label
	 * @param onChoice run when the user chooses an item
	 * @return the combo
	 */
	protected static Combo choice(Composite bar, String label, Runnable onChoice) {
		new Label(bar, SWT.NONE).setText(label);
		Combo combo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.setVisibleItemCount(20);
		combo.addListener(SWT.Selection, event -> onChoice.run());
		return combo;
	}

	private void follow(Dataset next) {
		if (chart == null || chart.isDisposed()) {
			return;
		}
		dataset = next;
		highlight = new BitSet();
		if (dataset != null) {
			setTitleToolTip(dataset.name());
		}
		datasetChanged(next);
	}

	private void setHighlight(BitSet rows) {
		highlight = rows == null ? new BitSet() : rows;
		highlightChanged();
	}

	/**
	 * Selects rows from the chart: they become the highlight and the workbench's selection.
	 *
	 * @param rows rows of the shown table
	 */
	protected final void selectRows(BitSet rows) {
		setHighlight(rows);
		provider.setSelection(new DatasetSelection(new RowSelection(dataset.table(), rows, this)));
	}

	/** @return the rows highlighted: selected in the chart or elsewhere (do not change them) */
	protected final BitSet highlight() {
		return highlight;
	}

	/**
	 * @param seeWhat what the view would show of a table, e.g. "plate map"
	 * @return the sentence in place of the chart while no table is shown: none is open, or it is being read
	 */
	protected final String noTableMessage(String seeWhat) {
		return follower == null || follower.editor() == null ? "Open a table to see its " + seeWhat + "."
				: "Waiting for the table to be read …";
	}

	/** @param text the status line below the chart */
	protected final void setStatus(String text) {
		status.setText(text);
	}

	/** Counts a chart shown (see {@link #renders()}). */
	protected final void rendered() {
		renders++;
	}

	private void createActions() {
		Action png = new Action("Export PNG...") {
			@Override
			public void run() {
				export("png");
			}
		};
		Action svg = new Action("Export SVG...") {
			@Override
			public void run() {
				export("svg");
			}
		};
		pin = follower.createPinAction("this " + what);
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(pin);
		toolbar.add(new Separator());
		toolbar.add(png);
		toolbar.add(svg);
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		menu.add(png);
		menu.add(svg);
	}

	private void export(String kind) {
		if (chart.chart() == null) {
			MessageDialog.openInformation(getSite().getShell(), "Export", "There is no " + what + " to export yet.");
			return;
		}
		ExportDialog.open(getSite().getShell(), exportName() + "." + kind, kind, file -> exportTo(file, kind));
	}

	/**
	 * Writes the chart as shown.
	 *
	 * @param file the target file
	 * @param kind "png" or "svg"
	 * @throws IOException when the file cannot be written
	 */
	public void exportTo(Path file, String kind) throws IOException {
		if ("svg".equals(kind)) {
			Files.writeString(file, chart.svg(), StandardCharsets.UTF_8);
		} else {
			Files.write(file, chart.png());
		}
	}

	/** @return how many charts the view has shown */
	public int renders() {
		return renders;
	}

	/** @return the dataset shown, or null */
	public Dataset dataset() {
		return dataset;
	}

	/** @return the chart canvas */
	public Canvas canvas() {
		return chart;
	}

	/** @return the sentence shown in place of the chart, or null when a chart is shown */
	public String message() {
		return chart.message();
	}

	/** @return the status line */
	public String statusText() {
		return status.getText();
	}

	/** @return whether the view keeps its table when another editor becomes active */
	public boolean isPinned() {
		return follower.isPinned();
	}

	/** @param pinned whether the view keeps its table when another editor becomes active */
	public void setPinned(boolean pinned) {
		pin.setChecked(pinned);
		follower.setPinned(pinned);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == RowSelection.class) {
			return dataset == null ? null : adapter.cast(new RowSelection(dataset.table(), highlight, this));
		}
		if (adapter == Dataset.class) {
			return adapter.cast(dataset);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void setFocus() {
		chart.setFocus();
	}

	@Override
	public void dispose() {
		if (follower != null) {
			follower.dispose();
		}
		super.dispose();
	}
}
