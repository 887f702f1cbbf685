// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.gallery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IAction;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.part.ViewPart;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.NumericColumn;
import org.idx.core.RowSelection;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageRoot;
import org.idx.images.zarr.RowImageKeys;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.selection.DatasetSelection;
import org.idx.ui.selection.DatasetSelectionProvider;
import org.idx.ui.views.DatasetFollower;

/**
 * The gallery: square crops around the anchors of the selected rows (the first N), read in parallel in
 * the background and shown in a virtual grid with the row number and a chosen column under each. A
 * click makes that row the focus (the image viewers show it); the selection itself stays.
 */
public final class GalleryView extends ViewPart {

	/** The view id. */
	public static final String ID = "org.idx.ui.gallery";

	private static final String NO_CAPTION = "(row only)";
	private static final int THREADS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));

	private final DatasetSelectionProvider provider = new DatasetSelectionProvider();
	private DatasetFollower follower;
	private Spinner sizeSpinner;
	private Spinner countSpinner;
	private Combo captionCombo;
	private GalleryGrid grid;
	private Label status;
	private IAction pin;

	private Dataset dataset;
	/** The image key of each row, resolved in the crops job once per dataset and roles; null until then. */
	private volatile RowImageKeys keys;
	private RowSelection selection;
	private int[] cellRows = new int[0];
	private Job job;
	private int generation;
	private long lastMillis;

	@Override
	public void createPartControl(Composite parent) {
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
		new Label(bar, SWT.NONE).setText("Crop");
		sizeSpinner = new Spinner(bar, SWT.BORDER);
		sizeSpinner.setValues(96, 16, 1024, 0, 16, 64);
		sizeSpinner.setToolTipText("The side of each crop in image pixels");
		new Label(bar, SWT.NONE).setText("px   First");
		countSpinner = new Spinner(bar, SWT.BORDER);
		countSpinner.setValues(100, 1, 10_000, 0, 10, 100);
		countSpinner.setToolTipText("How many of the selected rows to show");
		new Label(bar, SWT.NONE).setText("rows   Caption");
		captionCombo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		captionCombo.setVisibleItemCount(20);
		sizeSpinner.addListener(SWT.DefaultSelection, e -> rebuild());
		sizeSpinner.addListener(SWT.Selection, e -> rebuild());
		countSpinner.addListener(SWT.DefaultSelection, e -> rebuild());
		countSpinner.addListener(SWT.Selection, e -> rebuild());
		captionCombo.addListener(SWT.Selection, e -> rebuild());

		grid = new GalleryGrid(parent);
		grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		grid.onClick(this::cellClicked);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));

		getSite().setSelectionProvider(provider);
		follower = new DatasetFollower(this, getSite().getPage(), this::showDataset, this::tableChanged, rows -> {
			selection = rows;
			rebuild();
		});
		follower.onImagesChanged(this::imagesChanged);
		pin = follower.createPinAction("the gallery");
		pin.setChecked(follower.isPinned());
		getViewSite().getActionBars().getToolBarManager().add(pin);
	}

	private void showDataset(Dataset next) {
		if (grid == null || grid.isDisposed()) {
			return;
		}
		dataset = next;
		selection = null;
		keys = null;
		if (dataset != null) {
			setTitleToolTip(dataset.name());
			DatasetSelection.rowsOf(getSite().getPage().getSelection())
					.filter(rows -> rows.table() == dataset.table()).ifPresent(rows -> selection = rows);
		}
		fillCaptions();
		rebuild();
	}

	private void tableChanged(DataTableEvent event) {
		keys = null;
		fillCaptions();
		rebuild();
	}

	private void fillCaptions() {
		String previous = captionCombo.getSelectionIndex() < 0 ? null : captionCombo.getText();
		List<String> names = new ArrayList<>();
		names.add(NO_CAPTION);
		if (dataset != null) {
			for (Column column : dataset.table().columns()) {
				names.add(column.name());
			}
		}
		captionCombo.setItems(names.toArray(String[]::new));
		int index = previous == null ? -1 : names.indexOf(previous);
		if (index < 0 && dataset != null) {
			// A grouping or label column makes a useful default caption.
			DataTable table = dataset.table();
			String preferred = table.roles().column(ColumnRole.LABEL)
					.or(() -> table.roles().column(ColumnRole.GROUP)).orElse(null);
			index = preferred == null ? 0 : Math.max(0, names.indexOf(preferred));
		}
		captionCombo.select(Math.max(0, index));
		captionCombo.getParent().layout(true);
	}

	private Optional<Column> roleColumn(ColumnRole role) {
		DataTable table = dataset.table();
		return table.roles().column(role).flatMap(table::findColumn);
	}

	/** Starts over with the current selection: new cells, crops read in the background. */
	private void rebuild() {
		if (grid == null || grid.isDisposed()) {
			return;
		}
		if (job != null) {
			job.cancel();
			job = null;
		}
		generation++;
		if (dataset == null) {
			say("Open a table to see crops of its objects.");
			return;
		}
		Optional<Column> image = roleColumn(ColumnRole.IMAGE);
		Optional<Column> xColumn = roleColumn(ColumnRole.ANCHOR_X);
		Optional<Column> yColumn = roleColumn(ColumnRole.ANCHOR_Y);
		if (image.isEmpty() && roleColumn(ColumnRole.WELL).isEmpty()) {
			say("No image column is configured: give a column of image paths the role IMAGE.");
			return;
		}
		if (xColumn.isEmpty() || yColumn.isEmpty() || !(xColumn.get() instanceof NumericColumn x)
				|| !(yColumn.get() instanceof NumericColumn y)) {
			say("No numeric anchor columns are configured: give the x and y columns the roles ANCHOR_X and ANCHOR_Y.");
			return;
		}
		if (selection == null || selection.isEmpty()) {
			say("Select rows in the table or the plot to see crops around their objects.");
			return;
		}
		int limit = countSpinner.getSelection();
		BitSet rows = selection.rows();
		int n = Math.min(limit, rows.cardinality());
		cellRows = new int[n];
		int i = 0;
		for (int r = rows.nextSetBit(0); r >= 0 && i < n; r = rows.nextSetBit(r + 1)) {
			cellRows[i++] = r;
		}
		Column caption = captionCombo.getSelectionIndex() <= 0 ? null
				: dataset.table().findColumn(captionCombo.getText()).orElse(null);
		String[] captions = new String[n];
		for (int c = 0; c < n; c++) {
			int r = cellRows[c];
			String value = caption == null ? null : caption.text(r);
			captions[c] = (r + 1) + (caption == null ? "" : " · " + (value == null ? "NA" : value));
		}
		int side = sizeSpinner.getSelection();
		grid.setCells(n, side, captions);
		grid.setFocusCell(indexOfRow(selection.focus()));
		status.setText(String.format("Reading %,d crops …", n));
		Column zColumn = roleColumn(ColumnRole.ANCHOR_Z).orElse(null);
		Column tColumn = roleColumn(ColumnRole.ANCHOR_T).orElse(null);
		load(cellRows.clone(), image.isEmpty(), x, y, zColumn instanceof NumericColumn z ? z : null,
				tColumn instanceof NumericColumn t ? t : null, side, rows.cardinality());
	}

	private void say(String sentence) {
		cellRows = new int[0];
		grid.setMessage(sentence);
		status.setText("");
	}

	private void load(int[] rows, boolean fromPlates, NumericColumn x, NumericColumn y, NumericColumn z, NumericColumn t,
			int side, int selected) {
		int myGeneration = generation;
		ImageRoot images = dataset.images();
		Crops crops = new Crops(images);
		DataTable table = dataset.table();
		long start = System.nanoTime();
		job = Job.create("Reading " + rows.length + " crops for the gallery", monitor -> {
			monitor.beginTask("Reading crops", rows.length);
			RowImageKeys image = keys;
			if (image == null || image.table() != table) {
				image = fromPlates || table.roles().column(ColumnRole.WELL).isPresent()
						? RowImageKeys.resolve(table, images, monitor::isCanceled)
						: RowImageKeys.paths(table);
				if (monitor.isCanceled()) {
					return; // superseded while resolving: these keys are incomplete, the next load resolves again
				}
				keys = image;
			}
			RowImageKeys forKeys = image;
			ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
				Thread thread = new Thread(runnable, "IDX gallery crops");
				thread.setDaemon(true);
				return thread;
			});
			try {
				List<Future<?>> futures = new ArrayList<>(rows.length);
				for (int cell = 0; cell < rows.length; cell++) {
					int c = cell;
					futures.add(pool.submit(() -> {
						if (monitor.isCanceled()) {
							return;
						}
						loadCell(crops, c, rows[c], forKeys, x, y, z, t, side, myGeneration);
						monitor.worked(1);
					}));
				}
				for (Future<?> future : futures) {
					if (monitor.isCanceled()) {
						break;
					}
					future.get();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (java.util.concurrent.ExecutionException e) {
				Platform.getLog(GalleryView.class).log(new Status(IStatus.ERROR, GalleryView.class, "Gallery crops failed", e));
			} finally {
				pool.shutdownNow();
				try {
					pool.awaitTermination(5, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				monitor.done();
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			deliver(myGeneration, () -> {
				lastMillis = millis;
				status.setText(String.format("%,d of %,d selected rows · %d ms", rows.length, selected, millis));
			});
		});
		job.schedule();
	}

	private void loadCell(Crops crops, int cell, int row, RowImageKeys image, NumericColumn x, NumericColumn y,
			NumericColumn z, NumericColumn t, int side, int myGeneration) {
		String key = null;
		String problem = null;
		int[] argb = null;
		try {
			key = image.key(row);
		} catch (ImageAccessException e) {
			problem = e.getMessage();
		}
		if (key == null) {
			// problem says why
		} else if (x.isNA(row) || y.isNA(row)) {
			problem = "Row " + (row + 1) + " has no anchor.";
		} else {
			try {
				argb = crops.crop(key, x.value(row), y.value(row), z == null || z.isNA(row) ? 0 : (int) Math.round(z.value(row)),
						t == null || t.isNA(row) ? 0 : (int) Math.round(t.value(row)), side);
			} catch (ImageAccessException e) {
				problem = e.getMessage();
			} catch (IllegalArgumentException e) {
				problem = "Row " + (row + 1) + ": " + e.getMessage() + " " + key + ".";
			}
		}
		int[] picture = argb;
		String sentence = problem;
		deliver(myGeneration, () -> {
			if (picture != null) {
				grid.setPicture(cell, picture, side);
			} else {
				grid.setProblem(cell, sentence);
			}
		});
	}

	private void deliver(int myGeneration, Runnable onUi) {
		if (grid.isDisposed()) {
			return;
		}
		grid.getDisplay().asyncExec(() -> {
			if (!grid.isDisposed() && myGeneration == generation) {
				onUi.run();
			}
		});
	}

	private int indexOfRow(int row) {
		for (int i = 0; i < cellRows.length; i++) {
			if (cellRows[i] == row) {
				return i;
			}
		}
		return -1;
	}

	private void cellClicked(int cell) {
		if (dataset == null || selection == null || cell >= cellRows.length) {
			return;
		}
		int row = cellRows[cell];
		selection = new RowSelection(dataset.table(), selection.rows(), this, row);
		grid.setFocusCell(cell);
		provider.setSelection(new DatasetSelection(selection));
	}

	// ---------------------------------------------------------------- for tests

	/** @return the grid */
	public GalleryGrid grid() {
		return grid;
	}

	/** @return the row shown in each cell */
	public int[] cellRows() {
		return cellRows.clone();
	}

	/** @return the status line */
	public String statusText() {
		return status.getText();
	}

	/** @return milliseconds to read the last set of crops */
	public long lastMillis() {
		return lastMillis;
	}

	/** @param side the crop side, as the spinner sets it */
	public void setCropSize(int side) {
		sizeSpinner.setSelection(side);
		rebuild();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == RowSelection.class) {
			return adapter.cast(selection);
		}
		if (adapter == Dataset.class) {
			return adapter.cast(dataset);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void setFocus() {
		grid.setFocus();
	}

	/** The dataset's image root was pointed elsewhere: its rows' images are read again. */
	private void imagesChanged() {
		if (grid.isDisposed()) {
			return;
		}
		keys = null;
		rebuild();
	}

	@Override
	public void dispose() {
		if (job != null) {
			job.cancel();
		}
		if (follower != null) {
			follower.dispose();
		}
		super.dispose();
	}
}
