// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import static org.idx.ui.views.ComboChoice.select;
import static org.idx.ui.views.ComboChoice.selected;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnType;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.plot.axis.TickLabels;
import org.idx.plot.plate.PlateFormat;
import org.idx.plot.plate.PlateLayout;
import org.idx.plot.plate.WellPosition;
import org.idx.plot.plate.WellStats;
import org.idx.images.zarr.RowImageKeys;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.views.ChartCanvas;
import org.idx.ui.views.ChartView;
import org.idx.ui.views.DatasetFollower;

/**
 * The plate map: one plate of the active table as a grid of wells, each coloured by a statistic
 * (count, mean, median, sd) of a numeric column over the well's rows. The wells come from the
 * column with the well role (or a well row / well column pair), the plates from the column with
 * the plate role. Clicking a well selects its rows everywhere (Shift adds, a drag takes the wells
 * under a rectangle); wells holding rows selected elsewhere are outlined with their count. Well
 * names that do not parse are reported above the map, the rest is drawn.
 */
public final class PlateMapView extends ChartView {

	/** The view id. */
	public static final String ID = "org.idx.ui.plate.map";

	private static final String ROW_COUNT = "(rows per well)";
	private static final String[] FORMATS = { "auto", "96", "384", "1536" };
	private static final WellStats.Statistic[] STATISTICS = { WellStats.Statistic.MEAN, WellStats.Statistic.MEDIAN,
			WellStats.Statistic.SD, WellStats.Statistic.COUNT };

	private final Job job = Job.create("Computing the plate map", this::compute);
	private volatile PlateSpec requested;

	private Combo wellCombo;
	private Combo plateCombo;
	private Combo valueCombo;
	private Combo statisticCombo;
	private Combo formatCombo;
	private Label notice;
	private PlateMapCanvas canvas;

	private final List<WellSource> sources = new ArrayList<>();
	private final List<NumericColumn> numeric = new ArrayList<>();
	private PlateData data;
	/** Plate metadata read for the dataset's table, roles and image root; cleared when the root changes. */
	private final AtomicReference<RowImageKeys> plateKeys = new AtomicReference<>();
	private int[] selectedPerWell;

	/** Creates the view (the workbench does, from its extension). */
	public PlateMapView() {
		super("plate map");
		job.setSystem(true);
	}

	private IStatus compute(IProgressMonitor monitor) {
		PlateSpec spec = requested;
		if (spec == null) {
			return Status.OK_STATUS;
		}
		try {
			PlateData computed = PlateData.compute(spec, plateKeys);
			if (!monitor.isCanceled() && spec == requested && !canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(() -> install(computed));
			}
		} catch (IllegalArgumentException e) {
			if (!canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(() -> {
					if (spec == requested && !canvas.isDisposed()) {
						canvas.setMessage(e.getMessage());
					}
				});
			}
		}
		return Status.OK_STATUS;
	}

	@Override
	protected void createChoices(Composite bar) {
		wellCombo = choice(bar, "Wells", this::updatePlot);
		plateCombo = choice(bar, "Plate", this::showPicture);
		valueCombo = choice(bar, "Value", this::updatePlot);
		statisticCombo = choice(bar, "Show", this::showPicture);
		for (WellStats.Statistic statistic : STATISTICS) {
			statisticCombo.add(statistic.name().toLowerCase(Locale.ROOT));
		}
		statisticCombo.select(0);
		formatCombo = choice(bar, "Format", this::updatePlot);
		formatCombo.setItems(FORMATS);
		formatCombo.select(0);
	}

	@Override
	protected ChartCanvas<?> createChart(Composite parent) {
		notice = new Label(parent, SWT.WRAP);
		notice.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridData noticeData = new GridData(SWT.FILL, SWT.TOP, true, false);
		noticeData.exclude = true;
		notice.setLayoutData(noticeData);
		notice.setVisible(false);

		canvas = new PlateMapCanvas(parent);
		canvas.onSelect(this::wellsSelected);
		canvas.describeWith(this::describe);
		return canvas;
	}

