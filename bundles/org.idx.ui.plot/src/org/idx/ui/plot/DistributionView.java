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
import java.util.Locale;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
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
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.part.ViewPart;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnType;
import org.idx.core.NumericColumn;
import org.idx.core.RowSelection;
import org.idx.plot.axis.TickLabels;
import org.idx.plot.stats.BarCounts;
import org.idx.plot.stats.Bins;
import org.idx.plot.stats.BoxStats;
import org.idx.plot.stats.Histogram;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.dataset.ShowColumn;
import org.idx.ui.selection.DatasetSelection;
import org.idx.ui.selection.DatasetSelectionProvider;
import org.idx.ui.views.DatasetFollower;
import org.idx.ui.views.ExportDialog;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * The distribution view: a histogram of a numeric column (bins adjustable, groups of a categorical
 * column overlaid or stacked), a bar chart of a categorical column, or a box plot of a numeric
 * column by group. It follows the active dataset editor (unless pinned); a click on a bin, bar or
 * box selects its rows everywhere (Shift adds, a horizontal drag takes a range), and rows selected
 * elsewhere are drawn as a red-orange overlay with their count. Counting runs in a job. A
 * {@link ShowColumn} event on the workbench's event broker (e.g. a click on a feature of a classifier's
 * importance plot) shows that column as a histogram, grouped by the requested or the label column.
 */
public final class DistributionView extends ViewPart {

	/** The view id. */
	public static final String ID = "org.idx.ui.plot.distribution";

	private static final String NO_GROUP = "(none)";
	private static final int DEFAULT_BINS = 40;

	private final DatasetSelectionProvider provider = new DatasetSelectionProvider();
	private DatasetFollower follower;
	private Job job;
	private volatile DistributionSpec requested;
	private volatile BitSet requestedHighlight = new BitSet();
	private volatile DistributionData last;

	private Combo kindCombo;
	private Combo valueCombo;
	private Combo groupCombo;
	private Spinner binsSpinner;
	private Button stacked;
	private DistributionCanvas canvas;
	private Label status;
	private IAction pin;

	private Dataset dataset;
	private final List<Column> columns = new ArrayList<>();
	private final List<CategoricalColumn> groups = new ArrayList<>();
	private BitSet highlight = new BitSet();
	private int renders;
	private final EventHandler showColumnHandler = this::showColumn;
	/** A {@link ShowColumn} that arrived before its table was shown here. */
	private ShowColumn pendingShow;

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
		kindCombo = combo(bar, "Kind");
		for (DistributionKind kind : DistributionKind.values()) {
			kindCombo.add(kind.label());
		}
		kindCombo.select(0);
		kindCombo.addListener(SWT.Selection, event -> kindChanged());
		valueCombo = combo(bar, "Value");
		groupCombo = combo(bar, "Group by");
		new Label(bar, SWT.NONE).setText("Bins");
		binsSpinner = new Spinner(bar, SWT.BORDER);
		binsSpinner.setValues(DEFAULT_BINS, 1, 1000, 0, 1, 10);
		binsSpinner.addListener(SWT.Selection, event -> updatePlot());
		stacked = new Button(bar, SWT.CHECK);
		stacked.setText("stacked");
		stacked.setToolTipText("Stack the groups' bars instead of overlaying them");
		stacked.addListener(SWT.Selection, event -> updatePlot());

