// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.idx.core.DataTable;
import org.idx.plot.draw.SvgSurface;
import org.idx.ui.analysis.ReportContext;
import org.idx.ui.analysis.ReportRenderer;
import org.idx.ui.analysis.ReportTable;
import org.idx.ui.dataset.ShowColumn;
import org.idx.ui.views.GcSurface;

/**
 * The {@code xgboost} report: training and evaluation sizes and the test accuracy up front, the
 * evaluation's confusion report as {@link ConfusionReportRenderer} shows it, the cross-validation folds
 * when they were run, and the feature importance as a bar plot (gain shares, largest first, coloured by
 * {@link ImportanceGroups importance group}; PNG and SVG export). A click on a feature's bar shows the
 * Distribution view and asks it, through a {@link ShowColumn} event, to draw that column grouped by the
 * label column.
 */
public final class XGBoostReportRenderer implements ReportRenderer {

	/** The view a clicked feature is plotted in (the Distribution view of {@code org.idx.ui.plot}). */
	static final String DISTRIBUTION_VIEW = "org.idx.ui.plot.distribution";
	private static final int PLOT_WIDTH = 640;

	private final List<ReportTable> tables = new ArrayList<>();
	private Canvas plot;
	private ImportancePlot importance;
	private double[] gains;
	private String summary;

	@Override
	public Control createControl(Composite parent, ReportContext context) {
		Map<String, Object> report = context.report();
		ReportWidgets page = new ReportWidgets(parent);
		summary = summary(report);
		ReportWidgets.sentence(page.content(), summary, true);
		ReportWidgets.sentence(page.content(), "Label column '" + ReportTree.text(report.get("label")) + "', classes "
				+ String.join(", ", ReportTree.list(report.get("classes")).stream().map(ReportTree::text).toList()) + "; "
				+ ReportTree.list(report.get("features")).size() + " features; " + ReportTree.text(report.get("objective")) + ", "
				+ ReportTree.cell(report.get("rounds")) + " rounds, max depth " + ReportTree.cell(report.get("max_depth")) + ", eta "
				+ ReportTree.cell(report.get("eta")) + ", seed " + ReportTree.cell(report.get("seed")) + ". Evaluation: "
				+ ReportTree.text(report.get("evaluation")) + ".", false);
		tables.add(summaryTable(report));

		importanceSection(page, context);
		Map<String, Object> confusion = ReportTree.map(report.get("confusion"));
		if (confusion != null) {
			ConfusionSection.show(page, new ConfusionReading(confusion), tables);
		} else {
			ReportWidgets.sentence(page.section("Evaluation", true), "No rows were held out (test fraction 0), so the classifier was not evaluated.", false);
		}
		Map<String, Object> crossValidation = ReportTree.map(report.get("cross_validation"));
		if (crossValidation != null) {
			crossValidationSection(page, crossValidation);
		}
		Messages.show(page, report);
		page.reflow();
		return page.control();
	}

	private static String summary(Map<String, Object> report) {
		Object accuracy = report.get("test_accuracy");
		return String.format(Locale.ROOT, "Trained on %s labelled rows, evaluated on %s held-out rows: test accuracy %s. %s rows predicted.",
				ReportTree.cell(report.get("train_n")), ReportTree.cell(report.get("test_n")),
				accuracy instanceof Number ? ReportTree.readable(accuracy) : "not evaluated", ReportTree.cell(report.get("predicted_n")));
	}

	private static ReportTable summaryTable(Map<String, Object> report) {
		List<List<String>> rows = new ArrayList<>();
		for (String key : List.of("label", "train_n", "test_n", "test_accuracy", "predicted_n", "objective", "rounds", "max_depth", "eta",
				"seed", "evaluation")) {
			rows.add(List.of(key, ReportTree.cell(report.get(key))));
		}
		return new ReportTable("summary", "Training and evaluation", List.of("field", "value"), rows);
	}

	private void importanceSection(ReportWidgets page, ReportContext context) {
		List<String> features = new ArrayList<>();
		List<Double> gains = new ArrayList<>();
		for (Object entry : ReportTree.list(context.report().get("importance"))) {
			Map<String, Object> feature = ReportTree.map(entry);
			if (feature != null) {
				features.add(ReportTree.text(feature.get("feature")));
				gains.add(ReportTree.number(feature.get("gain")));
			}
		}
		this.gains = gains.stream().mapToDouble(Double::doubleValue).toArray();
		importance = new ImportancePlot(features, this.gains);
		int[] groups = importance.groups();
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			rows.add(List.of(features.get(i), ReportTree.cell(gains.get(i)), Integer.toString(groups[i] + 1)));
		}
		tables.add(new ReportTable("importance", "Feature importance (gain share) and importance group", List.of("feature", "gain", "group"), rows));

		Composite body = page.section("Feature importance (" + features.size() + " features, " + importance.groupCount() + " groups)", true);
		ReportWidgets.sentence(body, "Gain share of each feature; colours group features of similar importance (exact 1-D k-means of the gains, "
				+ "the fewest groups, at most " + ImportanceGroups.MAX_GROUPS + ", that explain 90% of their spread). Click a feature to plot it in the Distribution view.",
				false);
		plot = new Canvas(body, SWT.DOUBLE_BUFFERED);
		GridData data = new GridData(SWT.LEFT, SWT.TOP, false, false);
		data.widthHint = PLOT_WIDTH;
		data.heightHint = importance.height();
		plot.setLayoutData(data);
		plot.setCursor(plot.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
		plot.addListener(SWT.Paint, event -> {
			GcSurface surface = new GcSurface(event.gc);
			try {
				importance.paint(surface, plot.getSize().x, plot.getSize().y);
			} finally {
				surface.dispose();
			}
		});
		plot.addListener(SWT.MouseDown, event -> {
			if (event.button == 1) {
				int feature = importance.featureAt(event.x, event.y);
				if (feature >= 0) {
					showFeature(context, importance.features().get(feature));
				}
			}
		});
		Composite buttons = new Composite(body, SWT.NONE);
		buttons.setLayout(new GridLayout(2, false));
		Button png = new Button(buttons, SWT.PUSH);
		png.setText("Export PNG...");
		png.addListener(SWT.Selection, event -> chooseAndExport("png"));
		Button svg = new Button(buttons, SWT.PUSH);
		svg.setText("Export SVG...");
		svg.addListener(SWT.Selection, event -> chooseAndExport("svg"));
	}