	@Override
	protected void following(DatasetFollower follower) {
		follower.onImagesChanged(this::imagesChanged);
	}

	@Override
	protected String exportName() {
		return "plate-map";
	}

	// ---------------------------------------------------------------- following the editor

	@Override
	protected void datasetChanged(Dataset next) {
		plateKeys.set(null);
		data = null;
		fillCombos(true);
		updatePlot();
	}

	@Override
	protected void columnsChanged() {
		fillCombos(false);
		updatePlot();
	}

	private void fillCombos(boolean defaults) {
		String well = defaults ? null : selected(wellCombo);
		String value = defaults ? null : selected(valueCombo);
		sources.clear();
		numeric.clear();
		int defaultSource = -1;
		int defaultValue = 0;
		if (dataset() != null) {
			DataTable table = dataset().table();
			Optional<String> role = table.roles().column(ColumnRole.WELL);
			for (Column column : table.columns()) {
				if (column.type() != ColumnType.NUMERIC) {
					sources.add(new WellSource.Names(column));
					if (role.isPresent() && role.get().equals(column.name())
							|| defaultSource < 0 && column.name().equalsIgnoreCase("well")) {
						defaultSource = sources.size() - 1;
					}
				}
				if (column instanceof NumericColumn n) {
					numeric.add(n);
				}
			}
			Optional<WellSource> pair = pair(table);
			if (pair.isPresent()) {
				sources.add(pair.get());
				if (defaultSource < 0) {
					defaultSource = sources.size() - 1;
				}
			}
			if (defaultSource < 0) {
				defaultSource = 0;
			}
			// A sensible first value: the first numeric feature that is not a position or an identifier.
			for (int i = 0; i < numeric.size(); i++) {
				String name = numeric.get(i).name().toLowerCase(Locale.ROOT);
				if (!name.matches(".*(^|_)(x|y|z|t|id|row|col|column|object_id|well_row|well_col)$")
						&& !table.roles().asMap().containsValue(numeric.get(i).name())) {
					defaultValue = i + 1;
					break;
				}
			}
		}
		wellCombo.setItems(sources.stream().map(WellSource::label).toArray(String[]::new));
		String[] values = new String[numeric.size() + 1];
		values[0] = ROW_COUNT;
		for (int i = 0; i < numeric.size(); i++) {
			values[i + 1] = numeric.get(i).name();
		}
		valueCombo.setItems(values);
		select(wellCombo, well, defaultSource);
		select(valueCombo, value, defaultValue);
		wellCombo.getParent().layout(true);
		wellCombo.getParent().getParent().layout(true);
	}

	/** A well row and a well column, when the table has columns named so. */
	private static Optional<WellSource> pair(DataTable table) {
		Column rows = null;
		Column columns = null;
		for (Column column : table.columns()) {
			String name = column.name().toLowerCase(Locale.ROOT).replace(" ", "_");
			if (name.matches("(metadata_)?(well_?)?row")) {
				rows = column;
			} else if (name.matches("(metadata_)?(well_?)?col(umn)?")) {
				columns = column;
			}
		}
		return rows != null && columns != null ? Optional.of(new WellSource.Pair(rows, columns)) : Optional.empty();
	}

	private static Column plateColumn(DataTable table) {
		Optional<String> role = table.roles().column(ColumnRole.PLATE);
		if (role.isPresent()) {
			return table.findColumn(role.get()).orElse(null);
		}
		return table.columns().stream().filter(c -> c.name().equalsIgnoreCase("plate")).findFirst().orElse(null);
	}

	// ---------------------------------------------------------------- computing

