// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import static org.idx.ui.views.ComboChoice.select;
import static org.idx.ui.views.ComboChoice.selected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnType;
import org.idx.core.NumericColumn;
import org.idx.core.RowSelection;
import org.idx.core.annotation.AnnotationListener;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.idx.plot.axis.Scale;
import org.idx.plot.render.Palette;
import org.idx.plot.render.RenderMode;
import org.idx.plot.render.RenderResult;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.dataset.ResultColumns;
import org.idx.ui.selection.DatasetSelection;
import org.idx.ui.selection.DatasetSelectionProvider;
import org.idx.ui.views.DatasetFollower;
import org.idx.ui.views.ExportDialog;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * The scatter plot view. It follows the active dataset editor (unless pinned), plots two numeric
 * columns coloured by any column, publishes the rows picked or enclosed in the plot as a
 * {@link DatasetSelection} and highlights rows selected in other views. The point layer is
 * painted off the UI thread; see {@link ScatterCanvas}.
 * <p>
 * Coloured by an annotation column of the table's session (or a categorical column with the
 * {@link ColumnRole#LABEL} role), points take their label's colour and follow it when the user
 * recolours the label; unlabelled rows are grey (see {@link LabelPalette}). The labelled rows are
 * painted in front of the unlabelled ones, and stay points in their colours over a density image.
 */
public final class ScatterView extends ViewPart {

	/** The view id. */
	public static final String ID = "org.idx.ui.plot.scatter";

	private static final String NO_COLOUR = "(none)";
	private static final String[] MODES = { "auto", "points", "density" };

	private final DatasetSelectionProvider provider = new DatasetSelectionProvider();
	private DatasetFollower follower;
	private final EventHandler resultHandler = this::resultColumns;
	private final AnnotationListener labelsListener = annotations -> labelsChanged();
	private TableSession session;

	private Combo xCombo;
	private Combo yCombo;
	private Combo colorCombo;
	private Combo modeCombo;
	private Button logX;
	private Button logY;
	private ScatterCanvas canvas;
	private Label status;
	private IAction pin;
	private Action lasso;

	private Dataset dataset;
	private final List<NumericColumn> numeric = new ArrayList<>();
	private final List<Column> colorable = new ArrayList<>();

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
		xCombo = combo(bar, "X");
		yCombo = combo(bar, "Y");
		colorCombo = combo(bar, "Colour by");
		logX = check(bar, "log X");
		logY = check(bar, "log Y");
		modeCombo = combo(bar, "Mode");
		modeCombo.setItems(MODES);
		modeCombo.select(0);

		canvas = new ScatterCanvas(parent);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		canvas.onRendered(this::rendered);
		canvas.onSelect(this::selectedInPlot);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));

		createActions();
		getSite().setSelectionProvider(provider);
		follower = new DatasetFollower(this, getSite().getPage(), this::showDataset, event -> columnsChanged(),
				rows -> canvas.setHighlight(rows.rows()));
		pin.setChecked(follower.isPinned());
		watchSession();
		if (session != null) {
			updatePlot(); // with the colours of its labels
		}
		IEventBroker broker = getSite().getService(IEventBroker.class);
		if (broker != null) {
			broker.subscribe(ResultColumns.TOPIC, resultHandler);
		}
	}

	/**
	 * Shows an analysis result as the Image Data Explorer does: a reduction's first two columns
	 * become the axes, a clustering's column the colour. A pinned plot stays as it is.
	 */
	private void resultColumns(Event event) {
		if (!(event.getProperty(IEventBroker.DATA) instanceof ResultColumns result) || canvas == null || canvas.isDisposed()
				|| dataset == null || result.table() != dataset.table() || follower.isPinned() || result.columns().isEmpty()) {
			return;
		}
		fillCombos(false);
		List<String> columns = result.columns();
		String colour = selected(colorCombo);
		switch (result.category()) {
		case "reduction" -> {
			if (columns.size() >= 2 && xCombo.indexOf(columns.get(0)) >= 0 && yCombo.indexOf(columns.get(1)) >= 0) {
				setColumns(columns.get(0), columns.get(1), NO_COLOUR.equals(colour) ? null : colour);
			}
		}
		case "clustering", "classification" -> {
			if (colorCombo.indexOf(columns.get(0)) >= 0) {
				setColumns(selected(xCombo), selected(yCombo), columns.get(0));
			}
		}
		default -> {
			// statistics and other methods leave the plot as it is
		}
		}
	}

	private Combo combo(Composite bar, String label) {
		new Label(bar, SWT.NONE).setText(label);
		Combo combo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.setVisibleItemCount(20);
		combo.addListener(SWT.Selection, event -> updatePlot());
		return combo;
	}

	private Button check(Composite bar, String label) {
		Button button = new Button(bar, SWT.CHECK);
		button.setText(label);
		button.addListener(SWT.Selection, event -> updatePlot());
		return button;
	}

	private void createActions() {
		pin = new Action("Pin", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				follower.setPinned(isChecked());
			}
		};
		pin.setToolTipText("Keep this plot on its table instead of following the active editor");
		lasso = new Action("Lasso", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				canvas.setLassoMode(isChecked());
			}
		};
		lasso.setToolTipText("Drag a lasso instead of a rectangle (Shift+Alt drag does too)");
		Action reset = new Action("Reset") {
			@Override
			public void run() {
				canvas.resetView();
			}
		};
		reset.setToolTipText("Show all points again (double-click does too)");
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
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(lasso);
		toolbar.add(reset);
		toolbar.add(new Separator());
		toolbar.add(pin);
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		menu.add(png);
		menu.add(svg);
		toolbar.add(new Separator());
		toolbar.add(png);
		toolbar.add(svg);
	}

	// ---------------------------------------------------------------- following the editor

	private void showDataset(Dataset next) {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		dataset = next;
		watchSession();
		canvas.setHighlight(null);
		if (dataset != null) {
			setContentDescription("");
			setPartName("Scatter Plot");
			setTitleToolTip(dataset.name());
		}
		fillCombos(true);
		updatePlot();
	}

	/** Follows the labels of the session of the dataset shown (their colours colour the plot). */
	private void watchSession() {
		if (follower == null) {
			return; // the follower tells the first dataset from its constructor; createPartControl follows up
		}
		TableSession next = null;
		if (dataset != null && follower.editor() != null && follower.editor().getAdapter(Dataset.class) == dataset) {
			next = follower.editor().getAdapter(TableSession.class);
		}
		if (next == session) {
			return;
		}
		if (session != null) {
			session.removeAnnotationListener(labelsListener);
		}
		session = next;
		if (session != null) {
			session.addAnnotationListener(labelsListener);
		}
	}

	/** Labels changed (on any thread): repaint only when their colours in the plot did. */
	private void labelsChanged() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		canvas.getDisplay().asyncExec(() -> {
			PlotSpec shown = canvas.isDisposed() ? null : canvas.spec();
			if (shown != null && shown.color() != null
					&& !Objects.equals(shown.levelColors(), levelColors(shown.color()))) {
				updatePlot();
			}
		});
	}

	/**
	 * @param color the colour column
	 * @return the colours of its labels when it is an annotation column or has the label role,
	 *         else null (the plot's palette)
	 */
	private Palette levelColors(Column color) {
		if (!(color instanceof CategoricalColumn categorical)) {
			return null;
		}
		Annotations annotations = session == null ? null : session.annotations(color.name()).orElse(null);
		if (annotations != null) {
			Annotations.Snapshot labels = annotations.snapshot();
			return labels == null ? null : LabelPalette.of(labels.labels());
		}
		boolean labelRole = dataset != null
				&& dataset.table().roles().column(ColumnRole.LABEL).filter(color.name()::equals).isPresent();
		return labelRole ? LabelPalette.of(LabelSet.named(categorical.levels())) : null;
	}

	private void columnsChanged() {
		if (canvas.isDisposed()) {
			return;
		}
		watchSession();
		fillCombos(false);
		updatePlot();
	}

	private void fillCombos(boolean defaults) {
		String x = defaults ? null : selected(xCombo);
		String y = defaults ? null : selected(yCombo);
		String color = defaults ? null : selected(colorCombo);
		numeric.clear();
		colorable.clear();
		if (dataset != null) {
			for (Column column : dataset.table().columns()) {
				if (column instanceof NumericColumn n) {
					numeric.add(n);
				}
				if (column.type() != ColumnType.TEXT) {
					colorable.add(column);
				}
			}
		}
		String[] names = numeric.stream().map(Column::name).toArray(String[]::new);
		xCombo.setItems(names);
		yCombo.setItems(names);
		String[] colours = new String[colorable.size() + 1];
		colours[0] = NO_COLOUR;
		for (int i = 0; i < colorable.size(); i++) {
			colours[i + 1] = colorable.get(i).name();
		}
		colorCombo.setItems(colours);
		// Defaults: columns named x and y when the table has them, else the first two numeric ones.
		int xDefault = Math.max(0, indexIgnoringCase(names, "x"));
		int yDefault = indexIgnoringCase(names, "y");
		select(xCombo, x, xDefault);
		select(yCombo, y, yDefault >= 0 ? yDefault : Math.min(xDefault == 0 ? 1 : 0, names.length - 1));
		select(colorCombo, color, 0);
		xCombo.getParent().layout(true);
		xCombo.getParent().getParent().layout(true);
	}

	private static int indexIgnoringCase(String[] names, String wanted) {
		for (int i = 0; i < names.length; i++) {
			if (names[i].equalsIgnoreCase(wanted)) {
				return i;
			}
		}
		return -1;
	}

	// ---------------------------------------------------------------- plotting

	private void updatePlot() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		if (dataset == null) {
			canvas.setMessage(follower == null || follower.editor() == null ? "Open a table to plot it."
					: "Waiting for the table to be read …");
			status.setText("");
			return;
		}
		if (numeric.isEmpty()) {
			canvas.setMessage("The table has no numeric column to plot.");
			status.setText("");
			return;
		}
		NumericColumn x = numeric.get(Math.max(0, xCombo.getSelectionIndex()));
		NumericColumn y = numeric.get(Math.max(0, yCombo.getSelectionIndex()));
		for (NumericColumn axis : new NumericColumn[] { x, y }) {
			if (axis.naCount() >= axis.size()) {
				canvas.setMessage("No values to plot in column " + axis.name() + ": every value is NA.");
				status.setText("");
				return;
			}
		}
		int colorIndex = colorCombo.getSelectionIndex();
		Column color = colorIndex <= 0 ? null : colorable.get(colorIndex - 1);
		RenderMode mode = switch (Math.max(0, modeCombo.getSelectionIndex())) {
		case 1 -> RenderMode.POINTS;
		case 2 -> RenderMode.DENSITY;
		default -> RenderMode.AUTO;
		};
		status.setText("Drawing …");
		canvas.setSpec(new PlotSpec(dataset.table(), x, y, color, logX.getSelection() ? Scale.LOG10 : Scale.LINEAR,
				logY.getSelection() ? Scale.LOG10 : Scale.LINEAR, mode, levelColors(color)));
	}

	private void rendered() {
		RenderResult result = canvas.lastResult();
		PlotSpec spec = canvas.spec();
		if (result == null || spec == null || status.isDisposed()) {
			return;
		}
		StringBuilder text = new StringBuilder(String.format("%,d of %,d points in view", result.visible(),
				spec.table().rowCount()));
		text.append(result.mode() == RenderMode.DENSITY ? " · density" : "");
		if (result.na() > 0) {
			text.append(String.format(" · %,d NA not shown", result.na()));
		}
		if (result.notPlottable() > 0) {
			boolean log = spec.xScale() == Scale.LOG10 || spec.yScale() == Scale.LOG10;
			text.append(String.format(log ? " · %,d points not shown: zero or negative on a log axis"
					: " · %,d infinite values not shown", result.notPlottable()));
		}
		int highlighted = canvas.highlight().cardinality();
		if (highlighted > 0) {
			text.append(String.format(" · %,d selected", highlighted));
		}
		text.append(String.format(" · %d ms", canvas.lastRenderMillis()));
		status.setText(text.toString());
		status.setForeground(result.notPlottable() > 0 ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
	}

	// ---------------------------------------------------------------- selection

	private void selectedInPlot(BitSet rows, boolean add) {
		if (dataset == null) {
			return;
		}
		BitSet next = (BitSet) rows.clone();
		if (add) {
			next.or(canvas.highlight());
		}
		canvas.setHighlight(next);
		// A click (one row) makes that row the focus, the one the image viewers show.
		int focus = rows.cardinality() == 1 ? rows.nextSetBit(0) : -1;
		provider.setSelection(new DatasetSelection(new RowSelection(dataset.table(), next, this, focus)));
	}

	// ---------------------------------------------------------------- export

	private void export(String kind) {
		if (canvas.data() == null) {
			MessageDialog.openInformation(getSite().getShell(), "Export", "There is no plot to export yet.");
			return;
		}
		String name = canvas.spec().x().name() + "-" + canvas.spec().y().name() + "." + kind;
		ExportDialog.open(getSite().getShell(), name, kind, file -> exportTo(file, kind));
	}

	/**
	 * Writes the plot as shown.
	 *
	 * @param file the target file
	 * @param kind "png" or "svg"
	 * @throws IOException when the file cannot be written
	 */
	public void exportTo(Path file, String kind) throws IOException {
		if ("svg".equals(kind)) {
			String svg = canvas.svg();
			if (svg != null) {
				Files.writeString(file, svg, StandardCharsets.UTF_8);
			}
		} else {
			Files.write(file, canvas.png());
		}
	}

	// ---------------------------------------------------------------- for tests and other plug-ins

	/** @return how many point layers the view has shown so far */
	public int renders() {
		return canvas.renders();
	}

	/** @return the plot canvas */
	public Canvas canvas() {
		return canvas;
	}

	/**
	 * @param row a row of the plotted table
	 * @return where that row's point is drawn on the {@link #canvas()}, or null when it is not drawn
	 */
	public Point canvasPosition(int row) {
		return canvas.canvasPosition(row);
	}

	/** @return the dataset plotted, or null */
	public Dataset dataset() {
		return dataset;
	}

	/** @return the sentence shown in place of the plot, or null when a plot is shown */
	public String message() {
		return canvas.message();
	}

	/** @return what is plotted (columns, scales, mode), or null before the first plot */
	public PlotSpec plotted() {
		return canvas.spec();
	}

	/** @return the status line text */
	public String statusText() {
		return status.getText();
	}

	/**
	 * Chooses the plotted columns, as the combos do.
	 *
	 * @param x the x column name
	 * @param y the y column name
	 * @param color the colour column name, or null for none
	 */
	public void setColumns(String x, String y, String color) {
		select(xCombo, x, xCombo.getSelectionIndex());
		select(yCombo, y, yCombo.getSelectionIndex());
		select(colorCombo, color == null ? NO_COLOUR : color, 0);
		updatePlot();
	}

	/**
	 * Chooses the render mode, as the Mode combo does.
	 *
	 * @param mode automatic, points or density
	 */
	public void setMode(RenderMode mode) {
		modeCombo.select(mode.ordinal());
		updatePlot();
	}

	/** @param pinned whether the view keeps its table when another editor becomes active */
	public void setPinned(boolean pinned) {
		pin.setChecked(pinned);
		follower.setPinned(pinned);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == RowSelection.class) {
			return dataset == null ? null : adapter.cast(new RowSelection(dataset.table(), canvas.highlight(), this));
		}
		if (adapter == Dataset.class) {
			return adapter.cast(dataset);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		IEventBroker broker = getSite().getService(IEventBroker.class);
		if (broker != null) {
			broker.unsubscribe(resultHandler);
		}
		if (follower != null) {
			follower.dispose();
		}
		if (session != null) {
			session.removeAnnotationListener(labelsListener);
			session = null;
		}
		super.dispose();
	}
}
