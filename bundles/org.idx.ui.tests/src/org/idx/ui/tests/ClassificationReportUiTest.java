// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.click;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.ui.analysis.ReportTable;
import org.idx.ui.analysis.ReportView;
import org.idx.ui.analysis.RunAnalysis;
import org.idx.ui.analysis.classify.ConfusionReportRenderer;
import org.idx.ui.analysis.classify.XGBoostReportRenderer;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.plot.DistributionView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The xgboost and confusion reports rendered in the Analysis Report view: the confusion matrix with its
 * diagonal, caret's statistics, the importance bars grouped by importance, a click on a bar plotting the
 * feature in the Distribution view, copy and exports.
 */
class ClassificationReportUiTest {

	@TempDir
	Path folder;

	@AfterEach
	void closeAll() {
		for (IViewReference view : page().getViewReferences()) {
			if (view.getId().equals(ReportView.ID)) {
				page().setPartState(view, IWorkbenchPage.STATE_RESTORED);
				page().hideView(view);
			}
		}
		page().closeAllEditors(false);
	}

	/**
	 * 300 nuclei of three classes: {@code strong} separates them clearly, {@code weak} a little, the noise
	 * columns not at all.
	 */
	private Path writeTable() throws IOException {
		Random random = new Random(7);
		StringBuilder csv = new StringBuilder("id,strong,weak,noise1,noise2,class\n");
		String[] classes = { "interphase", "mitotic", "apoptotic" };
		for (int i = 0; i < 300; i++) {
			int c = i % 3;
			csv.append(i).append(',').append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", 10 * c + random.nextGaussian(),
					c + 2 * random.nextGaussian(), random.nextGaussian(), random.nextGaussian())).append(',').append(classes[c]).append('\n');
		}
		Path file = folder.resolve("nuclei.csv");
		Files.writeString(file, csv);
		return file;
	}

	private static <T> T renderer(Class<T> type) {
		return Arrays.stream(page().getViewReferences()).filter(v -> v.getId().equals(ReportView.ID)).map(v -> v.getView(false))
				.filter(ReportView.class::isInstance).map(ReportView.class::cast).map(ReportView::renderer).filter(type::isInstance)
				.map(type::cast).findFirst().orElse(null);
	}

	private static ReportView reportView() {
		return Arrays.stream(page().getViewReferences()).filter(v -> v.getId().equals(ReportView.ID)).map(v -> v.getView(false))
				.filter(ReportView.class::isInstance).map(ReportView.class::cast).findFirst().orElseThrow();
	}

	private static Table shownTable(String name) {
		return WidgetTree.find(page().getWorkbenchWindow().getShell(), Table.class, t -> name.equals(t.getData("org.idx.report.table")));
	}

	private static ReportTable table(List<ReportTable> tables, String name) {
		return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no table " + name));
	}

	private static String value(ReportTable table, String statistic) {
		return table.rows().stream().filter(row -> row.get(0).equals(statistic)).findFirst().orElseThrow().get(1);
	}

	@Test
	void xgboostShowsTheConfusionMatrixTheImportanceBarsAndAClickPlotsTheFeature() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		MethodDescriptor xgboost = MethodRegistry.fromPlatform().find("xgboost").orElseThrow();
		RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), xgboost,
				xgboost.parse(List.of("label=class", "columns=strong,weak,noise1,noise2", "rounds=20", "folds=3")));
		spinUntil(() -> renderer(XGBoostReportRenderer.class) != null, "the xgboost report is rendered", 120_000);
		ReportView view = reportView();
		page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		XGBoostReportRenderer renderer = renderer(XGBoostReportRenderer.class);
		assertTrue(renderer.summaryText().startsWith("Trained on 240 labelled rows, evaluated on 60 held-out rows: test accuracy "),
				renderer.summaryText());

		// the confusion matrix: rows = prediction, columns = truth, the diagonal emphasised
		Table matrix = shownTable("confusion_matrix");
		assertNotNull(matrix, "the confusion matrix is shown");
		assertEquals(3, matrix.getItemCount());
		assertEquals("Prediction \\ Reference", matrix.getColumn(0).getText());
		Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		long total = 0;
		for (int r = 0; r < 3; r++) {
			for (int c = 1; c <= 3; c++) {
				total += Long.parseLong(matrix.getItem(r).getText(c));
				assertEquals(r + 1 == c, matrix.getItem(r).getFont(c).equals(bold), "only the diagonal is bold: " + r + ", " + c);
			}
		}
		assertEquals(60, total, "the matrix counts the held-out rows");
		List<ReportTable> tables = renderer.tables();
		assertEquals(List.of("summary", "importance", "confusion_matrix", "overall", "by_class", "cross_validation"),
				tables.stream().map(ReportTable::name).toList());
		ReportTable overall = table(tables, "overall");
		assertTrue(Double.parseDouble(value(overall, "Accuracy")) > 0.9, "strong separates the classes: " + overall.rows());
		double lower = Double.parseDouble(value(overall, "95% CI lower"));
		assertTrue(lower > 0.8 && lower < Double.parseDouble(value(overall, "Accuracy")), overall.rows().toString());
		assertEquals(0.0, Math.abs(Double.parseDouble(value(overall, "No Information Rate")) - 1 / 3.0), 1e-12, "balanced classes");
		assertEquals(3, table(tables, "by_class").rows().size(), "one row per class");
		assertTrue(table(tables, "by_class").headers().containsAll(List.of("Sensitivity", "Specificity", "F1", "Balanced Accuracy")));
		assertEquals(3, table(tables, "cross_validation").rows().size(), "three folds");

		// the importance bars, grouped: strong stands apart from the rest
		assertEquals("strong", renderer.importanceFeatures().get(0));
		int[] groups = renderer.importanceGroups();
		assertEquals(0, groups[0]);
		assertNotEquals(0, groups[groups.length - 1], "the noise is not in the group of the strongest feature");
		ReportTable importance = table(tables, "importance");
		double sum = importance.rows().stream().mapToDouble(row -> Double.parseDouble(row.get(1))).sum();
		assertEquals(1.0, sum, 1e-9, "gain shares sum to 1");

		String copied = view.copyText();
		assertTrue(copied.contains("Prediction \\ Reference\t"), copied);
		List<Path> csv = view.exportCsv(folder.resolve("xgb.csv"));
		assertTrue(csv.contains(folder.resolve("xgb-confusion_matrix.csv")), csv.toString());
		assertTrue(Files.readString(folder.resolve("xgb-importance.csv")).startsWith("feature,gain,group\r\nstrong,"));
		renderer.exportPlot(folder.resolve("importance.png"));
		assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(Files.readAllBytes(folder.resolve("importance.png")), 4));
		renderer.exportPlot(folder.resolve("importance.svg"));
		String svg = Files.readString(folder.resolve("importance.svg"));
		assertTrue(svg.startsWith("<svg") && svg.contains(">strong</text>") && svg.contains(">noise1</text>"), svg);

		// a click on a bar plots that feature, grouped by the label column (the last bar first: the view's default is the top one)
		spinUntil(() -> renderer.barCentre(0) != null, "the importance plot is painted");
		int last = renderer.importanceFeatures().size() - 1;
		String feature = renderer.importanceFeatures().get(last);
		int[] lastCentre = renderer.barCentre(last);
		click(renderer.importanceCanvas(), new Point(lastCentre[0], lastCentre[1]), 0);
		spinUntil(() -> page().findView(DistributionView.ID) instanceof DistributionView distribution
				&& feature.equals(distribution.valueColumn()), "the Distribution view shows the clicked feature");
		DistributionView distribution = (DistributionView) page().findView(DistributionView.ID);
		assertEquals("class", distribution.groupColumn(), "grouped by the label column");
		assertTrue(distribution.statusText().startsWith("300 values"), distribution.statusText());

		int[] centre = renderer.barCentre(0);
		click(renderer.importanceCanvas(), new Point(centre[0], centre[1]), 0);
		spinUntil(() -> "strong".equals(distribution.valueColumn()), "the Distribution view follows the click on the top bar");
		assertEquals("class", distribution.groupColumn());
	}

	@Test
	void confusionShowsCaretsStatisticsOfAnotherToolsPredictions() throws Exception {
		StringBuilder csv = new StringBuilder("truth,predicted\n");
		// prediction A: 40 true A, 5 true B; prediction B: 10 true A, 45 true B
		int[][] counts = { { 40, 5 }, { 10, 45 } };
		String[] levels = { "A", "B" };
		for (int p = 0; p < 2; p++) {
			for (int t = 0; t < 2; t++) {
				for (int i = 0; i < counts[p][t]; i++) {
					csv.append(levels[t]).append(',').append(levels[p]).append('\n');
				}
			}
		}
		Path file = folder.resolve("predictions.csv");
		Files.writeString(file, csv);
		DatasetEditor editor = openAndWait(file);
		MethodDescriptor confusion = MethodRegistry.fromPlatform().find("confusion").orElseThrow();
		RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), confusion,
				confusion.parse(List.of("truth=truth", "prediction=predicted")));
		spinUntil(() -> renderer(ConfusionReportRenderer.class) != null, "the confusion report is rendered");
		ConfusionReportRenderer renderer = renderer(ConfusionReportRenderer.class);
		Table matrix = shownTable("confusion_matrix");
		assertNotNull(matrix);
		assertEquals("A", matrix.getItem(0).getText(0));
		assertEquals("40", matrix.getItem(0).getText(1));
		assertEquals("5", matrix.getItem(0).getText(2));
		assertEquals("10", matrix.getItem(1).getText(1));
		assertEquals("45", matrix.getItem(1).getText(2));
		ReportTable overall = table(renderer.tables(), "overall");
		assertEquals(0.85, Double.parseDouble(value(overall, "Accuracy")), 1e-12);
		assertEquals(0.5, Double.parseDouble(value(overall, "No Information Rate")), 1e-12);
		// kappa = (0.85 - 0.5) / (1 - 0.5) with balanced truth and predictions 45/55: pe = 0.5*0.45 + 0.5*0.55 = 0.5
		assertEquals(0.7, Double.parseDouble(value(overall, "Kappa")), 1e-12);
		// exact (Clopper-Pearson) interval of 85/100 as caret takes it from binom.test(85, 100)$conf.int (scipy beta.ppf)
		assertEquals(0.7646924998510451, Double.parseDouble(value(overall, "95% CI lower")), 1e-9);
		assertEquals(0.9135456143583515, Double.parseDouble(value(overall, "95% CI upper")), 1e-9);
		ReportTable byClass = table(renderer.tables(), "by_class");
		assertEquals(1, byClass.rows().size(), "two classes: the positive class only, as caret");
		assertEquals("A", byClass.rows().get(0).get(0));
		assertEquals(0.8, Double.parseDouble(byClass.rows().get(0).get(byClass.headers().indexOf("Sensitivity"))), 1e-12);
		assertEquals(0.9, Double.parseDouble(byClass.rows().get(0).get(byClass.headers().indexOf("Specificity"))), 1e-12);
		ReportView view = reportView();
		List<Path> written = view.exportCsv(folder.resolve("confusion.csv"));
		assertEquals(List.of(folder.resolve("confusion-confusion_matrix.csv"), folder.resolve("confusion-overall.csv"),
				folder.resolve("confusion-by_class.csv")), written);
		assertEquals("Prediction \\ Reference,A,B\r\nA,40,5\r\nB,10,45\r\n", Files.readString(written.get(0)));
	}

	@Test
	void screenshotOfTheXGBoostReportOnTheSampleScreen() throws Exception {
		if (Screenshots.sampleTable().isEmpty()) {
			return; // the sample screen is generated by ./idx; without it there is nothing to show
		}
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
		DatasetEditor editor = openAndWait(Screenshots.sampleTable().get());
		MethodDescriptor xgboost = MethodRegistry.fromPlatform().find("xgboost").orElseThrow();
		RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), xgboost, xgboost.parse(List.of("label=phenotype")));
		spinUntil(() -> renderer(XGBoostReportRenderer.class) != null && renderer(XGBoostReportRenderer.class).barCentre(0) != null,
				"the xgboost report is rendered and painted", 120_000);
		XGBoostReportRenderer renderer = renderer(XGBoostReportRenderer.class);
		IWorkbenchPartReference report = page().getReference(reportView());
		page().setPartState(report, IWorkbenchPage.STATE_MAXIMIZED);
		Screenshots.take(page().getWorkbenchWindow().getShell(), "xgboost-report.png");
		Table matrix = shownTable("confusion_matrix");
		assertNotNull(matrix, "the confusion matrix is shown");
		Composite ancestor = matrix.getParent();
		while (!(ancestor instanceof ScrolledComposite)) {
			ancestor = ancestor.getParent();
		}
		ScrolledComposite scroller = (ScrolledComposite) ancestor;
		Point at = scroller.getContent().toControl(matrix.toDisplay(0, 0));
		scroller.setOrigin(0, Math.max(0, at.y - 80));
		Screenshots.take(page().getWorkbenchWindow().getShell(), "xgboost-report-confusion.png");
		scroller.setOrigin(0, 0);
		page().setPartState(report, IWorkbenchPage.STATE_RESTORED);
		int[] centre = renderer.barCentre(0);
		click(renderer.importanceCanvas(), new Point(centre[0], centre[1]), 0);
		String top = renderer.importanceFeatures().get(0);
		spinUntil(() -> page().findView(DistributionView.ID) instanceof DistributionView distribution
				&& top.equals(distribution.valueColumn()) && !distribution.statusText().startsWith("Counting"),
				"the Distribution view shows the top feature");
		page().activate(page().findView(DistributionView.ID));
		page().setPartState(page().getReference(page().findView(DistributionView.ID)), IWorkbenchPage.STATE_MAXIMIZED);
		Screenshots.take(page().getWorkbenchWindow().getShell(), "xgboost-top-feature.png");
		page().setPartState(page().getReference(page().findView(DistributionView.ID)), IWorkbenchPage.STATE_RESTORED);
	}
}