	private void crossValidationSection(ReportWidgets page, Map<String, Object> crossValidation) {
		List<Object> sizes = ReportTree.list(crossValidation.get("sizes"));
		List<Object> accuracy = ReportTree.list(crossValidation.get("accuracy"));
		List<List<String>> rows = new ArrayList<>();
		for (int f = 0; f < accuracy.size(); f++) {
			rows.add(List.of(Integer.toString(f + 1), f < sizes.size() ? ReportTree.cell(sizes.get(f)) : "", ReportTree.cell(accuracy.get(f))));
		}
		ReportTable table = new ReportTable("cross_validation", "Cross-validation on the training rows", List.of("fold", "rows", "accuracy"), rows);
		Composite body = page.section(ReportTree.cell(crossValidation.get("folds")) + "-fold cross-validation on the training rows", true);
		ReportWidgets.sentence(body, "Mean accuracy " + ReportTree.readable(crossValidation.get("mean_accuracy")) + " (sd "
				+ ReportTree.readable(crossValidation.get("sd_accuracy")) + ").", true);
		ReportWidgets.table(body, table, List.of("fold", "rows"), 12);
		tables.add(table);
	}

	/**
	 * Shows the Distribution view and asks it to draw a feature, grouped by the label column.
	 *
	 * @param context the run
	 * @param feature the feature's column name
	 */
	private void showFeature(ReportContext context, String feature) {
		IWorkbenchWindow window = window();
		if (window == null || window.getActivePage() == null) {
			return;
		}
		IWorkbenchPage page = window.getActivePage();
		try {
			page.showView(DISTRIBUTION_VIEW, null, IWorkbenchPage.VIEW_VISIBLE);
			// shown beside a maximized part the view may not be made yet: make it so that it hears the event
			IViewReference reference = page.findViewReference(DISTRIBUTION_VIEW);
			if (reference != null) {
				reference.getView(true);
			}
		} catch (PartInitException e) {
			ILog.of(getClass()).log(Status.warning("The Distribution view could not be shown.", e));
		}
		IEventBroker broker = window.getWorkbench().getService(IEventBroker.class);
		if (broker != null) {
			DataTable table = context.dataset().table();
			String label = ReportTree.text(context.report().get("label"));
			broker.post(ShowColumn.TOPIC, new ShowColumn(table, feature, label.isEmpty() ? null : label));
		}
	}

	private IWorkbenchWindow window() {
		for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
			if (window.getShell() == plot.getShell()) {
				return window;
			}
		}
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow();
	}

	private void chooseAndExport(String format) {
		FileDialog dialog = new FileDialog(plot.getShell(), SWT.SAVE);
		dialog.setText("Export the feature importance plot");
		dialog.setFilterExtensions(new String[] { "*." + format });
		dialog.setFileName("xgboost-importance." + format);
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen != null) {
			try {
				exportPlot(Path.of(chosen));
			} catch (IOException e) {
				ILog.of(getClass()).log(Status.error("The importance plot could not be written to " + chosen + ".", e));
				MessageDialog.openError(plot.getShell(), "Export", "The importance plot could not be written: " + e.getMessage());
			}
		}
	}

	/**
	 * Writes the importance plot as PNG or SVG (by the file's suffix).
	 *
	 * @param file the file
	 * @throws IOException when it cannot be written
	 */
	public void exportPlot(Path file) throws IOException {
		int height = importance.height();
		if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
			SvgSurface svg = new SvgSurface(PLOT_WIDTH, height);
			new ImportancePlot(importance.features(), gains).paint(svg, PLOT_WIDTH, height);
			Files.writeString(file, svg.document(), StandardCharsets.UTF_8);
			return;
		}
		Image image = new Image(plot.getDisplay(), PLOT_WIDTH, height);
		try {
			GC gc = new GC(image);
			GcSurface surface = new GcSurface(gc);
			try {
				new ImportancePlot(importance.features(), gains).paint(surface, PLOT_WIDTH, height);
			} finally {
				surface.dispose();
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			try (var out = Files.newOutputStream(file)) {
				loader.save(out, SWT.IMAGE_PNG);
			}
		} finally {
			image.dispose();
		}
	}

	// ---------------------------------------------------------------- for tests

	/** @return the sentence shown first: sizes and test accuracy */
	public String summaryText() {
		return summary;
	}

	/** @return the importance plot's canvas */
	public Canvas importanceCanvas() {
		return plot;
	}

	/** @return the features of the importance plot, largest gain first */
	public List<String> importanceFeatures() {
		return importance.features();
	}

	/** @return the importance group of each feature (0 = most important) */
	public int[] importanceGroups() {
		return importance.groups();
	}

	/**
	 * @param feature a feature's index in {@link #importanceFeatures()}
	 * @return the centre of its bar on the {@link #importanceCanvas()}, as {x, y}, or null before it was painted
	 */
	public int[] barCentre(int feature) {
		return importance.barCentre(feature);
	}

	@Override
	public List<ReportTable> tables() {
		return tables;
	}
}