	private void updatePlot() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		showNotice(null);
		if (dataset() == null) {
			requested = null;
			canvas.setMessage(noTableMessage("plate map"));
			setStatus("");
			return;
		}
		if (sources.isEmpty()) {
			requested = null;
			canvas.setMessage("The table has no well column: give a column the well role, or name it well "
					+ "(or well_row and well_col).");
			setStatus("");
			return;
		}
		int valueIndex = valueCombo.getSelectionIndex();
		NumericColumn value = valueIndex <= 0 ? null : numeric.get(valueIndex - 1);
		PlateFormat format = switch (Math.max(0, formatCombo.getSelectionIndex())) {
		case 1 -> PlateFormat.WELLS_96;
		case 2 -> PlateFormat.WELLS_384;
		case 3 -> PlateFormat.WELLS_1536;
		default -> null;
		};
		PlateSpec spec = new PlateSpec(dataset().table(), sources.get(Math.max(0, wellCombo.getSelectionIndex())),
				plateColumn(dataset().table()), value, statistic(), format, dataset().images());
		requested = spec;
		setStatus("Computing …");
		job.cancel();
		job.schedule();
	}

	private WellStats.Statistic statistic() {
		if (valueCombo.getSelectionIndex() <= 0) {
			return WellStats.Statistic.COUNT;
		}
		return STATISTICS[Math.max(0, statisticCombo.getSelectionIndex())];
	}

	private void install(PlateData computed) {
		if (canvas.isDisposed() || computed.spec() != requested) {
			return;
		}
		String plate = selected(plateCombo);
		data = computed;
		plateCombo.setItems(computed.plateNames().toArray(String[]::new));
		select(plateCombo, plate, 0);
		plateCombo.setEnabled(computed.plateNames().size() > 1);
		plateCombo.getParent().layout(true);
		PlateLayout layout = computed.layout();
		if (layout.unparsedRows() > 0) {
			int first = layout.firstUnparsedRow();
			String sentence = String.format(Locale.ROOT,
					"%,d rows have a well that does not parse (column %s), e.g. '%s' in row %,d: they are not on the map.",
					layout.unparsedRows(), computed.spec().wells().label(), computed.spec().wells().text(first),
					first + 1);
			if (layout.unparsedRows() == layout.rowCount()) {
				canvas.setMessage(sentence.replace(": they are not on the map.",
						". Choose the column of well names (like B07) above."));
				setStatus("");
				return;
			}
			showNotice(sentence + " Well names look like B07, b7 or B-07.");
		}
		showPicture();
	}

	private int plate() {
		return Math.max(0, plateCombo.getSelectionIndex());
	}

	private void showPicture() {
		if (data == null || canvas.isDisposed()) {
			return;
		}
		WellStats.Statistic statistic = statistic();
		PlateFormat format = data.layout().format();
		int plate = plate();
		double[] values = data.aggregate().values(plate, statistic);
		int[] counts = new int[format.wells()];
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int w = 0; w < counts.length; w++) {
			counts[w] = data.aggregate().get(plate, w).count();
			if (counts[w] > 0 && Double.isFinite(values[w])) {
				min = Math.min(min, values[w]);
				max = Math.max(max, values[w]);
			}
		}
		selectedPerWell = highlight().isEmpty() ? null
				: data.layout().countPerWell(data.plateCodes(), plate, highlight());
		NumericColumn value = data.spec().value();
		String title = value == null ? "rows per well"
				: statistic.name().toLowerCase(Locale.ROOT) + " " + value.name();
		PlateGrid grid = data.grids().get(Math.min(plate, data.grids().size() - 1));
		canvas.setChart(new PlateMapPainter.Picture(grid, values, counts, selectedPerWell, title, min, max));
		rendered();
		int used = 0;
		long rows = 0;
		for (int count : counts) {
			used += count > 0 ? 1 : 0;
			rows += count;
		}
		String plateName = data.plateNames().size() > 1 ? "plate " + data.plateNames().get(plate) + " · " : "";
		String layout = grid.plateName() == null ? format.wells() + "-well plate"
				: String.format(Locale.ROOT, "OME-Zarr plate '%s' · %d x %d, %d wells (from plate metadata)", grid.plateName(),
						grid.rows(), grid.columns(), grid.present().cardinality());
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s%s · %d wells with rows · %,d %s",
				plateName, layout, used, rows, value == null ? "rows" : "values"));
		if (selectedPerWell != null) {
			text.append(String.format(Locale.ROOT, " · %,d selected rows on this plate",
					java.util.Arrays.stream(selectedPerWell).sum()));
		}
		setStatus(text.toString());
	}

	private void showNotice(String text) {
		boolean show = text != null;
		notice.setText(show ? text : "");
		notice.setVisible(show);
		((GridData) notice.getLayoutData()).exclude = !show;
		notice.getParent().layout(true);
	}

	private String describe(int well) {
		if (data == null) {
			return null;
		}
		PlateFormat format = data.layout().format();
		WellStats stats = data.aggregate().get(plate(), well);
		NumericColumn value = data.spec().value();
		PlateGrid grid = data.grids().get(Math.min(plate(), data.grids().size() - 1));
		StringBuilder text = new StringBuilder(grid.present() != null ? grid.name(well) : format.name(well));
		text.append(String.format(Locale.ROOT, " · n = %,d", stats.count()));
		if (value != null && stats.count() > 0) {
			WellStats.Statistic statistic = statistic();
			text.append(String.format(Locale.ROOT, " · %s %s = %s", statistic.name().toLowerCase(Locale.ROOT),
					value.name(), TickLabels.significant(stats.get(statistic), 4)));
		}
		if (selectedPerWell != null && selectedPerWell[well] > 0) {
			text.append(String.format(Locale.ROOT, " · %,d selected", selectedPerWell[well]));
		}
		return text.toString();
	}

	// ---------------------------------------------------------------- selection

	private void wellsSelected(BitSet wells, boolean add) {
		if (data == null || dataset() == null) {
			return;
		}
		BitSet rows = data.layout().rowsOf(data.plateCodes(), plate(), wells);
		if (add) {
			rows.or(highlight());
		}
		selectRows(rows);
	}

	@Override
	protected void highlightChanged() {
		showPicture();
	}

	// ---------------------------------------------------------------- for tests and other plug-ins

	/**
	 * @param wellName a well name, e.g. {@code B07}
	 * @return where that well is drawn on the {@link #canvas()}, or null when no plate is shown
	 */
	public Point wellCentre(String wellName) {
		if (data == null) {
			return null;
		}
		WellPosition p = WellPosition.parse(wellName);
		return canvas.wellCentre(data.layout().format().index(p.row(), p.column()));
	}

	/**
	 * @param wellName a well name
	 * @return the number of rows selected elsewhere in that well of the plate shown (the count drawn beside its outline)
	 */
	public int highlightedRows(String wellName) {
		if (selectedPerWell == null) {
			return 0;
		}
		WellPosition p = WellPosition.parse(wellName);
		return selectedPerWell[data.layout().format().index(p.row(), p.column())];
	}

	/** @return the sentence shown above the map about rows left out, or null */
	public String notice() {
		return notice.getVisible() ? notice.getText() : null;
	}

	/** @return the tool tip of a well, as hovering shows it */
	public String tooltip(String wellName) {
		WellPosition p = WellPosition.parse(wellName);
		return data == null ? null : describe(data.layout().format().index(p.row(), p.column()));
	}

	/**
	 * Chooses what is shown, as the combos do.
	 *
	 * @param wells the well column (or "row + column" label), or null to keep it
	 * @param value the value column, or null for the row count
	 * @param plate the plate name, or null to keep it
	 */
	public void choose(String wells, String value, String plate) {
		if (wells != null) {
			select(wellCombo, wells, wellCombo.getSelectionIndex());
		}
		select(valueCombo, value == null ? ROW_COUNT : value, 0);
		if (plate != null) {
			select(plateCombo, plate, plateCombo.getSelectionIndex());
		}
		updatePlot();
	}

	/** The dataset's image root was pointed elsewhere: its rows' images are read again. */
	private void imagesChanged() {
		if (canvas.isDisposed()) {
			return;
		}
		data = null;
		plateKeys.set(null);
		updatePlot();
	}

	@Override
	public void dispose() {
		job.cancel();
		super.dispose();
	}
}
