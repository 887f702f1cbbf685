// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import static org.idx.ui.views.ComboChoice.select;
import static org.idx.ui.views.ComboChoice.selected;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnType;
import org.idx.plot.axis.TickLabels;
import org.idx.plot.stats.BarCounts;
import org.idx.plot.stats.Bins;
import org.idx.plot.stats.BoxStats;
import org.idx.plot.stats.Histogram;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.dataset.ShowColumn;
import org.idx.ui.views.ChartCanvas;
import org.idx.ui.views.ChartView;
import org.idx.ui.views.DatasetFollower;
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
public final class DistributionView extends ChartView {

	/** The view id. */
	public static final String ID = "org.idx.ui.plot.distribution";

	private static final String NO_GROUP = "(none)";
	private static final int DEFAULT_BINS = 40;

	private final Job job = Job.create("Counting the distribution", this::count);
	private volatile DistributionSpec requested;
	private volatile BitSet requestedHighlight = new BitSet();
	private volatile DistributionData last;

	private Combo kindCombo;
	private Combo valueCombo;
	private Combo groupCombo;
	private Spinner binsSpinner;
	private Button stacked;
	private DistributionCanvas canvas;

	private final List<Column> columns = new ArrayList<>();
	private final List<CategoricalColumn> groups = new ArrayList<>();
	private final EventHandler showColumnHandler = this::showColumn;
	/** A {@link ShowColumn} that arrived before its table was shown here. */
	private ShowColumn pendingShow;

	/** Creates the view (the workbench does, from its extension). */
	public DistributionView() {
		super("chart");
		job.setSystem(true);
	}

	private IStatus count(IProgressMonitor monitor) {
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
	}

	@Override
	protected void createChoices(Composite bar) {
		kindCombo = choice(bar, "Kind", this::kindChanged);
		for (DistributionKind kind : DistributionKind.values()) {
			kindCombo.add(kind.label());
		}
		kindCombo.select(0);
		valueCombo = choice(bar, "Value", this::updatePlot);
		groupCombo = choice(bar, "Group by", this::updatePlot);
		new Label(bar, SWT.NONE).setText("Bins");
		binsSpinner = new Spinner(bar, SWT.BORDER);
		binsSpinner.setValues(DEFAULT_BINS, 1, 1000, 0, 1, 10);
		binsSpinner.addListener(SWT.Selection, event -> updatePlot());
		stacked = new Button(bar, SWT.CHECK);
		stacked.setText("stacked");
		stacked.setToolTipText("Stack the groups' bars instead of overlaying them");
		stacked.addListener(SWT.Selection, event -> updatePlot());
	}

	@Override
	protected ChartCanvas<?> createChart(Composite parent) {
		canvas = new DistributionCanvas(parent);
		canvas.onPick(this::picked);
		canvas.describeWith(this::describe);
		return canvas;
	}

	@Override
	protected void following(DatasetFollower follower) {
		IEventBroker broker = getSite().getService(IEventBroker.class);
		if (broker != null) {
			broker.subscribe(ShowColumn.TOPIC, showColumnHandler);
		}
	}

	private void showColumn(Event event) {
		if (event.getProperty(IEventBroker.DATA) instanceof ShowColumn request && canvas != null && !canvas.isDisposed()) {
			if (dataset() != null && request.table() == dataset().table()) {
				show(request);
			} else if (!isPinned()) {
				pendingShow = request; // the view may not have picked up the table yet
			}
		}
	}

	/** Draws the requested column as a histogram, grouped by the requested column or else the label column. */
	private void show(ShowColumn request) {
		pendingShow = null;
		if (dataset().table().findColumn(request.column()).isEmpty()) {
			return;
		}
		String group = request.group();
		if (group == null || !(dataset().table().findColumn(group).orElse(null) instanceof CategoricalColumn)) {
			group = dataset().table().roles().column(ColumnRole.LABEL)
					.filter(name -> dataset().table().findColumn(name).orElse(null) instanceof CategoricalColumn).orElse(null);
		}
		choose(DistributionKind.HISTOGRAM.label(), request.column(), group, binsSpinner.getSelection(), false);
	}