		canvas = new DistributionCanvas(parent);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		canvas.onPick(this::picked);
		canvas.describeWith(this::describe);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));

		job = Job.create("Counting the distribution", monitor -> {
			DistributionSpec spec = requested;
			BitSet rows = requestedHighlight;
			if (spec == null) {
				return Status.OK_STATUS;
			}
			DistributionData data = DistributionData.compute(spec, rows, last);
			if (!monitor.isCanceled() && !canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(() -> install(data));
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);

		getSite().setSelectionProvider(provider);
		follower = new DatasetFollower(this, getSite().getPage(), this::showDataset, event -> columnsChanged(),
				rows -> setHighlight(rows.rows()));
		createActions();
		pin.setChecked(follower.isPinned());
		IEventBroker broker = getSite().getService(IEventBroker.class);
		if (broker != null) {
			broker.subscribe(ShowColumn.TOPIC, showColumnHandler);
		}
	}

	private void showColumn(Event event) {
		if (event.getProperty(IEventBroker.DATA) instanceof ShowColumn request && canvas != null && !canvas.isDisposed()) {
			if (dataset != null && request.table() == dataset.table()) {
				show(request);
			} else if (!follower.isPinned()) {
				pendingShow = request; // the view may not have picked up the table yet
			}
		}
	}

	/** Draws the requested column as a histogram, grouped by the requested column or else the label column. */
	private void show(ShowColumn request) {
		pendingShow = null;
		if (dataset.table().findColumn(request.column()).isEmpty()) {
			return;
		}
		String group = request.group();
		if (group == null || !(dataset.table().findColumn(group).orElse(null) instanceof CategoricalColumn)) {
			group = dataset.table().roles().column(ColumnRole.LABEL)
					.filter(name -> dataset.table().findColumn(name).orElse(null) instanceof CategoricalColumn).orElse(null);
		}
		choose(DistributionKind.HISTOGRAM.label(), request.column(), group, binsSpinner.getSelection(), false);
	}

	private Combo combo(Composite bar, String label) {
		new Label(bar, SWT.NONE).setText(label);
		Combo combo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.setVisibleItemCount(20);
		combo.addListener(SWT.Selection, event -> updatePlot());
		return combo;
	}

	private void createActions() {
		pin = follower.createPinAction("this chart");
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
		toolbar.add(pin);
		toolbar.add(new Separator());
		toolbar.add(png);
		toolbar.add(svg);
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		menu.add(png);
		menu.add(svg);
	}

	private DistributionKind kind() {
		return DistributionKind.values()[Math.max(0, kindCombo.getSelectionIndex())];
	}

	// ---------------------------------------------------------------- following the editor

	private void showDataset(Dataset next) {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		dataset = next;
		highlight = new BitSet();
		last = null;
		if (dataset != null) {
			setTitleToolTip(dataset.name());
		}
		fillCombos(true);
		updatePlot();
		if (pendingShow != null && dataset != null && pendingShow.table() == dataset.table()) {
			show(pendingShow);
		}
	}

	private void columnsChanged() {
		if (!canvas.isDisposed()) {
			fillCombos(false);
			updatePlot();
		}
	}

	private void kindChanged() {
		fillCombos(false);
		updatePlot();
	}

	private void fillCombos(boolean defaults) {
		String value = defaults ? null : selected(valueCombo);
		String group = defaults ? null : selected(groupCombo);
		columns.clear();
		groups.clear();
		int defaultValue = 0;
		int defaultGroup = 0;
		DistributionKind kind = kind();
		if (dataset != null) {
			String roleGroup = dataset.table().roles().column(ColumnRole.GROUP).orElse(null);
			for (Column column : dataset.table().columns()) {
				columns.add(column);
				if (column instanceof CategoricalColumn categorical) {
					groups.add(categorical);
					if (column.name().equals(roleGroup)) {
						defaultGroup = groups.size();
					}
				}
			}
			// The first column that suits the kind: numeric for histogram and box plot, categorical for bars.
			for (int i = 0; i < columns.size(); i++) {
				Column c = columns.get(i);
				boolean suits = kind == DistributionKind.BAR ? c.type() == ColumnType.CATEGORICAL
						: c.type() == ColumnType.NUMERIC && !dataset.table().roles().asMap().containsValue(c.name())
								&& !c.name().matches("(?i).*(^|_)(x|y|id|row|col)$");
				if (suits) {
					defaultValue = i;
					break;
				}
			}
			if (kind == DistributionKind.BAR && roleGroup != null) {
				defaultValue = Math.max(0, columns.indexOf(dataset.table().column(roleGroup)));
			}
		}
		valueCombo.setItems(columns.stream().map(Column::name).toArray(String[]::new));
		String[] groupNames = new String[groups.size() + 1];
		groupNames[0] = NO_GROUP;
		for (int i = 0; i < groups.size(); i++) {
			groupNames[i + 1] = groups.get(i).name();
		}
		groupCombo.setItems(groupNames);
		Column current = value == null ? null : dataset.table().findColumn(value).orElse(null);
		boolean keep = current != null && (kind == DistributionKind.BAR) == (current.type() == ColumnType.CATEGORICAL);
		select(valueCombo, keep ? value : null, defaultValue);
		select(groupCombo, group, kind == DistributionKind.BOX ? defaultGroup : 0);
		boolean histogram = kind == DistributionKind.HISTOGRAM;
		binsSpinner.setEnabled(histogram);
		stacked.setEnabled(histogram);
		groupCombo.setEnabled(kind != DistributionKind.BAR);
		valueCombo.getParent().layout(true);
		valueCombo.getParent().getParent().layout(true);
	}

	// ---------------------------------------------------------------- counting

	private void updatePlot() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		if (dataset == null) {
			requested = null;
			canvas.setMessage(follower == null || follower.editor() == null ? "Open a table to see its distributions."
					: "Waiting for the table to be read …");
			status.setText("");
			return;
		}
		if (columns.isEmpty()) {
			requested = null;
			canvas.setMessage("The table has no columns.");
			return;
		}
		DistributionKind kind = kind();
		Column value = columns.get(Math.max(0, valueCombo.getSelectionIndex()));
		String problem = problem(kind, value);
		if (problem != null) {
			requested = null;
			canvas.setMessage(problem);
			status.setText("");
			return;
		}
		int groupIndex = groupCombo.getSelectionIndex();
		CategoricalColumn group = kind == DistributionKind.BAR || groupIndex <= 0 ? null : groups.get(groupIndex - 1);
		requested = new DistributionSpec(dataset.table(), kind, value, group, binsSpinner.getSelection(),
				stacked.getSelection());
		requestedHighlight = (BitSet) highlight.clone();
		status.setText("Counting …");
		job.cancel();
		job.schedule();
	}

	/** @return the sentence shown in place of a chart that cannot be drawn of this column, or null */
	private static String problem(DistributionKind kind, Column value) {
		if (kind == DistributionKind.BAR) {
			if (value.type() == ColumnType.CATEGORICAL) {
				return null;
			}
			return "Column " + value.name() + " is " + (value.type() == ColumnType.TEXT ? "free text" : "numeric")
					+ ": a bar chart counts the levels of a categorical column. Choose one"
					+ (value.type() == ColumnType.NUMERIC ? ", or draw a histogram." : ".");
		}
		if (value.type() != ColumnType.NUMERIC) {
			return "Column " + value.name() + " holds " + (value.type() == ColumnType.TEXT ? "text" : "categories")
					+ ": a " + kind.label() + " needs numbers. Choose a numeric column"
					+ (value.type() == ColumnType.CATEGORICAL ? ", or draw a bar chart of this one." : ".");
		}
		if (value.naCount() >= value.size()) {
			return "No values to count in column " + value.name() + ": every value is NA.";
		}
		return null;
	}

	private void install(DistributionData data) {
		if (canvas.isDisposed() || data.spec() != requested) {
			return;
		}
		last = data;
		canvas.setData(data);
		renders++;
		StringBuilder text = new StringBuilder();
		switch (data.spec().kind()) {
		case HISTOGRAM -> {
			Histogram h = data.histogram();
			long counted = 0;
			for (int b = 0; b < h.bins().count(); b++) {
				counted += h.total(b);
			}
			text.append(String.format(Locale.ROOT, "%,d values in %d bins of width %s", counted, h.bins().count(),
					TickLabels.significant(h.bins().width(), 4)));
			if (h.na() > 0) {
				text.append(String.format(Locale.ROOT, " · %,d NA", h.na()));
			}
			if (h.naGroup() > 0) {
				text.append(String.format(Locale.ROOT, " · %,d without a group", h.naGroup()));
			}
		}
		case BAR -> {
			text.append(String.format(Locale.ROOT, "%d levels", data.bars().levelCount()));
			if (data.bars().na() > 0) {
				text.append(String.format(Locale.ROOT, " · %,d NA", data.bars().na()));
			}
		}
		case BOX -> {
			long n = 0;
			long outliers = 0;
			for (BoxStats box : data.boxes()) {
				n += box.n();
				outliers += box.outlierRows().length;
			}
			text.append(String.format(Locale.ROOT, "%,d values in %d groups · %,d outliers", n, data.boxes().length,
					outliers));
		}
		}
		if (!data.highlight().isEmpty()) {
			text.append(String.format(Locale.ROOT, " · %,d selected", data.highlight().cardinality()));
		}
		text.append(String.format(Locale.ROOT, " · %d ms", data.millis()));
		status.setText(text.toString());
	}

	private String describe(int slot) {
		DistributionData data = canvas.data();
		if (data == null) {
			return null;
		}
		return switch (data.spec().kind()) {
		case HISTOGRAM -> {
			Histogram h = data.histogram();
			Bins bins = h.bins();
			String text = String.format(Locale.ROOT, "[%s, %s%s: %,d", TickLabels.significant(bins.lower(slot), 4),
					TickLabels.significant(bins.lower(slot + 1), 4), slot == bins.count() - 1 ? "]" : ")", h.total(slot));
			if (data.selectedHistogram() != null) {
				text += String.format(Locale.ROOT, " (%,d selected)", data.selectedHistogram().count(0, slot));
			}
			yield text;
		}
		case BAR -> {
			String text = String.format(Locale.ROOT, "%s: %,d", data.levels().get(slot), data.bars().count(slot));
			if (data.selectedBars() != null) {
				text += String.format(Locale.ROOT, " (%,d selected)", data.selectedBars().count(slot));
			}
			yield text;
		}
		case BOX -> {
			BoxStats box = data.boxes()[slot];
			String name = data.levels().get(slot).isEmpty() ? "all rows" : data.levels().get(slot);
			String text = box.n() == 0 ? name + ": no values"
					: String.format(Locale.ROOT, "%s: n = %,d · median %s · IQR [%s, %s] · %,d outliers", name, box.n(),
							TickLabels.significant(box.median(), 4), TickLabels.significant(box.q1(), 4), TickLabels.significant(box.q3(), 4),
							box.outlierRows().length);
			if (data.selectedBoxes() != null) {
				text += String.format(Locale.ROOT, " (%,d selected)", data.selectedBoxes()[slot].n());
			}
			yield text;
		}
		};
	}

	// ---------------------------------------------------------------- selection

	private void picked(int from, int to, boolean add) {
		DistributionData data = canvas.data();
		if (data == null || dataset == null) {
			return;
		}
		BitSet rows;
		if (from < 0) {
			rows = new BitSet();
		} else {
			rows = switch (data.spec().kind()) {
			case HISTOGRAM -> Histogram.rowsIn(data.values(), data.histogram().bins(), from, to, data.codes(), -1);
			case BAR -> BarCounts.rowsWith(data.codes(), range(from, to), null);
			case BOX -> data.codes() == null ? nonNaN(data.values())
					: BarCounts.rowsWith(data.codes(), range(from, to), data.values());
			};
		}
		if (add) {
			rows.or(highlight);
		}
		setHighlight(rows);
		provider.setSelection(new DatasetSelection(new RowSelection(dataset.table(), rows, this)));
	}

	private static BitSet range(int from, int to) {
		BitSet set = new BitSet();
		set.set(from, to + 1);
		return set;
	}

	private static BitSet nonNaN(double[] values) {
		BitSet rows = new BitSet(values.length);
		for (int i = 0; i < values.length; i++) {
			if (!Double.isNaN(values[i])) {
				rows.set(i);
			}
		}
		return rows;
	}

	private void setHighlight(BitSet rows) {
		highlight = rows == null ? new BitSet() : rows;
		if (requested != null) {
			requestedHighlight = (BitSet) highlight.clone();
			job.cancel();
			job.schedule();
		}
	}

	// ---------------------------------------------------------------- export

	private void export(String kind) {
		if (canvas.data() == null) {
			MessageDialog.openInformation(getSite().getShell(), "Export", "There is no chart to export yet.");
			return;
		}
		String name = canvas.data().spec().value().name() + "-" + kind().name().toLowerCase(Locale.ROOT)
				+ "." + kind;
		ExportDialog.open(getSite().getShell(), name, kind, file -> exportTo(file, kind));
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
			Files.writeString(file, canvas.svg(), StandardCharsets.UTF_8);
		} else {
			Files.write(file, canvas.png());
		}
	}

	// ---------------------------------------------------------------- for tests and other plug-ins

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
		return canvas;
	}

	/** @return the name of the column the chart shows, or null before one is drawn */
	public String valueColumn() {
		DistributionData data = canvas.data();
		return data == null ? null : data.spec().value().name();
	}

	/** @return the name of the column the chart groups by, or null when it is not grouped or not drawn */
	public String groupColumn() {
		DistributionData data = canvas.data();
		return data == null || data.spec().group() == null ? null : data.spec().group().name();
	}

	/** @return the sentence shown in place of the chart, or null when a chart is shown */
	public String message() {
		return canvas.message();
	}

	/** @return the status line */
	public String statusText() {
		return status.getText();
	}

	/**
	 * @param slot a bin, level or group
	 * @return where its bar or box is drawn on the {@link #canvas()}, or null
	 */
	public Point slotCentre(int slot) {
		return canvas.slotCentre(slot);
	}

	/**
	 * @param slot a bin (histogram), level (bar chart) or group (box plot)
	 * @return the rows selected elsewhere counted in it, as the overlay draws them (0 without a selection)
	 */
	public long highlightedCount(int slot) {
		DistributionData data = canvas.data();
		if (data == null || data.highlight().isEmpty()) {
			return 0;
		}
		return switch (data.spec().kind()) {
		case HISTOGRAM -> data.selectedHistogram().count(0, slot);
		case BAR -> data.selectedBars().count(slot);
		case BOX -> data.selectedBoxes()[slot].n();
		};
	}

	/**
	 * @param slot a bin, level or group
	 * @return the tool tip hovering over it shows
	 */
	public String tooltip(int slot) {
		return describe(slot);
	}

	/**
	 * Chooses what is drawn, as the combos do.
	 *
	 * @param kind "histogram", "bar chart" or "box plot"
	 * @param value the value column
	 * @param group the grouping column, or null for none
	 * @param bins the number of histogram bins
	 * @param stack whether groups of a histogram are stacked
	 */
	public void choose(String kind, String value, String group, int bins, boolean stack) {
		select(kindCombo, kind, kindCombo.getSelectionIndex());
		fillCombos(false);
		select(valueCombo, value, valueCombo.getSelectionIndex());
		select(groupCombo, group == null ? NO_GROUP : group, 0);
		binsSpinner.setSelection(bins);
		stacked.setSelection(stack);
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
			return dataset == null ? null : adapter.cast(new RowSelection(dataset.table(), highlight, this));
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
		if (job != null) {
			job.cancel();
		}
		IEventBroker broker = getSite().getService(IEventBroker.class);
		if (broker != null) {
			broker.unsubscribe(showColumnHandler);
		}
		if (follower != null) {
			follower.dispose();
		}
		super.dispose();
	}
}