	private DistributionKind kind() {
		return DistributionKind.values()[Math.max(0, kindCombo.getSelectionIndex())];
	}

	// ---------------------------------------------------------------- following the editor

	@Override
	protected void datasetChanged(Dataset next) {
		last = null;
		fillCombos(true);
		updatePlot();
		if (pendingShow != null && next != null && pendingShow.table() == next.table()) {
			show(pendingShow);
		}
	}

	@Override
	protected void columnsChanged() {
		fillCombos(false);
		updatePlot();
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
		if (dataset() != null) {
			String roleGroup = dataset().table().roles().column(ColumnRole.GROUP).orElse(null);
			for (Column column : dataset().table().columns()) {
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
						: c.type() == ColumnType.NUMERIC && !dataset().table().roles().asMap().containsValue(c.name())
								&& !c.name().matches("(?i).*(^|_)(x|y|id|row|col)$");
				if (suits) {
					defaultValue = i;
					break;
				}
			}
			if (kind == DistributionKind.BAR && roleGroup != null) {
				defaultValue = Math.max(0, columns.indexOf(dataset().table().column(roleGroup)));
			}
		}
		valueCombo.setItems(columns.stream().map(Column::name).toArray(String[]::new));
		String[] groupNames = new String[groups.size() + 1];
		groupNames[0] = NO_GROUP;
		for (int i = 0; i < groups.size(); i++) {
			groupNames[i + 1] = groups.get(i).name();
		}
		groupCombo.setItems(groupNames);
		Column current = value == null ? null : dataset().table().findColumn(value).orElse(null);
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
		if (dataset() == null) {
			requested = null;
			canvas.setMessage(noTableMessage("distributions"));
			setStatus("");
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
			setStatus("");
			return;
		}
		int groupIndex = groupCombo.getSelectionIndex();
		CategoricalColumn group = kind == DistributionKind.BAR || groupIndex <= 0 ? null : groups.get(groupIndex - 1);
		requested = new DistributionSpec(dataset().table(), kind, value, group, binsSpinner.getSelection(),
				stacked.getSelection());
		requestedHighlight = (BitSet) highlight().clone();
		setStatus("Counting …");
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
		canvas.setChart(data);
		rendered();
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
		setStatus(text.toString());
	}

	private String describe(int slot) {
		DistributionData data = canvas.chart();
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
		DistributionData data = canvas.chart();
		if (data == null || dataset() == null) {
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
			rows.or(highlight());
		}
		selectRows(rows);
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

	@Override
	protected void highlightChanged() {
		if (requested != null) {
			requestedHighlight = (BitSet) highlight().clone();
			job.cancel();
			job.schedule();
		}
	}

	// ---------------------------------------------------------------- export

	@Override
	protected String exportName() {
		return canvas.chart().spec().value().name() + "-" + kind().name().toLowerCase(Locale.ROOT);
	}

	// ---------------------------------------------------------------- for tests and other plug-ins

	/** @return the name of the column the chart shows, or null before one is drawn */
	public String valueColumn() {
		DistributionData data = canvas.chart();
		return data == null ? null : data.spec().value().name();
	}

	/** @return the name of the column the chart groups by, or null when it is not grouped or not drawn */
	public String groupColumn() {
		DistributionData data = canvas.chart();
		return data == null || data.spec().group() == null ? null : data.spec().group().name();
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
		DistributionData data = canvas.chart();
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

	@Override
	public void dispose() {
		job.cancel();
		IEventBroker broker = getSite().getService(IEventBroker.class);
		if (broker != null) {
			broker.unsubscribe(showColumnHandler);
		}
		super.dispose();
	}
}
